"""Reading the Kamer's records: the problems found (Issue), the report the commands print, the
size limit of a file, and the fields of a record. The JSON itself is read by `stream`, the files
of an import in two passes by `files`."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_noop

from commitments.tk_import.texts import MATCH_THRESHOLD

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
NO_DATE = "0001-01-01"
MAX_LISTED = 50
_FRACTION = re.compile(r"(\.[0-9]{6})[0-9]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


# --- Problems and the report ---------------------------------------------------------------------

@dataclass(frozen=True)
class Issue:
    """One problem or warning, located as precisely as it can be: file, record, field."""

    file: str
    message: str
    record: int | None = None
    key: str = ""
    field: str = ""
    # A message kept as its Dutch template and values (a RecordError's): the sync's run log
    # stores both, so that each reader sees it in their own language (SyncRunEntity.problem_lines).
    params: tuple = ()
    page: int | None = None

    def text(self):
        return self.message % dict(self.params) if self.params else self.message

    def __str__(self):
        where = [self.file] if self.file else []
        if self.page is not None:
            where.append(f"pagina {self.page}")
        if self.record is not None:
            where.append(f"record {self.record}" + (f" ({self.key})" if self.key else ""))
        if self.field:
            where.append(f"veld {self.field}")
        return ", ".join(where) + ": " + self.text() if where else self.text()


class RecordError(Exception):
    """A record that cannot be read. The message is a Dutch template ("is %(length)s tekens
    lang"), its values given by name: `message` is the text, `template` and `params` what the
    run log stores."""

    def __init__(self, field, message, **params):
        self.template, self.params = message, params
        message = message % params if params else message
        super().__init__(message)
        self.field, self.message = field, message


class FileRefused(Exception):
    def __init__(self, issue):
        super().__init__(str(issue))
        self.issue = issue


class Tally:
    """Lines for people to read, counted all and kept up to KEEP: an import of 100,000 records
    must not hold 100,000 lines to print the first fifty (and -v 2 lists this many)."""

    KEEP = 5000

    def __init__(self):
        self.items, self.count = [], 0

    def append(self, item):
        self.count += 1
        if len(self.items) < self.KEEP:
            self.items.append(item)

    def __iadd__(self, items):
        for item in items:
            self.append(item)
        return self

    def __len__(self):
        return self.count

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def __eq__(self, other):
        return list(self.items) == list(other)


def tally():
    return field(default_factory=Tally)


# What skipped_other counts besides the Kamer's Soorts: records without one, people without a
# surname (the run log stores them by code: commitments.tk_sync.run.skip_key).
NO_SOORT = "(geen Soort)"
NO_SURNAME = "zonder achternaam"


@dataclass
class ImportReport:
    entity: str
    dry_run: bool = False
    files: list[str] = field(default_factory=list)
    records: int = 0
    created: Tally = tally()
    updated: Tally = tally()
    linked: Tally = tally()
    followed: Tally = tally()
    differences: Tally = tally()
    deleted: Tally = tally()
    related: Tally = tally()
    unchanged: int = 0
    skipped_deleted: int = 0
    # Records of another Soort (a page of Documents holds letters, annexes, …): not errors.
    skipped_other: Counter = field(default_factory=Counter)
    # Records skipped for a reason of their own, by code (commitments.models.SKIP_REASONS), e.g.
    # "committee" or "meeting:Plenair": the run log shows them in the reader's language.
    skipped_why: Counter = field(default_factory=Counter)
    # Motions imported without their dossier: a clerk completes them (/verschillen/).
    to_complete: Tally = tally()
    warnings: Tally = tally()
    errors: list[Issue] = field(default_factory=list)
    # Records someone else saved while the import ran: left as they are, not overwritten.
    stale: list[str] = field(default_factory=list)

    def lines(self, verbose=False):
        """The report as the commands print it: counts first, then what a person should check."""
        out = [f"{self.entity} uit de open data van de Tweede Kamer: {len(self.files)} "
               f"bestand(en), {self.records} records."]
        counts = [("nieuw", len(self.created)), ("bijgewerkt", len(self.updated)),
                  ("ongewijzigd", self.unchanged), ("relaties vastgelegd", len(self.related)),
                  ("verwijderd bij de Kamer en niet bij ons, overgeslagen", self.skipped_deleted),
                  ("andere Soort, overgeslagen", self.skipped_other.total()),
                  ("ongeldig, overgeslagen", self.skipped_invalid())]
        out += [f"  {label}: {count}" for label, count in counts if count]
        if self.skipped_other:
            out.append("    (" + ", ".join(f"{soort}: {count}" for soort, count
                                           in self.skipped_other.most_common()) + ")")
        return out + self.sections(verbose)

    def sections(self, verbose=False):
        """The report's lists, each under its title: what a person should check."""
        out = []
        sections = [
            (f"Gekoppeld aan handmatig ingevoerde toezeggingen (woordovereenkomst van de teksten "
             f"volgens difflib, vanaf {MATCH_THRESHOLD:.2f}):", self.linked),
            ("De Kamer gevolgd:", self.followed),
            ("Verschillen met de Kamer (de onze blijft; zie /verschillen/):", self.differences),
            ("Verwijderd bij de Kamer (de onze blijft; zie /verschillen/):", self.deleted),
            ("Zonder dossier geïmporteerd; het dossier is nog aan te vullen (zie /verschillen/):",
             self.to_complete),
            ("Overgeslagen:", [str(issue) for issue in self.errors]),
            ("Tijdens de import door iemand anders gewijzigd, niet bijgewerkt (start de import "
             "opnieuw):", self.stale),
            ("Waarschuwingen:", [str(issue) for issue in self.warnings]),
        ]
        if verbose or self.dry_run:
            sections[:0] = [("Nieuw:", self.created), ("Bijgewerkt:", self.updated),
                            ("Relaties vastgelegd:", self.related)]
        for title, items in sections:
            out += listing(title, items, verbose)
        if self.dry_run:
            out.append("Proefrun (--dry-run): er is niets opgeslagen.")
        return out

    def skipped_invalid(self):
        """How many records (or whole files) were left out as invalid."""
        return len({(issue.file, issue.record) for issue in self.errors})


def listing(title, items, verbose):
    if not items:
        return []
    shown = list(items)[:None if verbose else MAX_LISTED]
    more = [f"  … en nog {len(items) - len(shown)}"
            + ("" if verbose else " (meer: -v 2)")] if len(shown) < len(items) else []
    return [f"{title[:-1]} ({len(items)}):", *(f"  {item}" for item in shown), *more]


class ImportRefused(Exception):
    """The input has problems and nothing was written; the message lists them."""

    def __init__(self, report, hint=None):
        self.report = report
        hint = hint or refusal_hint(report)
        count = len(report.errors)
        lines = [f"Import geweigerd; er is niets opgeslagen. {count} "
                 f"{'probleem' if count == 1 else 'problemen'}:"]
        lines += [f"  {issue}" for issue in report.errors[:MAX_LISTED * 2]]
        if len(report.errors) > MAX_LISTED * 2:
            lines.append(f"  … en nog {len(report.errors) - MAX_LISTED * 2}")
        lines.append(hint)
        super().__init__("\n".join(lines))


def refusal_hint(report):
    """--skip-invalid is suggested only when it would import something: not when every file was
    refused whole (too large, not JSON) or every record is invalid."""
    invalid = {(issue.file, issue.record) for issue in report.errors if issue.record is not None}
    if report.records > len(invalid):
        return "Herstel het bestand, of importeer alleen de geldige records met --skip-invalid."
    return "Herstel het bestand en start de import opnieuw."


# --- Reading the files ---------------------------------------------------------------------------

def size_text(size):
    """A file size as people read it: "1,5 MB", "2,5 kB", "100 bytes" (a small limit too)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB".replace(".", ",")
    return f"{size} bytes"


def check_size(path, max_bytes):
    """Refuse a file over the limit before a byte of it is read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FileRefused(Issue(path.name, f"kan het bestand niet lezen ({error.strerror})")) \
            from None
    if size > max_bytes:
        raise FileRefused(Issue(path.name, f"het bestand is {size_text(size)}, meer dan de grens "
                                           f"van {size_text(max_bytes)} (TK_IMPORT_MAX_BYTES of "
                                           f"--max-bytes); haal de gegevens op in kleinere "
                                           f"pagina's"))


def record_key(record):
    if not isinstance(record, dict):
        return ""
    for key in ("Nummer", "DocumentNummer", "Id"):
        if isinstance(record.get(key), str | int) and str(record[key]).strip():
            return shown(str(record[key]).strip()[:40])
    return ""


# --- Fields --------------------------------------------------------------------------------------

def text_value(record, name, *, required=False, max_length=None):
    value = record.get(name)
    if value is None:
        value = ""
    elif isinstance(value, float) and not math.isfinite(value):
        # JSON's 1e400 is read as infinity (and NaN, Infinity are read at all): no text.
        raise RecordError(name, gettext_noop("verwacht tekst, gevonden een getal dat niet "
                                             "eindig is (%(value)s)"), value=str(value))
    elif isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    elif not isinstance(value, str):
        raise RecordError(name, gettext_noop("verwacht tekst, gevonden %(found)s"),
                          found=json_type(value))
    elif not value.isascii() and (surrogate := _SURROGATE.search(value)):
        # JSON may escape half of a UTF-16 pair ("\ud800") on its own: no character, and no
        # database can store it.
        raise RecordError(name, gettext_noop("bevat een ongeldig teken (U+%(code)s, een losse "
                                             "helft van een UTF-16-paar) op positie "
                                             "%(position)s"),
                          code=f"{ord(surrogate[0]):04X}", position=surrogate.start() + 1)
    # PostgreSQL refuses NUL characters in text; they carry no meaning in the Kamer's data.
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise RecordError(name, gettext_noop("ontbreekt of is leeg"))
    if max_length and len(value) > max_length:
        raise RecordError(name, gettext_noop("is %(length)s tekens lang; er passen er %(max)s"),
                          length=len(value), max=max_length)
    return value


def shown(text):
    """Text for a message, any lone surrogate written as an escape (it cannot be printed)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def json_type(value):
    """What a JSON value is, in words (translated where the run log shows it: JSON_TYPES)."""
    return JSON_TYPES.get(type(value), type(value).__name__)


JSON_TYPES = {dict: gettext_noop("een object"), list: gettext_noop("een lijst"),
              bool: gettext_noop("waar/onwaar")}


def moment_value(record, name):
    """An aware datetime, or None for no date (empty, null, or the Kamer's 0001-01-01)."""
    value = record.get(name)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise RecordError(name, gettext_noop("verwacht een datum, gevonden %(found)s"),
                          found=json_type(value))
    if value.startswith(NO_DATE):
        return None
    try:
        return parse_moment(value)[0]
    except (ValueError, OverflowError):
        raise RecordError(name, gettext_noop("‘%(value)s’ is geen datum"),
                          value=shown(value[:40])) from None


@lru_cache(maxsize=8192)
def parse_moment(value):
    """(moment, day in Dutch time) of an ISO 8601 text; cached, as thousands of records share a
    date. 2024-12-09T23:00:00Z is 10 December."""
    # Python 3.11 reads at most six decimals of a second; the Kamer writes seven.
    moment = datetime.fromisoformat(_FRACTION.sub(r"\1", value.strip()))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment, timezone.localtime(moment).date()


def date_value(record, name):
    moment = moment_value(record, name)
    return parse_moment(record[name])[1] if moment else None


def bool_value(record, name):
    value = record.get(name)
    if value in (None, ""):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise RecordError(name, gettext_noop("verwacht true of false, gevonden %(value)s"),
                      value=f"{value!r:.40}")


# --- Settings and queries ------------------------------------------------------------------------

def configured_max_bytes():
    return getattr(settings, "TK_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def in_chunks(queryset, field_name, values, size=500):
    """`field__in` in chunks: SQLite allows only so many parameters in one query."""
    values = list(values)
    for start in range(0, len(values), size):
        yield from queryset.filter(**{f"{field_name}__in": values[start:start + size]})
