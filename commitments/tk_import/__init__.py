"""Import of the Tweede Kamer's open data: Toezegging records and Document records of Soort Motie.

DESIGN.md, "Exchange formats". A file is the OData JSON the gegevensmagazijn answers
(`{"value": [...]}`), a bare list of records, or one page of several. Every file and record is
checked before anything is written, so by default one bad record refuses the whole import (one
transaction); `skip_invalid` imports the rest and reports what it left out. Messages for people are
Dutch and name the file, the record (its position and number), the field and why.

The Kamer's register and ours may disagree: a commitment whose status nobody here changed
(`status_source == "import"`) follows the Kamer; one whose status a person set keeps ours, and
only the Kamer's word (`tk_status`) is brought up to date, so the difference shows on
`/verschillen/`.

Speed matters (monthly exports hold thousands of records): everything the import needs is read in
a few queries up front, new commitments are written with one bulk insert and their history with
another, changed ones with one bulk update, and unchanged ones are not written at all — which is
what makes a re-import of the same file cheap.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from commitments.models import (
    OPEN_STATUSES,
    Commitment,
    Motion,
    MotionSubmitter,
    Status,
)
from register.history import ChangeSource, save_with_history
from register.models import (
    DOSSIER_NUMBER_RE,
    Document,
    Dossier,
    Ministry,
    Office,
    Person,
)
from register.periods import parse_period
from register.references import Reference, parse_references

DEFAULT_MAX_BYTES = 100 * 1024 * 1024

# The Kamer's status words (both vocabularies: the Tweede Kamer's Afgedaan, the older and the Eerste
# Kamer's Voldaan), compared without regard to capitals: the Kamer writes "Deels Afgedaan", the
# Eerste Kamer "Deels voldaan".
KAMER_STATUSES = {
    "openstaand": Status.OPEN,
    "afgedaan": Status.DONE,
    "voldaan": Status.DONE,
    "deels afgedaan": Status.PARTLY_DONE,
    "deels voldaan": Status.PARTLY_DONE,
    "vervallen": Status.LAPSED,
}
KAMER_WORDS = "Openstaand, Afgedaan, Deels Afgedaan, Vervallen, Voldaan, Deels Voldaan"
# Written into tk_status when the Kamer withdrew a record we hold.
DELETED = "Verwijderd"
# Which of our statuses agree with each of the Kamer's: "in uitvoering" is ours alone, the Kamer
# still sees Openstaand (DESIGN.md, "Statuses").
AGREES_WITH = {
    Status.OPEN: set(OPEN_STATUSES) - {Status.PARTLY_DONE},
    Status.DONE: {Status.DONE},
    Status.PARTLY_DONE: {Status.PARTLY_DONE},
    Status.LAPSED: {Status.LAPSED},
}
# A hand-entered commitment is the Kamer's record when the same bewindspersoon made it on the same
# day and the texts agree this well: difflib's ratio over the sequences of words (capitals and
# punctuation ignored). Paraphrases ("Ik stuur de Kamer voor de zomer een brief over X" and "De
# minister zegt toe voor de zomer een brief over X te sturen") score 0.7-0.8; unrelated promises
# made in the same debate score below 0.4.
MATCH_THRESHOLD = 0.6
NO_DATE = "0001-01-01"
MAX_LISTED = 50

_KST = re.compile(r"\bkst-(?P<dossier>[0-9]{4,6}(?:-[0-9A-Z]{1,10})*)-(?P<number>[0-9A-Z]+)\b")
_FRACTION = re.compile(r"(\.[0-9]{6})[0-9]+")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[^\s.]{3}[.!?])\s+(?=[A-Z\"“‘(])")
_MOTION_SUBJECT = re.compile(
    r"motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)"
    r"(?:\s+ter\s+vervanging\s+van\s+die\s+gedrukt\s+onder\s+nr\.\s*[0-9]+)?"
    r"\s+over\s+(?P<subject>.+)",
    re.IGNORECASE | re.DOTALL,
)
_CUM_SUIS = re.compile(r"\s*\bc\.\s?s\.?$", re.IGNORECASE)
PREFIX_WORDS = {"van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op", "'s",
                "d'", "du", "la", "le", "des", "von", "uit", "aan", "vd"}


# --- Problems and the report ---------------------------------------------------------------------

@dataclass(frozen=True)
class Issue:
    """One problem or warning, located as precisely as it can be: file, record, field."""

    file: str
    message: str
    record: int | None = None
    key: str = ""
    field: str = ""

    def __str__(self):
        where = [self.file] if self.file else []
        if self.record is not None:
            where.append(f"record {self.record}" + (f" ({self.key})" if self.key else ""))
        if self.field:
            where.append(f"veld {self.field}")
        return ", ".join(where) + ": " + self.message if where else self.message


class RecordError(Exception):
    def __init__(self, field, message):
        super().__init__(message)
        self.field, self.message = field, message


class FileRefused(Exception):
    def __init__(self, issue):
        super().__init__(str(issue))
        self.issue = issue


@dataclass
class ImportReport:
    entity: str
    dry_run: bool = False
    files: list[str] = field(default_factory=list)
    records: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    followed: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped_deleted: int = 0
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)

    def lines(self, verbose=False):
        """The report as the commands print it: counts first, then what a person should check."""
        out = [f"{self.entity} uit de open data van de Tweede Kamer: {len(self.files)} "
               f"bestand(en), {self.records} records."]
        counts = [("nieuw", len(self.created)), ("bijgewerkt", len(self.updated)),
                  ("ongewijzigd", self.unchanged),
                  ("verwijderd bij de Kamer en niet bij ons, overgeslagen", self.skipped_deleted),
                  ("ongeldig, overgeslagen", len({(i.file, i.record) for i in self.errors}))]
        out += [f"  {label}: {count}" for label, count in counts if count]
        sections = [
            (f"Gekoppeld aan handmatig ingevoerde toezeggingen (woordovereenkomst van de teksten "
             f"volgens difflib, vanaf {MATCH_THRESHOLD:.2f}):", self.linked),
            ("De Kamer gevolgd:", self.followed),
            ("Verschillen met de Kamer (onze status blijft; zie /verschillen/):", self.differences),
            ("Verwijderd bij de Kamer (de onze blijft; zie /verschillen/):", self.deleted),
            ("Overgeslagen:", [str(issue) for issue in self.errors]),
            ("Waarschuwingen:", [str(issue) for issue in self.warnings]),
        ]
        if verbose or self.dry_run:
            sections[:0] = [("Nieuw:", self.created), ("Bijgewerkt:", self.updated)]
        for title, items in sections:
            out += listing(title, items, verbose)
        if self.dry_run:
            out.append("Proefrun (--dry-run): er is niets opgeslagen.")
        return out


def listing(title, items, verbose):
    if not items:
        return []
    shown = items if verbose else items[:MAX_LISTED]
    more = [f"  … en nog {len(items) - len(shown)} (alles: -v 2)"] if len(shown) < len(items) \
        else []
    return [f"{title[:-1]} ({len(items)}):", *(f"  {item}" for item in shown), *more]


class ImportRefused(Exception):
    """The input has problems and nothing was written; the message lists them."""

    def __init__(self, report, hint="Herstel het bestand, of importeer alleen de geldige records "
                                     "met --skip-invalid."):
        self.report = report
        count = len(report.errors)
        lines = [f"Import geweigerd; er is niets opgeslagen. {count} "
                 f"{'probleem' if count == 1 else 'problemen'}:"]
        lines += [f"  {issue}" for issue in report.errors[:MAX_LISTED * 2]]
        if len(report.errors) > MAX_LISTED * 2:
            lines.append(f"  … en nog {len(report.errors) - MAX_LISTED * 2}")
        lines.append(hint)
        super().__init__("\n".join(lines))


# --- Reading the files ---------------------------------------------------------------------------

def megabytes(size):
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def read_records(path: Path, *, max_bytes: int) -> list:
    """The records of one OData JSON file, read once; FileRefused says why not.

    The size is checked before reading, and the bytes are let go as soon as they are decoded, so
    no more than one copy of the data is held besides the parsed records.
    """
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FileRefused(Issue(name, f"kan het bestand niet lezen ({error.strerror})")) from None
    if size > max_bytes:
        raise FileRefused(Issue(name, f"het bestand is {megabytes(size)}, meer dan de grens van "
                                      f"{megabytes(max_bytes)} (TK_IMPORT_MAX_BYTES of "
                                      f"--max-bytes); haal de gegevens op in kleinere pagina's"))
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileRefused(Issue(name, f"het bestand is niet in UTF-8 gecodeerd (byte "
                                      f"0x{data[error.start]:02X} op regel {line}); de open data "
                                      f"van de Kamer is UTF-8, sla het bestand zo op")) from None
    del data
    if not text.strip():
        raise FileRefused(Issue(name, "het bestand is leeg"))
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            message = (f"het bestand houdt midden in de JSON op (regel {error.lineno}); is het "
                       f"bij het downloaden afgebroken?")
        else:
            message = (f"geen geldige JSON: {error.msg} op regel {error.lineno}, kolom "
                       f"{error.colno}")
        raise FileRefused(Issue(name, message)) from None
    except RecursionError:
        raise FileRefused(Issue(name, "geen bruikbare JSON: te diep genest")) from None
    del text
    return records_of(payload, name)


def records_of(payload, name):
    if isinstance(payload, dict) and "value" in payload:
        records = payload["value"]
    elif isinstance(payload, dict) and "Id" in payload:
        records = [payload]  # one entity, as GET …/Toezegging(<id>) answers
    else:
        records = payload
    if not isinstance(records, list):
        raise FileRefused(Issue(name, "verwacht een OData-antwoord {\"value\": [...]} of een "
                                      "lijst van records"))
    return records


def check_entity(records, name, *, needs, entity, other_command, other_fields):
    """Refuse a file of another entity at once, rather than with one error per record."""
    dicts = [record for record in records if isinstance(record, dict)]
    if not dicts or any(needs <= record.keys() for record in dicts):
        return
    found = sorted(set().union(*(record.keys() for record in dicts[:20])))
    hint = (f" Dit lijken {other_command[1]}; die horen bij {other_command[0]}."
            if any(other_fields <= record.keys() for record in dicts) else "")
    raise FileRefused(Issue(name, f"dit zijn geen {entity}-records: de velden "
                                  f"{', '.join(sorted(needs))} ontbreken (gevonden: "
                                  f"{', '.join(found[:12])}).{hint}"))


def read_all(paths, *, max_bytes, report, check, parse):
    """Every file read and every record parsed; problems go to the report, not to the database."""
    parsed = []
    for path in map(Path, paths):
        report.files.append(path.name)
        try:
            records = read_records(path, max_bytes=max_bytes)
            check(records, path.name)
        except FileRefused as refused:
            report.errors.append(refused.issue)
            continue
        for index, record in enumerate(records):
            # Let go of each raw record once parsed: the parsed one shares its strings.
            records[index] = None
            report.records += 1
            try:
                if not isinstance(record, dict):
                    raise RecordError("", "is geen JSON-object")
                parsed.append(parse(record, path.name, index + 1, report))
            except RecordError as error:
                key = record_key(record)
                report.errors.append(Issue(path.name, error.message, index + 1, key, error.field))
    return parsed


def record_key(record):
    if not isinstance(record, dict):
        return ""
    for key in ("Nummer", "DocumentNummer", "Id"):
        if isinstance(record.get(key), str | int) and str(record[key]).strip():
            return str(record[key]).strip()[:40]
    return ""


def find_duplicates(items, keys, report, label):
    """Records that occur twice (by any of `keys`) are errors: which one would be right?"""
    seen = {}
    bad = set()
    for item in items:
        for key_name in keys:
            value = getattr(item, key_name)
            if not value:
                continue
            first = seen.setdefault((key_name, value), item)
            if first is not item:
                bad.update({id(first), id(item)})
                report.errors.append(Issue(
                    item.file, f"{label} {value} komt twee keer voor (ook {first.file}, record "
                               f"{first.index}); welke geldt is niet te zeggen",
                    item.index, item.key, keys[key_name]))
    return [item for item in items if id(item) not in bad]


def run_import(report, *, dry_run, skip_invalid, write):
    """Refuse on errors unless told to skip them; write in one transaction; roll back a dry run."""
    if report.errors and not skip_invalid:
        raise ImportRefused(report)
    with transaction.atomic():
        write()
        if dry_run:
            transaction.set_rollback(True)
    return report


# --- Fields --------------------------------------------------------------------------------------

def text_value(record, name, *, required=False, max_length=None):
    value = record.get(name)
    if value is None:
        value = ""
    elif isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    elif not isinstance(value, str):
        raise RecordError(name, f"verwacht tekst, gevonden {json_type(value)}")
    # PostgreSQL refuses NUL characters in text; they carry no meaning in the Kamer's data.
    value = value.replace("\x00", "").strip()
    if required and not value:
        raise RecordError(name, "ontbreekt of is leeg")
    if max_length and len(value) > max_length:
        raise RecordError(name, f"is {len(value)} tekens lang; er passen er {max_length}")
    return value


def json_type(value):
    return {dict: "een object", list: "een lijst", bool: "waar/onwaar"}.get(type(value),
                                                                           type(value).__name__)


def moment_value(record, name):
    """An aware datetime, or None for no date (empty, null, or the Kamer's 0001-01-01)."""
    value = record.get(name)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise RecordError(name, f"verwacht een datum, gevonden {json_type(value)}")
    if value.startswith(NO_DATE):
        return None
    try:
        return parse_moment(value)[0]
    except (ValueError, OverflowError):
        raise RecordError(name, f"‘{value[:40]}’ is geen datum") from None


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
    raise RecordError(name, f"verwacht true of false, gevonden {value!r:.40}")


def words(text):
    return _WORD.findall(text.casefold())


def similarity(a, b):
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def short_title(text, limit=100):
    """The first sentence (up to 120 characters), else the first ~100 cut at a word."""
    flat = " ".join(text.split())
    sentence = _SENTENCE_END.split(flat, maxsplit=1)[0]
    if len(sentence) <= limit * 6 // 5:
        return sentence[:-1] if sentence.endswith(".") else sentence
    cut = flat[:limit + 1].rsplit(" ", 1)[0] if " " in flat[:limit + 1] else flat[:limit]
    return cut.rstrip(",;:.") + "…"


def deadline_words(text, made_on):
    """The words of `text` that name the deadline, as `Commitment.derive_deadline` reads them."""
    period = parse_period(text, made_on)
    words_ = period.text.strip()[:300] if period else ""
    # Parsed on its own, relative to the same day, the phrase must name the same period, or the
    # saved deadline would differ from the one the full text names.
    again = parse_period(words_, made_on) if words_ else None
    return words_ if again and (again.start, again.end) == (period.start, period.end) else ""


def set_deadline(commitment, period):
    """The deadline words of a period found in the text, derived as save() derives them; dropped
    when the words alone name another period (so that a later save cannot move the deadline)."""
    commitment.deadline_text = period.text.strip()[:300] if period else ""
    commitment.derive_deadline()
    parsed = (commitment.deadline_parsed_start, commitment.deadline_parsed_end)
    if period and parsed != (period.start, period.end):
        commitment.deadline_text = ""
        commitment.derive_deadline()


# --- Names and people ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Name:
    surname: str = ""
    prefix: str = ""
    initials: str = ""
    first_name: str = ""

    def __str__(self):
        given = self.first_name or self.initials
        return " ".join(part for part in (given, self.prefix, self.surname) if part)


def parse_member_name(text):
    """A name as the Kamer writes it in a motion: "Van der Woude", "Tjeerd de Groot", "J. Kwint"."""
    tokens = text.split()
    if not tokens:
        return None
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1].casefold() in PREFIX_WORDS:
        start -= 1
    given = tokens[:start]
    return Name(surname=tokens[-1], prefix=" ".join(tokens[start:-1]).lower(),
                initials="".join(t for t in given if "." in t),
                first_name=" ".join(t for t in given if "." not in t))


