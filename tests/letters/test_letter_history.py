"""The letter's timeline holds the changes of its sections and items (issue 16, item 7): who, when,
what changed (old → new), in the letter's own history on its page."""

import re

from django.urls import reverse

from letters.history import letter_timeline
from letters.models import LetterSection
from register.history import save_with_history
from tests.browser_form import form_values
from tests.letters.conftest import commitment, item_for, reload
from tests.letters.test_section_editor import item_field
from tests.letters.test_views import texts_data


def save_section(client, letter, section, changes):
    """The section editor of `section`, posted with `changes` (an item's field named by the item
    and the field: (item, "delivers"))."""
    url = reverse("letters:section-edit", args=[letter.pk, section.pk])
    form = form_values(client.get(url).content.decode(), "section-form")
    for name, value in changes.items():
        form[item_field(form, *name) if isinstance(name, tuple) else name] = value
    assert client.post(url, form).status_code == 302


def history_section(page):
    return re.search(r"<h2>Geschiedenis</h2>(.*?)</aside>", page, re.DOTALL)[1]


def test_the_letters_history_shows_section_texts_and_doet_af(client_for, letter_writer, advisor,
                                                             draft, register_24077):
    client = client_for(letter_writer)
    save_section(client, draft, draft.sections.get(title="Afsluiting"), {"body": "Tot zover."})
    item = item_for(draft, register_24077["open"])
    save_section(client, draft, item.section, {(item, "delivers"): "on"})
    page = client_for(advisor).get(reverse("letters:detail", args=[draft.pk])).content.decode()
    history = history_section(page)
    assert "Sectie ‘Afsluiting’ bewerkt" in history
    assert "Sectie ‘Afsluiting’: tekst" in history and "Tot zover." in history
    number = register_24077["open"].number
    assert re.search(rf"Onderdeel {number}: doet af</th><td>nee</td><td>ja</td>", history)
    assert "Bea Brieven" in history


def test_progress_texts_added_and_removed_items_are_in_the_letters_history(
        client_for, letter_writer, advisor, clerk, draft, register_24077):
    client_for(advisor).post(reverse("letters:texts", args=[draft.pk]),
                             texts_data(draft, "Het onderzoek loopt nog."))
    made = commitment(clerk, title="Later toegevoegd")
    made_in = draft.sections.get(title="Afsluiting")
    client_for(letter_writer).post(reverse("letters:add-item", args=[draft.pk]), {
        "text": made.number, "section": made_in.pk, "version": reload(draft).version})
    lapsed = register_24077["lapsed"]
    item = item_for(draft, lapsed)
    save_section(client_for(letter_writer), draft, item.section, {(item, "DELETE"): "on"})
    moved = item_for(draft, register_24077["open"])
    client_for(letter_writer).post(reverse("letters:item-move", args=[draft.pk, moved.pk]),
                                   {"direction": "section", "section": made_in.pk})
    entries = letter_timeline(reload(draft))
    changes = [(entry.record.history_user.username, change.label, change.old, change.new)
               for entry in entries for change in entry.changes]
    assert ("brieven", f"Onderdeel {lapsed.number}", "in de brief", "verwijderd") in changes
    assert ("brieven", f"Onderdeel {made.number}", "—", "toegevoegd") in changes
    number = register_24077["open"].number
    assert ("brieven", f"Onderdeel {number}: sectie", moved.section.title, "Afsluiting") \
        in changes
    assert any(user == "beleid" and label.endswith(": voortgangstekst")
               and new == "Het onderzoek loopt nog." for user, label, old, new in changes)
    # Composing made the parts: that is the letter's creation, not a list of additions.
    assert entries[-1].created and entries[-1].changes == []


def test_a_part_changed_on_its_own_has_an_entry_of_its_own(letter_writer2, draft):
    section = draft.sections.get(title="Afsluiting")
    section.body = "Via het beheer."
    save_with_history(section, by=letter_writer2, reason="Beheer")
    entry = letter_timeline(draft)[0]
    assert not entry.created and entry.record.history_change_reason == "Beheer"
    assert [(c.label, c.new) for c in entry.changes] == [("Sectie ‘Afsluiting’: tekst",
                                                          "Via het beheer.")]


def test_the_history_costs_the_same_queries_however_long(client_for, advisor, letter_writer,
                                                         draft, django_assert_max_num_queries):
    client = client_for(advisor)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("letters:detail", args=[draft.pk]))
    for n in range(5):
        section = LetterSection.objects.get(pk=draft.sections.first().pk)
        section.body = f"Versie {n}"
        save_with_history(section, by=letter_writer, reason="Bijgewerkt")
        item = item_for(draft, draft.items.first().subject)
        item.progress_text = f"Versie {n}"
        save_with_history(item, by=letter_writer, reason="Bijgewerkt")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("letters:detail", args=[draft.pk]))
