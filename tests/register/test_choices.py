"""The searchable selects' server side (issue 17, item 5): who may ask, what is found, at what
cost, and the widgets that send only the chosen option."""

import pytest
from django.urls import reverse

from commitments.forms import CommitmentForm, MotionForm
from register.models import Document, Person
from tests import factories


def ask(client, kind, q, **params):
    return client.get(reverse("choices", args=[kind]), {"q": q, **params})


@pytest.mark.parametrize("kind, q, expected", [
    ("leden", "graaf", ["Van der Graaf"]),
    ("leden", "GRAAF", ["Van der Graaf"]),
    ("leden", "blokhuis", []),  # a bewindspersoon, not a member of parliament
    ("bewindspersonen", "blokhuis", ["P. Blokhuis"]),
    ("dossiers", "24 077", ["24 077 Drugbeleid"]),
    ("dossiers", "24077", ["24 077 Drugbeleid"]),
])
def test_choices_find_by_the_words_typed(kind, q, expected, client_for, advisor, demo):
    response = ask(client_for(advisor), kind, q)
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == expected


def test_documents_by_number_and_within_a_dossier(client_for, advisor, demo):
    client = client_for(advisor)
    texts = [row["text"] for row in ask(client, "documenten", "468").json()["results"]]
    assert any("24 077, nr. 468" in text for text in texts)
    other = Document.objects.exclude(dossier__number="24077").filter(dossier__isnull=False).first()
    within = ask(client, "documenten", "", dossier=other.dossier_id).json()["results"]
    assert {row["value"] for row in within} == {
        str(pk) for pk in Document.objects.filter(dossier=other.dossier_id).values_list(
            "pk", flat=True)[:20]}


def test_at_most_twenty_and_says_there_are_more(client_for, advisor, clerk):
    for number in range(25):
        factories.document(str(700 + number))
    data = ask(client_for(advisor), "documenten", "").json()
    assert len(data["results"]) == 20 and data["more"] is True


def test_the_typed_words_are_data_not_markup(client_for, advisor, demo):
    person = Person.objects.get(surname="Mulder")
    person.surname = "<b>Mulder</b>"
    person.save()
    data = ask(client_for(advisor), "leden", "mulder").json()
    assert data["results"][0]["text"] == "Edgar <b>Mulder</b>"  # JSON; the page escapes it
    assert ask(client_for(advisor), "leden", "x" * 5000).status_code == 200


def test_unknown_kind_is_404_and_no_role_is_403(client_for, advisor, norole, client):
    assert ask(client_for(advisor), "wachtwoorden", "a").status_code == 404
    assert ask(client_for(norole), "leden", "a").status_code == 403
    client.logout()
    assert ask(client, "leden", "a").status_code == 302


def test_one_query_for_the_matches(client_for, advisor, demo, django_assert_max_num_queries):
    client = client_for(advisor)
    ask(client, "leden", "graaf")  # the session and the permissions are read once per request
    # The session, the user, the user's and the groups' permissions: 4; then the matches.
    with django_assert_max_num_queries(6):  # the people and their offices (a name may be one)
        ask(client, "leden", "graaf")
    with django_assert_max_num_queries(5):  # the papers with their dossiers
        ask(client, "documenten", "24 077 468")


def test_the_form_sends_only_the_chosen_member(demo):
    member = Person.objects.get(surname="Graaf")
    html = str(CommitmentForm(initial={"to_member": member.pk})["to_member"])
    assert 'data-search="/keuzes/leden/"' in html
    assert html.count("<option") == 2  # the empty choice and the chosen member
    assert f'value="{member.pk}" selected' in html
    assert str(CommitmentForm()["to_member"]).count("<option") == 1


def test_co_submitters_keep_their_chosen_members(demo):
    members = list(Person.objects.members()[:2])
    form = MotionForm(initial={"co_submitters": [m.pk for m in members]})
    html = str(form["co_submitters"])
    assert "multiple" in html and html.count("selected") == 2


def test_list_filters_are_searchable_among_their_options(client_for, advisor, demo):
    html = client_for(advisor).get(reverse("commitments:list")).content.decode()
    assert '<select name="to_member" data-search=""' in html or \
        'name="to_member"' in html and 'data-search=""' in html
    assert "tom-select-2.6.2.complete.min.js" in html


def test_members_the_kamers_motions_brought_in_are_members(client_for, advisor, demo):
    """A motion's Document names its submitters without their party: "Kostić" came in with no
    party membership and no office, and could not be chosen as the member a commitment was
    made to, nor filtered on as a submitter (real records: 165 of 178 people)."""
    kostic = Person.objects.create(surname="Kostić", first_name="Ines")
    client = client_for(advisor)
    assert [row["text"] for row in ask(client, "leden", "kosti").json()["results"]] == \
        ["Ines Kostić"]
    assert kostic in Person.objects.members()
    assert kostic not in Person.objects.bewindspersonen()
    assert not Person.objects.members().filter(surname="Blokhuis").exists()
    html = client.get(reverse("commitments:motion-list")).content.decode()
    assert f'<option value="{kostic.pk}">' in html  # the "Indiener" filter offers her