def parse_sorted_name(text):
    """The Kamer's Naam field, "Achternaam, Initialen": "Harbers, M.G.J.", "Graaf, C.J. van der"."""
    surname_part, _, rest = text.partition(",")
    name = parse_member_name(surname_part)
    if name is None:
        return None
    tokens = rest.split()
    prefix = " ".join(t for t in tokens if t.casefold() in PREFIX_WORDS).lower()
    return Name(surname=name.surname, prefix=name.prefix or prefix,
                initials="".join(t for t in tokens if "." in t),
                first_name=" ".join(t for t in tokens if "." not in t
                                    and t.casefold() not in PREFIX_WORDS))


def bewindspersoon_name(record):
    surname = text_value(record, "Achternaam", max_length=100)
    if surname:
        return Name(surname=surname,
                    prefix=text_value(record, "Tussenvoegsel", max_length=20).lower(),
                    initials=text_value(record, "Initialen", max_length=20),
                    first_name=text_value(record, "Voornaam", max_length=50))
    naam = text_value(record, "Naam", max_length=200)
    if not naam:
        return None
    name = parse_sorted_name(naam) if "," in naam else parse_member_name(naam)
    if name and (len(name.surname) > 100 or len(name.prefix) > 20 or len(name.initials) > 20
                 or len(name.first_name) > 50):
        raise RecordError("Naam", f"‘{naam}’ past niet in de naamvelden")
    return name


