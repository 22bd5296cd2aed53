"""The editor one section at a time (issue 16, item 7): a section opened and saved on its own
(htmx or a page of its own), moved with buttons, items moved up, down and to another section,
and no lost update when two people edit the same section."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from letters.models import LetterItem, LetterSection
from letters.prose import Voice, promise_words
from letters.services import letter_submit
from tests.browser_form import form_values
from tests.conftest import make_user
from tests.history_audit import history_audit
from tests.letters.conftest import item_for, reload


def edit_url(letter, section):
    return reverse("letters:section-edit", args=[letter.pk, section.pk])


def section_of(letter, title):
    return letter.sections.get(title=title)


def opened(client, letter, section):
    return form_values(client.get(edit_url(letter, section)).content.decode(), "section-form")


def item_field(form, item, name):
    """The html name of `item`'s field `name` in the section form."""
    prefix = next(key.removesuffix("-id") for key, value in form.items()
                  if key.endswith("-id") and str(value) == str(item.pk))
    return f"{prefix}-{name}"


def sections_in_order(letter):
    return list(letter.sections.order_by("order", "pk").values_list("title", flat=True))


def items_in_order(section):
    return [item.subject for item in section.items.order_by("order", "pk")]


@pytest.fixture
def writers(letter_writer):
    first, second = Client(), Client()
    first.force_login(letter_writer)
    second.force_login(make_user("brieven3", "brieven", first_name="Bob", last_name="Brieven"))
    return first, second


# --- Opening and saving one section ---------------------------------------------------------


def test_a_section_opens_on_its_own_and_saves_its_text_and_items(
        client_for, letter_writer, draft, register_24077, django_assert_max_num_queries):
    client = client_for(letter_writer)
    section = item_for(draft, register_24077["open"]).section
    with django_assert_max_num_queries(20):
        page = client.get(edit_url(draft, section)).content.decode()
    assert 'id="section-form"' in page and f'id="sectie-{section.pk}"' in page
    assert 'hx-post="' in page and "Volgorde" not in page
    form = form_values(page, "section-form")
    item = item_for(draft, register_24077["open"])
    form.update({"body": "Een nieuwe inleiding.",
                 item_field(form, item, "progress_text"): "Het onderzoek is klaar.",
                 item_field(form, item, "delivers"): "on"})
    with history_audit() as records:
        response = client.post(edit_url(draft, section), form)
    assert response.status_code == 302
    assert response["Location"] == (reverse("letters:edit", args=[draft.pk])
                                    + f"?opgeslagen={section.pk}#sectie-{section.pk}")
    section.refresh_from_db()
    item.refresh_from_db()
    assert section.body == "Een nieuwe inleiding."
    assert item.progress_text == "Het onderzoek is klaar." and item.delivers
    reasons = {r.history_change_reason for r in records}
    assert reasons == {f"Sectie ‘{section.title}’ bewerkt"}
    assert sorted(type(r).__name__ for r in records) == [
        "HistoricalLetterItem", "HistoricalLetterSection", "HistoricalProgressLetter"]
    # Back on the editor the section says it was saved.
    editor = client.get(response["Location"]).content.decode()
    assert "Opgeslagen." in editor and "Een nieuwe inleiding." in editor


def promise_of(letter, item):
    return promise_words(item.commitment, Voice.of(letter))


def test_replacing_the_whole_text_saves_it_and_warns_that_the_promise_is_gone(
        client_for, letter_writer, draft, register_24077):
    client = client_for(letter_writer)
    item = item_for(draft, register_24077["open"])
    promise = promise_of(draft, item)
    assert item.progress_text.startswith(promise)  # pre-filled with what was promised
    form = opened(client, draft, item.section)
    form[item_field(form, item, "progress_text")] = "Het onderzoek is klaar."
    response = client.post(edit_url(draft, item.section), form, follow=True)
    assert reload(item).progress_text == "Het onderzoek is klaar."  # a warning, not a refusal
    block = block_html(response.content.decode(), item.section)
    assert (f"De tekst bij {item.commitment.number} zegt niet meer wat er is toegezegd"
            in block)  # in the section's block, where the redirect's #sectie- scrolls to
    assert escape(promise) in block
    assert response.content.decode().count("zegt niet meer wat er is toegezegd") == 1


