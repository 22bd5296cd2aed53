"""XLSX and CSV of any filtered commitments list: exactly the filter's rows, no query per row."""

import csv
import datetime
import io
from copy import copy

from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from commitments.columns import COMMITMENT_COLUMNS
from commitments.models import Commitment, Status

WIDTHS = {"title": 50, "text": 60, "progress": 60, "bewindspersoon": 28, "debate": 36,
          "deadline_text": 28}
CHUNK = 2000


def export_queryset(queryset):
    """The filtered list with everything the columns need, in a fixed number of queries."""
    latest_reason = Commitment.history.model.objects.filter(id=OuterRef("pk")).order_by(
        "-history_date", "-history_id").values("history_change_reason")[:1]
    return queryset.select_related(
        "bewindspersoon", "ministry", "debate", "to_member", "to_party", "committee", "dossier",
        "delivered_by__dossier", "directorate", "owner",
    ).prefetch_related("topics", "bewindspersoon__offices", "to_member__offices").annotate(
        latest_reason=Subquery(latest_reason))


def progress(commitment):
    """The "stand van zaken": the latest reason in the history, and what remains."""
    parts = [commitment.latest_reason or ""]
    if commitment.remaining:
        parts.append(f"Resteert: {commitment.remaining}")
    return " ".join(part for part in parts if part)


def row_values(commitment, status_labels):
    """One row as Python values (dates stay dates), in COMMITMENT_COLUMNS order."""
    c = commitment
    values = {
        "number": c.number, "tk_number": c.tk_number, "tk_status": c.tk_status,
        "ek_number": c.ek_number, "ek_status": c.ek_status, "title": c.title, "text": c.text,
        "bewindspersoon": c.bewindspersoon.full_name, "ministry": c.ministry.abbreviation,
        "made_on": c.made_on, "debate": c.debate.title if c.debate else "",
        "to_member": c.to_member.full_name if c.to_member else "",
        "to_party": c.to_party.abbreviation if c.to_party else "",
        "committee": c.committee.abbreviation if c.committee else "",
        "dossier": c.dossier.display_number if c.dossier else "",
        "topics": ", ".join(topic.name for topic in c.topics.all()),
        "deadline_text": c.deadline_text, "deadline_start": c.deadline_start,
        "deadline_end": c.deadline_end, "status": status_labels[c.status],
        "progress": progress(c), "delivered_on": c.delivered_on,
        "delivered_by": str(c.delivered_by) if c.delivered_by else "",
        "directorate": c.directorate.abbreviation if c.directorate else "",
        "owner": (c.owner.get_full_name() or c.owner.username) if c.owner else "",
        "updated_at": timezone.localtime(c.updated_at).replace(tzinfo=None),
    }
    return [values[key] for key, _header in COMMITMENT_COLUMNS]


def rows(queryset):
    # Once, not once per row; in Dutch, like the headers, so the import can read the file back.
    with translation.override("nl"):
        status_labels = {value: str(label) for value, label in Status.choices}
    for commitment in export_queryset(queryset).iterator(chunk_size=CHUNK):
        yield row_values(commitment, status_labels)


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


def write_xlsx(queryset, stream):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Toezeggingen")
    for index, (key, _header) in enumerate(COMMITMENT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(key, 16)
    sheet.freeze_panes = "A2"
    styles = {"header": styled_cell(sheet, font=Font(bold=True)),
              "date": styled_cell(sheet, number_format="dd-mm-yyyy"),
              "datetime": styled_cell(sheet, number_format="dd-mm-yyyy hh:mm"),
              "long": styled_cell(sheet, alignment=Alignment(wrap_text=True, vertical="top"))}
    sheet.append([cell(sheet, title, styles["header"]) for _key, title in COMMITMENT_COLUMNS])
    count = 0
    for values in rows(queryset):
        sheet.append([cell(sheet, value, styles.get(kind(value))) for value in values])
        count += 1
    last_column = get_column_letter(len(COMMITMENT_COLUMNS))
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


def xlsx_bytes(queryset):
    stream = io.BytesIO()
    write_xlsx(queryset, stream)
    return stream.getvalue()


class Echo:
    def write(self, value):
        return value


def csv_lines(queryset):
    """UTF-8 with BOM and `;` between fields, so Dutch Excel opens it as it is."""
    writer = csv.writer(Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([title for _key, title in COMMITMENT_COLUMNS])
    for values in rows(queryset):
        yield writer.writerow([csv_value(value) for value in values])


def csv_value(value):
    if isinstance(value, datetime.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return sanitize(value) if value is not None else ""
