"""XLSX and CSV of a filtered commitments or motions list: exactly the filter's rows, no query per
row. One writer serves both lists; an `Export` says what a list's sheet holds.
"""

import csv
import datetime
from collections.abc import Callable
from copy import copy
from typing import NamedTuple

from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from commitments.columns import COMMITMENT_COLUMNS
from commitments.models import Appreciation, Execution, Status, VoteOutcome

WIDTHS = {"title": 50, "text": 60, "progress": 60, "bewindspersoon": 28, "debate": 36,
          "deadline_text": 28, "reference": 26, "submitters": 40, "reported_by": 28}
CHUNK = 2000

MOTION_COLUMNS = [
    ("reference", gettext_noop("Nummer")),
    ("dossier", gettext_noop("Dossier")),
    ("title", gettext_noop("Titel")),
    ("submitters", gettext_noop("Indieners")),
    ("debate", gettext_noop("Debat")),
    ("filed_on", gettext_noop("Ingediend op")),
    ("vote_outcome", gettext_noop("Uitslag")),
    ("voted_on", gettext_noop("Datum uitslag")),
    ("appreciation", gettext_noop("Kabinetsappreciatie")),
    ("execution_status", gettext_noop("Uitvoering")),
    ("progress", gettext_noop("Stand van zaken")),
    ("reported_by", gettext_noop("Uitvoering gemeld in")),
    ("directorate", gettext_noop("Directie")),
    ("owner", gettext_noop("Eigenaar")),
    ("topics", gettext_noop("Onderwerpen")),
    ("updated_at", gettext_noop("Laatst gewijzigd")),
]


class Export(NamedTuple):
    sheet: str  # the sheet's title; in lower case, the file's name
    columns: list  # (key, Dutch header) pairs
    prepare: Callable  # the filtered queryset with all that the rows need, in a few queries
    values: Callable  # (record, labels) -> {key: value}; dates stay dates
    choices: dict  # {name: TextChoices}: `labels[name]` maps each value to its Dutch label


def progress(record):
    """The "stand van zaken": the progress text clerks and advisors keep up (never a change
    reason, which says why a field changed, not where the work stands), and what remains."""
    parts = [record.progress or ""]
    if record.remaining:
        parts.append(f"Resteert: {record.remaining}")
    return " ".join(part for part in parts if part)


def shared_values(record):
    """The columns that commitments and motions have in common."""
    return {
        "progress": progress(record),
        "topics": ", ".join(topic.name for topic in record.topics.all()),
        "directorate": record.directorate.abbreviation if record.directorate else "",
        "owner": (record.owner.get_full_name() or record.owner.username) if record.owner else "",
        "updated_at": timezone.localtime(record.updated_at).replace(tzinfo=None),
    }


def days_late(commitment, today=None):
    """Days since the deadline ended, for an open commitment that is overdue; else empty."""
    today = today or timezone.localdate()
    return (today - commitment.deadline_end).days if commitment.is_overdue(today) else None


def commitment_queryset(queryset):
    return queryset.select_related(
        "bewindspersoon", "ministry", "debate", "to_member", "to_party", "committee", "dossier",
        "delivered_by__dossier", "directorate", "owner",
    ).prefetch_related("topics", "bewindspersoon__offices", "to_member__offices")


def commitment_values(c, labels):
    return {
        "number": c.number, "tk_number": c.tk_number, "tk_status": c.tk_status,
        "ek_number": c.ek_number, "ek_status": c.ek_status, "title": c.title, "text": c.text,
        "bewindspersoon": c.bewindspersoon.full_name, "ministry": c.ministry.abbreviation,
        "made_on": c.made_on, "debate": c.debate.title if c.debate else "",
        "to_member": c.to_member.full_name if c.to_member else "",
        "to_party": c.to_party.abbreviation if c.to_party else "",
        "committee": c.committee.abbreviation if c.committee else "",
        "dossier": c.dossier.display_number if c.dossier else "",
        "deadline_text": c.deadline_text, "deadline_start": c.deadline_start,
        "deadline_end": c.deadline_end, "days_late": days_late(c),
        "status": labels["status"][c.status],
        "delivered_on": c.delivered_on,
        "delivered_by": str(c.delivered_by) if c.delivered_by else "",
        **shared_values(c),
    }