def block_html(page, section):
    block = page[page.index(f'id="sectie-{section.pk}"'):]
    return block[:block.index("</section>")]


@pytest.mark.parametrize("text", [
    "{promise} Het onderzoek is klaar.",
    "Over {number}: het onderzoek is klaar.",
    "Ik zegde toe: ‘{quoted}’ Het onderzoek is klaar.",
])
def test_a_text_that_still_says_what_was_promised_gets_no_warning(
        client_for, letter_writer, draft, register_24077, text):
    client = client_for(letter_writer)
    item = item_for(draft, register_24077["open"])
    promise = promise_of(draft, item)
    form = opened(client, draft, item.section)
    form[item_field(form, item, "progress_text")] = text.format(
        promise=promise, number=item.commitment.number,
        quoted=re.search("‘(.+)’", promise)[1])
    page = client.post(edit_url(draft, item.section), form, follow=True).content.decode()
    assert "zegt niet meer wat er is toegezegd" not in page


def test_with_htmx_the_warning_is_in_the_block_htmx_swaps_in(
        client_for, letter_writer, draft, register_24077):
    client = client_for(letter_writer)
    item = item_for(draft, register_24077["open"])
    form = opened(client, draft, item.section)
    form[item_field(form, item, "progress_text")] = "Het onderzoek is klaar."
    response = client.post(edit_url(draft, item.section), form, headers={"HX-Request": "true"},
                           follow=True)
    assert "zegt niet meer wat er is toegezegd" in block_html(response.content.decode(),
                                                              item.section)


def test_an_advisor_who_replaces_the_whole_text_is_warned_too(client_for, advisor, draft,
                                                              register_24077):
    items = list(draft.items.order_by("section__order", "order", "pk"))
    data = {"version": draft.version, "items-TOTAL_FORMS": len(items),
            "items-INITIAL_FORMS": len(items)}
    for n, item in enumerate(items):
        text = ("Beleid schrijft dit." if item.commitment == register_24077["open"]
                else item.progress_text)
        data.update({f"items-{n}-id": item.pk, f"items-{n}-letter": draft.pk,
                     f"items-{n}-progress_text": text})
    response = client_for(advisor).post(reverse("letters:texts", args=[draft.pk]), data,
                                        follow=True)
    assert "zegt niet meer wat er is toegezegd" in response.content.decode()
    assert item_for(draft, register_24077["open"]).progress_text == "Beleid schrijft dit."


def test_htmx_gets_the_same_page_and_swaps_the_sections_block(client_for, letter_writer, draft):
    """htmx asks for the page and takes the section's block out of it (hx-select): the block is
    there, whether asked by htmx or by a browser without JavaScript."""
    section = draft.sections.order_by("order", "pk").first()
    client = client_for(letter_writer)
    editor = client.get(reverse("letters:edit", args=[draft.pk])).content.decode()
    assert (f'hx-get="{edit_url(draft, section)}" hx-target="#sectie-{section.pk}" '
            f'hx-select="#sectie-{section.pk}"') in editor
    page = client.get(edit_url(draft, section), headers={"HX-Request": "true"}).content.decode()
    assert f'<section class="section-block editing" id="sectie-{section.pk}"' in page


def test_an_item_ticked_off_is_taken_out_of_the_letter(client_for, letter_writer, draft,
                                                       register_24077):
    client = client_for(letter_writer)
    lapsed = item_for(draft, register_24077["lapsed"])
    form = opened(client, draft, lapsed.section)
    form[item_field(form, lapsed, "DELETE")] = "on"
    assert client.post(edit_url(draft, lapsed.section), form).status_code == 302
    assert not draft.items.filter(commitment=register_24077["lapsed"]).exists()
    assert LetterItem.history.filter(history_type="-").count() == 1


def test_a_rappel_answers_items_are_edited_without_a_section(client_for, letter_writer, clerk):
    from letters.compose import letter_compose
    from tests.letters.conftest import commitment

    commitment(clerk, title="Te laat", deadline_text="voor de zomer", ek_number="T01970")
    letter = letter_compose(kind="rappel", reference_date=datetime.date(2021, 1, 1),
                            by=letter_writer)
    client = client_for(letter_writer)
    url = reverse("letters:section-edit", args=[letter.pk, 0])
    form = form_values(client.get(url).content.decode(), "section-form")
    item = letter.items.get()
    form.update({item_field(form, item, "explanation"): "Het rapport komt later.",
                 item_field(form, item, "new_expected"): "voor de zomer van 2027"})
    assert client.post(url, form).status_code == 302
    item.refresh_from_db()
    assert (item.explanation, item.new_expected) == ("Het rapport komt later.",
                                                     "voor de zomer van 2027")