def surname_key(name):
    return (name.surname.casefold(), name.prefix.casefold())


def initials_key(text):
    return "".join(ch for ch in text.upper() if ch.isalpha())


def name_fit(person, name):
    """How well a person we hold fits a name with the same surname: None when they conflict."""
    score = 0
    ours, theirs = initials_key(person.initials), initials_key(name.initials)
    if ours and theirs:
        if not (ours.startswith(theirs) or theirs.startswith(ours)):
            return None
        score += 2 if ours == theirs else 1
    if person.first_name and name.first_name:
        if person.first_name.casefold() != name.first_name.casefold():
            return None
        score += 2
    for first, initials in ((person.first_name, theirs), (name.first_name, ours)):
        if first and initials and not (person.first_name and name.first_name):
            if first[0].upper() != initials[0]:
                return None
            score += 1
    return score


class People:
    """The people we hold, read in two queries, matched by name parts and created when new.

    A person matches on surname and tussenvoegsel (capitals ignored) when the initials and first
    name do not contradict ours ("M." fits "M.G.J.", "Edgar" fits "E."); of several, the best fit
    wins, and one that already holds the office. A record without a name matches a person known
    only by that office ("de Minister van Justitie en Veiligheid").
    """

    def __init__(self):
        self.by_surname = defaultdict(list)
        self.by_office = {}
        for person in Person.objects.prefetch_related("offices"):
            person.office_titles = {office.title.casefold() for office in person.offices.all()}
            if person.surname:
                self.by_surname[surname_key(person)].append(person)
            else:
                for title in person.office_titles:
                    self.by_office.setdefault(title, person)

    def find(self, name, office=""):
        if name is None:
            return self.by_office.get(office.casefold())
        best, best_score = None, -1
        for person in self.by_surname.get(surname_key(name), []):
            score = name_fit(person, name)
            if score is not None and office and office.casefold() in person.office_titles:
                score += 1
            if score is not None and score > best_score:
                best, best_score = person, score
        return best

    def get_or_create(self, name, *, office="", ministry=None, by, reason):
        person = self.find(name, office)
        if person is None:
            person = Person(**vars(name)) if name else Person()
            save_with_history(person, by=by, reason=reason, source=ChangeSource.IMPORT)
            person.office_titles = set()
            if name:
                self.by_surname[surname_key(name)].append(person)
            else:
                self.by_office[office.casefold()] = person
        if office and office.casefold() not in person.office_titles:
            save_with_history(Office(person=person, title=office, ministry=ministry), by=by,
                              reason=reason, source=ChangeSource.IMPORT)
            person.office_titles.add(office.casefold())
        return person


# The ministries' own abbreviations; others get their capitals ("Asiel en Migratie" -> "AenM").
KNOWN_MINISTRIES = {
    "algemene zaken": "AZ", "binnenlandse zaken en koninkrijksrelaties": "BZK",
    "buitenlandse zaken": "BZ", "defensie": "DEF", "economische zaken en klimaat": "EZK",
    "economische zaken": "EZ", "financiën": "FIN", "infrastructuur en waterstaat": "IenW",
    "justitie en veiligheid": "JenV", "landbouw, natuur en voedselkwaliteit": "LNV",
    "landbouw, visserij, voedselzekerheid en natuur": "LVVN",
    "onderwijs, cultuur en wetenschap": "OCW", "sociale zaken en werkgelegenheid": "SZW",
    "volksgezondheid, welzijn en sport": "VWS", "klimaat en groene groei": "KGG",
    "volkshuisvesting en ruimtelijke ordening": "VRO", "asiel en migratie": "AenM",
}


