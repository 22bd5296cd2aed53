"""Re-planning a stage past the plans of later stages warns and offers to move them along."""

import datetime

import pytest
from django.urls import reverse

from legislation.models import Stage
from legislation.shifting import plan_words
from tests.legislation.builders import law_track

LETTER = datetime.date(2020, 12, 18)


@pytest.fixture
def track(clerk):
    track = law_track(clerk, short_name="Groepsverbod NPS")
    plans = {"council_advice": "2020", "submission": "het eerste kwartaal van 2021",
             "house": "voorjaar 2021", "entry_into_force": "2021"}
    for kind, words in plans.items():
        track.stages.get(kind=kind).replan(words, by=clerk, reason="Planning", stated_on=LETTER)
    return track


def stage(track, kind):
    return Stage.objects.get(track=track, kind=kind)


def replan(client, track, **changes):
    council = stage(track, "council_advice")
    return client.post(
        reverse("legislation:stage-plan", args=[track.pk, council.pk]),
        {"planned_text": "2027", "stated_on": LETTER.isoformat(), "reason": "Advies vertraagd",
         "version": council.version, **changes})


def test_replanning_past_later_stages_warns_and_changes_nothing(client_for, clerk, track):
    response = replan(client_for(clerk), track)
    assert response.status_code == 200
    page = response.content.decode()
    assert "De nieuwe planning ligt na die van latere fasen" in page
    assert "Inwerkingtreding" in page
    assert "Herplannen en latere fasen verschuiven" in page
    form = response.context["form"]
    # Each later stage moves by the distance this one moved (7 years), in its own unit.
    assert form[f"shift_{stage(track, 'entry_into_force').pk}"].value() == "2028"
    assert form[f"shift_{stage(track, 'submission').pk}"].value() == \
        "het eerste kwartaal van 2028"
    assert form[f"shift_{stage(track, 'house').pk}"].value() == "het voorjaar van 2028"
    assert stage(track, "council_advice").planned_text == "2020"


def test_shifting_replans_each_later_stage_with_the_same_reason(client_for, clerk, track):
    later = stage(track, "entry_into_force")
    before = later.history.count()
    response = replan(client_for(clerk), track, later="shift",
                      **{f"shift_{later.pk}": "2029", f"shift_{stage(track, 'house').pk}": ""})
    assert response.status_code == 302
    assert stage(track, "council_advice").planned_text == "2027"
    later = stage(track, "entry_into_force")
    assert (later.planned_text, later.planned_end) == ("2029", datetime.date(2029, 12, 31))
    assert later.history.count() == before + 1
    assert later.history.first().history_change_reason == "Advies vertraagd"
    assert later.history.first().history_user == clerk
    # Emptied: left as it was.
    assert stage(track, "house").planned_text == "voorjaar 2021"


def test_keeping_replans_only_this_stage(client_for, clerk, track):
    response = replan(client_for(clerk), track, later="keep")
    assert response.status_code == 302
    assert stage(track, "council_advice").planned_text == "2027"
    assert stage(track, "entry_into_force").planned_text == "2021"


def test_no_warning_when_later_stages_are_later(client_for, clerk, track):
    response = replan(client_for(clerk), track, planned_text="december 2020")
    assert response.status_code == 302
    assert stage(track, "council_advice").planned_text == "december 2020"


def test_done_and_skipped_later_stages_are_not_offered(client_for, clerk, track):
    submission = stage(track, "submission")
    submission.complete(datetime.date(2021, 2, 1), by=clerk, reason="Ingediend")
    response = replan(client_for(clerk), track)
    assert f"shift_{submission.pk}" not in response.context["form"].fields


def test_a_refused_shift_rolls_everything_back(client_for, clerk, track):
    later = stage(track, "entry_into_force")
    # "2021" is already this stage's plan stated on that day: the model refuses it.
    response = replan(client_for(clerk), track, later="shift", **{f"shift_{later.pk}": "2021"})
    assert response.status_code == 200
    assert "Dit is al de planning van deze fase." in response.content.decode()
    assert stage(track, "council_advice").planned_text == "2020"


def test_read_only_role_cannot_replan(client_for, advisor, track):
    assert replan(client_for(advisor), track, later="shift").status_code == 403
    assert stage(track, "council_advice").planned_text == "2020"


@pytest.mark.parametrize(("start", "end", "words"), [
    (datetime.date(2028, 1, 1), datetime.date(2028, 12, 31), "2028"),
    (datetime.date(2028, 7, 1), datetime.date(2028, 12, 31), "de tweede helft van 2028"),
    (datetime.date(2028, 1, 1), datetime.date(2028, 6, 30), "de eerste helft van 2028"),
    (datetime.date(2028, 7, 1), datetime.date(2028, 9, 30), "het derde kwartaal van 2028"),
    (datetime.date(2028, 9, 1), datetime.date(2028, 11, 30), "het najaar van 2028"),
    (datetime.date(2028, 3, 1), datetime.date(2028, 3, 31), "maart 2028"),
    (datetime.date(2028, 3, 5), datetime.date(2028, 6, 17), "uiterlijk 17 juni 2028"),
])
def test_plan_words_read_back_as_the_period(start, end, words):
    assert plan_words(start, end, LETTER) == words
