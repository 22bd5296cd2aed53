import datetime

import pytest
from django.urls import reverse

from tests.legislation.builders import law_track

LETTER = datetime.date(2020, 12, 18)
URL = reverse("legislation:list")


def names(response):
    return [track.short_name for track, _slip in response.context["rows"]]


@pytest.fixture
def tracks(clerk):
    bill = law_track(clerk, short_name="Groepsverbod NPS", co_ministries=["JenV"])
    bill.stages.get(kind="submission").replan("komend voorjaar", by=clerk, reason="Brief",
                                              stated_on=LETTER)
    decree = law_track(clerk, short_name="Lachgasbesluit", instrument="amvb")
    decree.stages.get(kind="draft").complete(LETTER, by=clerk, reason="klaar")
    regulation = law_track(clerk, short_name="Regeling X", instrument="regeling",
                           ministry=bill.co_ministries.get())
    return bill, decree, regulation


def test_list_shows_stage_milestone_slip_and_owner(client_for, advisor, tracks):
    response = client_for(advisor).get(URL)
    page = response.content.decode()
    assert names(response) == ["Groepsverbod NPS", "Lachgasbesluit", "Regeling X"]
    assert "Indiening bij de Tweede Kamer" in page and "komend voorjaar" in page
    assert "later dan gepland" in page  # spring 2021 is long past
    assert "Internetconsultatie" in page  # the decree's current stage


@pytest.mark.parametrize("query, expected", [
    ({"instrument": "amvb"}, ["Lachgasbesluit"]),
    ({"ministry": "JenV"}, ["Groepsverbod NPS", "Regeling X"]),  # co-responsible counts
    ({"ministry": "VWS"}, ["Groepsverbod NPS", "Lachgasbesluit"]),
    ({"state": "consultation"}, ["Lachgasbesluit"]),
    ({"state": "preparation"}, ["Groepsverbod NPS", "Regeling X"]),
    ({"late": "on"}, ["Groepsverbod NPS"]),
    ({"late": "on", "instrument": "amvb"}, []),
])
def test_filters(client_for, advisor, tracks, query, expected):
    assert names(client_for(advisor).get(URL, query)) == expected


def test_withdrawn_tracks_are_a_state_and_never_late(client_for, advisor, clerk, tracks):
    tracks[0].withdraw(by=clerk, reason="Overbodig")
    client = client_for(advisor)
    assert names(client.get(URL, {"state": "withdrawn"})) == ["Groepsverbod NPS"]
    assert names(client.get(URL, {"late": "on"})) == []


@pytest.mark.parametrize("query", [{"state": "bijna"}, {"ministry": "XYZ"},
                                   {"instrument": "wet"}])
def test_invalid_filter_shows_an_error_not_a_wider_list(client_for, advisor, tracks, query):
    response = client_for(advisor).get(URL, query)
    assert response.status_code == 200
    assert names(response) == []
    assert "Dit filter klopt niet" in response.content.decode()


def test_list_is_for_roles_only(client_for, norole, client):
    assert client_for(norole).get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302


def test_clerk_sees_the_new_track_button_advisor_does_not(client_for, clerk, advisor):
    assert "Nieuw traject" in client_for(clerk).get(URL).content.decode()
    assert "Nieuw traject" not in client_for(advisor).get(URL).content.decode()


def test_list_query_count_does_not_grow_with_the_number_of_tracks(
        client_for, advisor, clerk, django_assert_max_num_queries):
    def make(count):
        for _number in range(count):
            track = law_track(clerk, co_ministries=["JenV"])
            track.stages.get(kind="submission").replan("komend voorjaar", by=clerk,
                                                       reason="x", stated_on=LETTER)

    client = client_for(advisor)
    make(3)
    with django_assert_max_num_queries(50) as few:
        response = client.get(URL, {"late": "on"})
    assert len(response.context["rows"]) == 3
    make(27)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(URL, {"late": "on"})
    assert len(response.context["rows"]) == 30
    assert len(many.captured_queries) == len(few.captured_queries)