def ministry_key(text):
    text = " ".join(text.replace("&", " en ").split()).casefold()
    return re.sub(r"^(?:het\s+)?ministerie\s+(?:van|voor)\s+", "", text)


def abbreviate(name):
    parts = [w for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in ("van", "voor",
                                                                                "de", "het")]
    if len(parts) == 3 and parts[1] == "en":
        return f"{parts[0][0].upper()}en{parts[2][0].upper()}"
    return "".join(w[0].upper() for w in parts if w != "en")[:20] or "MIN"


class Ministries:
    """The ministries, matched by abbreviation or by name with or without "Ministerie van"."""

    def __init__(self):
        self.index = {}
        self.abbreviations = set()
        for ministry in Ministry.objects.all():
            self.add(ministry)

    def add(self, ministry):
        self.abbreviations.add(ministry.abbreviation.casefold())
        self.index.setdefault(ministry.abbreviation.casefold(), ministry)
        self.index.setdefault(ministry_key(ministry.name), ministry)

    def get_or_create(self, text, *, by, reason):
        key = ministry_key(text)
        # A known abbreviation names the same ministry however we spelled its name.
        known = KNOWN_MINISTRIES.get(key)
        ministry = self.index.get(text.casefold()) or self.index.get(key) or (
            self.index.get(known.casefold()) if known else None)
        if ministry:
            return ministry
        if " " not in text and len(text) <= 10:
            abbreviation, name = text, text  # only an abbreviation is known
        else:
            abbreviation = KNOWN_MINISTRIES.get(key) or abbreviate(key)
            name = text if text.casefold().startswith("ministerie") else f"Ministerie van {text}"
        unique, n = abbreviation, 1
        while unique.casefold() in self.abbreviations:
            n += 1
            unique = f"{abbreviation[:18]}{n}"
        ministry = save_with_history(Ministry(abbreviation=unique, name=name[:200]), by=by,
                                     reason=reason, source=ChangeSource.IMPORT)
        self.add(ministry)
        return ministry


# --- The delivering letter (KamerbriefNakoming) ---------------------------------------------------

@dataclass(frozen=True)
class Letter:
    reference: Reference | None = None
    kenmerk: str = ""
    kind: str = Document.Kind.BRIEF
    title: str = ""
    date: date | None = None

    @property
    def key(self):
        if self.reference:
            return self.reference.ident
        return f"brief-{self.kenmerk}" if self.kenmerk else f"titel:{self.title}"


def parse_letter(value):
    """KamerbriefNakoming: an expanded Document (or a list of them), or a plain string."""
    if value in (None, "", []):
        return None
    if isinstance(value, list):
        letters = [parse_letter(item) for item in value]
        return next((letter for letter in letters if letter), None)
    if isinstance(value, str):
        return letter_from_text(value.strip())
    if isinstance(value, dict):
        return letter_from_document(value)
    raise RecordError("KamerbriefNakoming", f"verwacht een document of tekst, gevonden "
                                            f"{json_type(value)}")


def letter_from_text(text):
    references = parse_references(text)
    if references:
        return Letter(reference=references[0])
    if len(text) <= 50:
        return Letter(kenmerk=text)
    return Letter(title=text[:300])


def letter_from_document(record):
    soort = text_value(record, "Soort").casefold()
    kind = Document.Kind.BRIEF if not soort or "brief" in soort else Document.Kind.OTHER
    title = (text_value(record, "Onderwerp") or text_value(record, "Titel"))[:300]
    on = date_value(record, "Datum")
    reference = kamerstuk_reference(record)
    kenmerk = text_value(record, "DocumentNummer")
    if reference is None:
        for name in ("Kamerstuk", "Citeertitel"):
            references = parse_references(text_value(record, name)) if isinstance(
                record.get(name), str) else []
            if references:
                reference = references[0]
                break
    if reference is None and not kenmerk and not title:
        raise RecordError("KamerbriefNakoming", "het document heeft geen DocumentNummer, "
                                                "Kamerstuknummer of titel")
    return Letter(reference=reference, kenmerk="" if reference else kenmerk[:50], kind=kind,
                  title=title, date=on)


def dossier_number(value):
    """The dossier of an expanded Kamerstukdossier (or a list of them): ("35570-XVI", title)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        return None, ""
    number = text_value(value, "Nummer")
    suffix = text_value(value, "Toevoeging").replace(" ", "")
    full = f"{number}-{suffix}" if suffix else number
    if not DOSSIER_NUMBER_RE.match(full):
        return None, ""
    return full, text_value(value, "Titel")


def kamerstuk_reference(record):
    number = text_value(record, "Volgnummer")
    dossier, _title = dossier_number(record.get("Kamerstukdossier")
                                     or record.get("Kamerstuk"))
    if not (dossier and number and number.isdigit()):
        return None
    year = text_value(record, "Vergaderjaar")
    year = f"{year[:4]}/{year[-2:]}" if re.fullmatch(r"[0-9]{4}-[0-9]{4}", year) else None
    return Reference(kind="kamerstuk", dossier=dossier, number=number, year=year)


class Letters:
    """The delivering documents: looked up by natural key in one query, the new ones written in
    one bulk insert (an export names hundreds of letters)."""

    def __init__(self, letters):
        keys = {letter.key for letter in letters if letter.reference or letter.kenmerk}
        self.known = {document.ident: document for document in
                      in_chunks(Document.objects.all(), "ident", keys)}
        titles = {letter.title for letter in letters if letter.key.startswith("titel:")}
        for document in in_chunks(Document.objects.filter(ident__isnull=True), "title", titles):
            self.known.setdefault(f"titel:{document.title}", document)

    def create_missing(self, letters, *, by):
        """`letters`: {Letter: reason}. Dossiers first (few, one by one), then the documents."""
        missing = {letter.key: (letter, reason) for letter, reason in letters.items()
                   if letter.key not in self.known}
        dossiers = {d.number: d for d in in_chunks(Dossier.objects.all(), "number", {
            letter.reference.dossier for letter, _reason in missing.values()
            if letter.reference and letter.reference.dossier})}
        documents = []
        for key, (letter, reason) in missing.items():
            document = self.document(letter, dossiers, by=by, reason=reason)
            document._change_reason = reason
            self.known[key] = document
            documents.append(document)
        if documents:
            bulk_create_with_history(documents, Document, batch_size=500, default_user=by,
                                     custom_historical_attrs={"change_source":
                                                              ChangeSource.IMPORT})
            for document in documents:
                document.__dict__.pop("_change_reason", None)

    def document(self, letter, dossiers, *, by, reason):
        reference = letter.reference
        if reference is None:
            document = Document(kind=letter.kind, kenmerk=letter.kenmerk, date=letter.date,
                                title=letter.title)
        else:
            dossier = None
            if reference.dossier:
                dossier = dossiers.get(reference.dossier) or save_with_history(
                    Dossier(number=reference.dossier, title=""), by=by, reason=reason,
                    source=ChangeSource.IMPORT)
                dossiers[reference.dossier] = dossier
            # Only a Kamerstuk keeps its reference under another kind (a letter is one).
            kind = letter.kind if reference.kind == "kamerstuk" else reference.kind
            document = Document(kind=kind, dossier=dossier, number=reference.number,
                                chamber=reference.chamber, year=reference.year or "",
                                item=reference.item or "", date=letter.date, title=letter.title)
        # What Document.save derives: the natural key and the official URL.
        reference = document.reference
        document.ident = reference.ident if reference else (
            f"brief-{document.kenmerk}" if document.kenmerk else None)
        document.url = reference.url if reference else ""
        return document

    def get(self, letter):
        return self.known[letter.key]


def in_chunks(queryset, field_name, values, size=500):
    """`field__in` in chunks: SQLite allows only so many parameters in one query."""
    values = list(values)
    for start in range(0, len(values), size):
        yield from queryset.filter(**{f"{field_name}__in": values[start:start + size]})


# --- Toezeggingen --------------------------------------------------------------------------------

@dataclass(slots=True)
class Toezegging:
    file: str
    index: int
    tk_id: str
    tk_number: str
    deleted: bool
    modified: datetime | None
    word: str = ""
    status: str = Status.OPEN
    text: str = ""
    made_on: date | None = None
    delivered_on: date | None = None
    activity: str = ""
    notes: str = ""
    name: Name | None = None
    office: str = ""
    ministry: str = ""
    letter: Letter | None = None

    @property
    def key(self):
        return self.tk_number or self.tk_id

    @property
    def kamer(self):
        """The fields that are the Kamer's own: always brought up to date."""
        return {"tk_id": self.tk_id, "tk_number": self.tk_number, "tk_status": self.word,
                "tk_activity_number": self.activity, "tk_notes": self.notes,
                "tk_modified": self.modified}


