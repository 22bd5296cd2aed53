"""A budget debate added, moved or removed derives again the deadlines that name it (issue 14):
"voor de begrotingsbehandeling" ends the day before the ministry's own budget debate when the
register holds it, else on 31 October; each commitment that changes gets a history row."""

import datetime

import pytest
from django.urls import reverse

from register.history import delete_with_history, save_with_history
from register.models import Committee, Debate
from tests import factories

BEFORE = "voor de begrotingsbehandeling"
SAID_ON = datetime.date(2025, 6, 19)


@pytest.fixture
def vws(db):
    return Committee.objects.create(abbreviation="VWS", name="vaste commissie voor VWS")


@pytest.fixture
def waiting(clerk):
    """A commitment of VWS that waits for its budget debate, and two that do not."""
    return (factories.commitment(clerk, deadline_text=BEFORE, made_on=SAID_ON),
            factories.commitment(clerk, deadline_text=BEFORE, made_on=SAID_ON,
                                 ministry=factories.ministry("OCW")),
            factories.commitment(clerk, deadline_text="voor de zomer", made_on=SAID_ON))


def budget_debate(by, committee, day):
    return save_with_history(Debate(kind=Debate.Kind.BUDGET, title="Begroting VWS 2026",
                                    committee=committee, date=day), by=by, reason="Debat")


def test_a_budget_debate_added_moves_the_deadline_with_history(clerk, vws, waiting):
    ours, other_ministry, other_words = waiting
    assert ours.deadline_end == datetime.date(2025, 10, 31)
    budget_debate(clerk, vws, datetime.date(2025, 11, 12))
    ours.refresh_from_db()
    assert ours.deadline_end == datetime.date(2025, 11, 11)
    row = ours.history.first()
    assert (row.history_user, row.history_change_reason) == (
        clerk, "termijn herberekend: begrotingsbehandeling VWS op 12 november 2025 vastgelegd")
    assert other_ministry.history.count() == 1 and other_words.history.count() == 1


def test_moving_and_removing_the_debate_derive_again(clerk, advisor, vws, waiting):
    ours = waiting[0]
    debate = budget_debate(clerk, vws, datetime.date(2025, 11, 12))
    debate.date = datetime.date(2025, 11, 20)
    save_with_history(debate, by=advisor, reason="Verplaatst")
    ours.refresh_from_db()
    assert ours.deadline_end == datetime.date(2025, 11, 19)
    assert ours.history.first().history_user == advisor
    delete_with_history(debate, by=clerk, reason="Vervallen")
    ours.refresh_from_db()
    assert ours.deadline_end == datetime.date(2025, 10, 31)
    assert ours.history.first().history_change_reason == (
        "termijn herberekend: begrotingsbehandeling VWS van 20 november 2025 vervallen")
    assert ours.history.count() == 4


def test_a_debate_that_is_no_budget_debate_changes_nothing(clerk, vws, waiting):
    ours = waiting[0]
    save_with_history(Debate(kind=Debate.Kind.COMMITTEE, title="Zorgverzekeringsstelsel",
                             committee=vws, date=datetime.date(2025, 11, 12)), by=clerk,
                      reason="Debat")
    assert ours.history.count() == 1


def test_a_debate_no_longer_a_budget_debate_derives_again(clerk, vws, waiting):
    ours = waiting[0]
    debate = budget_debate(clerk, vws, datetime.date(2025, 11, 12))
    debate.kind = Debate.Kind.COMMITTEE
    save_with_history(debate, by=clerk, reason="Geen begrotingsbehandeling")
    ours.refresh_from_db()
    assert ours.deadline_end == datetime.date(2025, 10, 31) and ours.history.count() == 3


def test_an_override_stays_the_deadline(clerk, vws):
    ours = factories.commitment(clerk, deadline_text=BEFORE, made_on=SAID_ON,
                                deadline_override_end=datetime.date(2025, 9, 1))
    budget_debate(clerk, vws, datetime.date(2025, 11, 12))
    ours.refresh_from_db()
    assert ours.deadline_end == datetime.date(2025, 9, 1)
    assert ours.deadline_parsed_end == datetime.date(2025, 11, 11)


def test_clerk_adds_the_budget_debate_in_the_app(client_for, clerk, vws, waiting):
    ours = waiting[0]
    response = client_for(clerk).post(reverse("debate-create"), {
        "kind": "budget", "title": "Begroting VWS 2026", "date": "2025-11-12",
        "committee": vws.pk})
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.deadline_end == datetime.date(2025, 11, 11)
    assert ours.history.first().history_user == clerk