def test_a_progress_letter_has_no_section_zero(client_for, letter_writer, draft):
    url = reverse("letters:section-edit", args=[draft.pk, 0])
    assert client_for(letter_writer).get(url).status_code == 404


# --- No lost update ---------------------------------------------------------------------------


def test_two_people_editing_the_same_section_the_second_is_refused_and_keeps_the_text(
        writers, draft):
    first, second = writers
    section = section_of(draft, "Afsluiting")
    form_a, form_b = opened(first, draft, section), opened(second, draft, section)
    assert first.post(edit_url(draft, section), {**form_a, "body": "Tekst van Bea."}
                      ).status_code == 302

    refused = second.post(edit_url(draft, section), {**form_b, "body": "Tekst van Bob."})
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Iemand anders heeft dit record intussen gewijzigd" in page
    assert "Intussen gewijzigd door een ander" in page
    conflict = page[page.index('class="conflict"'):page.index("</section>",
                                                              page.index('class="conflict"'))]
    assert "Tekst van Bea." in conflict and "Tekst van Bob." in conflict  # theirs, side by side
    assert "Bea Brieven" in conflict and "Sectie ‘Afsluiting’: tekst" in conflict
    shown = form_values(page, "section-form")
    assert shown["body"] == "Tekst van Bob."  # the typed text is kept
    section.refresh_from_db()
    assert section.body == "Tekst van Bea."

    chosen = second.post(edit_url(draft, section), {**shown, "merge-choice-body": "mine"})
    assert chosen.status_code == 302
    section.refresh_from_db()
    assert section.body == "Tekst van Bob."


def test_an_item_text_changed_meanwhile_is_not_overwritten(writers, draft, register_24077):
    first, second = writers
    item = item_for(draft, register_24077["open"])
    form_a, form_b = opened(first, draft, item.section), opened(second, draft, item.section)
    name = item_field(form_a, item, "progress_text")
    first.post(edit_url(draft, item.section), {**form_a, name: "Van Bea."})
    refused = second.post(edit_url(draft, item.section), {**form_b, name: "Van Bob."})
    assert refused.status_code == 200
    item.refresh_from_db()
    assert item.progress_text == "Van Bea."
    assert form_values(refused.content.decode(), "section-form")[name] == "Van Bob."


def test_two_people_editing_different_sections_both_save(writers, draft):
    first, second = writers
    opening_section, closing = draft.sections.order_by("order", "pk").first(), \
        section_of(draft, "Afsluiting")
    form_a, form_b = opened(first, draft, opening_section), opened(second, draft, closing)
    assert first.post(edit_url(draft, opening_section), {**form_a, "body": "Van Bea."}
                      ).status_code == 302
    assert second.post(edit_url(draft, closing), {**form_b, "body": "Van Bob."}
                       ).status_code == 302
    assert reload(opening_section).body == "Van Bea." and reload(closing).body == "Van Bob."


def test_a_moved_section_does_not_stop_an_open_editor(writers, draft):
    first, second = writers
    closing = section_of(draft, "Afsluiting")
    form = opened(first, draft, closing)
    second.post(reverse("letters:section-move", args=[draft.pk, closing.pk]),
                {"direction": "up"})
    assert first.post(edit_url(draft, closing), {**form, "body": "Tot zover."}).status_code == 302
    assert reload(closing).body == "Tot zover."


# --- Moving sections and items ------------------------------------------------------------------


