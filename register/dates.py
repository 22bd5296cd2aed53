"""Dates the register reasons with: quarters, the Eerste Kamer's reference dates."""

import datetime

from django.utils.translation import gettext as _


def quarter_bounds(day):
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = datetime.date(day.year, first_month, 1)
    return start, add_months(start, 3) - datetime.timedelta(days=1)


def month_bounds(day):
    start = day.replace(day=1)
    return start, add_months(start, 1) - datetime.timedelta(days=1)


def add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def next_reference_date(today):
    """The Eerste Kamer's next rappel reference date (1 January or 1 July) after today."""
    if today < datetime.date(today.year, 7, 1):
        return datetime.date(today.year, 7, 1)
    return datetime.date(today.year + 1, 1, 1)


def quarter_label(day):
    return _("K%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}
