"""Draft → for approval → (approved) → final: who may take each step, and the refusals."""

import pytest
from django.core.exceptions import ValidationError

from letters.models import LetterSection, LetterStatus
from letters.services import letter_approve, letter_finalise, letter_send_back, letter_submit
from register.concurrency import StaleEdit
from tests.conftest import make_user
from tests.letters.conftest import reload


def test_the_author_submits_and_another_member_of_brieven_approves(draft, letter_writer,
                                                                   letter_writer2):
    letter_submit(letter=draft, by=letter_writer)
    letter = reload(draft)
    assert letter.status == LetterStatus.FOR_APPROVAL and letter.submitted_at
    assert not letter.is_approved
    letter_approve(letter=letter, by=letter_writer2)
    letter = reload(draft)
    assert letter.is_approved and letter.approver == letter_writer2 and letter.approved_at
    assert letter.stage_label == "Goedgekeurd"
    rows = list(letter.history.order_by("history_date", "history_id"))
    assert [(r.history_user, r.history_change_reason) for r in rows[-2:]] == [
        (letter_writer, "Ter goedkeuring aangeboden"), (letter_writer2, "Goedgekeurd")]


def test_the_author_cannot_approve_their_own_letter(draft, letter_writer):
    letter_submit(letter=draft, by=letter_writer)
    with pytest.raises(ValidationError, match="eigen brief"):
        letter_approve(letter=draft, by=letter_writer)
    assert not reload(draft).approved_at


def test_not_even_a_superuser_approves_their_own_letter(draft, superuser):
    draft.author = superuser
    draft.save()
    letter_submit(letter=draft, by=superuser)
    with pytest.raises(ValidationError, match="eigen brief"):
        letter_approve(letter=draft, by=superuser)


def test_a_superuser_approves_someone_elses_letter(draft, letter_writer, superuser):
    letter_submit(letter=draft, by=letter_writer)
    letter_approve(letter=draft, by=superuser)
    assert reload(draft).approver == superuser


def test_only_the_author_submits(draft, letter_writer2):
    with pytest.raises(ValidationError, match="auteur"):
        letter_submit(letter=draft, by=letter_writer2)
    assert reload(draft).is_draft


@pytest.mark.parametrize(("field", "missing"), [("kenmerk", "kenmerk"),
                                                ("signatory_name", "naam in de ondertekening")])
def test_an_incomplete_letter_is_not_submitted(draft, letter_writer, field, missing):
    setattr(draft, field, "")
    draft.save()
    with pytest.raises(ValidationError, match=missing):
        letter_submit(letter=reload(draft), by=letter_writer)


def test_a_kenmerk_used_by_another_letter_is_refused(draft, letter_writer, register_24077):
    from letters.compose import letter_compose

    other = letter_compose(dossier=register_24077["dossier"], by=letter_writer)
    other.kenmerk = draft.kenmerk
    other.save()
    with pytest.raises(ValidationError, match="al gebruikt"):
        letter_submit(letter=reload(other), by=letter_writer)


def test_send_back_needs_a_comment_and_withdraws_the_approval(approved, letter_writer2):
    with pytest.raises(ValidationError, match="waarom"):
        letter_send_back(letter=approved, by=letter_writer2, comment="  ")
    letter_send_back(letter=approved, by=letter_writer2, comment="Toon klopt niet")
    letter = reload(approved)
    assert letter.status == LetterStatus.DRAFT and letter.review_comment == "Toon klopt niet"
    assert letter.approver is None and letter.approved_at is None
    assert letter.history.first().history_change_reason == "Teruggestuurd: Toon klopt niet"


@pytest.mark.parametrize("role", ["advisor", "clerk"])
def test_advisors_and_clerks_neither_approve_nor_finalise(approved, role, request):
    user = request.getfixturevalue(role)
    with pytest.raises(ValidationError, match="brieven"):
        letter_approve(letter=approved, by=user)
    with pytest.raises(ValidationError, match="brieven"):
        letter_finalise(letter=approved, by=user)
    assert reload(approved).status == LetterStatus.FOR_APPROVAL


def test_finalising_needs_an_approval(draft, letter_writer, letter_writer2, fake_pdf):
    with pytest.raises(ValidationError, match="goedgekeurde"):
        letter_finalise(letter=draft, by=letter_writer)
    letter_submit(letter=draft, by=letter_writer)
    with pytest.raises(ValidationError, match="goedgekeurde"):
        letter_finalise(letter=reload(draft), by=letter_writer2)
    assert fake_pdf == [] and reload(draft).status == LetterStatus.FOR_APPROVAL


def test_a_letter_for_approval_is_not_edited(draft, letter_writer):
    letter_submit(letter=draft, by=letter_writer)
    letter = reload(draft)
    with pytest.raises(ValidationError, match="ter goedkeuring"):
        LetterSection(letter=letter, title="Nog iets").save()
    item = letter.items.first()
    item.progress_text = "Anders"
    with pytest.raises(ValidationError, match="ter goedkeuring"):
        item.save()


def test_a_step_on_a_version_not_seen_is_refused(draft, letter_writer, letter_writer2):
    seen = draft.version
    letter_submit(letter=draft, by=letter_writer)
    with pytest.raises(StaleEdit):
        letter_approve(letter=draft, by=letter_writer2, expected_version=seen)


def test_a_second_approval_is_refused(approved, superuser):
    with pytest.raises(ValidationError, match="al goedgekeurd"):
        letter_approve(letter=approved, by=superuser)


def test_another_member_of_brieven_may_finalise(approved, db, fake_pdf):
    third = make_user("brieven3", "brieven")
    letter_finalise(letter=approved, by=third)
    assert reload(approved).is_final


def test_finalising_a_version_not_seen_is_refused(approved, letter_writer, letter_writer2,
                                                  fake_pdf):
    seen = approved.version - 1
    with pytest.raises(StaleEdit):
        letter_finalise(letter=approved, by=letter_writer, expected_version=seen)
    assert fake_pdf == [] and not reload(approved).is_final
