"""The history of a track and of its stages in one list, and how each stage's plan moved.

Stages have their own history rows; the track page shows them merged with the track's, newest
first, so a reader sees "plan of the consultation moved" next to "state became Raad van State".
A fixed number of queries, whatever the number of stages or rows.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from legislation.delay import slip_words
from legislation.stage_templates import stage_display_name

# The same old → new rendering as every other timeline in the register.
from register.history import UNINTERESTING, Change, TimelineEntry, _display, timeline


@dataclass
class HistoryItem:
    entry: TimelineEntry
    stage_name: str = ""  # empty for a row of the track itself
    # Stages added together (a template's stages) are shown as one entry.
    also_added: list[str] = field(default_factory=list)

    @property
    def record(self):
        return self.entry.record

    @property
    def added_names(self):
        return [self.stage_name, *self.also_added]

    def joins(self, other):
        """Another stage added in the same breath: same user and reason, seconds apart."""
        mine, theirs = self.record, other.record
        return (self.stage_name and other.stage_name and self.entry.created
                and other.entry.created and mine.history_user_id == theirs.history_user_id
                and mine.history_change_reason == theirs.history_change_reason
                and abs((mine.history_date - theirs.history_date).total_seconds()) < 5)


def stage_records(stage_model, track_pk):
    return list(stage_model.history.filter(track_id=track_pk).select_related("history_user")
                .order_by("history_date", "history_id"))


def stage_entries(stage_model, records):
    """Timeline entries of the stage rows, each compared with the same stage's previous row."""
    fields = [f for f in stage_model._meta.concrete_fields
              if f.attname not in UNINTERESTING and not f.is_relation]
    items, previous = [], {}
    for record in records:
        entry = TimelineEntry(record)
        before = previous.get(record.id)
        if before is not None:
            for f in fields:
                old, new = getattr(before, f.attname), getattr(record, f.attname)
                if old != new:
                    entry.changes.append(Change(str(f.verbose_name), _display(f, old, {}),
                                                _display(f, new, {})))
        previous[record.id] = record
        items.append(HistoryItem(entry, stage_display_name(record.name, record.kind)))
    return items


def track_history(track, records=None):
    """The track's rows and its stages' rows, newest first.

    Rows written together (a stage completed and the track's state that followed from it)
    show the consequence above its cause.
    """
    stage_model = track.stages.model
    if records is None:
        records = stage_records(stage_model, track.pk)
    items = [HistoryItem(entry) for entry in timeline(track)] + stage_entries(stage_model,
                                                                               records)
    items.sort(key=lambda item: (item.record.history_date, not item.stage_name,
                                 item.record.history_id), reverse=True)
    return fold_added_stages(items)


def fold_added_stages(items):
    folded = []
    for item in items:
        if folded and folded[-1].joins(item):
            # Newest first: the earlier-added stage goes in front.
            folded[-1].also_added.insert(0, folded[-1].stage_name)
            folded[-1].stage_name = item.stage_name
        else:
            folded.append(item)
    return folded


@dataclass
class PlanMove:
    """One change of a stage's plan: the words and the period before and after."""

    record: object
    old_text: str
    new_text: str
    old_end: object
    new_end: object
    new_start: object

    @property
    def is_replan(self):
        return bool(self.old_text)


@dataclass
class PlanSummary:
    stage_name: str
    moves: list[PlanMove] = field(default_factory=list)

    @property
    def replans(self):
        return sum(1 for move in self.moves if move.is_replan)

    @property
    def shift_words(self):
        """How far the plan moved from the first plan with a period to the latest one."""
        ends = [move.new_end for move in self.moves if move.new_end]
        if len(ends) < 2 or ends[0] == ends[-1]:
            return _("einddatum niet verschoven")
        if ends[-1] > ends[0]:
            return slip_words(ends[0], ends[-1], suffix=_("later dan eerst gepland"))
        return slip_words(ends[-1], ends[0], suffix=_("eerder dan eerst gepland"))


def plan_moves(records):
    """Each change of plan in the rows of one stage, oldest first."""
    moves, previous = [], None
    for record in records:
        plan = (record.planned_text, record.planned_on, record.planned_end)
        before = (previous.planned_text, previous.planned_on, previous.planned_end) \
            if previous is not None else ("", None, None)
        # Same words, same day, another period: the words read again (rederive_deadlines
        # --all after better reading rules), not a move of the plan.
        if plan[:2] != before[:2] and record.planned_text:
            moves.append(PlanMove(record, before[0], record.planned_text, before[2],
                                  record.planned_end, record.planned_start))
        previous = record
    return moves


def plan_summaries(records):
    """Per stage id, its plan moves; only stages whose plan was ever set."""
    by_stage = {}
    for record in records:
        by_stage.setdefault(record.id, []).append(record)
    summaries = {}
    for stage_id, rows in by_stage.items():
        moves = plan_moves(rows)
        if moves:
            summaries[stage_id] = PlanSummary(stage_display_name(rows[-1].name, rows[-1].kind),
                                              moves)
    return summaries

