import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from legislation.models import LawTrack, Stage
from legislation.stage_templates import derive_state
from register.concurrency import StaleEdit
from tests.legislation.builders import law_track, stages

D = datetime.date
LETTER = D(2020, 12, 18)


@pytest.fixture
def track(clerk):
    return law_track(clerk)


@pytest.fixture
def submission(track):
    return track.stages.get(kind="submission")


def test_plan_words_are_read_from_the_day_they_were_stated(clerk, submission):
    submission.replan("komend voorjaar", by=clerk, reason="Voortgangsbrief", stated_on=LETTER)
    assert (submission.planned_start, submission.planned_end) == (D(2021, 3, 1), D(2021, 5, 31))
    assert submission.planned_on == LETTER
    record = submission.history.latest()
    assert (record.history_user, record.history_change_reason, record.planned_text) == (
        clerk, "Voortgangsbrief", "komend voorjaar")


def test_the_same_words_said_later_mean_a_later_period(clerk, submission):
    submission.replan("komend voorjaar", by=clerk, reason="x", stated_on=D(2021, 6, 1))
    assert submission.planned_end == D(2022, 5, 31)


def test_replanning_keeps_every_earlier_plan_so_slips_can_be_counted(clerk, submission):
    submission.replan("komend voorjaar", by=clerk, reason="Brief december", stated_on=LETTER)
    submission.replan("voor de zomer", by=clerk, reason="Uitvoeringstoetsen vertraagd",
                      stated_on=D(2021, 3, 15))
    submission.replan("in het najaar van 2021", by=clerk, reason="Corona",
                      stated_on=D(2021, 6, 20))
    moves = submission.plan_moves()
    assert [m.new_text for m in moves] == ["komend voorjaar", "voor de zomer",
                                           "in het najaar van 2021"]
    assert [m.is_replan for m in moves] == [False, True, True]
    # "voor de zomer" ends the day before the zomerreces 2021 (estimated to start 2 July)
    assert [(m.new_end - m.old_end).days if m.old_end else None for m in moves] == [
        None, 31, 152]
    assert [m.record.history_change_reason for m in moves] == [
        "Brief december", "Uitvoeringstoetsen vertraagd", "Corona"]
    assert submission.history.count() == 4  # created, then three plans


