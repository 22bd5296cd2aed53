"""Two people edit one record at once: a three-way merge (issue 12, item 6).

The form remembers what it was loaded with (the base). After a conflict, a field only the other
person changed keeps their value, a field only you changed keeps yours, and a field you both
changed is shown side by side and must be chosen before the form saves.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from commitments.models import Commitment, Motion
from tests import factories
from tests.browser_form import form_values
from tests.conftest import make_user


@pytest.fixture
def commitment(clerk):
    return factories.commitment(clerk, deadline_text="in het voorjaar van 2021")


@pytest.fixture
def two_clerks(clerk):
    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(make_user("griffie2", "griffie"))
    return first, second


def opened(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return form_values(response.content.decode())


def test_the_other_persons_change_survives_saving_after_the_conflict(two_clerks, commitment):
    """The issue's case: A changes the deadline words, B the title at the same time; B gets
    the conflict page and saves — A's deadline stays."""
    clerk_a, clerk_b = two_clerks
    url = reverse("commitments:edit", args=[commitment.pk])
    form_a, form_b = opened(clerk_a, url), opened(clerk_b, url)
    assert clerk_a.post(url, {**form_a, "deadline_text": "eind 2021"}).status_code == 302

    conflict = clerk_b.post(url, {**form_b, "title": "Titel van B"})
    assert conflict.status_code == 200
    page = conflict.content.decode()
    assert "Iemand anders heeft dit record intussen gewijzigd" in page
    shown = form_values(page)
    assert shown["title"] == "Titel van B"  # what B typed is kept
    assert shown["deadline_text"] == "eind 2021"  # what A saved is taken over
    assert "beide gewijzigd" not in page  # no field both changed: nothing to choose

    assert clerk_b.post(url, shown).status_code == 302
    saved = Commitment.objects.get()
    assert (saved.title, saved.deadline_text) == ("Titel van B", "eind 2021")
    assert saved.deadline_end.isoformat() == "2021-12-31"
    assert [row.history_user.username for row in saved.history.order_by("history_id")] == [
        "griffie", "griffie", "griffie2"]


def test_a_field_both_changed_must_be_chosen(two_clerks, commitment):
    clerk_a, clerk_b = two_clerks
    url = reverse("commitments:edit", args=[commitment.pk])
    form_a, form_b = opened(clerk_a, url), opened(clerk_b, url)
    clerk_a.post(url, {**form_a, "title": "Titel van A", "deadline_text": "eind 2021"})
    conflict = clerk_b.post(url, {**form_b, "title": "Titel van B", "text": "Tekst van B"})
    page = conflict.content.decode()
    section = re.search(r'<section class="conflict".*?</section>', page, re.DOTALL)[0]
    assert "Titel van A" in section and "Titel van B" in section  # side by side
    shown = form_values(page)
    assert (shown["title"], shown["text"], shown["deadline_text"]) == (
        "Titel van B", "Tekst van B", "eind 2021")

    unchosen = clerk_b.post(url, shown)
    assert unchosen.status_code == 200
    assert "Kies bij elk veld dat u allebei wijzigde" in unchosen.content.decode()
    assert Commitment.objects.get().title == "Titel van A"

    again = form_values(unchosen.content.decode())
    (choice,) = set(re.findall(r'name="(merge-choice-[^"]+)"', unchosen.content.decode()))
    assert choice == "merge-choice-title"
    assert clerk_b.post(url, {**again, choice: "theirs"}).status_code == 302
    saved = Commitment.objects.get()
    assert (saved.title, saved.text, saved.deadline_text) == (
        "Titel van A", "Tekst van B", "eind 2021")


def test_choosing_ones_own_value_keeps_it(two_clerks, commitment):
    clerk_a, clerk_b = two_clerks
    url = reverse("commitments:edit", args=[commitment.pk])
    form_a, form_b = opened(clerk_a, url), opened(clerk_b, url)
    clerk_a.post(url, {**form_a, "title": "Titel van A"})
    shown = form_values(clerk_b.post(url, {**form_b, "title": "Titel van B"}).content.decode())
    assert clerk_b.post(url, {**shown, "merge-choice-title": "mine"}).status_code == 302
    assert Commitment.objects.get().title == "Titel van B"


def test_the_conflict_page_shows_dates_as_the_form_does(two_clerks, commitment):
    """Derived periods in Dutch words on the form and in the conflict, never ISO dates."""
    clerk_a, clerk_b = two_clerks
    url = reverse("commitments:edit", args=[commitment.pk])
    form_a, form_b = opened(clerk_a, url), opened(clerk_b, url)
    clerk_a.post(url, {**form_a, "deadline_text": "eind 2021",
                       "deadline_override_end": "2021-11-30"})
    page = clerk_b.post(url, {**form_b, "deadline_override_end": "2021-10-31"}).content.decode()
    text = re.sub(r"<[^>]+>", " ", page)  # what a person reads: no attribute values
    assert "Afgeleid: 1 oktober 2021 – 31 december 2021." in text
    assert "30 november 2021" in text and "31 oktober 2021" in text  # side by side
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)


def test_a_motion_edit_merges_the_same_way(two_clerks, clerk):
    motion = factories.motion(clerk)
    clerk_a, clerk_b = two_clerks
    url = reverse("commitments:motion-edit", args=[motion.pk])
    form_a, form_b = opened(clerk_a, url), opened(clerk_b, url)
    assert clerk_a.post(url, {**form_a, "text": "Verzoekt de regering …"}).status_code == 302
    shown = form_values(clerk_b.post(url, {**form_b, "title": "Motie van B"}).content.decode())
    assert clerk_b.post(url, shown).status_code == 302
    saved = Motion.objects.get()
    assert (saved.title, saved.text) == ("Motie van B", "Verzoekt de regering …")
