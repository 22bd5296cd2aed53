"""Two advisors write the progress texts of one draft at once: merged three ways (issue 12,
item 6), as the commitment and motion screens are (tests/commitments/test_conflict_merge.py)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from letters.models import LetterItem
from tests.browser_form import form_values
from tests.conftest import make_user


@pytest.fixture
def two_advisors(advisor):
    first, second = Client(), Client()
    first.force_login(advisor)
    second.force_login(make_user("beleid2", "beleid"))
    return first, second


def texts(letter):
    return dict(letter.items.values_list("pk", "progress_text"))


def field_of(form, letter, n):
    """The name of the n-th item's progress text on the page, and that item."""
    names = sorted(name for name in form if name.endswith("-progress_text"))
    name = names[n]
    return name, LetterItem.objects.get(pk=form[name.replace("progress_text", "id")])


def test_texts_of_different_items_both_survive(two_advisors, draft):
    advisor_a, advisor_b = two_advisors
    url = reverse("letters:texts", args=[draft.pk])
    form_a = form_values(advisor_a.get(url).content.decode())
    form_b = form_values(advisor_b.get(url).content.decode())
    first, item_a = field_of(form_a, draft, 0)
    second, item_b = field_of(form_b, draft, 1)
    assert advisor_a.post(url, {**form_a, first: "Tekst van A."}).status_code == 302

    conflict = advisor_b.post(url, {**form_b, second: "Tekst van B."})
    assert conflict.status_code == 200
    shown = form_values(conflict.content.decode())
    assert (shown[first], shown[second]) == ("Tekst van A.", "Tekst van B.")
    assert advisor_b.post(url, shown).status_code == 302
    item_a.refresh_from_db()
    item_b.refresh_from_db()
    assert (item_a.progress_text, item_b.progress_text) == ("Tekst van A.", "Tekst van B.")


def test_a_text_both_changed_is_chosen(two_advisors, draft):
    advisor_a, advisor_b = two_advisors
    url = reverse("letters:texts", args=[draft.pk])
    form_a = form_values(advisor_a.get(url).content.decode())
    form_b = form_values(advisor_b.get(url).content.decode())
    name, item = field_of(form_a, draft, 0)
    advisor_a.post(url, {**form_a, name: "Tekst van A."})
    page = advisor_b.post(url, {**form_b, name: "Tekst van B."}).content.decode()
    section = re.search(r'<section class="conflict".*?</section>', page, re.DOTALL)[0]
    assert "Tekst van A." in section and "Tekst van B." in section
    before = texts(draft)
    refused = advisor_b.post(url, form_values(page))
    assert "Kies bij elk veld dat u allebei wijzigde" in refused.content.decode()
    assert texts(draft) == before
    assert advisor_b.post(url, {**form_values(page), f"merge-choice-{name}": "mine"}
                          ).status_code == 302
    item.refresh_from_db()
    assert item.progress_text == "Tekst van B."


def test_the_edit_screen_keeps_an_advisors_text_saved_meanwhile(advisor, letter_writer, draft):
    """Letter staff edit the opening while an advisor writes a progress text: the edit screen
    carries every item's text too, and must not write its stale copy back."""
    staff, writer = Client(), Client()
    staff.force_login(letter_writer)
    writer.force_login(advisor)
    edit, texts_url = reverse("letters:edit", args=[draft.pk]), reverse("letters:texts",
                                                                          args=[draft.pk])
    edit_form = form_values(staff.get(edit).content.decode(), "letter-form")
    text_form = form_values(writer.get(texts_url).content.decode())
    name, item = field_of(text_form, draft, 0)
    assert writer.post(texts_url, {**text_form, name: "Tekst van beleid."}).status_code == 302

    conflict = staff.post(edit, {**edit_form, "opening": "Een nieuwe opening."})
    assert conflict.status_code == 200
    shown = form_values(conflict.content.decode(), "letter-form")
    assert staff.post(edit, shown).status_code == 302
    item.refresh_from_db()
    draft.refresh_from_db()
    assert item.progress_text == "Tekst van beleid."
    assert draft.opening == "Een nieuwe opening."
