"""The parliamentary calendar that deadline words refer to: recesses, Prinsjesdag, the budget cycle.

The recesses come from `register/data/parliamentary_calendar.json`: each as the Kamer published it,
with its source. A recess (or one of its two dates) that the data does not give is estimated by the
rule written in that file, and says so (`Recess.estimated_start`, `Recess.estimated_end`), so that
a period derived from it can say it is estimated and be re-derived once the dates are known.
The fixed days follow DESIGN.md "The parliamentary calendar": Prinsjesdag is the third Tuesday of
September, Verantwoordingsdag the third Wednesday of May.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

__all__ = [
    "RECESS_NAMES", "Recess", "data_years", "next_recess", "prinsjesdag", "recess",
    "recesses_from", "verantwoordingsdag",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "parliamentary_calendar.json"

# The estimation rule of the data file: (month, first day of the window the first Friday falls
# in, days from that Friday to the last Monday of the recess).
_ESTIMATE = {
    "voorjaarsreces": (2, 13, 10),
    "meireces": (4, 20, 17),
    "zomerreces": (7, 2, 59),
    "herfstreces": (10, 12, 10),
    "kerstreces": (12, 16, 24),
}
RECESS_NAMES = tuple(_ESTIMATE)
# Years outside these have no recesses, estimated or not: the Kamer's calendar did not exist in
# this form, and no deadline is that far ahead.
_FIRST_YEAR, _LAST_YEAR = 1995, 2100


@dataclass(frozen=True)
class Recess:
    name: str  # "zomerreces", "kerstreces", "voorjaarsreces", "meireces", "herfstreces"
    year: int  # the year it starts
    start: date  # its first day
    end: date  # its last day (the Kamer meets again the day after)
    estimated_start: bool = False
    estimated_end: bool = False
    source: str = ""  # where the published dates come from; empty when estimated

    @property
    def estimated(self) -> bool:
        return self.estimated_start or self.estimated_end


@cache
def _data() -> dict[tuple[str, int], dict]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {(item["name"], item["year"]): item | {"source": raw["sources"][item["source"]]}
            for item in raw["recesses"]}


def data_years() -> tuple[int, int]:
    """The first and last year that the data gives recess dates for."""
    years = [year for _name, year in _data()]
    return min(years), max(years)


def _estimate(name: str, year: int) -> tuple[date, date]:
    month, first, days = _ESTIMATE[name]
    window = date(year, month, first)
    start = window + timedelta(days=(4 - window.weekday()) % 7)  # the Friday in the window
    return start, start + timedelta(days=days)


def recess(name: str, year: int) -> Recess | None:
    """The recess `name` that starts in `year`, from the data or estimated; None out of range."""
    if name not in _ESTIMATE or not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    start, end = _estimate(name, year)
    item = _data().get((name, year))
    if item is None:
        return Recess(name, year, start, end, estimated_start=True, estimated_end=True)
    return Recess(
        name, year,
        date.fromisoformat(item["start"]) if item["start"] else start,
        date.fromisoformat(item["end"]) if item["end"] else end,
        estimated_start=not item["start"], estimated_end=not item["end"],
        source=item["source"],
    )  # fmt: skip


def recesses_from(name: str, year: int):
    """The recesses of that name from `year` on (a generator that stops at the last year)."""
    for y in range(max(year, _FIRST_YEAR), _LAST_YEAR + 1):
        found = recess(name, y)
        if found is not None:
            yield found


def next_recess(name: str | None, today: date) -> Recess | None:
    """The first recess of that name (any name when None) that has not started by `today`."""
    names = RECESS_NAMES if name is None else (name,)
    candidates = []
    for each in names:
        for found in recesses_from(each, today.year - 1):
            if found.start > today:
                candidates.append(found)
                break
    return min(candidates, key=lambda r: r.start, default=None)


def _weekday_in_month(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def prinsjesdag(year: int) -> date:
    """The third Tuesday of September: the Miljoenennota and the budgets for `year` + 1."""
    return _weekday_in_month(year, 9, 1, 3)


def verantwoordingsdag(year: int) -> date:
    """The third Wednesday of May: the jaarverslagen over `year` - 1."""
    return _weekday_in_month(year, 5, 2, 3)