def parse_toezegging(record, file, index, report):
    """One Toezegging record checked and mapped; RecordError names the field that is wrong."""
    item = Toezegging(file=file, index=index,
                      tk_id=text_value(record, "Id", required=True, max_length=40),
                      tk_number=text_value(record, "Nummer", max_length=20),
                      deleted=bool_value(record, "Verwijderd"),
                      modified=moment_value(record, "GewijzigdOp"))
    if item.deleted:
        return item
    if not item.tk_number:
        raise RecordError("Nummer", "ontbreekt of is leeg")
    item.word = text_value(record, "Status", max_length=30)
    if item.word:
        item.status = KAMER_STATUSES.get(" ".join(item.word.split()).casefold())
        if item.status is None:
            raise RecordError("Status", f"onbekende status ‘{item.word}’; bekend zijn "
                                        f"{KAMER_WORDS} (of leeg)")
    else:
        item.status = Status.OPEN
        report.warnings.append(Issue(file, "leeg; een nieuwe toezegging wordt Openstaand, een "
                                           "bestaande houdt haar status", index, item.key,
                                     "Status"))
    item.text = text_value(record, "Tekst", required=True)
    item.made_on = date_value(record, "Aanmaakdatum")
    if item.made_on is None:
        raise RecordError("Aanmaakdatum", "ontbreekt; zonder datum is de termijn niet af te "
                                          "leiden")
    item.delivered_on = date_value(record, "DatumNakoming")
    item.activity = text_value(record, "ActiviteitNummer", max_length=20)
    item.notes = text_value(record, "Notities")
    item.name = bewindspersoon_name(record)
    item.office = text_value(record, "Functie", max_length=200)
    item.ministry = text_value(record, "Ministerie", max_length=200)
    if not item.ministry and item.office.casefold().startswith("minister van "):
        item.ministry = item.office.split(" van ", 1)[1]
    if not item.ministry:
        raise RecordError("Ministerie", "ontbreekt (en is niet uit de Functie af te leiden)")
    if item.name is None and not item.office:
        raise RecordError("Naam", "geen bewindspersoon: Naam, Achternaam en Functie zijn leeg")
    item.letter = parse_letter(record.get("KamerbriefNakoming"))
    return item


def check_toezeggingen(records, name):
    check_entity(records, name, needs={"Nummer", "Tekst"}, entity="Toezegging",
                 other_command=("import_tk_moties", "Document-records (moties)"),
                 other_fields={"Soort", "DocumentNummer"})


def import_toezeggingen(paths: Iterable, *, by, dry_run: bool = False, skip_invalid: bool = False,
                        max_bytes: int | None = None) -> ImportReport:
    """Import Toezegging records from the Kamer's open data; raises ImportRefused on bad input."""
    report = ImportReport(entity="Toezeggingen", dry_run=dry_run)
    items = read_all(paths, max_bytes=max_bytes or configured_max_bytes(), report=report,
                     check=check_toezeggingen, parse=parse_toezegging)
    items = find_duplicates(items, {"tk_id": "Id"}, report, "Id")
    live = find_duplicates([i for i in items if not i.deleted], {"tk_number": "Nummer"}, report,
                           "Nummer")
    deleted = [i for i in items if i.deleted]
    return run_import(report, dry_run=dry_run, skip_invalid=skip_invalid,
                      write=lambda: ToezeggingImport(report, by).run(live, deleted))


