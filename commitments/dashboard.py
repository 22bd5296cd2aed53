"""The start page's figures: what is open, late and due, per person, dossier and owner.

Every figure comes with the query string of the list behind it, so each number is a link.
Each table is one grouped query, whatever the number of commitments.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.db.models.functions import TruncQuarter
from django.utils.translation import gettext as _

from commitments.models import OPEN_STATUSES, Commitment, Execution, Motion, Status
from register.dates import add_months, next_reference_date, quarter_bounds, quarter_label
from register.models import Person
from register.references import format_dossier

DUE_SOON_DAYS = 30
OPEN_QUERY = [("status", status) for status in OPEN_STATUSES]


@dataclass
class Row:
    label: str
    key: list  # the filter that selects this row's commitments
    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    links: dict = field(default_factory=dict)


def figures(today):
    """Conditional counts for open, overdue and due-soon commitments."""
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    is_open = Q(status__in=OPEN_STATUSES)
    return {
        "open": Count("pk", filter=is_open),
        "overdue": Count("pk", filter=is_open & Q(deadline_end__lt=today)),
        "due_soon": Count("pk", filter=is_open & Q(deadline_end__gte=today,
                                                    deadline_end__lte=soon)),
    }


def links(key, today):
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    return {
        "open": urlencode(key + OPEN_QUERY),
        "overdue": urlencode(key + [("overdue", "1")]),
        "due_soon": urlencode(key + OPEN_QUERY + [("due_from", today.isoformat()),
                                                  ("due_to", soon.isoformat())]),
    }


def grouped(today, group_by, label, key):
    """One row per value of `group_by` that has open commitments, most overdue first."""
    rows = []
    queryset = Commitment.objects.filter(status__in=OPEN_STATUSES).values(*group_by) \
        .annotate(**figures(today)).order_by()
    for values in queryset:
        row = Row(label(values), key(values), values["open"], values["overdue"],
                  values["due_soon"])
        row.links = links(row.key, today)
        rows.append(row)
    return sorted(rows, key=lambda row: (-row.overdue, -row.open, row.label))


def per_bewindspersoon(today):
    ids = Commitment.objects.filter(status__in=OPEN_STATUSES).values("bewindspersoon")
    people = Person.objects.filter(pk__in=ids).prefetch_related("offices").in_bulk()
    return grouped(today, ["bewindspersoon"],
                   lambda v: people[v["bewindspersoon"]].full_name,
                   lambda v: [("bewindspersoon", v["bewindspersoon"])])


def per_dossier(today):
    def label(values):
        if not values["dossier__number"]:
            return _("(zonder dossier)")  # as the list's filter names it
        return f"{format_dossier(values['dossier__number'])} {values['dossier__title'] or ''}" \
            .strip()
    return grouped(today, ["dossier__number", "dossier__title"], label,
                   lambda v: [("dossier", v["dossier__number"] or "null")])


def per_owner(today):
    def label(values):
        name = f"{values['owner__first_name'] or ''} {values['owner__last_name'] or ''}".strip()
        return name or values["owner__username"] or _("(geen eigenaar)")
    return grouped(today, ["owner__username", "owner__first_name", "owner__last_name"], label,
                   lambda v: [("owner", v["owner__username"] or "null")])


def quarters_chart(today, count=12):
    """Made vs delivered per quarter, for the `count` quarters up to the latest with data."""
    made = dict(Commitment.objects.annotate(quarter=TruncQuarter("made_on")).values("quarter")
                .annotate(n=Count("pk")).values_list("quarter", "n").order_by())
    delivered = dict(Commitment.objects.filter(status=Status.DONE, delivered_on__isnull=False)
                     .annotate(quarter=TruncQuarter("delivered_on")).values("quarter")
                     .annotate(n=Count("pk")).values_list("quarter", "n").order_by())
    if not made and not delivered:
        return None
    last = max([*made, *delivered])
    starts = [add_months(last, -3 * step) for step in reversed(range(count))]
    maximum = max([1, *made.values(), *delivered.values()])
    bars = []
    for index, start in enumerate(starts):
        end = quarter_bounds(start)[1]
        made_height = round(150 * made.get(start, 0) / maximum)
        delivered_height = round(150 * delivered.get(start, 0) / maximum)
        bars.append({
            "label": quarter_label(start), "x": 40 + index * 50,
            "made": made.get(start, 0), "delivered": delivered.get(start, 0),
            "made_height": made_height, "made_y": 170 - made_height,
            "delivered_height": delivered_height, "delivered_y": 170 - delivered_height,
            "made_link": urlencode([("made_from", start.isoformat()),
                                    ("made_to", end.isoformat())]),
            "delivered_link": urlencode([("status", Status.DONE),
                                         ("delivered_from", start.isoformat()),
                                         ("delivered_to", end.isoformat())]),
        })
    # The axis ends just past the last pair of bars (each pair is 38 wide), not at the edge.
    return {"bars": bars, "maximum": maximum, "width": 40 + count * 50,
            "axis_end": 40 + (count - 1) * 50 + 38 + 4}


def dashboard(today):
    reference = next_reference_date(today)
    open_commitments = Commitment.objects.filter(status__in=OPEN_STATUSES)
    rappel = Commitment.objects.on_rappel(reference)
    totals = Commitment.objects.aggregate(**figures(today))
    return {
        "today": today,
        "totals": totals,
        "total_links": links([], today),
        "open_motions": Motion.objects.filter(execution_status__in=[
            Execution.OPEN, Execution.IN_PROGRESS, Execution.PARTLY_EXECUTED]).count(),
        "per_bewindspersoon": per_bewindspersoon(today),
        "per_dossier": per_dossier(today),
        "per_owner": per_owner(today),
        "longest_overdue": open_commitments.filter(deadline_end__lt=today)
        .select_related("bewindspersoon").prefetch_related("bewindspersoon__offices")
        .order_by("deadline_end", "pk")[:10],
        "reference_date": reference,
        "rappel": rappel.select_related("bewindspersoon")
        .prefetch_related("bewindspersoon__offices").order_by("deadline_end", "pk")[:25],
        "rappel_count": rappel.count(),
        "rappel_link": urlencode([("rappel", "1")]),
        "chart": quarters_chart(today),
    }
