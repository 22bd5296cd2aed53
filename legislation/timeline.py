"""Geometry of a track's timeline: planned and actual bars per stage on a time axis.

Pure functions: they turn stages and a date into numbers and words, and the template
(templates/legislation/partials/timeline_chart.html) draws them as SVG. Coordinates are in the
SVG's own units; the picture scales with its viewBox, so the same numbers serve the screen and
the printed page.
"""

import datetime
import textwrap
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from legislation import delay
from register.dates import next_quarter, quarter_start

WIDTH = 960
LABEL_WIDTH = 250
RIGHT_PAD = 16
AXIS_TOP = 46
ROW_HEIGHT = 34
BAR_HEIGHT = 10
BOTTOM_PAD = 8
MIN_BAR = 3
# A stage name is wrapped over two lines of this many characters, and cut after that.
LABEL_CHARS = 34
# Below this width per quarter the quarter names would overlap; only years are named then.
MIN_QUARTER_LABEL_WIDTH = 30

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Axis:
    """Days from `start` up to (not including) `end`, mapped onto x from `left` to `right`."""

    start: datetime.date
    end: datetime.date
    left: float = LABEL_WIDTH
    right: float = WIDTH - RIGHT_PAD

    def x(self, day):
        span = max((self.end - self.start).days, 1)
        return round(self.left + (day - self.start).days / span * (self.right - self.left), 1)


def stage_dates(stage):
    return [day for day in (stage.planned_start, stage.planned_end, stage.actual_start,
                            stage.actual_end) if day]


def axis_for(stages, today):
    """Whole quarters around every date of the stages and today; None without any date."""
    days = [day for stage in stages for day in stage_dates(stage)]
    if not days:
        return None
    days.append(today)
    return Axis(quarter_start(min(days)), next_quarter(max(days)))


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    major: bool

    @property
    def label_x(self):
        return round(self.x + 4, 1)

    @property
    def top(self):
        """Year lines reach up to the year names, quarter lines to the quarter names."""
        return 2 if self.major else 17


def ticks(axis):
    """A line at every quarter; years are named, quarters too when there is room."""
    quarter_width = axis.x(next_quarter(axis.start)) - axis.left
    result, day = [], axis.start
    while day <= axis.end:
        major = day.month == 1
        label = ""
        if major:
            label = str(day.year)
        elif day == axis.start:
            label = f"Q{(day.month - 1) // 3 + 1} {day.year}"
        elif quarter_width >= MIN_QUARTER_LABEL_WIDTH:
            label = f"Q{(day.month - 1) // 3 + 1}"
        if day == axis.end:
            label = ""  # the closing line of the axis carries no name
        result.append(Tick(axis.x(day), label, major))
        day = next_quarter(day)
    return result


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    title: str


def segment(axis, first, last, title):
    """The bar for the days `first` to `last`, both included."""
    return until(axis, first, last + ONE_DAY, title)


def until(axis, first, end, title):
    """The bar from the start of `first` to the start of `end` (the today line)."""
    x = axis.x(first)
    return Segment(x, max(round(axis.x(end) - x, 1), MIN_BAR), title)


def period_words(first, last):
    if first == last:
        return date_format(first, "j F Y")
    return f"{date_format(first, 'j F Y')} – {date_format(last, 'j F Y')}"


@dataclass(frozen=True)
class Row:
    stage: object
    number: int
    y: float
    label_lines: list[str]
    planned: Segment | None = None
    actual: Segment | None = None
    running: bool = False
    late: Segment | None = None

    @property
    def planned_y(self):
        return self.y + 6

    @property
    def actual_y(self):
        return self.y + 6 + BAR_HEIGHT + 2

    @property
    def text_y(self):
        """Baseline of the first label line; two lines share the row's height."""
        return self.y + (14 if len(self.label_lines) > 1 else ROW_HEIGHT / 2 + 4)

    @property
    def label(self):
        return " ".join(self.label_lines)

# The width of "vandaag, 30 september 2026" in the label's 11px bold, with some room.
TODAY_LABEL_WIDTH = 170


def label_lines(number, name):
    """"3. Uitvoeringstoetsen en" / "impactanalyses": at most two lines, cut with "…"."""
    lines = textwrap.wrap(f"{number}. {name}", LABEL_CHARS) or [f"{number}."]
    if len(lines) > 2:
        lines = [lines[0], lines[1][:LABEL_CHARS - 1].rstrip() + "…"]
    return lines


def row_for(axis, stage, number, y, today):
    planned = actual = late = None
    running = False
    if stage.planned_start and stage.planned_end:
        planned = segment(axis, stage.planned_start, stage.planned_end,
                          _("Gepland: %(words)s (%(period)s)") % {
                              "words": stage.planned_text,
                              "period": period_words(stage.planned_start, stage.planned_end)})
    if not stage.skipped:
        if stage.actual_end:
            first = stage.actual_start or stage.actual_end
            actual = segment(axis, first, stage.actual_end,
                             _("Werkelijk: %(period)s") % {
                                 "period": period_words(first, stage.actual_end)})
        elif stage.actual_start:
            running = True
            actual = until(axis, stage.actual_start, today,
                           _("Loopt sinds %(date)s") % {
                                 "date": date_format(stage.actual_start, "j F Y")})
        slip = delay.stage_slip(stage, today)
        if slip:
            late = until(axis, stage.planned_end + ONE_DAY, today,
                         _("Te laat: %(words)s") % {"words": slip.words})
    return Row(stage, number, y, label_lines(number, stage.display_name), planned, actual, running,
               late)


@dataclass(frozen=True)
class Chart:
    axis: Axis
    ticks: list[Tick]
    rows: list[Row]
    today: datetime.date
    today_x: float
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT
    row_height: int = ROW_HEIGHT
    top: int = AXIS_TOP
    height: float = 0
    summary: list[str] = field(default_factory=list)

    @property
    def bottom(self):
        return self.height - BOTTOM_PAD

    @property
    def today_label_x(self):
        return round(self.today_x - 4 if self.today_anchor == "end" else self.today_x + 4, 1)

    @property
    def today_anchor(self):
        """Keep the whole label ("vandaag, 7 december 2026") inside the picture: to the left of
        the line when it would run past the right edge."""
        return "end" if self.today_x + 4 + TODAY_LABEL_WIDTH > WIDTH else "start"


def build_chart(stages, today):
    """The chart of `stages` (in order) on `today`, or None when no stage has a date yet."""
    stages = list(stages)
    axis = axis_for(stages, today)
    if axis is None:
        return None
    rows = [row_for(axis, stage, number, AXIS_TOP + index * ROW_HEIGHT, today)
            for index, (number, stage) in enumerate(enumerate(stages, start=1))]
    height = AXIS_TOP + len(rows) * ROW_HEIGHT + BOTTOM_PAD
    summary = [f"{row.number}. {row.stage.display_name}: " + "; ".join(
        part.title for part in (row.planned, row.actual, row.late) if part)
        for row in rows if row.planned or row.actual]
    return Chart(axis, ticks(axis), rows, today, axis.x(today), height=height, summary=summary)
