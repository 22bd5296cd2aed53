"""Commitments from a spreadsheet (XLSX or CSV): read, map columns, preview, then apply.

The layout our own export writes is read as it is; other layouts map their columns to our
fields (the mapping screen, or --map on the command line). Nothing is written until the preview
is confirmed, and then in one transaction, each change with a history row that names the file.
People, ministries, parties and dossiers must exist already: a spreadsheet is no place to invent
a bewindspersoon, so an unknown one is an error on that row, not a new record.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from openpyxl import load_workbook

from commitments.columns import COMMITMENT_COLUMNS
from commitments.models import COMMITMENT_TRANSITIONS, Commitment, Status
from commitments.tk_import import KAMER_STATUSES
from register.history import ChangeSource, dutch_reason, save_with_history
from register.models import (
    Committee,
    Directorate,
    Document,
    Dossier,
    Ministry,
    Party,
    Person,
    Topic,
)
from register.references import parse_references

DOSSIER = re.compile(r"^(?P<number>[0-9]{1,3} ?[0-9]{3})(?:[ -]+(?P<suffix>[0-9A-Z]+))?$")
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
# Fields a spreadsheet may set; the rest of the export's columns are shown, not imported.
IMPORTED = ["number", "tk_number", "tk_status", "ek_number", "ek_status", "title", "text",
            "bewindspersoon", "ministry", "made_on", "to_member", "to_party", "committee",
            "dossier", "topics", "deadline_text", "status", "delivered_on", "delivered_by",
            "directorate"]
# The columns' names on the screens, in the reader's language.
LABELS = {key: gettext_lazy(header) for key, header in COMMITMENT_COLUMNS}
REQUIRED_NEW = ["title", "text", "bewindspersoon", "ministry", "made_on"]


def label_words(choices, languages=("en", "nl")):
    """{label: value} in each language, whichever language this module is imported in."""
    words = {}
    for language in languages:
        with translation.override(language):
            words.update({str(label).casefold(): value for value, label in choices})
    return words


STATUS_WORDS = {**label_words(Status.choices), **{value: value for value in Status.values},
                **KAMER_STATUSES}


class SheetError(Exception):
    """The file as a whole cannot be read."""


@dataclass
class RowPlan:
    number: int  # the row in the sheet (the header is row 1)
    action: str = "unchanged"  # create, update, unchanged, error
    commitment: Commitment | None = None
    values: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)  # (label, old, new)
    errors: list = field(default_factory=list)  # (column, message)


@dataclass
class Plan:
    filename: str
    headers: list
    mapping: dict  # our field -> column index
    rows: list

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def has_errors(self):
        return any(row.errors for row in self.rows)


# --- Reading ----------------------------------------------------------------------------------

def read_sheet(content: bytes, filename: str):
    """(headers, rows) of the first sheet of an XLSX file or of a CSV file."""
    if len(content) > MAX_BYTES:
        raise SheetError(_("Het bestand is groter dan %(mb)s MB.") % {"mb": MAX_BYTES // 2**20})
    if filename.lower().endswith(".xlsx"):
        table = read_xlsx(content)
    elif filename.lower().endswith((".csv", ".txt")):
        table = read_csv(content)
    else:
        raise SheetError(_("Alleen .xlsx- en .csv-bestanden kunnen worden ingelezen."))
    table = [row for row in table if any(cell not in (None, "") for cell in row)]
    if not table:
        raise SheetError(_("Het bestand is leeg."))
    if len(table) > MAX_ROWS + 1:
        raise SheetError(_("Meer dan %(max)s rijen; splits het bestand.") % {"max": MAX_ROWS})
    headers = [str(cell or "").strip() for cell in table[0]]
    return headers, [list(row) + [None] * (len(headers) - len(row)) for row in table[1:]]


def read_xlsx(content):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SheetError(_("Dit is geen leesbaar Excel-bestand (%(error)s).")
                         % {"error": error.__class__.__name__}) from None
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def read_csv(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError(_("Het CSV-bestand is niet in UTF-8; sla het in Excel op als "
                           "‘CSV UTF-8’.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def default_mapping(headers):
    """Our field for each header that names one (our export's headers, capitals ignored)."""
    by_header = {label.casefold(): key for key, label in COMMITMENT_COLUMNS}
    mapping = {}
    for index, header in enumerate(headers):
        key = by_header.get(header.casefold()) or (header if header in LABELS else None)
        if key in IMPORTED and key not in mapping:
            mapping[key] = index
    return mapping


# --- Planning ---------------------------------------------------------------------------------

class Lookups:
    """Every reference table read once, matched without regard to capitals."""

    def __init__(self):
        people = Person.objects.prefetch_related("offices")
        self.people = {person.full_name.casefold(): person for person in people}
        for person in people:
            for office in person.offices.all():
                self.people.setdefault(office.title.casefold(), person)
        self.ministries = {m.abbreviation.casefold(): m for m in Ministry.objects.all()}
        self.ministries.update({m.name.casefold(): m for m in self.ministries.values()})
        self.parties = {p.abbreviation.casefold(): p for p in Party.objects.all()}
        for party in list(self.parties.values()):
            for alias in filter(None, (a.strip() for a in party.aliases.split(","))):
                self.parties.setdefault(alias.casefold(), party)
        self.committees = {c.abbreviation.casefold(): c for c in Committee.objects.all()}
        self.dossiers = {d.number: d for d in Dossier.objects.all()}
        self.directorates = {d.abbreviation.casefold(): d for d in Directorate.objects.all()}
        self.commitments = {c.number: c for c in Commitment.objects.all()}


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    value = text(value)
    if not value:
        return None
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()  # noqa: DTZ007 (a date)
        except ValueError:
            continue
    raise ValueError(_("‘%(value)s’ is geen datum (schrijf 18-12-2020).") % {"value": value})


def dossier_number(value):
    """"24 077" -> "24077", "35 570 XVI" -> "35570-XVI": the number as the register keeps it."""
    match = DOSSIER.match(text(value))
    if not match:
        return text(value)
    return match["number"].replace(" ", "") + (f"-{match['suffix']}" if match["suffix"] else "")


def lookup(table, value, what):
    found = table.get(text(value).casefold())
    if found is None:
        raise ValueError(_("%(what)s ‘%(value)s’ is onbekend; voer die eerst in het register "
                           "in.") % {"what": what, "value": text(value)})
    return found


def convert(key, value, lookups):
    """The Python value for our field `key` from a cell; ValueError with a Dutch message."""
    if key in ("made_on", "delivered_on"):
        return parse_date(value)
    if key == "bewindspersoon" or key == "to_member":
        return lookup(lookups.people, value, _("Persoon")) if text(value) else None
    if key == "ministry":
        return lookup(lookups.ministries, value, _("Ministerie")) if text(value) else None
    if key == "to_party":
        return lookup(lookups.parties, value, _("Fractie")) if text(value) else None
    if key == "committee":
        return lookup(lookups.committees, value, _("Commissie")) if text(value) else None
    if key == "directorate":
        return lookup(lookups.directorates, value, _("Directie")) if text(value) else None
    if key == "dossier":
        return lookup(lookups.dossiers, dossier_number(value), _("Dossier")) \
            if text(value) else None
    if key == "status":
        status = STATUS_WORDS.get(text(value).casefold())
        if status is None:
            raise ValueError(_("Onbekende status ‘%(value)s’.") % {"value": text(value)})
        return status
    if key == "topics":
        return sorted({name.strip().lower() for name in text(value).split(",") if name.strip()})
    if key == "delivered_by":
        if not text(value):
            return None
        references = parse_references(text(value))
        if len(references) != 1:
            raise ValueError(_("Geen verwijzing herkend in ‘%(value)s’.") % {"value": text(value)})
        return references[0]
    return text(value)


def plan_row(number, cells, mapping, lookups):
    row = RowPlan(number)
    for key, index in mapping.items():
        try:
            row.values[key] = convert(key, cells[index], lookups)
        except ValueError as error:
            row.errors.append((LABELS[key], str(error)))
    existing_number = row.values.pop("number", "")
    if existing_number:
        row.commitment = lookups.commitments.get(existing_number)
        if row.commitment is None:
            row.errors.append((LABELS["number"], _("Geen toezegging met nummer ‘%(n)s’.")
                               % {"n": existing_number}))
    else:
        for key in REQUIRED_NEW:
            if not row.values.get(key) and key not in dict(row.errors):
                row.errors.append((LABELS[key], _("Verplicht voor een nieuwe toezegging.")))
    if row.errors:
        row.action = "error"
    elif row.commitment is None:
        row.action = "create"
    else:
        row.changes = differences(row.commitment, row.values)
        row.action = "update" if row.changes else "unchanged"
        check_status(row)
    return row


def check_status(row):
    """A status the commitment cannot reach from its own is an error here, not at writing."""
    new = row.values.get("status")
    current = row.commitment.status
    if new and new != current and new not in COMMITMENT_TRANSITIONS[current]:
        row.action = "error"
        row.errors.append((LABELS["status"], _("Van ‘%(old)s’ kan een toezegging niet naar "
                                               "‘%(new)s’.") % {"old": Status(current).label,
                                                                "new": Status(new).label}))


def current_value(commitment, key):
    if key == "topics":
        return sorted(topic.name for topic in commitment.topics.all())
    if key == "delivered_by":
        return commitment.delivered_by.reference if commitment.delivered_by else None
    return getattr(commitment, key)


def differences(commitment, values):
    return [(LABELS[key], display(current_value(commitment, key)), display(new))
            for key, new in values.items() if current_value(commitment, key) != new]


def display(value):
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if value in Status.values:
        return Status(value).label
    return str(value)


def plan_import(content, filename, mapping=None):
    headers, rows = read_sheet(content, filename)
    mapping = default_mapping(headers) if mapping is None else mapping
    lookups = Lookups()
    planned = [plan_row(number, cells, mapping, lookups)
               for number, cells in enumerate(rows, start=2)]
    duplicates = {}
    for row in planned:
        if row.commitment is not None:
            if row.commitment.pk in duplicates:
                row.action = "error"
                row.errors.append((LABELS["number"], _("Dit nummer staat ook in rij %(row)s.")
                                   % {"row": duplicates[row.commitment.pk]}))
            duplicates.setdefault(row.commitment.pk, row.number)
    return Plan(filename, headers, mapping, planned)


# --- Applying ---------------------------------------------------------------------------------

def apply_plan(plan, *, by, skip_invalid=False):
    """Write the planned creations and changes in one transaction; returns (created, updated)."""
    if plan.has_errors and not skip_invalid:
        raise ValueError("the plan has errors")
    reason = dutch_reason(gettext_noop("import spreadsheet %(file)s"), file=plan.filename)
    created = updated = 0
    with transaction.atomic():
        for row in plan.rows:
            if row.action == "create":
                apply_row(Commitment(status=Status.OPEN), row.values, by=by, reason=reason)
                created += 1
            elif row.action == "update":
                apply_row(row.commitment.locked_copy(), row.values, by=by, reason=reason)
                updated += 1
    return created, updated


def apply_row(commitment, values, *, by, reason):
    values = dict(values)
    topics = values.pop("topics", None)
    status = values.pop("status", None)
    reference = values.pop("delivered_by", None)
    delivered_on = values.pop("delivered_on", None)
    for key, value in values.items():
        setattr(commitment, key, value)
    save_with_history(commitment, by=by, reason=reason, source=ChangeSource.IMPORT)
    if topics is not None:
        commitment.topics.set(Topic.from_names(topics))
    document = None
    if reference is not None:
        document, _created = Document.objects.from_reference(reference, by=by, reason=reason,
                                                             source=ChangeSource.IMPORT)
    if status is not None and status != commitment.status:
        commitment.change_status(status, by=by, reason=reason, document=document,
                                 on=delivered_on, source=ChangeSource.IMPORT)
