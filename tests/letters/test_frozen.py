"""A final letter is frozen on every path (issue 12, item 1): the check is made against the
stored row, not against a flag on the object in memory, so neither a copy restored from its
history, nor a stale copy of its parts, nor a queryset can change it."""

import pytest

from letters.models import LetterFrozen, LetterItem, LetterSection, LetterStatus, ProgressLetter
from letters.services import letter_approve, letter_finalise, letter_submit
from register.history import save_with_history


def test_a_final_letter_restored_from_its_history_cannot_be_saved(demo):
    letter = demo["letter"]
    old = letter.history.filter(status=LetterStatus.DRAFT).earliest("history_date").instance
    with pytest.raises(LetterFrozen):
        old.save()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.FINAL and letter.pdf_sha256


def test_a_final_letter_is_not_changed_by_a_queryset_update(demo):
    letters = ProgressLetter.objects.filter(pk=demo["letter"].pk)
    with pytest.raises(LetterFrozen):
        letters.update(status=LetterStatus.DRAFT, pdf_sha256="")
    with pytest.raises(LetterFrozen):
        letters.delete()
    with pytest.raises(LetterFrozen):
        LetterSection.objects.filter(letter=demo["letter"]).update(title="Anders")
    with pytest.raises(LetterFrozen):
        LetterItem.objects.filter(letter=demo["letter"]).delete()
    assert ProgressLetter.objects.get(pk=demo["letter"].pk).status == LetterStatus.FINAL


def test_a_final_letter_cannot_be_deleted(demo):
    with pytest.raises(LetterFrozen):
        demo["letter"].delete()
    assert ProgressLetter.objects.filter(pk=demo["letter"].pk).exists()


def test_parts_loaded_before_finalising_cannot_change_the_final_letter(
        draft, letter_writer, letter_writer2, fake_pdf):
    section = LetterSection.objects.select_related("letter").filter(letter=draft).first()
    item = LetterItem.objects.select_related("letter").filter(letter=draft).first()
    letter_submit(letter=draft, by=letter_writer)
    letter_finalise(letter=letter_approve(letter=draft, by=letter_writer2), by=letter_writer)
    assert section.letter.status == LetterStatus.DRAFT  # the stale copy in memory
    section.body = "Later toegevoegd."
    with pytest.raises(LetterFrozen):
        section.save()
    item.progress_text = "Later toegevoegd."
    with pytest.raises(LetterFrozen):
        item.save()
    with pytest.raises(LetterFrozen):
        item.delete()
    assert not LetterSection.objects.filter(body="Later toegevoegd.").exists()
    assert LetterItem.objects.filter(pk=item.pk).exists()


def test_a_draft_letter_and_its_parts_can_still_be_changed(draft, letter_writer):
    letters = ProgressLetter.objects.filter(pk=draft.pk)
    letters.update(subject="Bijgewerkt")
    section = draft.sections.first()
    section.body = "Nieuwe tekst."
    save_with_history(section, by=letter_writer, reason="Tekst")
    assert ProgressLetter.objects.get(pk=draft.pk).subject == "Bijgewerkt"
    assert draft.sections.first().body == "Nieuwe tekst."
