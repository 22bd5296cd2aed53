"""My work shows the law tracks a user owns, with their stages that are late or planned to end
within two months (issue 17 item 1, for law tracks)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from legislation.shifting import MONTHS
from tests.legislation.builders import law_track, stages

URL = reverse("commitments:my-work")


def until(day):
    return f"uiterlijk {day.day} {MONTHS[day.month - 1]} {day.year}"


@pytest.fixture
def tracks(clerk, advisor):
    mine = law_track(clerk, owner=advisor, short_name="Lachgasbesluit")
    late, soon, later, *_rest = stages(mine)
    late.replan("maart 2020", by=clerk, reason="Planning", stated_on=datetime.date(2020, 1, 6))
    # Today when the test runs, not when the module was imported (a run across midnight in
    # Amsterdam, 23:00 UTC in winter, read 19 days).
    today = timezone.localdate()
    soon.replan(until(today + datetime.timedelta(days=20)), by=clerk, reason="Planning")
    later.replan("2099", by=clerk, reason="Planning")
    done = law_track(clerk, owner=advisor, short_name="Afgerond")
    first = stages(done)[0]
    first.replan("maart 2020", by=clerk, reason="Planning", stated_on=datetime.date(2020, 1, 6))
    first.complete(datetime.date(2020, 3, 2), by=clerk, reason="Klaar",
                   started_on=datetime.date(2020, 1, 6))
    withdrawn = law_track(clerk, owner=advisor, short_name="Ingetrokken traject")
    stages(withdrawn)[0].replan("maart 2020", by=clerk, reason="Planning",
                                stated_on=datetime.date(2020, 1, 6))
    withdrawn.withdraw(by=clerk, reason="Niet meer nodig")
    other = law_track(clerk, owner=clerk, short_name="Van een ander")
    stages(other)[0].replan("maart 2020", by=clerk, reason="Planning",
                            stated_on=datetime.date(2020, 1, 6))
    return mine, late, soon, later, first


def test_my_work_shows_my_tracks_with_late_and_soon_stages(client_for, advisor, tracks,
                                                         django_assert_max_num_queries):
    mine, late, soon, later, first = tracks
    client = client_for(advisor)
    with django_assert_max_num_queries(14):
        response = client.get(URL)
    ((template, rows),) = response.context["work"].sections
    assert [row.stage for row in rows.due] == [late, soon]
    assert [row.stage for row in rows.late] == [late]
    assert {track.short_name for track in rows.tracks} == {"Lachgasbesluit", "Afgerond"}
    page = response.content.decode()
    assert "Mijn wetgevingstrajecten" in page
    assert str(late.display_name) in page and "later dan gepland" in page
    assert "nog 20 dagen" in page
    assert "Van een ander" not in page and "Ingetrokken traject" not in page


def test_queries_do_not_grow_with_the_tracks(client_for, clerk, advisor, tracks,
                                             django_assert_max_num_queries):
    for _number in range(10):
        track = law_track(clerk, owner=advisor)
        stages(track)[0].replan("maart 2020", by=clerk, reason="Planning",
                                stated_on=datetime.date(2020, 1, 6))
    client = client_for(advisor)
    with django_assert_max_num_queries(14):
        response = client.get(URL)
    assert len(response.context["work"].sections[0][1].late) == 11


def test_a_track_owner_lands_on_my_work(client_for, clerk, letter_writer):
    law_track(clerk, owner=letter_writer, short_name="Van de briefschrijver")
    client = client_for(letter_writer)
    assert client.get(reverse("commitments:landing"))["Location"] == URL
    assert "Van de briefschrijver" in client.get(URL).content.decode()


def test_without_tracks_there_is_no_tracks_section(client_for, advisor):
    page = client_for(advisor).get(URL).content.decode()
    assert "Mijn wetgevingstrajecten" not in page


def test_no_access_without_a_role(client_for, norole, clerk):
    law_track(clerk, owner=norole)
    assert client_for(norole).get(URL).status_code == 403
