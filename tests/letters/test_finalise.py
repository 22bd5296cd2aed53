"""Finalising (DESIGN.md "Letters"): the stored PDF and its SHA-256, the frozen letter, its
Document (reused, never duplicated), the cited papers, and what it delivers — all or nothing.
And the Kamerstuk number recorded afterwards."""

import datetime
import hashlib
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError

from commitments.models import Commitment, Motion
from letters.models import LetterFrozen, LetterItem, LetterStatus
from letters.services import (
    letter_approve,
    letter_finalise,
    letter_record_kamerstuk,
    letter_save,
    letter_submit,
)
from register.history import save_with_history
from register.models import Document
from tests import factories
from tests.history_audit import history_audit
from tests.letters.conftest import item_for, reload


def deliver(letter, *subjects, by):
    for subject in subjects:
        item = item_for(letter, subject)
        item.delivers = True
        save_with_history(item, by=by, reason="Doet af")


def approve(letter, author, approver):
    letter_submit(letter=letter, by=author)
    return letter_approve(letter=letter, by=approver)


def stored_files():
    root = default_storage.location
    return [name for _dirs, _subdirs, names in os.walk(root) for name in names]


@pytest.fixture
def delivering(draft, register_24077, letter_writer, letter_writer2):
    """The draft delivering the open commitment and the motion, approved."""
    deliver(draft, register_24077["open"], register_24077["motion"], by=letter_writer)
    return approve(draft, letter_writer, letter_writer2)


def test_finalising_stores_the_pdf_with_its_sha256_and_freezes_the_letter(approved,
                                                                          letter_writer):
    letter_finalise(letter=approved, by=letter_writer)
    letter = reload(approved)
    assert letter.status == LetterStatus.FINAL and letter.finalised_at
    with letter.pdf.open("rb") as stored:
        pdf = stored.read()
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == letter.pdf_sha256
    assert letter.pdf.name.startswith("letters/voortgangsbrief-drugbeleid-2021-01-15")
    letter.subject = "Iets anders"
    with pytest.raises(LetterFrozen):
        letter.save()
    with pytest.raises(LetterFrozen):
        letter.sections.first().save()
    assert reload(approved).subject == "Voortgangsbrief drugbeleid"


def test_the_letters_document_is_a_brief_of_its_dossier_with_its_kenmerk(approved, letter_writer,
                                                                         fake_pdf):
    letter_finalise(letter=approved, by=letter_writer)
    document = reload(approved).document
    assert (document.kind, document.dossier.number, document.kenmerk) == (
        "brief", "24077", approved.kenmerk)
    assert document.date == datetime.date(2021, 1, 15) and document.title == approved.subject
    assert document.ident == f"brief-{approved.kenmerk}"


def test_finalising_marks_what_the_letter_delivers_with_history_naming_it(delivering,
                                                                          register_24077,
                                                                          letter_writer, fake_pdf):
    with history_audit() as records:
        letter_finalise(letter=delivering, by=letter_writer)
    letter = reload(delivering)
    commitment, motion = reload(register_24077["open"]), reload(register_24077["motion"])
    assert commitment.status == "done" and commitment.delivered_by == letter.document
    assert commitment.delivered_on == letter.date
    assert motion.execution_status == "executed" and motion.reported_by == letter.document
    words = ("‘Voortgangsbrief drugbeleid’ van 15 januari 2021 (kenmerk VWS-2021-0001)")
    row = commitment.history.first()
    assert row.history_change_reason == f"Afgedaan met de voortgangsbrief {words}"
    assert row.history_user == letter_writer
    assert motion.history.first().history_change_reason == f"Uitgevoerd volgens de " \
                                                          f"voortgangsbrief {words}"
    # The rest it reports on is left as it was.
    assert reload(register_24077["in_progress"]).status == "in_progress"
    assert {type(r.instance).__name__ for r in records} >= {"ProgressLetter", "Document",
                                                           "Commitment", "Motion"}


def test_an_item_already_delivered_by_the_document_is_left_as_it_is(draft, register_24077,
                                                                    letter_writer, letter_writer2,
                                                                    clerk, fake_pdf):
    document = factories.document("468")
    commitment = register_24077["open"]
    commitment.change_status("done", by=clerk, reason="Met de brief", document=document)
    rows = commitment.history.count()
    draft.document = document
    draft.save()
    deliver(draft, commitment, by=letter_writer)
    letter_finalise(letter=approve(reload(draft), letter_writer, letter_writer2),
                    by=letter_writer)
    assert commitment.history.count() == rows
    assert reload(draft).document == document


def test_the_document_is_reused_never_duplicated(draft, letter_writer, letter_writer2, fake_pdf):
    existing = save_with_history(Document(kind="brief", kenmerk=draft.kenmerk), by=letter_writer,
                                 reason="Uit het DMS")
    letter_finalise(letter=approve(draft, letter_writer, letter_writer2), by=letter_writer)
    assert reload(draft).document == existing
    # The only other document is the motion the letter cites (Kamerstuk 24 077, nr. 453).
    assert list(Document.objects.exclude(pk=existing.pk).values_list("ident", flat=True)) == [
        "kst-24077-453"]
    existing.refresh_from_db()
    assert existing.dossier.number == "24077" and existing.date == draft.date  # filled in


def test_a_document_of_another_letter_is_not_taken(draft, register_24077, letter_writer,
                                                   letter_writer2, fake_pdf):
    from letters.compose import letter_compose

    letter_finalise(letter=approve(draft, letter_writer, letter_writer2), by=letter_writer)
    other = letter_compose(dossier=register_24077["dossier"], by=letter_writer)
    other.kenmerk = "X-1"
    other.save()
    other = approve(reload(other), letter_writer, letter_writer2)
    other.kenmerk = draft.kenmerk  # as if typed by hand into the database
    other.save()
    with pytest.raises(ValidationError, match="andere brief"):
        letter_finalise(letter=reload(other), by=letter_writer)