@pytest.mark.parametrize("words, kwargs, message", [
    ("komend voorjaar", {"reason": " "}, "Geef een reden"),
    ("", {"reason": "x"}, "Geef de planning in woorden"),
    ("komend voorjaar", {"reason": "x", "stated_on": D(2999, 1, 1)}, "in de toekomst"),
])
def test_refused_plans_say_why_and_change_nothing(clerk, submission, words, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        submission.replan(words, by=clerk, **kwargs)
    assert Stage.objects.get(pk=submission.pk).planned_text == ""
    assert submission.history.count() == 1


def test_the_same_plan_twice_is_refused(clerk, submission):
    submission.replan("eind 2021", by=clerk, reason="x", stated_on=LETTER)
    with pytest.raises(ValidationError, match="al de planning"):
        submission.replan("eind 2021", by=clerk, reason="y", stated_on=LETTER)


def test_a_finished_or_skipped_stage_is_not_replanned(clerk, track):
    draft, consultation = stages(track)[:2]
    draft.complete(LETTER, by=clerk, reason="klaar")
    with pytest.raises(ValidationError, match="al afgerond"):
        draft.replan("eind 2021", by=clerk, reason="x")
    consultation.skipped = True
    consultation.save()
    with pytest.raises(ValidationError, match="overgeslagen"):
        consultation.replan("eind 2021", by=clerk, reason="x")


def test_a_replan_from_a_stale_version_is_refused(clerk, submission):
    started_at = submission.version
    Stage.objects.get(pk=submission.pk).replan("eind 2021", by=clerk, reason="eerste")
    with pytest.raises(StaleEdit) as refused:
        submission.replan("begin 2022", by=clerk, reason="tweede", expected_version=started_at)
    assert refused.value.current.planned_text == "eind 2021"
    assert Stage.objects.get(pk=submission.pk).planned_text == "eind 2021"


def test_completing_moves_the_tracks_state_in_the_same_transaction(clerk, track):
    draft, consultation = stages(track)[:2]
    consultation.complete(D(2020, 7, 10), by=clerk, reason="Consultatie gesloten",
                          started_on=D(2020, 6, 12))
    assert (consultation.actual_start, consultation.actual_end) == (D(2020, 6, 12),
                                                                    D(2020, 7, 10))
    track.refresh_from_db()
    assert track.state == "preparation"  # the draft is still open
    draft.complete(D(2020, 6, 11), by=clerk, reason="Ontwerp gereed")
    track.refresh_from_db()
    assert track.state == "consultation"  # the implementation tests are next
    latest = track.history.latest()
    assert (latest.state, latest.history_user, latest.history_change_reason) == (
        "consultation", clerk, "Ontwerp gereed")


def test_a_failing_state_update_undoes_the_completion(clerk, track, monkeypatch):
    draft = stages(track)[0]

    def broken(*args, **kwargs):
        raise RuntimeError("state")

    monkeypatch.setattr(LawTrack, "refresh_state", broken)
    with pytest.raises(RuntimeError):
        draft.complete(LETTER, by=clerk, reason="x")
    assert Stage.objects.get(pk=draft.pk).actual_end is None
    assert draft.history.count() == 1


def test_each_state_change_is_one_history_row_on_the_track(clerk, track):
    draft, consultation, tests_ = stages(track)[:3]
    before = track.history.count()
    draft.complete(D(2020, 6, 11), by=clerk, reason="Ontwerp gereed")
    consultation.complete(D(2020, 7, 10), by=clerk, reason="Consultatie gesloten")
    tests_.complete(D(2020, 9, 1), by=clerk, reason="Toetsen binnen")
    rows = list(track.history.order_by("history_date", "history_id")
                .values_list("state", "history_change_reason"))[before:]
    # The consultation's end changes nothing: the implementation tests are consultation too.
    assert rows == [("consultation", "Ontwerp gereed"),
                    ("council_of_state", "Toetsen binnen")]


@pytest.mark.parametrize("on, started_on, message", [
    (D(2999, 1, 1), None, "in de toekomst"),
    (D(2020, 6, 1), D(2020, 6, 12), "vóór het begin"),
    ("gisteren", None, "Geef de datum"),
])
def test_refused_completions(clerk, submission, on, started_on, message):
    with pytest.raises(ValidationError, match=message):
        submission.complete(on, by=clerk, reason="x", started_on=started_on)
    assert Stage.objects.get(pk=submission.pk).actual_end is None


def test_completing_today_is_allowed_and_before_a_recorded_start_is_not(clerk, submission):
    submission.start(D(2020, 9, 1), by=clerk, reason="Ingediend")
    with pytest.raises(ValidationError, match="vóór het begin"):
        submission.complete(D(2020, 8, 31), by=clerk, reason="x")
    submission.complete(timezone.localdate(), by=clerk, reason="Aangeboden")
    assert submission.actual_start == D(2020, 9, 1)


def test_completing_needs_a_reason(clerk, submission):
    with pytest.raises(ValidationError, match="reden"):
        submission.complete(LETTER, by=clerk, reason="")


def test_a_wrong_end_date_can_be_corrected_and_both_stay_in_history(clerk, submission):
    submission.complete(D(2020, 8, 30), by=clerk, reason="Ingediend")
    submission.complete(D(2020, 8, 31), by=clerk, reason="Correctie: de 31e")
    ends = list(submission.history.order_by("history_date").values_list("actual_end", flat=True))
    assert ends[-2:] == [D(2020, 8, 30), D(2020, 8, 31)]
    with pytest.raises(ValidationError, match="al op die datum"):
        submission.complete(D(2020, 8, 31), by=clerk, reason="nogmaals")


def test_start_may_not_follow_the_end(clerk, submission):
    submission.complete(D(2020, 8, 31), by=clerk, reason="x")
    with pytest.raises(ValidationError, match="na het einde"):
        submission.start(D(2020, 9, 1), by=clerk, reason="x")


def test_the_database_refuses_an_end_before_the_start(clerk, submission):
    submission.actual_start, submission.actual_end = D(2021, 1, 2), D(2021, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        submission.save()


def test_withdraw_and_reinstate(clerk, track):
    stages(track)[0].complete(LETTER, by=clerk, reason="klaar")
    with pytest.raises(ValidationError, match="reden"):
        track.withdraw(by=clerk, reason="")
    track.withdraw(by=clerk, reason="Overbodig na de Europese regeling", on=D(2021, 2, 1))
    assert (track.withdrawn, track.state, track.withdrawn_on) == (True, "withdrawn",
                                                                 D(2021, 2, 1))
    assert track.slip(D(2030, 1, 1)).days == 0
    assert LawTrack.objects.late(D(2030, 1, 1)).count() == 0
    with pytest.raises(ValidationError, match="al ingetrokken"):
        track.withdraw(by=clerk, reason="nogmaals")
    track.reinstate(by=clerk, reason="Toch nodig")
    assert (track.withdrawn, track.withdrawn_reason, track.state) == (False, "", "consultation")
    reasons = list(track.history.order_by("-history_date").values_list(
        "history_change_reason", flat=True)[:2])
    assert reasons == ["Toch nodig", "Overbodig na de Europese regeling"]


def test_the_database_refuses_a_withdrawal_without_reason(clerk, track):
    track.withdrawn = True
    with pytest.raises(IntegrityError), transaction.atomic():
        track.save()


def test_moving_a_stage_swaps_it_with_its_neighbour(clerk, track):
    draft, consultation, tests_ = stages(track)[:3]
    track.move_stage(tests_, "up", by=clerk)
    assert [s.kind for s in stages(track)[:3]] == ["draft", "implementation_tests",
                                                   "consultation"]
    assert tests_.history.latest().history_change_reason == "Volgorde van de fasen gewijzigd"
    with pytest.raises(ValidationError, match="aan de rand"):
        track.move_stage(draft, "up", by=clerk)


def test_the_list_filter_for_late_tracks_matches_the_python_slip(clerk):
    late = law_track(clerk)
    on_time = law_track(clerk)
    done = law_track(clerk)
    for track, words in ((late, "eind 2020"), (on_time, "eind 2021"), (done, "eind 2020")):
        track.stages.get(kind="submission").replan(words, by=clerk, reason="x", stated_on=LETTER)
    done.stages.get(kind="submission").complete(D(2020, 12, 20), by=clerk, reason="x")
    today = D(2021, 1, 1)
    assert list(LawTrack.objects.late(today)) == [late]
    tracks = LawTrack.objects.for_list()
    assert [t for t in tracks if t.slip(today)] == [late]


def test_the_stored_state_always_equals_the_state_derived_from_the_stages(clerk, track):
    draft, consultation, tests_, council = stages(track)[:4]
    steps = [
        lambda: draft.complete(D(2020, 6, 1), by=clerk, reason="a"),
        lambda: track.move_stage(tests_, "up", by=clerk),
        lambda: consultation.complete(D(2020, 7, 1), by=clerk, reason="b"),
        lambda: tests_.complete(D(2020, 8, 1), by=clerk, reason="c"),
        lambda: track.withdraw(by=clerk, reason="d"),
        lambda: track.reinstate(by=clerk, reason="e"),
        lambda: council.complete(D(2020, 9, 1), by=clerk, reason="f"),
    ]
    for step in steps:
        step()
        fresh = LawTrack.objects.for_list().get(pk=track.pk)
        assert fresh.state == derive_state(fresh.ordered_stages, withdrawn=fresh.withdrawn)
    assert fresh.state == "house"
