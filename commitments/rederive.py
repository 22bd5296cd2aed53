"""Deadlines derived again when what they were derived from changes (DESIGN.md "The parliamentary
calendar"): the recess dates of the calendar data (`manage.py rederive_deadlines`, after a year
is added) and the ministry's own budget debate ("voor de begrotingsbehandeling" ends the day
before it when the register holds it, else on 31 October): adding, moving or removing a Debate
of kind begrotingsbehandeling derives again the commitments of that ministry that name the
budget. Each commitment whose derived period changes gets a history row saying why.
"""

from django.db import transaction

from commitments.models import Commitment
from register.history import dutch_reason, save_with_history
from register.models import Debate, Ministry
from register.periods import dutch_date

# Dutch whatever the language (dutch_reason), like rederive_deadlines' reasons.
BUDGET_DEBATE_SET = ("termijn herberekend: begrotingsbehandeling %(committee)s op %(date)s "
                     "vastgelegd")
BUDGET_DEBATE_GONE = ("termijn herberekend: begrotingsbehandeling %(committee)s van %(date)s "
                      "vervallen")


def commitments_rederive(pks, *, by, reason, dry_run=False):
    """Derive the deadline of each commitment in `pks` again; save those whose derived period
    (or its being estimated) changed, with the history row `reason(commitment, before, after)`.
    Returns [(commitment, before, after)], before and after being (start, end)."""
    changes = []
    for pk in pks:
        with transaction.atomic():
            commitment = Commitment.objects.select_for_update().get(pk=pk)
            was = (commitment.deadline_parsed_start, commitment.deadline_parsed_end,
                   commitment.deadline_estimated)
            commitment.derive_deadline()
            now = (commitment.deadline_parsed_start, commitment.deadline_parsed_end,
                   commitment.deadline_estimated)
            if now == was:
                continue
            changes.append((commitment, was[:2], now[:2]))
            if dry_run:
                transaction.set_rollback(True)
                continue
            save_with_history(commitment, by=by,
                              reason=reason(commitment, was[:2], now[:2]))
    return changes


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
    pks = list(naming_the_budget(ministries).values_list("pk", flat=True))
    return commitments_rederive(pks, by=latest.history_user if latest else None,
                                reason=lambda *_args: words)
