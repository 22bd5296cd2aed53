import datetime
from types import SimpleNamespace

import pytest

from legislation.delay import completion_delay, slip_words, stage_slip, track_slip
from tests.legislation.builders import law_track, stages

D = datetime.date
END = D(2021, 5, 31)  # "in het voorjaar van 2021"


def stage(planned_end=END, actual_end=None, skipped=False):
    return SimpleNamespace(planned_end=planned_end, actual_end=actual_end, skipped=skipped)


@pytest.mark.parametrize("today, days", [
    (D(2021, 5, 30), 0),
    (D(2021, 5, 31), 0),  # the period ends today: not late yet
    (D(2021, 6, 1), 1),   # the day after: one day late
    (D(2021, 6, 12), 12),
    (D(2022, 5, 31), 365),
])
def test_a_stage_is_late_from_the_day_after_its_planned_period(today, days):
    assert stage_slip(stage(), today).days == days
    assert bool(stage_slip(stage(), today)) == (days > 0)


@pytest.mark.parametrize("kwargs", [
    {"actual_end": D(2021, 9, 1)},  # finished, even if after the plan
    {"skipped": True},
    {"planned_end": None},  # no plan, no lateness
])
def test_finished_skipped_or_unplanned_stages_are_never_late(kwargs):
    assert stage_slip(stage(**kwargs), D(2023, 1, 1)).days == 0


def test_the_tracks_slip_is_the_largest_lateness():
    stages_ = [stage(D(2021, 3, 31)), stage(D(2021, 1, 31), actual_end=D(2021, 2, 1)),
               stage(D(2020, 12, 31)), stage(D(2022, 1, 1)), stage(None)]
    slip = track_slip(stages_, D(2021, 4, 1))
    assert (slip.days, slip.planned_end) == (91, D(2020, 12, 31))
    assert slip.words == "3 maanden later dan gepland"


def test_a_withdrawn_or_empty_track_has_no_slip():
    assert track_slip([stage(D(2020, 1, 1))], D(2021, 1, 1), withdrawn=True).days == 0
    assert track_slip([], D(2021, 1, 1)).words == "op schema"


@pytest.mark.parametrize("planned_end, today, words", [
    (D(2021, 5, 31), D(2021, 5, 31), "op schema"),
    (D(2021, 5, 31), D(2021, 6, 1), "1 dag later dan gepland"),
    (D(2021, 5, 31), D(2021, 6, 12), "12 dagen later dan gepland"),
    (D(2021, 5, 31), D(2021, 6, 29), "29 dagen later dan gepland"),
    (D(2021, 5, 31), D(2021, 6, 30), "1 maand later dan gepland"),  # 31 May + 1 month
    (D(2021, 4, 30), D(2021, 5, 30), "1 maand later dan gepland"),
    (D(2021, 5, 1), D(2021, 5, 31), "30 dagen later dan gepland"),
    (D(2021, 1, 31), D(2021, 2, 28), "1 maand later dan gepland"),  # month ends count whole
    (D(2021, 5, 31), D(2021, 8, 31), "3 maanden later dan gepland"),
    (D(2021, 5, 31), D(2022, 5, 30), "11 maanden later dan gepland"),
    (D(2021, 5, 31), D(2022, 5, 31), "1 jaar later dan gepland"),
    (D(2021, 5, 31), D(2022, 8, 1), "1 jaar en 2 maanden later dan gepland"),
    (D(2021, 5, 31), D(2026, 11, 28), "5 jaar en 5 maanden later dan gepland"),
])
def test_slip_in_words(planned_end, today, words):
    assert slip_words(planned_end, today) == words


def test_how_late_a_finished_stage_was_finished():
    assert completion_delay(stage(actual_end=D(2021, 8, 31))) == \
        "3 maanden later afgerond dan gepland"
    assert completion_delay(stage(actual_end=D(2021, 5, 31))) == "binnen de planning afgerond"
    assert completion_delay(stage(actual_end=None)) == ""
    assert completion_delay(stage(planned_end=None, actual_end=D(2021, 1, 1))) == ""


def test_the_model_answers_the_same_from_its_stages(clerk):
    track = law_track(clerk)
    first, second, *_rest = stages(track)
    first.replan("in maart 2021", by=clerk, reason="plan", stated_on=D(2020, 12, 18))
    second.replan("eind 2020", by=clerk, reason="plan", stated_on=D(2020, 12, 18))
    track = type(track).objects.for_list().get(pk=track.pk)
    assert track.slip(D(2021, 1, 12)).words == "12 dagen later dan gepland"
    assert track.slip(D(2021, 4, 1)).days == 91
    assert stages(track)[0].slip(D(2021, 3, 31)).days == 0
