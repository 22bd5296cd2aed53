"""Debates and people created from the app's own forms (issue 17, item 4)."""

import datetime
import re

import pytest
from django.urls import reverse

from register.models import Debate, Party, Person


@pytest.fixture
def party(db):
    return Party.objects.create(abbreviation="ChristenUnie")


def test_clerk_creates_a_debate_inline(client_for, clerk):
    response = client_for(clerk).post(reverse("debate-create") + "?inline=1", {
        "nieuw-kind": "committee", "nieuw-title": "Drugsbeleid", "nieuw-date": "2021-02-03"})
    assert response.status_code == 201
    debate = Debate.objects.get()
    assert response.json() == {"value": str(debate.pk), "text": str(debate)}
    assert debate.date == datetime.date(2021, 2, 3)
    row = debate.history.get()
    assert (row.history_user, row.history_change_reason) == (clerk, "Debat vastgelegd")


def test_clerk_creates_a_member_with_party_and_returns(client_for, clerk, party):
    response = client_for(clerk).post(reverse("person-create") + "?next=/toezeggingen/nieuw/", {
        "initials": "C.J.", "prefix": "van der", "surname": "Graaf", "party": party.pk,
        "since": "2017-03-23"})
    assert response.status_code == 302 and response["Location"] == "/toezeggingen/nieuw/"
    person = Person.objects.get()
    assert person.memberships.get().party == party
    assert Person.objects.members().get() == person
    assert person.history.count() == 1 and person.memberships.get().history.count() == 1


def test_clerk_creates_a_bewindspersoon_with_office(client_for, clerk, demo):
    response = client_for(clerk).post(reverse("person-create") + "?inline=1", {
        "nieuw-initials": "M.", "nieuw-surname": "Van Rijn",
        "nieuw-office": "Minister voor Medische Zorg"})
    assert response.status_code == 201
    person = Person.objects.get(surname="Van Rijn")
    assert person.offices.get().title == "Minister voor Medische Zorg"
    assert person in Person.objects.bewindspersonen()


def test_a_person_without_party_or_office_is_refused_and_kept(client_for, clerk):
    response = client_for(clerk).post(reverse("person-create") + "?inline=1",
                                      {"nieuw-surname": "Zonder"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef de fractie van een Kamerlid of de functie van een bewindspersoon." in html
    assert 'value="Zonder"' in html
    assert not Person.objects.exists()


def test_an_outside_next_is_not_followed(client_for, clerk):
    response = client_for(clerk).post(reverse("debate-create") + "?next=https://evil.example/",
                                      {"kind": "plenary", "title": "X", "date": "2021-01-01"})
    assert response["Location"] == reverse("commitments:dashboard")


@pytest.mark.parametrize("name", ["debate-create", "person-create"])
@pytest.mark.parametrize("outside", ["javascript:alert(document.cookie)", "https://evil.example/",
                                     "//evil.example/"])
def test_cancel_does_not_lead_to_an_outside_next(name, outside, client_for, clerk):
    """"Annuleren" took ?next= as it came: a crafted link made it a javascript: link or one to
    another site on the ministry's own page."""
    page = client_for(clerk).get(reverse(name), {"next": outside}).content.decode()
    links = re.findall(r'href="([^"]*)"', page)
    assert not [link for link in links if "evil.example" in link or "javascript:" in link]
    assert f'<a href="{reverse("commitments:dashboard")}">Annuleren</a>' in page


def test_cancel_returns_to_the_page_of_this_site_it_came_from(client_for, clerk):
    page = client_for(clerk).get(reverse("debate-create"),
                                 {"next": "/toezeggingen/nieuw/?a=1&b=2"}).content.decode()
    assert '<a href="/toezeggingen/nieuw/?a=1&amp;b=2">Annuleren</a>' in page


@pytest.mark.parametrize("name", ["debate-create", "person-create"])
def test_advisor_may_not_create_reference_data(name, client_for, advisor):
    assert client_for(advisor).get(reverse(name)).status_code == 403
    assert client_for(advisor).post(reverse(name), {"surname": "X"}).status_code == 403
    assert not Person.objects.exists() and not Debate.objects.exists()


def test_the_form_offers_to_create_next_to_the_select(client_for, clerk):
    html = client_for(clerk).get(reverse("commitments:create")).content.decode()
    assert 'data-create-url="/debatten/nieuw/"' in html
    assert 'data-create-label="+ nieuw debat"' in html
    assert 'data-create-url="/personen/nieuw/"' in html


def test_a_person_already_in_the_register_is_not_added_twice(client_for, clerk, party):
    """The Kamer's motions brought in "Ines Kostić"; the inline form made a second Ines Kostić
    (and "Kostic" would have been a third)."""
    kept = Person.objects.create(first_name="Ines", surname="Kostić")
    response = client_for(clerk).post(reverse("person-create") + "?inline=1", {
        "nieuw-first_name": "ines", "nieuw-surname": "Kostic", "nieuw-party": party.pk})
    assert response.status_code == 400
    assert f"Ines Kostić staat al in het register (#{kept.pk}): kies die in de lijst." in \
        response.content.decode()
    assert list(Person.objects.all()) == [kept]
    # Another member of that surname is no namesake.
    response = client_for(clerk).post(reverse("person-create") + "?inline=1", {
        "nieuw-first_name": "Jan", "nieuw-surname": "Kostić", "nieuw-party": party.pk})
    assert response.status_code == 201 and Person.objects.count() == 2
