"""register/dates.py, the one home of month and quarter sums. There were two add_months: the
register's went to the first of the month ("31 January + 1" was 1 February) and was only ever
given firsts of months; legislation's kept the day within the month. The second is the meaning of
"a month later", so it is the one left; the firsts of months its callers give come out the same."""

import datetime

import pytest

from register.dates import (
    add_months,
    month_bounds,
    month_end,
    months_between,
    next_quarter,
    quarter_bounds,
    quarter_label,
    quarter_start,
)

D = datetime.date


@pytest.mark.parametrize("day, count, expected", [
    (D(2020, 1, 31), 1, D(2020, 2, 29)),  # kept within February, a leap year
    (D(2021, 1, 31), 1, D(2021, 2, 28)),
    (D(2021, 3, 31), -1, D(2021, 2, 28)),
    (D(2020, 11, 15), 14, D(2022, 1, 15)),
    (D(2021, 1, 15), -13, D(2019, 12, 15)),
    (D(2021, 8, 31), 6, D(2022, 2, 28)),  # "binnen zes maanden" from 31 August
    (D(2021, 10, 1), 3, D(2022, 1, 1)),
    (D(2021, 5, 20), 0, D(2021, 5, 20)),
])
def test_add_months_keeps_the_day_within_the_month(day, count, expected):
    assert add_months(day, count) == expected


def test_whole_months_between_days():
    assert months_between(D(2021, 1, 31), D(2021, 2, 27)) == 0
    assert months_between(D(2021, 1, 31), D(2021, 2, 28)) == 1
    assert months_between(D(2021, 1, 31), D(2021, 3, 30)) == 1
    assert months_between(D(2021, 1, 31), D(2021, 3, 31)) == 2
    assert months_between(D(2021, 6, 1), D(2021, 5, 1)) == 0


@pytest.mark.parametrize("day, month, quarter", [
    (D(2021, 2, 14), (D(2021, 2, 1), D(2021, 2, 28)), (D(2021, 1, 1), D(2021, 3, 31))),
    (D(2024, 2, 29), (D(2024, 2, 1), D(2024, 2, 29)), (D(2024, 1, 1), D(2024, 3, 31))),
    (D(2021, 6, 30), (D(2021, 6, 1), D(2021, 6, 30)), (D(2021, 4, 1), D(2021, 6, 30))),
    (D(2021, 12, 31), (D(2021, 12, 1), D(2021, 12, 31)), (D(2021, 10, 1), D(2021, 12, 31))),
])
def test_month_and_quarter_bounds(day, month, quarter):
    assert month_bounds(day) == month
    assert quarter_bounds(day) == quarter
    assert month_end(day.year, day.month) == month[1]


def test_quarters():
    assert quarter_start(D(2020, 6, 12)) == D(2020, 4, 1)
    assert next_quarter(D(2020, 6, 12)) == D(2020, 7, 1)
    assert next_quarter(D(2020, 11, 1)) == D(2021, 1, 1)
    assert next_quarter(D(2020, 12, 31)) == D(2021, 1, 1)
    assert quarter_label(D(2020, 11, 1)) == "K4 2020"


def test_the_dashboard_chart_counts_back_whole_quarters():
    """The dashboard steps back from the first day of a quarter: whole quarters, as before."""
    last = D(2021, 1, 1)
    starts = [add_months(last, -3 * step) for step in reversed(range(5))]
    assert starts == [D(2020, 1, 1), D(2020, 4, 1), D(2020, 7, 1), D(2020, 10, 1), last]
    assert [quarter_bounds(start)[1] for start in starts[:2]] == [D(2020, 3, 31),
                                                                   D(2020, 6, 30)]
