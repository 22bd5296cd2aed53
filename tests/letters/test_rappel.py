"""The answer to the Eerste Kamer's rappel (DESIGN.md "Letters"): its own commitments by
T-number, the reference date the dashboard shows, "Uw brief" and each item's explanation and new
expected date required, and the new dates written back on finalising with history naming the
letter."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.models import Commitment
from letters.compose import letter_compose
from letters.models import LetterKind, LetterStatus
from letters.services import letter_approve, letter_finalise, letter_submit
from register.history import save_with_history
from tests.browser_form import form_values
from tests.history_audit import history_audit
from tests.letters.conftest import commitment, reload
from tests.letters.test_section_editor import item_field

REFERENCE = datetime.date(2021, 1, 1)
TODAY = datetime.date(2021, 1, 20)


@pytest.fixture
def rappel(clerk, letter_writer):
    """A rappel answer on two overdue Eerste Kamer commitments, everything filled in."""
    for number, words in (("T02781", "voor de zomer van 2020"), ("T02780", "in september 2020")):
        commitment(clerk, title=f"Toezegging {number}", deadline_text=words, ek_number=number,
                   made_on=datetime.date(2020, 1, 6))
    letter = letter_compose(kind=LetterKind.RAPPEL, reference_date=REFERENCE, by=letter_writer,
                            today=TODAY)
    letter.uw_brief = "Uw brief van 4 januari 2021, kenmerk 168411.01U"
    save_with_history(letter, by=letter_writer, reason="uw brief")
    for item, words in zip(letter.items.order_by("order"), ["voorjaar 2021", "eind 2021"],
                           strict=True):
        item.explanation, item.new_expected = "Het onderzoek loopt nog.", words
        save_with_history(item, by=letter_writer, reason="ingevuld")
    return reload(letter)


def test_the_standard_opening_promises_nothing(rappel):
    # The opening the register writes describes the table; it made the finalise page propose
    # "… de datum waarop ik verwacht de toezegging na te komen" as a promise of the letter.
    from letters.promises import letter_promises

    assert "nieuwe verwachte datum" in rappel.opening
    assert letter_promises(rappel) == []


def test_the_items_go_by_t_number(rappel):
    assert [item.commitment.ek_number for item in rappel.items.order_by("order")] == [
        "T02780", "T02781"]


def test_uw_brief_is_required(rappel, letter_writer):
    rappel.uw_brief = " "
    save_with_history(rappel, by=letter_writer, reason="leeg")
    with pytest.raises(ValidationError, match="uw brief"):
        letter_submit(letter=rappel, by=letter_writer)
    assert reload(rappel).status == LetterStatus.DRAFT


@pytest.mark.parametrize("explanation, expected, message", [
    ("", "voorjaar 2021", "T02780: geen toelichting"),
    ("Loopt.", "", "T02780: geen nieuwe verwachte datum"),
    ("Loopt.", "zo snel mogelijk", "T02780: ‘zo snel mogelijk’ is geen datum of periode"),
    ("Loopt.", "in 2020", "T02780: ‘in 2020’ ligt vóór de datum van de brief"),
    # A date typed after a few words is still the date (it was "geen datum of periode").
    ("Loopt.", "naar verwachting december 2020",
     "T02780: ‘naar verwachting december 2020’ ligt vóór de datum van de brief"),
])
def test_each_item_needs_an_explanation_and_a_new_date_to_come(rappel, letter_writer,
                                                               explanation, expected, message):
    item = rappel.items.order_by("order").first()
    item.explanation, item.new_expected = explanation, expected
    save_with_history(item, by=letter_writer, reason="leeg")
    with pytest.raises(ValidationError, match=message):
        letter_submit(letter=rappel, by=letter_writer)
    assert reload(rappel).status == LetterStatus.DRAFT


def section_form(client, letter):
    url = reverse("letters:section-edit", args=[letter.pk, 0])
    return url, form_values(client.get(url).content.decode(), "section-form")


@pytest.mark.parametrize("expected, message", [
    ("zo snel mogelijk", "‘zo snel mogelijk’ is geen datum of periode"),
    ("in 2020", "‘in 2020’ ligt vóór de datum van de brief"),
    ("verwacht: 1 december 2020", "‘verwacht: 1 december 2020’ ligt vóór de datum van de brief"),
])
def test_a_wrong_new_date_is_refused_when_the_items_are_saved_with_everything_kept(
        client_for, rappel, letter_writer, expected, message):
    """Not only when the letter is offered: the writer hears it where the date was typed."""
    client = client_for(letter_writer)
    url, form = section_form(client, rappel)
    item = rappel.items.order_by("order").first()
    form.update({item_field(form, item, "explanation"): "Het rapport komt in de herfst.",
                 item_field(form, item, "new_expected"): expected})
    with history_audit() as records:
        response = client.post(url, form)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    kept = form_values(page, "section-form")
    assert kept[item_field(form, item, "explanation")] == "Het rapport komt in de herfst."
    assert kept[item_field(form, item, "new_expected")] == expected
    assert (reload(item).explanation, reload(item).new_expected) == ("Het onderzoek loopt nog.",
                                                                    "voorjaar 2021")
    assert records == []


def test_an_empty_new_date_is_saved_and_asked_for_when_the_letter_is_offered(
        client_for, rappel, letter_writer):
    client = client_for(letter_writer)
    url, form = section_form(client, rappel)
    item = rappel.items.order_by("order").first()
    form[item_field(form, item, "new_expected")] = ""
    assert client.post(url, form).status_code == 302
    assert reload(item).new_expected == ""
    with pytest.raises(ValidationError, match="geen nieuwe verwachte datum"):
        letter_submit(letter=reload(rappel), by=letter_writer)


def test_an_advisor_hears_of_a_wrong_new_date_on_the_texts_page(client_for, rappel, advisor):
    items = list(rappel.items.order_by("order", "pk"))
    data = {"version": rappel.version, "items-TOTAL_FORMS": len(items),
            "items-INITIAL_FORMS": len(items)}
    for n, item in enumerate(items):
        data.update({f"items-{n}-id": item.pk, f"items-{n}-letter": rappel.pk,
                     f"items-{n}-explanation": item.explanation,
                     f"items-{n}-new_expected": "gisteren" if n == 0 else item.new_expected})
    response = client_for(advisor).post(reverse("letters:texts", args=[rappel.pk]), data)
    assert response.status_code == 200
    assert "is geen datum of periode" in response.content.decode()
    assert 'value="gisteren"' in response.content.decode()
    assert reload(items[0]).new_expected == "voorjaar 2021"


def test_finalising_writes_the_new_dates_back_with_history_naming_the_letter(
        rappel, letter_writer, letter_writer2, fake_pdf):
    letter_submit(letter=rappel, by=letter_writer)
    approved = letter_approve(letter=rappel, by=letter_writer2)
    letter_finalise(letter=approved, by=letter_writer2)
    first, second = (Commitment.objects.get(ek_number=n) for n in ("T02780", "T02781"))
    assert (first.deadline_start, first.deadline_end) == (datetime.date(2021, 3, 1),
                                                          datetime.date(2021, 5, 31))
    assert second.deadline_end == datetime.date(2021, 12, 31)
    assert first.deadline_text == "in september 2020"  # the words as given stay
    record = first.history.latest()
    assert record.history_user == letter_writer2
    assert "voorjaar 2021" in record.history_change_reason
    assert rappel.kenmerk in record.history_change_reason


def test_a_new_date_in_the_answer_replaces_a_clerks_no_deadline(
        rappel, clerk, letter_writer, letter_writer2, fake_pdf):
    # Ticked after the letter was drafted: the answer's date is the newer word on it.
    ticked = Commitment.objects.get(ek_number="T02780")
    ticked.deadline_none = True
    save_with_history(ticked, by=clerk, reason="geen termijn")
    letter_submit(letter=rappel, by=letter_writer)
    letter_finalise(letter=letter_approve(letter=rappel, by=letter_writer2), by=letter_writer2)
    ticked.refresh_from_db()
    assert not ticked.deadline_none
    assert ticked.deadline_end == datetime.date(2021, 5, 31)


def test_a_progress_letter_writes_no_dates_back(draft, register_24077, letter_writer,
                                                letter_writer2, fake_pdf):
    before = {c.pk: (c.deadline_start, c.deadline_end) for c in Commitment.objects.all()}
    letter_submit(letter=draft, by=letter_writer)
    approved = letter_approve(letter=draft, by=letter_writer2)
    letter_finalise(letter=approved, by=letter_writer2)
    assert {c.pk: (c.deadline_start, c.deadline_end)
            for c in Commitment.objects.all()} == before


def test_the_confirmation_shows_the_dates_to_be_written_back(rappel, letter_writer,
                                                             letter_writer2, client_for):
    letter_submit(letter=rappel, by=letter_writer)
    letter_approve(letter=rappel, by=letter_writer2)
    page = client_for(letter_writer2).get(reverse("letters:finalise", args=[rappel.pk]))
    html = page.content.decode()
    assert "Nieuwe verwachte datums" in html
    assert "T02780" in html and "1 maart 2021 – 31 mei 2021" in html


def test_the_demo_has_eerste_kamer_commitments_for_the_next_rappel(demo, letter_writer):
    letter = letter_compose(kind=LetterKind.RAPPEL, reference_date=datetime.date(2027, 1, 1),
                            by=letter_writer, today=datetime.date(2026, 12, 7))
    numbers = [item.commitment.ek_number for item in letter.items.order_by("order")]
    assert numbers == ["T03211", "T03212"]  # T03305 is due in 2027: not on this rappel
    assert all(item.explanation for item in letter.items.all())