def test_finalising_is_all_or_nothing(delivering, register_24077, letter_writer, clerk,
                                      monkeypatch, fake_pdf):
    """The commitment is done before the motion fails: that too is undone, and the file goes."""
    documents = Document.objects.count()

    def broken(self, *args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Motion, "change_status", broken)
    with pytest.raises(RuntimeError):
        letter_finalise(letter=delivering, by=letter_writer)
    letter = reload(delivering)
    assert letter.status == LetterStatus.FOR_APPROVAL and not letter.pdf and not letter.document
    assert reload(register_24077["open"]).status == "open"
    assert Document.objects.count() == documents
    assert not letter.cited_documents.exists()
    assert stored_files() == []


def test_an_item_that_cannot_be_delivered_stops_everything(draft, register_24077, letter_writer,
                                                           letter_writer2, fake_pdf):
    deliver(draft, register_24077["open"], register_24077["lapsed"], by=letter_writer)
    letter = approve(draft, letter_writer, letter_writer2)
    with pytest.raises(ValidationError, match="Vervallen"):
        letter_finalise(letter=letter, by=letter_writer)
    assert reload(draft).status == LetterStatus.FOR_APPROVAL
    assert reload(register_24077["open"]).status == "open"
    assert stored_files() == []


def test_a_law_track_is_reported_never_delivered(draft, register_24077):
    item = item_for(draft, register_24077["track"])
    item.delivers = True
    with pytest.raises(IntegrityError):
        item.save()


def test_an_item_is_about_exactly_one_thing(draft, register_24077):
    with pytest.raises(IntegrityError):
        LetterItem(letter=draft, commitment=register_24077["open"],
                   motion=register_24077["motion"]).save()


def test_the_papers_the_letter_cites_are_recorded(draft, letter_writer, letter_writer2, fake_pdf):
    draft.opening = ("Zoals gemeld (Kamerstuk 24 077, nr. 450) en eerder.[^Aanhangsel Handelingen "
                     "II 2019/20, nr. 243] Zie ook Kamerstuk 24 077, nr. 450.")
    draft.save()
    letter_finalise(letter=approve(reload(draft), letter_writer, letter_writer2), by=letter_writer)
    cited = {d.ident for d in reload(draft).cited_documents.all()}
    # The motion's progress text cites its Kamerstuk too.
    assert cited == {"kst-24077-450", "ah-tk-20192020-243", "kst-24077-453"}
    created = Document.objects.get(ident="ah-tk-20192020-243")
    assert "Aangehaald in de voortgangsbrief" in created.history.get().history_change_reason


def test_a_final_letter_cannot_be_edited_through_the_edit_service(draft, letter_writer,
                                                                  letter_writer2, fake_pdf):
    from letters.forms import LetterForm

    letter_finalise(letter=approve(draft, letter_writer, letter_writer2), by=letter_writer)
    letter = reload(draft)
    form = LetterForm({"subject": "Nieuw", "kenmerk": letter.kenmerk, "date": "2021-01-15",
                       "addressee": "tk", "ministry": letter.ministry_id,
                       "version": letter.version}, instance=letter)
    assert form.is_valid(), form.errors
    with pytest.raises(ValidationError, match="vastgesteld"):
        letter_save(form=form, by=letter_writer)
    assert reload(draft).subject == "Voortgangsbrief drugbeleid"


# --- The Kamerstuk number -------------------------------------------------------------------


@pytest.fixture
def final(delivering, letter_writer, fake_pdf):
    letter_finalise(letter=delivering, by=letter_writer)
    return reload(delivering)


def test_recording_the_kamerstuk_number_gives_the_document_its_reference(final, letter_writer):
    with history_audit():
        letter_record_kamerstuk(letter=final, number="480", by=letter_writer)
    document = reload(final).document
    assert document.ident == "kst-24077-480" and document.number == "480"
    assert document.url == "https://zoek.officielebekendmakingen.nl/kst-24077-480"
    assert reload(final).history.first().history_change_reason == (
        "Kamerstuknummer vastgelegd: Kamerstuk 24 077, nr. 480")


def test_an_existing_document_with_that_number_takes_over(final, register_24077, letter_writer,
                                                          clerk):
    old = final.document
    existing = factories.document("480")
    count = Document.objects.count()
    with history_audit():
        letter_record_kamerstuk(letter=final, number="480", by=letter_writer)
    assert reload(final).document == existing
    assert not Document.objects.filter(pk=old.pk).exists()
    assert Document.objects.count() == count - 1
    commitment, motion = reload(register_24077["open"]), reload(register_24077["motion"])
    assert commitment.delivered_by == existing and motion.reported_by == existing
    assert commitment.history.first().history_change_reason.startswith("Kamerstuknummer")
    assert existing.__class__.objects.get(pk=existing.pk).kenmerk == final.kenmerk


@pytest.mark.parametrize("number", ["", "nr", "12345", "4-5"])
def test_a_kamerstuk_number_is_a_number(final, letter_writer, number):
    with pytest.raises(ValidationError, match="getal"):
        letter_record_kamerstuk(letter=final, number=number, by=letter_writer)


def test_the_number_is_recorded_after_finalising_only(draft, letter_writer):
    with pytest.raises(ValidationError, match="nadat"):
        letter_record_kamerstuk(letter=draft, number="480", by=letter_writer)


def test_advisors_do_not_record_the_number(final, advisor):
    with pytest.raises(ValidationError, match="brieven"):
        letter_record_kamerstuk(letter=final, number="480", by=advisor)
    assert Commitment.objects.filter(delivered_by__number="480").count() == 0