def test_sections_move_up_and_down_with_buttons(client_for, letter_writer, draft):
    client = client_for(letter_writer)
    before = sections_in_order(draft)
    second = section_of(draft, before[1])
    move = reverse("letters:section-move", args=[draft.pk, second.pk])
    assert client.get(move).status_code == 405
    with history_audit() as records:
        response = client.post(move, {"direction": "up"})
    assert response["Location"].endswith(f"#sectie-{second.pk}")
    assert sections_in_order(draft) == [before[1], before[0], *before[2:]]
    assert f"Sectie ‘{before[1]}’ omhoog verplaatst" in {r.history_change_reason for r in records}
    client.post(move, {"direction": "down"})
    assert sections_in_order(draft) == before
    # At the edge a section stays where it is.
    client.post(reverse("letters:section-move", args=[draft.pk, section_of(draft, before[0]).pk]),
                {"direction": "up"})
    assert sections_in_order(draft) == before
    assert client.post(move, {"direction": "sideways"}).status_code == 400


def test_items_move_up_down_and_to_another_section(client_for, letter_writer, draft,
                                                   register_24077):
    client = client_for(letter_writer)
    item = item_for(draft, register_24077["in_progress"])
    section = item.section
    before = items_in_order(section)
    assert len(before) > 1
    lower = item_for(draft, before[1])
    move = reverse("letters:item-move", args=[draft.pk, lower.pk])
    client.post(move, {"direction": "up"})
    assert items_in_order(section) == [before[1], before[0], *before[2:]]
    closing = section_of(draft, "Afsluiting")
    response = client.post(move, {"direction": "section", "section": closing.pk})
    assert response["Location"].endswith(f"#sectie-{closing.pk}")
    lower.refresh_from_db()
    assert lower.section == closing and before[1] not in items_in_order(section)
    history = LetterItem.history.filter(id=lower.pk).order_by("history_date", "history_id")
    assert history.last().history_change_reason.endswith("verplaatst naar sectie ‘Afsluiting’")
    assert client.post(move, {"direction": "section", "section": 999999}).status_code == 400


def test_an_item_is_not_moved_into_another_letters_section(client_for, letter_writer, draft,
                                                           register_24077):
    from letters.compose import letter_compose

    other = letter_compose(dossier=register_24077["dossier"], by=letter_writer,
                           today=datetime.date(2021, 2, 1))
    item = draft.items.first()
    response = client_for(letter_writer).post(
        reverse("letters:item-move", args=[draft.pk, item.pk]),
        {"direction": "section", "section": other.sections.first().pk})
    assert response.status_code == 400
    assert reload(item).section == item.section


def test_sections_are_added_and_an_empty_one_removed(client_for, letter_writer, draft):
    client = client_for(letter_writer)
    client.post(reverse("letters:section-add", args=[draft.pk]), {"title": "Nieuwe sectie"})
    added = section_of(draft, "Nieuwe sectie")
    assert sections_in_order(draft)[-1] == "Nieuwe sectie"
    full = draft.sections.filter(items__isnull=False).first()
    response = client.post(reverse("letters:section-delete", args=[draft.pk, full.pk]),
                           follow=True)
    assert "bevat nog onderdelen" in response.content.decode()
    assert LetterSection.objects.filter(pk=full.pk).exists()
    client.post(reverse("letters:section-delete", args=[draft.pk, added.pk]))
    assert not LetterSection.objects.filter(pk=added.pk).exists()


# --- Who may --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["letters:section-move", "letters:section-delete",
                                  "letters:section-add", "letters:item-move"])
def test_mutating_section_steps_refuse_get(client_for, letter_writer, draft, name):
    args = [draft.pk] if name == "letters:section-add" else [
        draft.pk, draft.items.first().pk if name == "letters:item-move"
        else draft.sections.first().pk]
    assert client_for(letter_writer).get(reverse(name, args=args)).status_code == 405


@pytest.mark.parametrize("role", ["advisor", "clerk", "norole"])
def test_only_letter_staff_edit_sections(client_for, role, request, draft):
    client = client_for(request.getfixturevalue(role))
    section = section_of(draft, "Afsluiting")
    item = draft.items.first()
    assert client.get(edit_url(draft, section)).status_code == 403
    assert client.post(edit_url(draft, section), {"title": "X", "body": "X",
                                                  "version": draft.version}).status_code == 403
    for name, args, data in [
            ("letters:section-move", [draft.pk, section.pk], {"direction": "up"}),
            ("letters:section-delete", [draft.pk, section.pk], {}),
            ("letters:section-add", [draft.pk], {"title": "X"}),
            ("letters:item-move", [draft.pk, item.pk], {"direction": "up"})]:
        assert client.post(reverse(name, args=args), data).status_code == 403
    assert reload(draft).version == draft.version
    assert reload(section).body == section.body


