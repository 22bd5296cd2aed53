"""Month and quarter arithmetic, and the Eerste Kamer's reference dates: the one home of date
sums (periods, the dashboard, the list filters, law-track delay and the timeline use these)."""

import calendar
import datetime

from django.utils.translation import gettext as _

ONE_DAY = datetime.timedelta(days=1)


def month_end(year, month):
    """The last day of `month` in `year`."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day, count):
    """`day` moved `count` calendar months (back when negative), kept within the month:
    31 January + 1 month is 28 (or 29) February, 31 March − 1 month too."""
    index = day.month - 1 + count
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, month_end(year, month).day))


def months_between(start, end):
    """The number of whole calendar months from `start` to `end` (0 when end is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def month_bounds(day):
    """The first and the last day of the month of `day`."""
    return day.replace(day=1), month_end(day.year, day.month)


def quarter_start(day):
    return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def next_quarter(day):
    """The first day of the quarter after the one of `day`."""
    return add_months(quarter_start(day), 3)


def quarter_bounds(day):
    """The first and the last day of the quarter of `day`."""
    return quarter_start(day), next_quarter(day) - ONE_DAY


def quarter_label(day):
    return _("K%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}


def next_reference_date(today):
    """The Eerste Kamer's next rappel reference date (1 January or 1 July) after today."""
    if today < datetime.date(today.year, 7, 1):
        return datetime.date(today.year, 7, 1)
    return datetime.date(today.year + 1, 1, 1)
