import datetime

import pytest
from django.test import Client
from django.urls import reverse

from legislation.models import LawTrack
from tests import factories
from tests.history_audit import history_audit
from tests.legislation.builders import law_track, stages


@pytest.fixture
def track(clerk):
    return law_track(clerk, short_name="Groepsverbod NPS")


def form_data(track=None, **changes):
    vws = factories.ministry()
    data = {"title": "Wetsvoorstel verbod groepen NPS", "short_name": "Groepsverbod NPS",
            "instrument": "wetsvoorstel", "ministry": vws.pk,
            "co_ministries": [factories.ministry("JenV").pk], "description": "",
            "topic_list": "NPS, opiumwet", "reason": "", "include_optional": "on",
            "version": track.version if track else ""}
    return {**data, **changes}


def test_clerk_registers_a_track_and_gets_its_instruments_stages(client_for, clerk):
    data = form_data(instrument="regeling")
    with history_audit() as records:
        response = client_for(clerk).post(reverse("legislation:create"), data)
    track = LawTrack.objects.get()
    assert response.status_code == 302 and response["Location"] == track.get_absolute_url()
    assert [s.kind for s in stages(track)] == ["draft", "consultation", "signing",
                                               "publication_staatscourant", "entry_into_force"]
    assert [m.abbreviation for m in track.co_ministries.all()] == ["JenV"]
    assert sorted(t.name for t in track.topics.all()) == ["nps", "opiumwet"]
    assert track.history.earliest().history_change_reason == "Wetgevingstraject geregistreerd"
    assert len(records) == 1 + 5


def test_registering_without_optional_stages(client_for, clerk):
    data = form_data(instrument="regeling")
    del data["include_optional"]
    client_for(clerk).post(reverse("legislation:create"), data)
    assert "consultation" not in [s.kind for s in stages(LawTrack.objects.get())]


def test_invalid_track_form_saves_nothing(client_for, clerk):
    response = client_for(clerk).post(reverse("legislation:create"),
                                      form_data(title="", co_ministries=[
                                          factories.ministry().pk]))
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"title", "co_ministries"}
    assert not LawTrack.objects.exists()


def test_short_names_are_unique(client_for, clerk, track):
    response = client_for(clerk).post(reverse("legislation:create"), form_data())
    assert "short_name" in response.context["form"].errors


@pytest.mark.parametrize("user", ["advisor", "letter_writer"])
def test_read_only_roles_cannot_register_or_edit(client_for, request, track, user):
    client = client_for(request.getfixturevalue(user))
    assert client.get(reverse("legislation:create")).status_code == 403
    assert client.post(reverse("legislation:create"),
                       form_data(short_name="Ander")).status_code == 403
    url = reverse("legislation:edit", args=[track.pk])
    assert client.post(url, form_data(track, title="Nieuw")).status_code == 403
    assert LawTrack.objects.get().title != "Nieuw"


def test_edit_links_commitments_and_says_so_in_the_history(client_for, clerk, track):
    commitment = factories.commitment(clerk, title="Voortgang groepsverbod")
    url = reverse("legislation:edit", args=[track.pk])
    response = client_for(clerk).post(url, form_data(
        track, commitments=[commitment.pk], co_ministries=[],
        reason="Toezegging van 26 november gekoppeld"))
    assert response.status_code == 302
    assert list(track.commitments.all()) == [commitment]
    latest = track.history.latest()
    assert latest.history_user == clerk
    assert latest.history_change_reason == (
        f"Toezegging van 26 november gekoppeld (toezeggingen: + {commitment})")
    # the instrument cannot change after creation: the stages came from it
    client_for(clerk).post(url, form_data(track, instrument="amvb",
                                          version=track.history.latest().version))
    assert LawTrack.objects.get().instrument == "wetsvoorstel"


def test_the_link_shows_on_both_sides(client_for, advisor, clerk, track):
    commitment = factories.commitment(clerk, title="Voortgang groepsverbod")
    motion = factories.motion(clerk)
    track.commitments.add(commitment)
    track.motions.add(motion)
    client = client_for(advisor)
    page = client.get(track.get_absolute_url()).content.decode()
    assert commitment.number in page and motion.title in page
    for record in (commitment, motion):
        page = client.get(record.get_absolute_url()).content.decode()
        assert "Wetgevingstrajecten" in page and "Groepsverbod NPS" in page
        assert track.get_absolute_url() in page


