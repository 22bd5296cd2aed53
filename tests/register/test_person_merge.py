"""Merging two records of one person (issue 15): every reference moves, both keep a history."""

import re

import pytest
from django.urls import reverse

from commitments.models import Commitment, MotionSubmitter
from register.models import Office, Party, PartyMembership, Person
from tests import factories

URL = reverse("person-merge")


@pytest.fixture
def twins(clerk):
    """Kostić as a clerk entered him, and "Kostic" as an import of the Kamer's data brought him:
    a commitment made to the one, a motion signed by both, an office and a party on each."""
    kept = Person.objects.create(surname="Kostić", first_name="Ines")
    other = Person.objects.create(surname="Kostic", initials="I.", tk_id="c1d2e3f4")
    pvdd = Party.objects.create(abbreviation="PvdD")
    PartyMembership.objects.create(person=other, party=pvdd)
    Office.objects.create(person=other, title="Tweede Kamerlid")
    commitment = factories.commitment(clerk, to_member=other)
    motion = factories.motion(clerk)
    MotionSubmitter.objects.create(motion=motion, person=kept, order=0)
    MotionSubmitter.objects.create(motion=motion, person=other, order=1)
    other_motion = factories.motion(clerk)
    MotionSubmitter.objects.create(motion=other_motion, person=other, order=0)
    return kept, other, commitment, motion, other_motion


def merge(client, kept, other, reason="Dezelfde persoon, met en zonder accent"):
    return client.post(URL, {"keep": kept.pk, "other": other.pk, "reason": reason})


def test_clerk_merges_two_records_of_one_person(client_for, clerk, twins):
    kept, other, commitment, motion, other_motion = twins
    response = merge(client_for(clerk), kept, other)
    assert response.status_code == 302
    assert not Person.objects.filter(pk=other.pk).exists()
    kept.refresh_from_db()
    # What the kept record lacked is taken over: the initials and the Kamer's Id.
    assert (kept.surname, kept.first_name, kept.initials, kept.tk_id) == (
        "Kostić", "Ines", "I.", "c1d2e3f4")
    commitment.refresh_from_db()
    assert commitment.to_member == kept
    # The motion both signed keeps one row for her; the other motion moves over.
    assert list(motion.submitter_rows.values_list("person", flat=True)) == [kept.pk]
    assert list(other_motion.submitter_rows.values_list("person", flat=True)) == [kept.pk]
    assert kept.memberships.get().party.abbreviation == "PvdD"
    assert kept.offices.get().title == "Tweede Kamerlid"


def test_both_people_and_every_moved_record_have_a_history_row(client_for, clerk, twins):
    kept, other, commitment, _motion, _other_motion = twins
    merge(client_for(clerk), kept, other)
    reason = (f"Samengevoegd: I. Kostic (#{other.pk}) is Ines Kostić; Dezelfde persoon, met en "
              f"zonder accent")
    latest = kept.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (clerk, reason)
    gone = Person.history.filter(id=other.pk).latest()
    assert gone.history_type == "-" and gone.history_user == clerk
    assert gone.history_change_reason.startswith(f"Samengevoegd met Ines Kostić (#{kept.pk})")
    assert commitment.history.latest().history_change_reason == reason
    assert Commitment.history.filter(id=commitment.pk, history_user=clerk).count() == 2
    # The row that would have repeated her is deleted with a history row; the other moved.
    assert MotionSubmitter.history.filter(history_type="-", history_user=clerk).count() == 1
    assert MotionSubmitter.history.filter(history_type="~", history_user=clerk).count() == 1
    assert PartyMembership.history.filter(history_user=clerk).count() == 1