def configured_max_bytes():
    return getattr(settings, "TK_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


class ToezeggingImport:
    """The writing half of the import: resolve, compare, then write in bulk."""

    def __init__(self, report, by):
        self.report, self.by = report, by
        self.now = timezone.now()
        self.to_create, self.to_update, self.update_fields, self.staged = [], [], set(), set()

    def reason(self, item, text):
        return f"import TK {item.file}: {text}"

    def run(self, live, deleted):
        existing = list(Commitment.objects.exclude(tk_id="", tk_number=""))
        by_id = {c.tk_id: c for c in existing if c.tk_id}
        by_number = {c.tk_number: c for c in existing if c.tk_number}
        matched, new = [], []
        for item in live:
            commitment = by_id.get(item.tk_id) or by_number.get(item.tk_number)
            if commitment and commitment.tk_id and commitment.tk_id != item.tk_id:
                self.report.warnings.append(Issue(
                    item.file, f"Nummer {item.tk_number} hoort bij ons bij {commitment.number} "
                               f"met een ander Kamer-Id; als nieuwe toezegging behandeld",
                    item.index, item.key, "Id"))
                commitment = None
            if commitment:
                matched.append((item, commitment))
            else:
                new.append(item)
        self.resolve(live)
        for item, commitment in matched:
            self.update(item, commitment)
        linked = self.link_hand_entered(new)
        for item in new:
            if id(item) in linked:
                self.update(item, linked[id(item)][0], link_score=linked[id(item)][1])
            else:
                self.create(item)
        live_numbers = {item.tk_number for item in live}
        for item in deleted:
            commitment = by_id.get(item.tk_id) or (
                by_number.get(item.tk_number) if item.tk_number not in live_numbers else None)
            self.mark_deleted(item, commitment)
        self.write()

    def resolve(self, items):
        """People, ministries and letters: read once, created when missing."""
        people, ministries = People(), Ministries()
        self.letters = Letters([item.letter for item in items if item.letter])
        self.person, self.ministry = {}, {}
        for item in items:
            reason = self.reason(item, f"bij toezegging {item.tk_number}")
            ministry = self.ministry.get(item.ministry) or ministries.get_or_create(
                item.ministry, by=self.by, reason=reason)
            self.ministry[item.ministry] = ministry
            key = (item.name, item.office)
            if key not in self.person:
                self.person[key] = people.get_or_create(item.name, office=item.office,
                                                        ministry=ministry, by=self.by,
                                                        reason=reason)
        self.letters.create_missing({item.letter: self.reason(item, f"bij toezegging "
                                                                    f"{item.tk_number}")
                                     for item in reversed(items) if item.letter}, by=self.by)

    def resolved(self, item):
        document = self.letters.get(item.letter) if item.letter else None
        return self.person[(item.name, item.office)], self.ministry[item.ministry], document

    def link_hand_entered(self, new):
        """Records we may hold already, entered by hand: same person, same day, similar text."""
        if not new:
            return {}
        hand = defaultdict(list)
        for commitment in Commitment.objects.filter(tk_id="", tk_number=""):
            hand[(commitment.bewindspersoon_id, commitment.made_on)].append(commitment)
        pairs = []
        for item in new:
            person = self.resolved(item)[0]
            for commitment in hand.get((person.pk, item.made_on), []):
                score = similarity(item.text, commitment.text)
                if score >= MATCH_THRESHOLD:
                    pairs.append((score, item, commitment))
        linked, taken = {}, set()
        for score, item, commitment in sorted(pairs, key=lambda pair: -pair[0]):
            if id(item) not in linked and commitment.pk not in taken:
                linked[id(item)] = (commitment, score)
                taken.add(commitment.pk)
        return linked

    def create(self, item):
        person, ministry, document = self.resolved(item)
        commitment = Commitment(
            title=short_title(item.text), text=item.text, bewindspersoon=person,
            ministry=ministry, made_on=item.made_on, status_source=ChangeSource.IMPORT,
            **item.kamer)
        set_deadline(commitment, parse_period(item.text, item.made_on))
        self.apply_status(commitment, item, document)
        commitment._change_reason = self.reason(item, f"overgenomen ({item.word or 'geen status'})")
        self.to_create.append(commitment)

    def apply_status(self, commitment, item, document, *, warn=True):
        """Set the Kamer's status; done needs a delivery date, so the best one known is used."""
        on = item.delivered_on
        if item.status == Status.DONE and on is None:
            on = timezone.localtime(item.modified).date() if item.modified else item.made_on
        if item.status == Status.DONE and item.delivered_on is None and warn:
            self.report.warnings.append(Issue(
                item.file, f"Afgedaan zonder DatumNakoming; {on:%d-%m-%Y} als datum van "
                           f"nakoming genomen", item.index, item.key, "DatumNakoming"))
        if item.status in (Status.DONE, Status.PARTLY_DONE) and (on or document):
            commitment.apply_status(item.status, document, on, None)
        else:
            commitment.apply_status(item.status, None, None, None)

    def update(self, item, commitment, link_score=None):
        old = {name: getattr(commitment, name) for name in UPDATABLE}
        old_word = commitment.tk_status or Status(commitment.status).label
        follows = commitment.status_source == ChangeSource.IMPORT
        person, ministry, document = self.resolved(item)
        for name, value in item.kamer.items():
            setattr(commitment, name, value)
        if follows:
            self.follow_content(commitment, item, person, ministry)
        # An empty status at the Kamer says nothing new: ours stays.
        delivered = item.status in (Status.DONE, Status.PARTLY_DONE)
        if follows and item.word and (item.status != commitment.status or delivered):
            self.apply_status(commitment, item, document, warn=item.status != commitment.status)
        changed = {name for name in UPDATABLE if getattr(commitment, name) != old[name]}
        if not changed:
            self.report.unchanged += 1
            return
        label = f"{commitment.number} ({item.tk_number})"
        if link_score is not None:
            reason = f"gekoppeld aan {item.tk_number} (woordovereenkomst {link_score:.2f})"
            self.report.linked.append(f"{item.tk_number} → {commitment.number} "
                                      f"‘{commitment.title}’ ({link_score:.2f})")
        elif "status" in changed:
            reason = f"{old_word} → {item.word or Status(item.status).label}"
            self.report.followed.append(f"{label}: {reason}")
        elif "tk_status" in changed:
            reason = (f"{old_word} → {item.word or '(leeg)'} bij de Kamer; onze status "
                      f"‘{commitment.get_status_display()}’ blijft")
        else:
            reason = f"gegevens bijgewerkt ({', '.join(sorted(changed))})"
        if not follows and not kamer_agrees(item.word, commitment.status) and (
                "tk_status" in changed or link_score is not None):
            self.report.differences.append(
                f"{label}: Kamer {item.word}, bij ons {commitment.get_status_display()}")
        self.report.updated.append(f"{label}: {reason}")
        self.stage_update(commitment, changed, self.reason(item, reason))

    def follow_content(self, commitment, item, person, ministry):
        """A commitment that follows the Kamer takes its text, date and person too; the title and
        deadline words only while they are still the ones derived from the old text."""
        if commitment.text != item.text or commitment.made_on != item.made_on:
            if commitment.title == short_title(commitment.text):
                commitment.title = short_title(item.text)
            if commitment.deadline_text == deadline_words(commitment.text, commitment.made_on):
                commitment.deadline_text = deadline_words(item.text, item.made_on)
            commitment.text, commitment.made_on = item.text, item.made_on
        commitment.bewindspersoon, commitment.ministry = person, ministry

    def mark_deleted(self, item, commitment):
        if commitment is None:
            self.report.skipped_deleted += 1
            return
        if commitment.tk_status == DELETED:
            self.report.unchanged += 1
            return
        old_word = commitment.tk_status or "—"
        commitment.tk_status = DELETED
        commitment.tk_modified = item.modified or commitment.tk_modified
        reason = f"{old_word} → {DELETED} (verwijderd bij de Kamer; onze toezegging blijft)"
        label = f"{commitment.number} ({commitment.tk_number or item.tk_id})"
        self.report.deleted.append(f"{label}: verwijderd bij de Kamer; bij ons "
                                   f"{commitment.get_status_display()}")
        self.report.updated.append(f"{label}: {reason}")
        self.stage_update(commitment, {"tk_status", "tk_modified"}, self.reason(item, reason))

    def stage_update(self, commitment, changed, reason):
        # What Versioned.save and Commitment.save would do: bump the version, stamp the time,
        # derive the deadline again from the (possibly new) words and date.
        if commitment.pk in self.staged:
            # Named twice in the files (a live and a deleted record): one write, the last reason.
            self.to_update.remove(commitment)
        else:
            commitment.version += 1
            self.staged.add(commitment.pk)
        commitment.updated_at = self.now
        derive_on_save(commitment)
        commitment._change_reason = reason
        self.update_fields |= changed | DERIVED_ON_SAVE | {"version", "updated_at"}
        self.to_update.append(commitment)

    def write(self):
        numbers = NumberAllocator()
        for commitment in self.to_create:
            commitment.number = numbers.next(commitment)
            derive_on_save(commitment, deadline=False)  # derived in create()
        history = {"default_user": self.by,
                   "custom_historical_attrs": {"change_source": ChangeSource.IMPORT}}
        if self.to_create:
            bulk_create_with_history(self.to_create, Commitment, batch_size=500, **history)
        if self.to_update:
            self.check_unchanged_meanwhile()
            bulk_update_with_history(self.to_update, Commitment, sorted(self.update_fields),
                                     batch_size=500, **history)
        self.report.created = [f"{c.number} ({c.tk_number}): {c.title}" for c in self.to_create]
        for commitment in self.to_create + self.to_update:
            commitment.__dict__.pop("_change_reason", None)

    def check_unchanged_meanwhile(self):
        """Refuse to overwrite a commitment someone saved after the import read it.

        The rows to update are locked first (PostgreSQL; SQLite's IMMEDIATE transaction already
        keeps other writers out), so no change can slip in between this check and the write.
        Only these rows are locked: locking every row read would make a re-import write.
        """
        read = {commitment.pk: commitment.version - 1 for commitment in self.to_update}
        locked = Commitment.objects.select_for_update().values_list("pk", "version")
        stale = [pk for pk, version in in_chunks(locked, "pk", read) if version != read[pk]]
        if stale:
            numbers = Commitment.objects.filter(pk__in=stale[:10]).values_list("number",
                                                                               flat=True)
            self.report.errors = [Issue("", f"toezegging {number} is tijdens de import door "
                                            f"iemand anders gewijzigd") for number in numbers]
            raise ImportRefused(self.report, hint="Start de import opnieuw.")


UPDATABLE = ["tk_id", "tk_number", "tk_status", "tk_activity_number", "tk_notes", "tk_modified",
             "title", "text", "made_on", "deadline_text", "bewindspersoon_id", "ministry_id",
             "status", "delivered_on", "delivered_by_id"]
# Fields Commitment.save derives (the deadline; the search words, where the model has them).
DERIVED_ON_SAVE = {"deadline_parsed_start", "deadline_parsed_end", "deadline_start",
                   "deadline_end", "deadline_overridden"} | (
    {"search_title", "search_text"} & {f.name for f in Commitment._meta.concrete_fields})


def derive_on_save(commitment, *, deadline=True):
    """What Commitment.save derives before writing, for rows written in bulk (no save())."""
    if deadline:
        commitment.derive_deadline()
    if "search_title" in DERIVED_ON_SAVE:
        commitment.derive_search()


class NumberAllocator:
    """Our numbers (TZ-VWS-2024-007) as Commitment.next_number makes them, for many at once: the
    highest number per prefix is read once, then counted up in memory."""

    def __init__(self):
        self.last = defaultdict(int)
        for number in Commitment.objects.filter(number__startswith="TZ-").values_list("number",
                                                                                      flat=True):
            prefix, _, sequence = number.rpartition("-")
            if sequence.isdigit():
                self.last[prefix] = max(self.last[prefix], int(sequence))

    def next(self, commitment):
        prefix = f"TZ-{commitment.ministry.abbreviation}-{commitment.made_on.year}"
        self.last[prefix] += 1
        return f"{prefix}-{self.last[prefix]:03d}"


# --- Moties --------------------------------------------------------------------------------------

@dataclass(slots=True)
class Motie:
    file: str
    index: int
    tk_id: str
    deleted: bool = False
    document_number: str = ""
    dossier: str = ""
    dossier_title: str = ""
    number: str = ""
    title: str = ""
    submitters: list = field(default_factory=list)
    filed_on: date | None = None
    text: str = ""

    @property
    def key(self):
        return self.document_number or self.tk_id

    @property
    def place(self):
        return f"{self.dossier}-{self.number}" if self.dossier and self.number else ""


def parse_motie(record, file, index, report):
    """One Document record of Soort Motie checked and mapped."""
    soort = text_value(record, "Soort")
    if not soort.casefold().startswith("motie"):
        raise RecordError("Soort", f"‘{soort or 'leeg'}’ is geen motie; alleen Document-"
                                   f"records met Soort ‘Motie’ worden geïmporteerd")
    item = Motie(file=file, index=index,
                 tk_id=text_value(record, "Id", required=True, max_length=40),
                 deleted=bool_value(record, "Verwijderd"),
                 document_number=text_value(record, "DocumentNummer", max_length=20))
    if item.deleted:
        return item
    item.number = text_value(record, "Volgnummer", required=True, max_length=10)
    item.dossier, item.dossier_title = motion_dossier(record, item.number)
    item.filed_on = date_value(record, "Datum")
    pdf_text = text_value(record, "text")
    item.text = motion_body(pdf_text)
    onderwerp = " ".join(text_value(record, "Onderwerp").split())
    match = _MOTION_SUBJECT.search(onderwerp)
    if match:
        item.title = clip(match["subject"], 300)
        item.submitters = motion_submitters(match["names"], pdf_text)
    else:
        item.title = clip(onderwerp or text_value(record, "Titel"), 300)
        report.warnings.append(Issue(file, "de indieners staan niet in de vorm ‘Motie van het "
                                           "lid … over …’; zonder indieners geïmporteerd",
                                     index, item.key, "Onderwerp"))
    if not item.title:
        raise RecordError("Onderwerp", "ontbreekt; een motie zonder titel kan niet")
    return item


def clip(text, limit):
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def motion_dossier(record, number):
    """The dossier: from the expanded Kamerstukdossier, else the motion's own kst-identifier."""
    dossier, title = dossier_number(record.get("Kamerstukdossier"))
    if dossier:
        return dossier, (title or text_value(record, "Titel"))[:300]
    texts = [record.get(name) for name in ("text", "Citeertitel", "content_url")]
    found = [m for text in texts if isinstance(text, str) for m in _KST.finditer(text)]
    own = [m for m in found if m["number"] == number]
    if own:
        return own[0]["dossier"], text_value(record, "Titel")[:300]
    if found:
        raise RecordError("text", f"{found[0][0]} in de tekst past niet bij Volgnummer {number}")
    raise RecordError("Kamerstukdossier", "geen dossier: geen uitgeklapt Kamerstukdossier en "
                                          "geen kst-nummer in de tekst")


def motion_body(text):
    """From "De Kamer," to "… orde van de dag.": the motion without the header and footer."""
    start = re.search(r"^De Kamer,", text, re.MULTILINE)
    end = re.search(r"en gaat over tot de orde van de dag\.", text)
    if start and end and end.end() > start.start():
        return text[start.start():end.end()]
    return text.replace("\f", "").strip()


def motion_submitters(names, pdf_text):
    """The members named in Onderwerp; with "c.s." the signatures at the foot of the motion."""
    cum_suis = bool(_CUM_SUIS.search(names))
    names = _CUM_SUIS.sub("", names)
    named = [parse_member_name(part) for part in re.split(r"\s*,\s*|\s+en\s+", names)]
    named = [name for name in named if name]
    if cum_suis:
        signed = signatures(pdf_text)
        if signed and named and signed[0].surname.casefold() == named[0].surname.casefold():
            return signed
    return named


def signatures(text):
    end = re.search(r"en gaat over tot de orde van de dag\.", text)
    if not end:
        return []
    block = text[end.end():].strip().split("\n\n", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    if not lines or any(re.search(r"[0-9]", line) or len(line.split()) > 5 for line in lines):
        return []
    return [parse_member_name(line) for line in lines]


def check_moties(records, name):
    check_entity(records, name, needs={"Soort", "Volgnummer"}, entity="Document (motie)",
                 other_command=("import_tk_toezeggingen", "Toezegging-records"),
                 other_fields={"Nummer", "Tekst"})


def import_moties(paths: Iterable, *, by, dry_run: bool = False, skip_invalid: bool = False,
                  max_bytes: int | None = None) -> ImportReport:
    """Import Document records of Soort Motie; a motion we hold is completed, not duplicated."""
    report = ImportReport(entity="Moties", dry_run=dry_run)
    items = read_all(paths, max_bytes=max_bytes or configured_max_bytes(), report=report,
                     check=check_moties, parse=parse_motie)
    items = find_duplicates(items, {"tk_id": "Id"}, report, "Id")
    live = find_duplicates([i for i in items if not i.deleted],
                           {"place": "Volgnummer", "document_number": "DocumentNummer"}, report,
                           "Motie")
    report.skipped_deleted = sum(item.deleted for item in items)
    return run_import(report, dry_run=dry_run, skip_invalid=skip_invalid,
                      write=lambda: MotieImport(report, by).run(live))


class MotieImport:
    # Motion field: Motie attribute. A motion we hold gets only what it lacks.
    FILLABLE = {"title": "title", "text": "text", "filed_on": "filed_on",
                "tk_document_number": "document_number", "tk_id": "tk_id"}

    def __init__(self, report, by):
        self.report, self.by = report, by

    def run(self, items):
        dossiers = {d.number: d for d in in_chunks(Dossier.objects.all(), "number",
                                                   {item.dossier for item in items})}
        motions = Motion.objects.select_related("dossier").prefetch_related("submitter_rows")
        by_place = {(m.dossier.number, m.number): m
                    for m in in_chunks(motions, "dossier__number", set(dossiers))}
        by_tk_id = {m.tk_id: m for m in in_chunks(motions, "tk_id", {i.tk_id for i in items})}
        people = People()
        for item in items:
            reason = f"import TK {item.file}: motie {item.dossier}-{item.number}"
            dossier = dossiers.get(item.dossier)
            if dossier is None:
                dossier = save_with_history(Dossier(number=item.dossier, title=item.dossier_title),
                                            by=self.by, reason=reason, source=ChangeSource.IMPORT)
                dossiers[item.dossier] = dossier
            elif not dossier.title and item.dossier_title:
                dossier.title = item.dossier_title
                save_with_history(dossier, by=self.by, reason=f"{reason}: dossiertitel",
                                  source=ChangeSource.IMPORT)
            motion = by_place.get((item.dossier, item.number)) or by_tk_id.get(item.tk_id)
            if motion is None:
                self.create(item, dossier, people, reason)
            else:
                self.complete(item, motion, people, reason)

    def create(self, item, dossier, people, reason):
        motion = Motion(dossier=dossier, number=item.number,
                        **{name: getattr(item, source) for name, source in self.FILLABLE.items()})
        save_with_history(motion, by=self.by, reason=f"{reason}: overgenomen",
                          source=ChangeSource.IMPORT)
        self.add_submitters(motion, item, people, reason)
        self.report.created.append(f"{dossier.display_number}, nr. {item.number}: {motion.title}")

    def complete(self, item, motion, people, reason):
        filled = [name for name, source in self.FILLABLE.items()
                  if not getattr(motion, name) and getattr(item, source)]
        for name in filled:
            setattr(motion, name, getattr(item, self.FILLABLE[name]))
        if filled:
            save_with_history(motion, by=self.by,
                              reason=f"{reason}: aangevuld ({', '.join(filled)})",
                              source=ChangeSource.IMPORT)
        if item.submitters and not motion.submitter_rows.all():
            self.add_submitters(motion, item, people, reason)
            filled.append("indieners")
        if filled:
            self.report.updated.append(f"{motion.dossier.display_number}, nr. {motion.number}: "
                                       f"aangevuld ({', '.join(filled)})")
        else:
            self.report.unchanged += 1

    def add_submitters(self, motion, item, people, reason):
        added = set()
        for name in item.submitters:
            person = people.get_or_create(name, by=self.by, reason=f"{reason}: indiener")
            if person.pk in added:
                continue  # the same member named twice
            party = person.party_on(motion.filed_on) if motion.filed_on else None
            save_with_history(MotionSubmitter(motion=motion, person=person, party=party,
                                              order=len(added)),
                              by=self.by, reason=f"{reason}: indieners", source=ChangeSource.IMPORT)
            added.add(person.pk)


# --- Differences with the Kamer -------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    commitment: Commitment
    chamber: str
    word: str
    modified: datetime | None


def kamer_agrees(word, status):
    """Whether the Kamer's word says the same as our status; an empty word says nothing."""
    if not word:
        return True
    kamer = KAMER_STATUSES.get(" ".join(word.split()).casefold())
    return kamer is not None and status in AGREES_WITH[kamer]


def differs_q(field_name):
    q = Q(**{f"{field_name}__iexact": DELETED})
    for word, kamer in KAMER_STATUSES.items():
        q |= Q(**{f"{field_name}__iexact": word}) & ~Q(status__in=AGREES_WITH[kamer])
    return q


def kamer_differences():
    """Commitments whose status at the Tweede or Eerste Kamer differs from ours: one query."""
    commitments = Commitment.objects.filter(differs_q("tk_status") | differs_q("ek_status")) \
        .order_by(F("tk_modified").desc(nulls_last=True), "number")
    rows = []
    for commitment in commitments:
        if not kamer_agrees(commitment.tk_status, commitment.status):
            rows.append(Difference(commitment, "Tweede Kamer", commitment.tk_status,
                                   commitment.tk_modified))
        if not kamer_agrees(commitment.ek_status, commitment.status):
            rows.append(Difference(commitment, "Eerste Kamer", commitment.ek_status, None))
    return rows