def motion_queryset(queryset):
    return queryset.select_related(
        "dossier", "debate", "reported_by__dossier", "directorate", "owner",
    ).prefetch_related("topics", "submitter_rows__person__offices", "submitter_rows__party"
                       )


def motion_values(m, labels):
    return {
        "reference": str(m.reference), "dossier": str(m.dossier), "title": m.title,
        "submitters": ", ".join(str(row) for row in m.submitter_rows.all()),
        "debate": m.debate.title if m.debate else "", "filed_on": m.filed_on,
        "vote_outcome": labels["vote_outcome"][m.vote_outcome], "voted_on": m.voted_on,
        "appreciation": labels["appreciation"].get(m.appreciation, ""),
        "execution_status": labels["execution_status"].get(m.execution_status, ""),
        "reported_by": str(m.reported_by) if m.reported_by else "",
        **shared_values(m),
    }


# The commitments' columns are also what the spreadsheet import reads back (columns.py).
COMMITMENTS = Export("Toezeggingen", COMMITMENT_COLUMNS, commitment_queryset, commitment_values,
                     {"status": Status})
MOTIONS = Export("Moties", MOTION_COLUMNS, motion_queryset, motion_values,
                 {"vote_outcome": VoteOutcome, "appreciation": Appreciation,
                  "execution_status": Execution})


def rows(queryset, export=COMMITMENTS):
    """Each record as a list of Python values, in the order of the export's columns."""
    # Labels once, not once per row; in Dutch, like the headers, so the import can read the
    # file back.
    with translation.override("nl"):
        labels = {name: {value: str(label) for value, label in choices.choices}
                  for name, choices in export.choices.items()}
    keys = [key for key, _header in export.columns]
    for record in export.prepare(queryset).iterator(chunk_size=CHUNK):
        values = export.values(record, labels)
        yield [values[key] for key in keys]


def sanitize(value):
    """CSV text that Excel would take for a formula starts with a quote (formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def styled_cell(sheet, **style):
    """A cell whose style array is copied to other cells: setting styles per cell is slow."""
    cell = WriteOnlyCell(sheet)
    for name, value in style.items():
        setattr(cell, name, value)
    return cell._style


def write_xlsx(queryset, stream, export=COMMITMENTS):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(export.sheet)
    for index, (key, _header) in enumerate(export.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(key, 16)
    sheet.freeze_panes = "A2"
    styles = {"header": styled_cell(sheet, font=Font(bold=True)),
              "date": styled_cell(sheet, number_format="dd-mm-yyyy"),
              "datetime": styled_cell(sheet, number_format="dd-mm-yyyy hh:mm"),
              "long": styled_cell(sheet, alignment=Alignment(wrap_text=True, vertical="top"))}
    sheet.append([cell(sheet, title, styles["header"]) for _key, title in export.columns])
    count = 0
    for values in rows(queryset, export):
        sheet.append([cell(sheet, value, styles.get(kind(value))) for value in values])
        count += 1
    last_column = get_column_letter(len(export.columns))
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"
    workbook.save(stream)
    return count


def kind(value):
    if isinstance(value, datetime.datetime):
        return "datetime"
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, str) and len(value) > 40:
        return "long"
    return None


def cell(sheet, value, style):
    if style is None and not (isinstance(value, str) and value.startswith("=")):
        return value  # plain values need no cell object
    written = WriteOnlyCell(sheet, value=value)
    if style is not None:
        written._style = copy(style)
    if isinstance(value, str) and value.startswith("="):
        written.data_type = "s"  # text, never a formula
    return written


class Echo:
    def write(self, value):
        return value


def csv_lines(queryset, export=COMMITMENTS):
    """UTF-8 with BOM and `;` between fields, so Dutch Excel opens it as it is."""
    writer = csv.writer(Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([title for _key, title in export.columns])
    for values in rows(queryset, export):
        yield writer.writerow([csv_value(value) for value in values])


def csv_value(value):
    if isinstance(value, datetime.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return sanitize(value) if value is not None else ""
