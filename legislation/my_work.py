"""The law tracks on My work (commitments.my_work): the stages of a user's own tracks that are
late or are planned to end soon, filled in by LegislationConfig.ready()."""

import datetime
from dataclasses import dataclass

from legislation import delay
from legislation.models import LawTrack
from legislation.stage_templates import State

# "Soon": a stage planned to end within this many days is shown before it is late; a stage is
# a matter of months, so further ahead than the digest's fortnight.
SOON = datetime.timedelta(days=60)


@dataclass(frozen=True)
class StageDue:
    track: LawTrack
    stage: object
    today: datetime.date

    @property
    def slip(self):
        return delay.stage_slip(self.stage, self.today)

    @property
    def days_left(self):
        return (self.stage.planned_end - self.today).days


@dataclass(frozen=True)
class MyTracks:
    tracks: list
    due: list  # [StageDue], the earliest planned end first

    def __bool__(self):
        return bool(self.tracks)

    @property
    def late(self):
        return [row for row in self.due if row.slip]


def my_tracks(user, today):
    """The user's tracks still under way (not withdrawn, not in force) and their open stages
    that are late or planned to end within SOON, the earliest planned end first. Two queries."""
    tracks = list(LawTrack.objects.filter(owner=user, withdrawn=False)
                  .exclude(state=State.IN_FORCE).prefetch_related("stages")
                  .order_by("short_name"))
    due = [StageDue(track, stage, today) for track in tracks for stage in track.ordered_stages
           if delay.is_open(stage) and stage.planned_end and stage.planned_end <= today + SOON]
    due.sort(key=lambda row: (row.stage.planned_end, row.track.short_name, row.stage.order))
    return MyTracks(tracks=tracks, due=due)
