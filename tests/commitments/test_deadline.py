import datetime

from commitments.models import Commitment
from tests import factories

D = datetime.date


def test_deadline_is_parsed_relative_to_the_day_it_was_made(clerk):
    commitment = factories.commitment(clerk, deadline_text="komend voorjaar",
                                      made_on=D(2020, 12, 18))
    assert (commitment.deadline_start, commitment.deadline_end) == (D(2021, 3, 1), D(2021, 5, 31))
    assert not commitment.deadline_overridden


def test_deadline_is_recomputed_when_the_words_change(clerk):
    commitment = factories.commitment(clerk, deadline_text="in het voorjaar van 2021")
    commitment.deadline_text = "in de tweede helft van 2021"
    commitment.save()
    commitment.refresh_from_db()
    assert (commitment.deadline_start, commitment.deadline_end) == (D(2021, 7, 1), D(2021, 12, 31))


def test_override_wins_and_the_parsed_period_stays_visible(clerk):
    commitment = factories.commitment(clerk, deadline_text="in het voorjaar van 2021",
                                      deadline_override_end=D(2021, 9, 1))
    assert commitment.deadline_overridden
    assert (commitment.deadline_start, commitment.deadline_end) == (D(2021, 9, 1), D(2021, 9, 1))
    assert commitment.deadline_parsed_end == D(2021, 5, 31)


def test_words_without_a_period_give_no_deadline(clerk):
    commitment = factories.commitment(clerk, deadline_text="zo spoedig mogelijk")
    assert commitment.deadline_end is None and not commitment.is_overdue()


def test_overdue_is_derived_and_a_deadline_ending_today_is_not_overdue(clerk):
    commitment = factories.commitment(clerk, deadline_text="15 maart 2021")
    assert not commitment.is_overdue(today=D(2021, 3, 15))
    assert commitment.is_overdue(today=D(2021, 3, 16))
    assert list(Commitment.objects.overdue(today=D(2021, 3, 16))) == [commitment]
    assert not Commitment.objects.overdue(today=D(2021, 3, 15)).exists()


def test_delivered_commitments_are_never_overdue(clerk):
    commitment = factories.commitment(clerk, deadline_text="15 maart 2021")
    commitment.change_status("done", by=clerk, reason="brief", document=factories.document())
    assert not commitment.is_overdue(today=D(2022, 1, 1))


def test_numbers_are_generated_per_ministry_and_year(clerk):
    first = factories.commitment(clerk, made_on=D(2020, 12, 18))
    second = factories.commitment(clerk, made_on=D(2020, 1, 2))
    third = factories.commitment(clerk, made_on=D(2021, 1, 2))
    other = factories.commitment(clerk, ministry=factories.ministry("JenV"))
    assert [first.number, second.number, third.number, other.number] == [
        "TZ-VWS-2020-001", "TZ-VWS-2020-002", "TZ-VWS-2021-001", "TZ-JenV-2020-001"]


def test_before_the_budget_debate_is_the_day_before_the_ministrys_own(clerk):
    """DESIGN.md: "voor de begrotingsbehandeling" ends the day before the ministry's own budget
    debate when the register holds it, else on 31 October."""
    from register.models import Committee, Debate

    vws = Committee.objects.create(abbreviation="VWS", name="Commissie VWS")
    Debate.objects.create(kind=Debate.Kind.BUDGET, title="Begroting VWS 2026", committee=vws,
                          date=datetime.date(2025, 11, 12))
    ours = factories.commitment(clerk, deadline_text="voor de begrotingsbehandeling",
                                made_on=datetime.date(2025, 6, 19))
    other = factories.commitment(clerk, deadline_text="voor de begrotingsbehandeling",
                                 made_on=datetime.date(2025, 6, 19),
                                 ministry=factories.ministry("OCW"))
    assert ours.deadline_end == datetime.date(2025, 11, 11)
    assert other.deadline_end == datetime.date(2025, 10, 31)
