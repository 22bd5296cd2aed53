"""Commitments from a spreadsheet (XLSX or CSV): read, map columns, preview, then apply.

The layout our own export writes is read as it is; other layouts map their columns to our
fields (the mapping screen, or --map on the command line). Nothing is written until the preview
is confirmed, and then in one transaction, each change with a history row that names the file;
a row the database refuses after all becomes a message on that row and nothing is written.
People, ministries, parties and dossiers must exist already: a spreadsheet is no place to invent
a bewindspersoon, so an unknown one is an error on that row, not a new record.

A cell says what the field becomes, so reading our own export back changes nothing:
- an empty cell in a required field (title, text, bewindspersoon, ministry, date, and on an
  existing row the status) is an error on that row: it cannot be emptied;
- an empty cell in an optional field clears that field, and the preview shows it ("→ —"); a
  column that should be left alone is left out, or not mapped;
- the delivery (delivered on, delivered by) follows the status, as on the status page: it is
  written only with a change of status, through Commitment.change_status, whose rules hold as
  on the status page: done needs the delivering document, partly done what remains (stated on
  the status page before: a spreadsheet has no column for it). An empty delivery cell then
  means what it means on the status form (the document's date or today; the document already
  named).
The preview is worked out by the same model rules as the writing (`check_transition` and
`apply_status`, on a copy), so what it shows is what is written, and a row with no change writes
no history row.
"""

import copy
import csv
import datetime
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from commitments.columns import COMMITMENT_COLUMNS
from commitments.models import DELIVERED, Commitment, Status
from commitments.vocabulary import KAMER_STATUSES
from register.history import ChangeSource, dutch_reason, save_with_history
from register.models import (
    Committee,
    Debate,
    Directorate,
    Document,
    Dossier,
    Ministry,
    Party,
    Person,
    Topic,
)
from register.periods import explain_period
from register.references import Reference, parse_references

DOSSIER = re.compile(r"^(?P<number>[0-9]{1,3} ?[0-9]{3})(?:[ -]+(?P<suffix>[0-9A-Z]+))?$")
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX unpacks to XML some ten times its size: more than this is no list of commitments.
MAX_UNPACKED = 200_000_000
MAX_COLUMNS = 100
# Fields a spreadsheet may set; the rest of the export's columns are shown, not imported.
IMPORTED = ["number", "tk_number", "tk_status", "ek_number", "ek_status", "title", "text",
            "bewindspersoon", "ministry", "made_on", "to_member", "to_party", "committee",
            "dossier", "topics", "deadline_text", "status", "delivered_on", "delivered_by",
            "directorate"]
# The columns' names on the screens, in the reader's language.
LABELS = {key: gettext_lazy(header) for key, header in COMMITMENT_COLUMNS}
REQUIRED_NEW = ["title", "text", "bewindspersoon", "ministry", "made_on"]
REQUIRED = [*REQUIRED_NEW, "status"]
DELIVERY = ["delivered_on", "delivered_by"]
# The fields a row sets on the record itself; the status and the delivery go through
# change_status.
FIELDS = [key for key in IMPORTED if key not in ("number", "status", *DELIVERY)]
# What the CSV export puts before text that Excel would take for a formula (exports.sanitize).
FORMULA_QUOTED = re.compile(r"^'(?=[=+\-@\t\r])")


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
    period: str = ""  # what new or changed deadline words mean (explain_period), in Dutch


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

    @property
    def fingerprint(self):
        """What the preview showed, in short: confirming writes only a plan that was seen."""
        shown = [(row.number, row.action, [(str(label), old, new) for label, old, new in
                                           row.changes]) for row in self.rows]
        return hashlib.sha256(repr(shown).encode()).hexdigest()[:32]


# --- Reading ----------------------------------------------------------------------------------

def read_sheet(content: bytes, filename: str):
    """(headers, rows) of the first sheet of an XLSX file or of a CSV file.

    A file too large to be a list of commitments is refused before its rows are read where it
    can be (the upload's size; an XLSX's unpacked size and declared dimension), and otherwise
    as soon as reading passes the limit: the rows are read one by one, never all at once.
    """
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
    headers = [str(cell or "").strip() for cell in table[0]]
    return headers, [list(row) + [None] * (len(headers) - len(row)) for row in table[1:]]


