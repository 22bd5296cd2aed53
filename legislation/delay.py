"""Delay of stages and tracks (DESIGN.md: a stage is late when its planned period has ended and
it has no actual end date; the track's slip is the largest such lateness).

`today` is always passed in, so tests and reports can ask "how late was it on that day".
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from register.dates import months_between


@dataclass(frozen=True)
class Slip:
    """How far behind plan something is on `today`: late since the day after `planned_end`."""

    planned_end: datetime.date | None = None
    today: datetime.date | None = None

    @property
    def days(self):
        if self.planned_end is None or self.today is None:
            return 0
        return max((self.today - self.planned_end).days, 0)

    def __bool__(self):
        return self.days > 0

    @property
    def words(self):
        return slip_words(self.planned_end, self.today) if self else _("op schema")


ON_SCHEDULE = Slip()


def slip_words(planned_end, today, *, suffix=None):
    """The delay in Dutch: "12 dagen later dan gepland", "3 maanden …", "1 jaar en 2 maanden …".

    Under a month the days are counted; from a month on the whole calendar months, and from a
    year on years and months, as people say it.
    """
    suffix = _("later dan gepland") if suffix is None else suffix
    days = (today - planned_end).days
    if days <= 0:
        return _("op schema")
    months = months_between(planned_end, today)
    if months == 0:
        amount = ngettext("%(count)d dag", "%(count)d dagen", days) % {"count": days}
    elif months < 12:
        amount = ngettext("%(count)d maand", "%(count)d maanden", months) % {"count": months}
    else:
        amount = ngettext("%(count)d jaar", "%(count)d jaar", months // 12) % {
            "count": months // 12}
        if months % 12:
            amount = _("%(years)s en %(months)s") % {
                "years": amount,
                "months": ngettext("%(count)d maand", "%(count)d maanden", months % 12)
                % {"count": months % 12}}
    return f"{amount} {suffix}"


def is_open(stage):
    return not stage.skipped and stage.actual_end is None


def stage_slip(stage, today):
    """Lateness of one stage on `today`: its planned period ended and it is not finished."""
    if is_open(stage) and stage.planned_end is not None and stage.planned_end < today:
        return Slip(stage.planned_end, today)
    return ON_SCHEDULE


def track_slip(stages, today, *, withdrawn=False):
    """The largest lateness among `stages`; a withdrawn track is no longer behind anything."""
    if withdrawn:
        return ON_SCHEDULE
    return max((stage_slip(stage, today) for stage in stages), key=lambda slip: slip.days,
               default=ON_SCHEDULE)


def completion_delay(stage):
    """How much later than planned a finished stage was finished, in words; "" if not later."""
    if stage.actual_end is None or stage.planned_end is None:
        return ""
    if stage.actual_end <= stage.planned_end:
        return _("binnen de planning afgerond")
    return slip_words(stage.planned_end, stage.actual_end, suffix=_("later afgerond dan gepland"))
