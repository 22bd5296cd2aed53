import datetime

import pytest
from django.core.exceptions import ValidationError

from commitments.models import EXECUTION_TRANSITIONS, VOTE_TRANSITIONS, Execution, VoteOutcome
from tests import factories

DAY = datetime.date(2019, 12, 17)
VOTES = [(old, new) for old in VoteOutcome for new in VoteOutcome]


def voted(outcome, clerk):
    motion = factories.motion(clerk)
    path = {VoteOutcome.SUBMITTED: [], VoteOutcome.HELD: [VoteOutcome.HELD]}.get(outcome,
                                                                                 [outcome])
    for step in path:
        motion.record_vote(step, by=clerk, reason="stemmingen", on=DAY)
    return motion


@pytest.mark.parametrize("old, new", VOTES)
def test_vote_transitions(old, new, clerk):
    motion = voted(old, clerk)
    if new in VOTE_TRANSITIONS[old]:
        motion.record_vote(new, by=clerk, reason="stemmingen", on=DAY)
        assert motion.vote_outcome == new and motion.voted_on == DAY
        assert motion.history.latest().history_change_reason == "stemmingen"
    else:
        with pytest.raises(ValidationError, match="kan niet naar"):
            motion.record_vote(new, by=clerk, reason="stemmingen", on=DAY)


def test_adoption_opens_the_execution(clerk):
    motion = voted(VoteOutcome.ADOPTED, clerk)
    assert motion.execution_status == Execution.OPEN
    assert motion.history.latest().history_user == clerk


def test_vote_needs_a_date(clerk):
    motion = factories.motion(clerk)
    with pytest.raises(ValidationError, match="datum"):
        motion.record_vote("adopted", by=clerk, reason="x", on=None)


@pytest.mark.parametrize("outcome", ["submitted", "held", "rejected", "withdrawn"])
def test_only_adopted_motions_are_executed(outcome, clerk):
    motion = voted(outcome, clerk)
    with pytest.raises(ValidationError, match="aangenomen"):
        motion.change_status("in_progress", by=clerk, reason="x")


EXECUTIONS = [(old, new) for old in Execution for new in Execution]
REPORTED = (Execution.EXECUTED, Execution.PARTLY_EXECUTED)


@pytest.mark.parametrize("old, new", EXECUTIONS)
def test_execution_transitions(old, new, clerk):
    motion = voted(VoteOutcome.ADOPTED, clerk)
    def reported(status):  # only these two keep a document
        return factories.document() if status in REPORTED else None

    if old != Execution.OPEN:
        motion.change_status(old, by=clerk, reason="voorbereiding", document=reported(old),
                             remaining="rest")
    if new in EXECUTION_TRANSITIONS[old]:
        motion.change_status(new, by=clerk, reason="stand", document=reported(new),
                             remaining="rest")
        assert motion.execution_status == new
    else:
        with pytest.raises(ValidationError, match="kan niet naar"):
            motion.change_status(new, by=clerk, reason="stand", document=factories.document(),
                                 remaining="rest")


def test_partly_executed_states_what_remains(clerk):
    motion = voted(VoteOutcome.ADOPTED, clerk)
    with pytest.raises(ValidationError, match="Vermeld wat nog resteert") as refused:
        motion.change_status("partly_executed", by=clerk, reason="deels")
    assert refused.value.code == "remaining"
    motion.change_status("partly_executed", by=clerk, reason="deels", remaining="De rest.")
    assert (motion.execution_status, motion.remaining) == ("partly_executed", "De rest.")


def test_executed_needs_the_reporting_document(clerk):
    motion = voted(VoteOutcome.ADOPTED, clerk)
    with pytest.raises(ValidationError, match="document"):
        motion.change_status("executed", by=clerk, reason="klaar")
    letter = factories.document()
    motion.change_status("executed", by=clerk, reason="klaar", document=letter)
    assert (motion.reported_by, motion.reported_on) == (letter, letter.date)


def test_a_document_is_refused_where_the_execution_keeps_none(clerk):
    motion = voted(VoteOutcome.ADOPTED, clerk)
    with pytest.raises(ValidationError, match="hoort alleen bij ‘Uitgevoerd’ of ‘Deels "
                                              "uitgevoerd’; bij ‘In uitvoering’"):
        motion.change_status(Execution.IN_PROGRESS, by=clerk, reason="gestart",
                             document=factories.document())
    motion.refresh_from_db()
    assert motion.execution_status == Execution.OPEN and motion.history.count() == 2
