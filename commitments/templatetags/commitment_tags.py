"""Template tags of the commitments lists.

The rows of the commitments list are written in Python: a hundred rows through the template
language (a dozen variables each) cost more than the rest of the list page; one format_html call
per row is a fraction of that (docs/PERFORMANCE.md). format_html escapes every value.
"""

from django import template
from django.template.defaultfilters import date
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from commitments.models import Status

register = template.Library()

ROW = """
    <tr>
      <td data-label="{}"><a class="number" href="{}">{}</a></td>
      <td data-label="{}">{}</td>
      <td data-label="{}">{}</td>
      <td data-label="{}">{}{}</td>
      <td data-label="{}"><span class="badge status-{}{}">{}</span>{}</td>
    </tr>"""


@register.simple_tag
def commitment_status_labels():
    """{% commitment_status_labels as labels %}: translated once per table, not once per row."""
    return {value: str(label) for value, label in Status.choices}


SELECT_CELL = """
      <td class="select"><input type="checkbox" name="pk" value="{}:{}" aria-label="{} {}"></td>"""


@register.simple_tag
def commitment_rows(commitments, select=False):
    """{% commitment_rows page.object_list %}: one <tr> per commitment, as
    partials/commitment_table.html heads them; with select=True a first cell ticks the row for
    a bulk change (its value the version shown: a record changed since is not overwritten)."""
    number, commitment, person, deadline, status = (
        gettext("Nummer"), gettext("Toezegging"), gettext("Bewindspersoon"), gettext("Termijn"),
        gettext("Status"))
    no_deadline, by, late = gettext("geen termijn"), gettext("uiterlijk"), gettext("te laat")
    labels = commitment_status_labels()

    def row(item):
        overdue = item.is_overdue()
        end = format_html('<br><span class="muted">{} {}</span>', by,
                          date(item.deadline_end, "j F Y")) if item.deadline_end else ""
        return (number, item.get_absolute_url(), item.number, commitment, item.title,
                person, item.bewindspersoon.full_name,
                deadline, item.deadline_text or no_deadline, end,
                status, item.status, " late" if overdue else "", labels.get(item.status, ""),
                format_html(' <span class="late">{}</span>', late) if overdue else "")

    if select:
        choose = gettext("Kies")
        return format_html_join("", ROW.replace("<tr>", "<tr>" + SELECT_CELL, 1), (
            (item.pk, item.version, choose, item.number, *row(item)) for item in commitments))
    return format_html_join("", ROW, (row(item) for item in commitments))