def test_commitment_detail_query_count_does_not_grow_with_linked_tracks(
        client_for, advisor, clerk, django_assert_max_num_queries):
    commitment = factories.commitment(clerk)
    client = client_for(advisor)
    law_track(clerk).commitments.add(commitment)
    with django_assert_max_num_queries(40) as one:
        client.get(commitment.get_absolute_url())
    for _number in range(5):
        law_track(clerk).commitments.add(commitment)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(commitment.get_absolute_url()).content.decode()
    assert page.count("/wetgeving/") >= 6


def test_conflicting_edits_keep_the_second_persons_input(clerk, track):
    from tests.conftest import make_user

    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(make_user("griffie2", "griffie"))
    url = reverse("legislation:edit", args=[track.pk])
    version = first.get(url).context["form"]["version"].value()
    assert first.post(url, form_data(track, title="Titel van de eerste",
                                     version=version)).status_code == 302
    refused = second.post(url, form_data(track, title="Titel van de tweede", version=version))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Iemand anders heeft dit record intussen gewijzigd" in page
    assert "Titel van de eerste" in page
    assert refused.context["form"]["title"].value() == "Titel van de tweede"
    assert LawTrack.objects.get().title == "Titel van de eerste"


def test_detail_shows_timeline_stages_and_merged_history(client_for, advisor, clerk, track):
    submission = track.stages.get(kind="submission")
    submission.replan("komend voorjaar", by=clerk, reason="Voortgangsbrief",
                      stated_on=datetime.date(2020, 12, 18))
    submission.replan("najaar 2021", by=clerk, reason="Corona",
                      stated_on=datetime.date(2021, 3, 1))
    stages(track)[0].complete(datetime.date(2020, 6, 1), by=clerk, reason="Ontwerp gereed")
    response = client_for(advisor).get(track.get_absolute_url())
    page = response.content.decode()
    assert "<svg" in page and 'class="today"' in page and "vandaag" in page
    assert 'class="bar planned"' in page and 'class="bar late"' in page
    assert "1 keer herpland" in page and "later dan eerst gepland" in page
    history = response.context["history"]
    assert [item.record.history_change_reason for item in history[:4]] == [
        "Ontwerp gereed", "Ontwerp gereed", "Corona", "Voortgangsbrief"]
    assert history[0].stage_name == ""  # the track's state, shown above its cause
    assert history[1].stage_name == "Ontwerp"
    assert history[-1].record.history_change_reason == "Geregistreerd"
    assert "Gerda Griffier" in page


def test_detail_query_count_does_not_grow_with_stages_or_history(
        client_for, advisor, clerk, track, django_assert_max_num_queries):
    client = client_for(advisor)
    with django_assert_max_num_queries(40) as short:
        client.get(track.get_absolute_url())
    for step, stage in enumerate(stages(track)[:6]):
        stage.replan(f"in maart {2021 + step}", by=clerk, reason=f"plan {step}")
        stage.complete(datetime.date(2020, 1, 1 + step), by=clerk, reason=f"klaar {step}")
    with django_assert_max_num_queries(len(short.captured_queries)):
        client.get(track.get_absolute_url())


def test_withdraw_asks_a_reason_and_can_be_undone(client_for, clerk, track):
    client = client_for(clerk)
    url = reverse("legislation:withdraw", args=[track.pk])
    assert "Reden van intrekking" in client.get(url).content.decode()
    refused = client.post(url, {"reason": "", "version": track.version})
    assert refused.status_code == 200 and not LawTrack.objects.get().withdrawn
    with history_audit() as records:
        response = client.post(url, {"reason": "Opgegaan in de Europese aanpak",
                                     "version": track.version})
    assert response.status_code == 302
    track.refresh_from_db()
    assert (track.withdrawn, track.state, track.withdrawn_reason) == (
        True, "withdrawn", "Opgegaan in de Europese aanpak")
    assert len(records) == 1 and records[0].history_user == clerk
    assert "Opgegaan in de Europese aanpak" in client.get(track.get_absolute_url()).content \
        .decode()
    client.post(url, {"reason": "Toch weer nodig", "version": track.version})
    assert not LawTrack.objects.get().withdrawn


@pytest.mark.parametrize("user, status", [("advisor", 403), ("letter_writer", 403)])
def test_read_only_roles_cannot_withdraw(client_for, request, track, user, status):
    url = reverse("legislation:withdraw", args=[track.pk])
    response = client_for(request.getfixturevalue(user)).post(
        url, {"reason": "x", "version": track.version})
    assert response.status_code == status
    assert not LawTrack.objects.get().withdrawn


def test_anonymous_is_sent_to_login(client, track):
    response = client.post(reverse("legislation:withdraw", args=[track.pk]), {"reason": "x"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_nav_shows_wetgeving_to_roles(client_for, advisor):
    assert ">Wetgeving<" in client_for(advisor).get(reverse("legislation:list")).content.decode()
