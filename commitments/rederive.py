"""Deadlines derived again when what they were derived from changes (DESIGN.md "The parliamentary
calendar"): the recess dates of the calendar data (`manage.py rederive_deadlines`, after a year
is added), the reading rules themselves (`rederive_deadlines --all`, after an upgrade), and the
ministry's own budget debate ("voor de begrotingsbehandeling" ends the day before it when the
register holds it, else on 31 October): adding, moving or removing a Debate of kind
begrotingsbehandeling derives again the commitments of that ministry that name the budget. Each
record whose derived period changes gets a history row saying why.

Other apps' records derive periods from words too (law-track stages): they add themselves to
REDERIVABLE in their AppConfig.ready() (STYLE.md 13: commitments imports no higher app).
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_update_with_history

from commitments.models import Commitment
from commitments.tk_import.writing import in_short_transactions
from register.history import dutch_reason
from register.models import Debate, Ministry
from register.periods import dutch_date

# Every reason below starts so: a period derived again from the same words is no change of the
# record a letter would report (letters.compose.stage_changes leaves such rows out).
REDERIVED = "termijn herberekend:"
# Dutch whatever the language (dutch_reason), like rederive_deadlines' reasons.
BUDGET_DEBATE_SET = ("termijn herberekend: begrotingsbehandeling %(committee)s op %(date)s "
                     "vastgelegd")
BUDGET_DEBATE_GONE = ("termijn herberekend: begrotingsbehandeling %(committee)s van %(date)s "
                      "vervallen")


# The parser's rules improved (an upgrade): what the words say now replaces what they said then.
RULES_UPDATED = gettext_noop("termijn herberekend: leesregels bijgewerkt")


@dataclass(frozen=True)
class Rederivable:
    """Records whose period is derived from words on save, for deriving it again."""

    label: str  # the count line's noun: "toezegging(en)"
    # () -> the records with words whose period no person set (manual dates, "geen termijn")
    records: Callable
    fields: tuple  # what derive sets; the first two are the derived period (start, end)
    # () -> derive(record), made once per run (so a run may read what derive needs once)
    deriver: Callable
    name: Callable = str

    def period(self, record):
        return tuple(getattr(record, name) for name in self.fields[:2])


def commitment_deriver():
    # The ministry's budget debate of a year is read once per run, not once per commitment.
    days = functools.cache(Debate.budget_debate_day)

    def derive(commitment):
        commitment.own_budget_debate = functools.partial(days, commitment.ministry_id)
        commitment.derive_deadline()
    return derive


COMMITMENTS = Rederivable(
    label="toezegging(en)",
    records=lambda: Commitment.objects.exclude(deadline_text="").filter(
        deadline_overridden=False, deadline_none=False, deadline_override_start__isnull=True,
        deadline_override_end__isnull=True),
    fields=("deadline_parsed_start", "deadline_parsed_end", "deadline_estimated",
            "deadline_start", "deadline_end", "deadline_overridden"),
    deriver=commitment_deriver, name=lambda commitment: commitment.number)
REDERIVABLE = [COMMITMENTS]


def add_rederivable(kind):
    if kind not in REDERIVABLE:
        REDERIVABLE.append(kind)


def rederive(kind, records, *, by, reason, dry_run=False):
    """Derive the period of each of `records` (a queryset of `kind`) again; write those whose
    derived values changed, a chunk per transaction (rows locked while derived), each with the
    history row `reason(record, before, after)`. Query count per chunk, not per record.
    Returns [(record, before, after)], before and after being (start, end)."""
    derive, changes = kind.deriver(), []
    model = records.model

    def chunk(pks):
        changed = []
        for record in records.filter(pk__in=pks).select_for_update(of=("self",)):
            was = tuple(getattr(record, name) for name in kind.fields)
            before = kind.period(record)
            derive(record)
            if tuple(getattr(record, name) for name in kind.fields) != was:
                changed.append((record, before, kind.period(record)))
        changes.extend(changed)
        if dry_run or not changed:
            return
        now = timezone.now()
        for record, before, after in changed:
            record.version, record.updated_at = record.version + 1, now
            record._change_reason = reason(record, before, after)
        bulk_update_with_history([record for record, _before, _after in changed], model,
                                 [*kind.fields, "version", "updated_at"], default_user=by)
        for record, _before, _after in changed:
            del record._change_reason

    in_short_transactions(list(records.order_by("pk").values_list("pk", flat=True)), chunk)
    return changes


def rederive_all(kind, *, by, dry_run=False):
    """After better reading rules: every record of `kind` with words, no period set by hand."""
    words = dutch_reason(RULES_UPDATED)
    return rederive(kind, kind.records(), by=by, dry_run=dry_run,
                    reason=lambda *_args: words)


def naming_the_budget(ministries):
    """The commitments of these ministries whose deadline words may name their budget debate."""
    return Commitment.objects.filter(ministry__in=ministries, deadline_text__icontains="begroting")


def budget_debate_changed(debate, *, gone=False):
    """Derive again what a budget debate added, changed or removed moves. The history rows name
    the person who changed the debate (its own latest history row) and the debate."""
    latest = debate.history.first()
    previous = debate.history.all()[1:2].first() if not gone else None
    versions = [v for v in (latest, previous) if v is not None and v.kind == Debate.Kind.BUDGET]
    if debate.kind != Debate.Kind.BUDGET and not versions:
        return []
    committees = {v.committee.abbreviation for v in versions if v.committee_id}
    if not committees:
        return []
    ministries = Ministry.objects.none()
    for abbreviation in committees:
        ministries = ministries | Ministry.objects.filter(abbreviation__iexact=abbreviation)
    still = not gone and debate.kind == Debate.Kind.BUDGET and debate.committee_id
    message = BUDGET_DEBATE_SET if still else BUDGET_DEBATE_GONE
    words = dutch_reason(message, committee=(debate.committee or latest.committee).abbreviation,
                         date=dutch_date(debate.date))
    return rederive(COMMITMENTS, naming_the_budget(ministries),
                    by=latest.history_user if latest else None, reason=lambda *_args: words)