def too_many_rows(rows=None):
    if rows is None:
        return SheetError(_("Meer dan %(max)s rijen; splits het bestand.")
                          % {"max": number_format(MAX_ROWS, force_grouping=True)})
    return SheetError(_("Het werkblad heeft %(rows)s rijen, meer dan %(max)s; splits het "
                        "bestand.") % {"rows": number_format(rows, force_grouping=True),
                                       "max": number_format(MAX_ROWS, force_grouping=True)})


def limited(rows):
    """The rows, trailing empty cells left off, refused as soon as there are too many."""
    table = []
    for row in rows:
        if len(table) > MAX_ROWS:
            raise too_many_rows()
        row = list(row)
        while row and row[-1] in (None, ""):
            row.pop()
        table.append(row)
    return table


def read_xlsx(content):
    check_package(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        # Streaming (read_only): one row in memory at a time. A row number far below the others
        # makes openpyxl fill the gap with empty rows, so the rows are limited, not the cells.
        rows = sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2,
                               max_col=min(sheet.max_column or MAX_COLUMNS, MAX_COLUMNS))
        table = limited(rows)
        workbook.close()
    except SheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise unreadable(error) from None
    return table


def unreadable(error):
    return SheetError(_("Dit is geen leesbaar Excel-bestand (%(error)s).")
                      % {"error": error.__class__.__name__})


