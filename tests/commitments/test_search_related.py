"""Search finds records by the people, dossiers and papers they name (issue 17, item 7)."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from commitments.filters import CommitmentFilter, MotionFilter
from commitments.models import Commitment, Motion, MotionSubmitter
from register.history import save_with_history
from register.models import Dossier, Person
from tests import factories


def found(query):
    filterset = CommitmentFilter(QueryDict(f"q={query}"), queryset=Commitment.objects.all())
    return sorted(c.number for c in filterset.qs)


def found_motions(query):
    filterset = MotionFilter(QueryDict(f"q={query}"), queryset=Motion.objects.all())
    return sorted(m.number for m in filterset.qs)


@pytest.fixture
def records(clerk):
    member = Person.objects.create(surname="Graaf", prefix="van der", initials="C.J.")
    delivered = factories.commitment(clerk, title="Brief over drugs", to_member=member)
    delivered.change_status("done", by=clerk, reason="brief", document=factories.document("468"))
    other = factories.commitment(clerk, title="Iets anders", dossier=factories.dossier("31839"),
                                 bewindspersoon=factories.bewindspersoon("De Jonge"))
    motion = factories.motion(clerk, number="453")
    save_with_history(MotionSubmitter(motion=motion, person=member), by=clerk, reason="x")
    return {"delivered": delivered.number, "other": other.number, "motion": motion.number}


@pytest.mark.parametrize("query, key", [
    ("Blokhuis", "delivered"), ("blokhuis", "delivered"),  # the bewindspersoon
    ("24 077", "delivered"), ("24077", "delivered"),  # the dossier, with and without a space
    ("468", "delivered"),  # the paper that delivered it
    ("van der graaf", "delivered"),  # the member it was made to
    ("31 839", "other"), ("jonge", "other"),
])
def test_commitments_found_by_people_dossiers_and_papers(query, key, records):
    assert found(query) == [records[key]]


def test_commitment_found_by_its_number(records):
    number = records["delivered"]
    assert found(number) == [number]
    assert found(number.replace("-", " ")) == [number]


@pytest.mark.parametrize("query", ["graaf", "24077", "24 077", "453"])
def test_motions_found_by_submitter_dossier_and_number(query, records):
    assert found_motions(query) == [records["motion"]]


def test_renaming_a_person_or_dossier_refreshes_the_search(records, clerk):
    person = Person.objects.get(surname="Blokhuis")
    person.surname = "Blokhuys"
    save_with_history(person, by=clerk, reason="spelling")
    assert found("blokhuis") == []
    assert found("blokhuys") == [records["delivered"]]
    dossier = Dossier.objects.get(number="31839")
    dossier.number = "31840"
    save_with_history(dossier, by=clerk, reason="nummer")
    assert found("31839") == []
    assert found("31840") == [records["other"]]


def test_removing_a_submitter_refreshes_the_motion(records, clerk):
    MotionSubmitter.objects.get().delete()
    assert found_motions("graaf") == []


def test_an_empty_result_says_what_was_searched_and_offers_to_drop_filters(
        client_for, advisor, records):
    response = client_for(advisor).get(reverse("commitments:list"),
                                       {"q": "Blokhuis", "status": "lapsed", "dossier": "24077"})
    html = response.content.decode()
    assert "Geen toezeggingen gevonden voor ‘Blokhuis’ met deze filters:" in html
    assert "Status: Vervallen" in html
    assert 'href="?q=Blokhuis&amp;dossier=24077"' in html  # without the status
    assert 'href="?q=Blokhuis"' in html  # the search without any filter
    assert "<button type=\"button\" class=\"button\" disabled" in html  # nothing to export
    found_page = client_for(advisor).get(reverse("commitments:list"), {"q": "Blokhuis"})
    assert "Geen toezeggingen gevonden" not in found_page.content.decode()


def test_an_empty_motion_search_says_what_was_searched(client_for, advisor, records):
    html = client_for(advisor).get(reverse("commitments:motion-list"),
                                   {"q": "nergens"}).content.decode()
    assert "Geen moties gevonden voor ‘nergens’." in html


def test_the_searched_words_are_escaped(client_for, advisor, records):
    html = client_for(advisor).get(reverse("commitments:list"),
                                   {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
