"""Moving later stages along when a stage is re-planned past them.

Re-planning "Advies Raad van State" into 2027 leaves "Inwerkingtreding" planned in 2021 unless
someone notices. The re-plan form warns and offers to re-plan each such later stage, with the
same reason; this module says which stages and in which words (a plan is words, DESIGN.md).
A later stage is moved by the distance this stage moved, in whole units of its own plan (a plan
for a year moves by years, so "2021" becomes "2028", not "augustus 2027 – juli 2028").
"""

import datetime
import math

from register.dates import add_months, month_end, months_between
from register.periods import parse_period

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
QUARTERS = ["eerste", "tweede", "derde", "vierde"]
SEASONS = {3: "voorjaar", 6: "zomer", 9: "najaar"}


def later_stages_to_shift(stage, words, stated_on):
    """[(later stage, suggested words)]: the stages after `stage`, still to come, whose plan
    ends before the new plan (`words` stated on `stated_on`) does. Empty when the words give
    no period."""
    period = parse_period(words, stated_on) if words and stated_on else None
    if period is None:
        return []
    later = stage.track.stages.filter(order__gt=stage.order, actual_end__isnull=True,
                                      skipped=False, planned_end__lt=period.end)
    moved = months_between(stage.planned_end, period.end) if stage.planned_end else 0
    return [(other, shifted_words(other, moved, period.end, stated_on))
            for other in later.order_by("order", "pk")]


def shifted_words(stage, months, not_before, stated_on):
    """Words for `stage`'s plan moved by at least `months` and to end on or after `not_before`,
    in whole units of the plan's own length."""
    start, end = stage.planned_start, stage.planned_end
    unit = plan_unit(start, end)
    needed = months_between(end, not_before)
    if add_months(end, needed) < not_before:
        needed += 1
    needed = max(months, needed)
    step = unit * math.ceil(needed / unit) if unit else needed
    new_start, new_end = add_months(start, step), add_months(end, step)
    if unit:
        new_end = month_end(new_end.year, new_end.month)
    return plan_words(new_start, new_end, stated_on)


def plan_unit(start, end):
    """The length in months of a plan for whole months that starts on a month's first day
    (a year 12, a quarter or season 3, a month 1), else 0."""
    if start.day != 1 or end != month_end(end.year, end.month):
        return 0
    return months_between(start, end + datetime.timedelta(days=1))


def plan_words(start, end, stated_on):
    """Dutch words that mean the period start–end ("2028", "de tweede helft van 2028", "het
    derde kwartaal van 2028", "het voorjaar van 2028", "maart 2028"), checked by reading them
    back; else "uiterlijk" the last day."""
    for words in candidates(start, end):
        period = parse_period(words, stated_on)
        if period and (period.start, period.end) == (start, end):
            return words
    return f"uiterlijk {end.day} {MONTHS[end.month - 1]} {end.year}"


def candidates(start, end):
    unit = plan_unit(start, end)
    if unit == 12 and start.month == 1:
        yield str(start.year)
    if unit == 6 and start.month in (1, 7):
        yield f"de {'eerste' if start.month == 1 else 'tweede'} helft van {start.year}"
    if unit == 3 and start.month % 3 == 1:
        yield f"het {QUARTERS[start.month // 3]} kwartaal van {start.year}"
    if unit == 3 and start.month in SEASONS:
        yield f"het {SEASONS[start.month]} van {start.year}"
    if unit == 1:
        yield f"{MONTHS[start.month - 1]} {start.year}"