def check_package(content):
    """Refuse an XLSX that is too large before openpyxl opens it.

    An XLSX is a zip of XML. Its unpacked size is in the zip's directory (and Python's zipfile
    never unpacks a member to more than that). openpyxl, opening a file read-only, reads the
    whole of every worksheet that declares no dimension to find its size (our own exports, made
    in write-only mode, declare none), so each worksheet is looked at first: its declared
    dimension, else its rows counted as they stream by, stopping past the limit.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED:
                raise SheetError(_(
                    "Het bestand is uitgepakt %(mb)s MB, meer dan de %(max)s MB die %(rows)s "
                    "rijen nodig hebben; splits het bestand.") % {
                    "mb": round(unpacked / 1_000_000), "max": MAX_UNPACKED // 1_000_000,
                    "rows": number_format(MAX_ROWS, force_grouping=True)})
            for member in members:
                if member.filename.endswith(".xml"):
                    with archive.open(member) as stream:
                        check_worksheet(stream)
    except SheetError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError,
            EOFError, expat.ExpatError) as error:
        raise unreadable(error) from None


class _SeenEnough(Exception):
    pass


def check_worksheet(stream):
    """Refuse a worksheet (another part of the package is left alone) that declares, or turns out
    to have, more rows or columns than the limits, reading no further than needed."""
    parser = expat.ParserCreate()
    rows, first = 0, True

    def start(name, attributes):
        nonlocal rows, first
        local = name.rpartition(":")[2]
        if first and local != "worksheet":
            raise _SeenEnough
        first = False
        if local == "dimension":
            check_dimension(attributes.get("ref", ""))
            raise _SeenEnough
        if local == "row":
            rows += 1
            if rows > MAX_ROWS + 1:
                raise too_many_rows()

    def doctype(*args):
        raise expat.ExpatError("DOCTYPE")  # no part of an XLSX has one; entities are a bomb

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    try:
        while chunk := stream.read(2**16):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _SeenEnough:
        pass


def check_dimension(ref):
    """The size a worksheet declares (<dimension ref="A1:Z30">)."""
    try:
        _min_column, _min_row, columns, rows = range_boundaries(ref)
    except (ValueError, TypeError):
        return  # not a dimension openpyxl can use either: the rows are counted as read
    if rows and rows > MAX_ROWS + 1:
        raise too_many_rows(rows)
    if columns and columns > MAX_COLUMNS:
        raise SheetError(_("Het werkblad heeft %(columns)s kolommen, meer dan %(max)s; lees "
                           "alleen de kolommen van de toezeggingen in.") % {
            "columns": number_format(columns, force_grouping=True), "max": MAX_COLUMNS})


def read_csv(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError(_("Het CSV-bestand is niet in UTF-8; sla het in Excel op als "
                           "‘CSV UTF-8’.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        table = limited(reader)
    except csv.Error as error:
        # The csv module refuses a cell over its field size limit (128 kB): no commitment is
        # that long, so the file is not what it seems.
        limit = csv.field_size_limit() // 1024
        message = (_("rij %(row)s: een cel is langer dan %(kb)s kB; is dit wel een lijst van "
                     "toezeggingen?") if "field larger" in str(error) else
                   _("rij %(row)s is geen geldige CSV (%(error)s)."))
        raise SheetError(message % {"row": reader.line_num, "kb": limit,
                                    "error": error}) from None
    return [[FORMULA_QUOTED.sub("", cell) for cell in row] for row in table]


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
        # The fields a row is compared with, so that comparing costs no query per row.
        commitments = Commitment.objects.select_related(
            "bewindspersoon", "ministry", "to_member", "to_party", "committee", "dossier",
            "directorate", "delivered_by__dossier").prefetch_related("topics")
        self.commitments = {c.number: c for c in commitments}

    @cached_property
    def documents(self):
        """Each document under every name our export may have written for it: what it prints
        as, its key, its kenmerk (a TK letter's DocumentNummer), its title."""
        documents = {}
        for document in Document.objects.select_related("dossier"):
            for name in {str(document), document.ident, document.kenmerk, document.title}:
                if name:
                    documents.setdefault(name.casefold(), []).append(document)
        return documents


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


def delivering_document(value, lookups, commitment):
    """The Document a cell names, as our export writes it; else a Reference to a paper that is
    new here (created on confirming)."""
    if commitment is not None and commitment.delivered_by and value == str(commitment.delivered_by):
        return commitment.delivered_by
    found = lookups.documents.get(value.casefold(), [])
    if len(found) > 1:
        raise ValueError(_("Meer dan één document heet ‘%(value)s’; schrijf de verwijzing "
                           "(bijvoorbeeld ‘Kamerstuk 24 077, nr. 468’) of het kenmerk.")
                         % {"value": value})
    if found:
        return found[0]
    references = parse_references(value)
    if len(references) != 1:
        raise ValueError(_("Geen verwijzing herkend in ‘%(value)s’.") % {"value": value})
    known = lookups.documents.get(references[0].ident.casefold())
    return known[0] if known else references[0]


def convert(key, value, lookups, commitment=None):
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
        if not text(value):
            return None
        status = STATUS_WORDS.get(text(value).casefold())
        if status is None:
            raise ValueError(_("Onbekende status ‘%(value)s’.") % {"value": text(value)})
        return status
    if key == "topics":
        return sorted({name.strip().lower() for name in text(value).split(",") if name.strip()})
    if key == "delivered_by":
        return delivering_document(text(value), lookups, commitment) if text(value) else None
    return text(value)


def plan_row(number, cells, mapping, lookups):
    row = RowPlan(number)
    existing_number = text(cells[mapping["number"]]) if "number" in mapping else ""
    if existing_number:
        row.commitment = lookups.commitments.get(existing_number)
        if row.commitment is None:
            row.errors.append((LABELS["number"], _("Geen toezegging met nummer ‘%(n)s’.")
                               % {"n": existing_number}))
    for key in IMPORTED:
        if key in mapping and key != "number":
            try:
                row.values[key] = convert(key, cells[mapping[key]], lookups, row.commitment)
            except ValueError as error:
                row.errors.append((LABELS[key], str(error)))
    check_required(row, new=not existing_number)
    if not row.errors:
        plan_changes(row)
        row.period = planned_period(row)
    if row.errors:
        row.action = "error"
    elif row.commitment is None:
        row.action = "create"
    else:
        row.action = "update" if row.changes else "unchanged"
    return row


def check_required(row, *, new):
    if new:
        missing = [key for key in REQUIRED_NEW if not row.values.get(key)]
        message = _("Verplicht voor een nieuwe toezegging.")
    else:
        missing = [key for key in REQUIRED if key in row.values and not row.values[key]]
        message = _("Mag niet leeg zijn: dit veld is verplicht. Vul de huidige waarde in, of "
                    "lees deze kolom niet in.")
    failed = {str(column) for column, _message in row.errors}
    row.errors += [(LABELS[key], message) for key in missing if str(LABELS[key]) not in failed]


def plan_changes(row):
    """The row's changes, by the rules apply_row writes them with; or errors on the row."""
    commitment = row.commitment or Commitment(status=Status.OPEN)
    values = row.values
    status = values.get("status") or commitment.status
    before = {key: current_value(commitment, key) for key in IMPORTED if key != "number"}
    after = {**before, **{key: values[key] for key in FIELDS if key in values}, "status": status}
    refusals = []
    if status != commitment.status:
        refusals = status_refusals(commitment, status, values.get("delivered_by"))
        if any(code == "transition" for code, _message in refusals):
            row.errors += [(LABELS["status"], message) for _code, message in refusals]
            return
        after.update(planned_delivery(commitment, status, values.get("delivered_by"),
                                      values.get("delivered_on")))
    check_delivery(row, status != commitment.status, after)
    row.errors += [(LABELS[REFUSAL_COLUMNS.get(code, "status")], message)
                   for code, message in refusals]
    check_fields(row, commitment)
    if row.commitment is not None:
        row.changes = [(LABELS[key], display(before[key]), display(after[key]))
                       for key in before if before[key] != after[key]]


# The column that holds what a refused status change lacks.
REFUSAL_COLUMNS = {"document": "delivered_by"}
NO_REMAINING_COLUMN = gettext_lazy(
    "Bij ‘Deels afgedaan’ hoort wat nog resteert, en daarvoor heeft een spreadsheet geen kolom: "
    "zet deze status op de statuspagina van de toezegging.")


def status_refusals(commitment, status, document):
    """[(code, message)]: the model's own check of the status change (Commitment.
    check_transition, on a copy), as apply_row's change_status will make it."""
    stand_in = Document() if isinstance(document, Reference) else document
    try:
        copy.copy(commitment).check_transition(status, document=stand_in)
    except ValidationError as error:
        return [(refusal.code, str(NO_REMAINING_COLUMN) if refusal.code == "remaining"
                 else " ".join(refusal.messages)) for refusal in error.error_list]
    return []


def planned_period(row):
    """The period the row's deadline words name, counted from the day the commitment was
    made, when the row brings new words or a new day (DESIGN.md: shown before anything is
    saved)."""
    commitment = row.commitment or Commitment()
    words = row.values.get("deadline_text", commitment.deadline_text)
    made_on = row.values.get("made_on") or commitment.made_on
    if not words or (words, made_on) == (commitment.deadline_text, commitment.made_on):
        return ""
    ministry = row.values.get("ministry") or commitment.ministry_id
    ministry = getattr(ministry, "pk", ministry)
    return explain_period(words, made_on, budget_debate=lambda year: Debate.budget_debate_day(
        ministry, year))


def planned_delivery(commitment, status, document, on):
    """The delivery after the status change, by the model's own rule (apply_status, on a copy);
    a paper that is new here stands in as an unsaved Document until it is created."""
    stand_in = Document() if isinstance(document, Reference) else document
    trial = copy.copy(commitment)
    trial.apply_status(status, stand_in, on, None)
    delivered_by = trial.delivered_by
    if stand_in is not None and delivered_by is stand_in:
        delivered_by = document
    return {"delivered_by": delivered_by, "delivered_on": trial.delivered_on}


def check_delivery(row, status_changes, after):
    """A delivery cell must say what is written: without a change of status nothing, with one
    what the status rule makes of it (an empty cell leaves that to the rule)."""
    for key in DELIVERY:
        if key not in row.values or row.values[key] == after[key]:
            continue
        if not status_changes:
            row.errors.append((LABELS[key], _(
                "%(column)s verandert alleen samen met de status, naar ‘Afgedaan’ of ‘Deels "
                "afgedaan’ (zoals op de statuspagina).") % {"column": LABELS[key]}))
        elif row.values[key] is not None:
            row.errors.append((LABELS[key], _(
                "Bij de status ‘%(status)s’ wordt %(column)s ‘%(value)s’; maak de cel leeg.")
                % {"status": Status(after["status"]).label, "column": LABELS[key],
                   "value": display(after[key])}))


def check_fields(row, commitment):
    """The model's own checks of the text fields (length), so the database never refuses them."""
    trial = copy.copy(commitment)
    for key in FIELDS:
        if key in row.values and key != "topics":
            setattr(trial, key, row.values[key])
    checked = {"title", "text", "tk_number", "tk_status", "ek_number", "ek_status",
               "deadline_text"}
    try:
        trial.clean_fields(exclude=[f.name for f in Commitment._meta.fields
                                    if f.name not in checked])
    except ValidationError as error:
        row.errors += [(LABELS[key], " ".join(messages))
                       for key, messages in error.message_dict.items()]


def current_value(commitment, key):
    if key == "topics":
        return sorted(topic.name.lower() for topic in commitment.topics.all()) \
            if commitment.pk else []
    return getattr(commitment, key, None)  # None: a new record has no bewindspersoon yet


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


def plan_sheet(sheet, filename, mapping=None):
    """The plan of a sheet read by read_sheet: (headers, rows)."""
    headers, rows = sheet
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

class PlanFailed(Exception):
    """The database refused a row; nothing was written and that row says why."""


def apply_plan(plan, *, by, skip_invalid=False):
    """Write the planned creations and changes in one transaction; returns (created, updated).

    A row the database refuses all the same (a constraint, a concurrent change) is marked as an
    error; then nothing is written and PlanFailed is raised, unless skip_invalid, which leaves
    out that row only.
    """
    if plan.has_errors and not skip_invalid:
        raise ValueError("the plan has errors")
    reason = dutch_reason(gettext_noop("import spreadsheet %(file)s"), file=plan.filename)
    created = updated = failed = 0
    with transaction.atomic():
        for row in plan.rows:
            if row.action not in ("create", "update"):
                continue
            try:
                with transaction.atomic():
                    apply_row(row, by=by, reason=reason)
            except (DatabaseError, ValidationError) as error:
                refuse_row(row, error)
                failed += 1
                continue
            created += row.action == "create"
            updated += row.action == "update"
        if failed and not skip_invalid:
            raise PlanFailed(plan)
    return created, updated


def refuse_row(row, error):
    row.action = "error"
    detail = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    row.errors.append(("", _("De database weigerde deze rij: %(error)s") % {"error": detail}))


def apply_row(row, *, by, reason):
    """Write one planned row as plan_changes worked it out: fields, topics, then the status."""
    commitment = row.commitment.locked_copy() if row.commitment else Commitment(
        status=Status.OPEN)
    if row.commitment and commitment.version != row.commitment.version:
        raise ValidationError(_("Iemand anders heeft deze toezegging intussen gewijzigd; lees "
                                "het bestand opnieuw in."))
    values = row.values
    changed = [key for key in FIELDS if key in values and key != "topics"
               and current_value(commitment, key) != values[key]]
    topics = values.get("topics")
    new_topics = topics is not None and current_value(commitment, "topics") != topics
    for key in changed:
        setattr(commitment, key, values[key])
    if changed or new_topics or commitment.pk is None:
        save_with_history(commitment, by=by, reason=reason, source=ChangeSource.IMPORT)
    if new_topics:
        commitment.topics.set(Topic.from_names(topics))
    status = values.get("status")
    if status and status != commitment.status:
        document = values.get("delivered_by")
        if isinstance(document, Reference):
            document, _created = Document.objects.from_reference(document, by=by, reason=reason,
                                                                 source=ChangeSource.IMPORT)
        # A status without a delivery keeps the date recorded before (partly done, then
        # lapsed): the cell that still shows it changes nothing (check_delivery).
        on = values.get("delivered_on") if status in DELIVERED else None
        commitment.change_status(status, by=by, reason=reason, document=document, on=on,
                                 source=ChangeSource.IMPORT)
