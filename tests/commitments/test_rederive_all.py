"""After an upgrade with better reading rules, `rederive_deadlines --all` derives every stored
period from its words again (commitments and law-track stages); a period a person set is kept."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from commitments import models as commitment_models
from commitments.models import Commitment
from legislation import models as legislation_models
from legislation.models import Stage
from letters.compose import stage_changes
from register import periods
from tests import factories
from tests.legislation.builders import law_track, stages

REASON = "termijn herberekend: leesregels bijgewerkt"
SAID = datetime.date(2020, 12, 18)


def no_longer_march(text, today, **kwargs):
    """The rules after the upgrade: "maart" no longer gives a period."""
    return None if "maart" in text else periods.parse_period(text, today, **kwargs)


@pytest.fixture
def new_rules(monkeypatch):
    def upgrade():
        monkeypatch.setattr(commitment_models, "parse_period", no_longer_march)
        monkeypatch.setattr(legislation_models, "parse_period", no_longer_march)
    return upgrade


def rederive(*, dry_run=False):
    call_command("rederive_deadlines", "--all", user="griffie", dry_run=dry_run)


def test_better_rules_rederive_what_no_person_set(clerk, new_rules, capsys):
    stale = factories.commitment(clerk, deadline_text="in maart 2021", made_on=SAID)
    overridden = factories.commitment(clerk, deadline_text="in maart 2021", made_on=SAID,
                                      deadline_override_end=datetime.date(2021, 6, 1))
    none = factories.commitment(clerk, deadline_text="in maart 2021", made_on=SAID,
                                deadline_none=True)
    still = factories.commitment(clerk, deadline_text="in juni 2021", made_on=SAID)
    assert Commitment.objects.overdue().filter(pk=stale.pk).exists()
    new_rules()

    rederive(dry_run=True)
    assert "1 toezegging(en) herberekend (dry run: niets opgeslagen)." in capsys.readouterr().out
    stale.refresh_from_db()
    assert stale.deadline_end == datetime.date(2021, 3, 31) and stale.history.count() == 1

    rederive()
    out = capsys.readouterr().out
    assert f"{stale.number}: 2021-03-01 – 2021-03-31 → None – None" in out
    assert "1 toezegging(en) herberekend." in out
    stale.refresh_from_db()
    assert (stale.deadline_start, stale.deadline_end, stale.deadline_parsed_end) == (
        None, None, None)
    assert not Commitment.objects.overdue().filter(pk=stale.pk).exists()
    assert stale.version == 2 and stale.history.count() == 2
    record = stale.history.first()
    assert (record.history_user, record.history_change_reason, record.deadline_end) == (
        clerk, REASON, None)
    for untouched in (overridden, none, still):
        before = untouched.deadline_parsed_end, untouched.deadline_end
        untouched.refresh_from_db()
        assert (untouched.deadline_parsed_end, untouched.deadline_end) == before
        assert untouched.history.count() == 1 and untouched.version == 1

    rederive()
    assert "0 toezegging(en) herberekend." in capsys.readouterr().out
    assert Commitment.history.count() == 5


def test_stage_plans_are_read_again_without_counting_as_a_move(clerk, new_rules, capsys):
    stage = stages(law_track(clerk))[0]
    stage.replan("in maart 2021", by=clerk, reason="Planning", stated_on=SAID)
    other = stages(law_track(clerk))[0]
    other.replan("in juni 2021", by=clerk, reason="Planning", stated_on=SAID)
    rows = Stage.history.count()
    cutoff = timezone.now()  # the last letter
    new_rules()

    rederive()
    assert f"{stage}: 2021-03-01 – 2021-03-31 → None – None" in capsys.readouterr().out
    stage.refresh_from_db()
    assert (stage.planned_start, stage.planned_end, stage.planned_text) == (
        None, None, "in maart 2021")
    assert Stage.history.count() == rows + 1
    assert stage.history.first().history_change_reason == REASON
    assert len(stage.plan_moves()) == 1  # the plan set once; reading it again is no move
    # Nor is it a change the next progress letter reports (a finished track stays out of it).
    assert stage_changes([stage.track_id, other.track_id], cutoff) == set()

    rederive()
    assert "0 fase(n) herberekend." in capsys.readouterr().out
    assert Stage.history.count() == rows + 1


def test_queries_do_not_grow_with_the_records(clerk, new_rules, django_assert_max_num_queries):
    for _n in range(40):
        factories.commitment(clerk, deadline_text="eind maart 2021", made_on=SAID)
    for stage in stages(law_track(clerk)):
        stage.replan("maart 2021", by=clerk, reason="Planning", stated_on=SAID)
    new_rules()
    with django_assert_max_num_queries(20):
        rederive()
    assert Commitment.objects.filter(deadline_end__isnull=True).count() == 40
    assert Commitment.history.filter(history_change_reason=REASON).count() == 40
    assert not Stage.objects.filter(planned_end__isnull=False).exists()
