"""What goes out is what was approved (issue 12, item 4; DESIGN.md "Letters"): approving records
the letter's full content, finalising renders exactly that, an edit of the letter after approval
sends it back to draft, and the confirmation lists what changed in the register meanwhile."""

from django.urls import reverse

from letters.models import LetterStatus
from letters.services import letter_approve, letter_finalise, letter_submit
from register.history import save_with_history
from tests.letters.conftest import reload
from tests.register.test_admin_history import form_data


def printed(content):
    """Everything of a LetterContent a reader sees, as one text."""
    parts = [content.subject, content.opening, content.closing]
    parts += [f"{s.title}\n{s.body}" for s in content.sections]
    if content.annex:
        parts += [f"{r.number} {r.text} {r.bewindspersoon} {r.deadline} {r.status}"
                  for r in content.annex.rows]
    return "\n".join(parts)


def test_a_clerk_changing_a_printed_title_after_approval_changes_nothing_that_goes_out(
        approved, register_24077, clerk, letter_writer, client_for, fake_pdf):
    commitment = register_24077["open"]
    commitment.title = "Gewijzigde titel na goedkeuring"
    save_with_history(commitment, by=clerk, reason="Titel verduidelijkt")

    page = client_for(letter_writer).get(reverse("letters:finalise", args=[approved.pk]))
    text = page.content.decode()
    assert "Na de goedkeuring gewijzigd in het register" in text
    assert "Gewijzigde titel na goedkeuring" in text and "Persona onderzoek" in text

    letter_finalise(letter=reload(approved), by=letter_writer)
    rendered = printed(fake_pdf[-1])
    assert "Persona onderzoek" in rendered
    assert "Gewijzigde titel na goedkeuring" not in rendered


def test_an_admin_editing_the_approved_letters_opening_sends_it_back_to_draft(
        approved, superuser, client_for, letter_writer, fake_pdf):
    client = client_for(superuser)
    change = f"/beheer/letters/progressletter/{approved.pk}/change/"
    data = form_data(client.get(change))
    data.update(opening="Een andere opening, na de goedkeuring.", change_reason="Opening")
    assert client.post(change, data).status_code == 302
    letter = reload(approved)
    assert letter.opening == "Een andere opening, na de goedkeuring."
    assert letter.status == LetterStatus.DRAFT and not letter.is_approved
    assert letter.approved_at is None and letter.approved_content is None
    reasons = [row.history_change_reason for row in letter.history.order_by("-history_id")[:2]]
    assert any("terug naar concept" in reason for reason in reasons)
    page = client_for(letter_writer).get(reverse("letters:finalise", args=[letter.pk]))
    assert "Alleen een goedgekeurde brief" in page.content.decode()
    assert fake_pdf == []


def test_an_admin_editing_a_section_of_the_approved_letter_sends_it_back_too(
        approved, superuser, client_for):
    client = client_for(superuser)
    change = f"/beheer/letters/progressletter/{approved.pk}/change/"
    data = form_data(client.get(change))
    data.update({"sections-0-body": "Andere tekst.", "change_reason": "Sectie"})
    assert client.post(change, data).status_code == 302
    letter = reload(approved)
    assert letter.status == LetterStatus.DRAFT
    assert letter.sections.order_by("order", "pk").first().body == "Andere tekst."


def test_saving_the_approved_letter_unchanged_in_the_admin_keeps_the_approval(
        approved, superuser, client_for):
    client = client_for(superuser)
    change = f"/beheer/letters/progressletter/{approved.pk}/change/"
    data = form_data(client.get(change))
    client.post(change, {**data, "change_reason": "Alleen bekeken"})
    assert reload(approved).is_approved


def test_approving_records_the_full_content_and_finalising_renders_exactly_it(
        draft, letter_writer, letter_writer2, fake_pdf):
    from letters.content import letter_content

    letter_submit(letter=draft, by=letter_writer)
    letter = letter_approve(letter=draft, by=letter_writer2)
    assert letter.approved_content is not None
    expected = letter_content(letter)
    letter_finalise(letter=reload(letter), by=letter_writer)
    assert fake_pdf == [expected]


def test_the_preview_of_an_approved_letter_shows_what_will_go_out(
        approved, register_24077, clerk, advisor, client_for):
    commitment = register_24077["open"]
    commitment.title = "Gewijzigde titel na goedkeuring"
    save_with_history(commitment, by=clerk, reason="Titel verduidelijkt")
    page = client_for(advisor).get(reverse("letters:detail", args=[approved.pk])).content.decode()
    assert "Persona onderzoek" in page
    assert "Na de goedkeuring gewijzigd in het register" in page


def test_the_approver_approves_the_content_seen(draft, letter_writer, letter_writer2, clerk,
                                                register_24077, client_for):
    letter_submit(letter=draft, by=letter_writer)
    client = client_for(letter_writer2)
    page = client.get(reverse("letters:detail", args=[draft.pk]))
    seen = page.context["approve_form"]["content"].value()
    commitment = register_24077["open"]
    commitment.title = "Gewijzigd terwijl de goedkeurder keek"
    save_with_history(commitment, by=clerk, reason="Titel")
    response = client.post(reverse("letters:approve", args=[draft.pk]),
                           {"version": reload(draft).version, "content": seen}, follow=True)
    assert "veranderd sinds u hem opende" in response.content.decode()
    assert not reload(draft).is_approved


def test_the_pages_of_an_approved_letter_read_the_history_of_changed_records_only(
        approved, client_for, letter_writer, django_assert_max_num_queries):
    client = client_for(letter_writer)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("letters:detail", args=[approved.pk])).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(reverse("letters:finalise", args=[approved.pk])).status_code == 200