def test_the_page_shows_what_would_move_before_merging(client_for, clerk, twins,
                                                        django_assert_max_num_queries):
    kept, other, *_rest = twins
    client = client_for(clerk)
    # A fixed number, however many people and references there are (one count per relation).
    with django_assert_max_num_queries(25):
        response = client.get(URL, {"keep": kept.pk, "other": other.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "toezeggingen: 1" in page and "indieners: 2" in page
    assert Person.objects.filter(pk=other.pk).exists()  # a GET merges nothing
    # The two are suggested as likely one person.
    assert f"?keep={kept.pk}&amp;other={other.pk}" in page


def test_a_merge_needs_a_reason(client_for, clerk, twins):
    kept, other, *_rest = twins
    response = merge(client_for(clerk), kept, other, reason="")
    assert response.status_code == 200
    assert "Geef een reden voor het samenvoegen." in response.content.decode()
    assert Person.objects.filter(pk=other.pk).exists()


def test_two_people_the_kamer_tells_apart_are_not_merged(client_for, clerk, twins):
    kept, other, *_rest = twins
    Person.objects.filter(pk=kept.pk).update(tk_id="ffff0000")
    response = merge(client_for(clerk), kept, other)
    assert "De Tweede Kamer kent dit als twee personen" in response.content.decode()
    assert Person.objects.filter(pk__in=[kept.pk, other.pk]).count() == 2


def test_one_person_cannot_be_merged_with_itself(client_for, clerk, twins):
    kept, *_rest = twins
    response = merge(client_for(clerk), kept, kept)
    assert "Kies twee verschillende personen." in response.content.decode()


def test_advisor_may_not_merge(client_for, advisor, twins):
    kept, other, *_rest = twins
    assert client_for(advisor).get(URL).status_code == 403
    assert merge(client_for(advisor), kept, other).status_code == 403
    assert Person.objects.filter(pk__in=[kept.pk, other.pk]).count() == 2


def test_anonymous_is_sent_to_login(client, twins):
    kept, other, *_rest = twins
    response = merge(client, kept, other)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Person.objects.filter(pk__in=[kept.pk, other.pk]).count() == 2


def test_members_of_one_surname_with_other_first_names_are_not_suggested(client_for, clerk):
    """Real submitters: Diederik, Olger and Inge van Dijk are three members; only the Van Dijk
    known by initials "O." may be Olger, and the bare "Van Dijk" may be any of them."""
    diederik, olger, inge = (Person.objects.create(prefix="van", surname="Dijk", first_name=name)
                             for name in ("Diederik", "Olger", "Inge"))
    initials = Person.objects.create(prefix="van", surname="Dijk", initials="O.")
    bare = Person.objects.create(prefix="van", surname="Dijk")
    page = client_for(clerk).get(URL).content.decode()
    for keep, other in [(diederik, olger), (diederik, inge), (olger, inge),
                        (diederik, initials), (inge, initials)]:
        assert f"?keep={keep.pk}&amp;other={other.pk}" not in page
        assert f"?keep={other.pk}&amp;other={keep.pk}" not in page
    for person in (diederik, olger, inge, initials):
        assert f"?keep={person.pk}&amp;other={bare.pk}" in page
    assert f"?keep={olger.pk}&amp;other={initials.pk}" in page


def test_the_two_people_are_chosen_in_searchable_selects(client_for, clerk, twins):
    """With the Kamer's records there are hundreds of people: both selects can be searched."""
    page = client_for(clerk).get(URL).content.decode()
    for name in ("keep", "other"):
        assert re.search(rf'<select name="{name}"[^>]*data-search=""', page)


def test_the_message_tells_two_records_of_one_name_apart(client_for, clerk):
    # Two records spelled alike (an import's and a clerk's): the message names them by number.
    kept = Person.objects.create(surname="Kostić", first_name="Ines")
    other = Person.objects.create(surname="Kostić", first_name="Ines", tk_id="c1d2e3f4")
    response = client_for(clerk).post(URL, {"keep": kept.pk, "other": other.pk,
                                            "reason": "Twee keer ingevoerd"}, follow=True)
    assert (f"Ines Kostić (#{other.pk}) is samengevoegd met Ines Kostić (#{kept.pk})."
            in response.content.decode())