def test_anonymous_users_are_sent_to_the_login(client, draft):
    response = client.get(edit_url(draft, draft.sections.first()))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_only_a_draft_is_edited(client_for, letter_writer, draft):
    client = client_for(letter_writer)
    section = section_of(draft, "Afsluiting")
    form = opened(client, draft, section)
    letter_submit(letter=draft, by=letter_writer)
    response = client.post(edit_url(draft, section), {**form, "body": "Te laat."}, follow=True)
    assert "ligt ter goedkeuring" in response.content.decode()
    assert reload(section).body != "Te laat."
    client.post(reverse("letters:section-move", args=[draft.pk, section.pk]),
                {"direction": "up"})
    assert sections_in_order(draft)[-1] == "Afsluiting"


def test_a_move_in_english_is_recorded_in_dutch(client_for, letter_writer, draft):
    from django.utils import translation

    client = client_for(letter_writer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    closing = section_of(draft, "Afsluiting")
    try:
        with history_audit() as records:
            client.post(reverse("letters:section-move", args=[draft.pk, closing.pk]),
                        {"direction": "up"})
    finally:
        translation.deactivate()
    assert "Sectie ‘Afsluiting’ omhoog verplaatst" in {r.history_change_reason for r in records}


def test_an_item_moved_away_meanwhile_keeps_the_text_typed_for_it(writers, draft,
                                                                  register_24077):
    first, second = writers
    item = item_for(draft, register_24077["open"])
    section = item.section
    form = opened(first, draft, section)
    closing = section_of(draft, "Afsluiting")
    second.post(reverse("letters:item-move", args=[draft.pk, item.pk]),
                {"direction": "section", "section": closing.pk})
    name = item_field(form, item, "progress_text")
    with history_audit() as records:
        response = first.post(edit_url(draft, section), {**form, name: "Getypt door Bea."},
                              follow=True)
    item.refresh_from_db()
    assert (item.progress_text, item.section) == ("Getypt door Bea.", closing)
    assert "Getypt door Bea." in {r.progress_text for r in records
                                  if type(r).__name__ == "HistoricalLetterItem"}
    page = response.content.decode()
    assert "hoort niet bij deze brief" not in page
    assert ("TZ-VWS-2019-001’ is intussen door een ander naar sectie ‘Afsluiting’ verplaatst"
            in page.replace("&#x27;", "'"))


def test_with_htmx_a_save_after_a_move_shows_the_whole_editor(writers, draft, register_24077):
    first, second = writers
    item = item_for(draft, register_24077["open"])
    form = opened(first, draft, item.section)
    second.post(reverse("letters:item-move", args=[draft.pk, item.pk]),
                {"direction": "section", "section": section_of(draft, "Afsluiting").pk})
    response = first.post(edit_url(draft, item.section), form, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(reverse("letters:edit", args=[draft.pk]))


def test_an_item_of_another_letter_is_never_shown_by_a_hand_made_post(
        client_for, letter_writer, draft, register_24077):
    from letters.compose import letter_compose

    other = letter_compose(dossier=register_24077["dossier"], by=letter_writer,
                           today=datetime.date(2021, 2, 1))
    client = client_for(letter_writer)
    section = section_of(draft, "Afsluiting")
    form = opened(client, draft, item_for(draft, register_24077["open"]).section)
    stranger = other.items.first()
    key = next(key for key in form if key.endswith("-id"))
    form[key] = str(stranger.pk)
    form[key.replace("-id", "-progress_text")] = "Ingebroken"
    client.post(edit_url(draft, section), form)
    stranger.refresh_from_db()
    assert stranger.progress_text != "Ingebroken"


@pytest.mark.parametrize("hostile", ["²", "9" * 30, "-1", ""])
def test_a_section_form_with_a_hostile_item_id_is_refused_not_a_server_error(
        client_for, letter_writer, draft, register_24077, hostile):
    client = client_for(letter_writer)
    section = item_for(draft, register_24077["open"]).section
    form = opened(client, draft, section)
    form[next(key for key in form if key.endswith("-id"))] = hostile
    response = client.post(edit_url(draft, section), form, follow=True)
    assert response.status_code == 200
    assert "hoort niet bij deze brief" in response.content.decode()
