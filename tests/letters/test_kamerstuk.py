"""A Kamerstuk belongs to one letter, and a Document a final letter or a delivered item points to
is never deleted (issue 12, item 5)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from letters.compose import letter_compose
from letters.models import ProgressLetter
from letters.services import letter_approve, letter_finalise, letter_record_kamerstuk, letter_submit
from register.history import save_with_history
from register.models import Document
from register.references import parse_references
from tests import factories
from tests.letters.conftest import reload


def final_letter(dossier, author, approver, *, today):
    draft = letter_compose(dossier=dossier, by=author, today=today)
    letter_submit(letter=draft, by=author)
    return letter_finalise(letter=letter_approve(letter=draft, by=approver), by=author)


@pytest.fixture
def two_final(register_24077, letter_writer, letter_writer2, fake_pdf):
    """Two final letters on 24 077; the first published as nr. 468."""
    dossier = register_24077["dossier"]
    first = final_letter(dossier, letter_writer, letter_writer2, today=datetime.date(2021, 1, 15))
    letter_record_kamerstuk(letter=first, number="468", by=letter_writer)
    second = final_letter(dossier, letter_writer, letter_writer2,
                          today=datetime.date(2021, 6, 1))
    return reload(first), reload(second)


def test_the_number_of_another_final_letter_is_refused_on_the_screen(client_for, letter_writer,
                                                                      two_final):
    first, second = two_final
    own = second.document
    response = client_for(letter_writer).post(f"/brieven/{second.pk}/kamerstuk/",
                                              {"number": "468"}, follow=True)
    page = response.content.decode()
    assert "Kamerstuk 24 077, nr. 468 hoort al bij een andere brief" in page
    assert reload(second).document == own and Document.objects.filter(pk=own.pk).exists()
    assert reload(first).document.ident == "kst-24077-468"
    assert ProgressLetter.objects.filter(document=reload(first).document).count() == 1


def test_the_service_refuses_it_too(letter_writer, two_final):
    _first, second = two_final
    with pytest.raises(ValidationError, match="hoort al bij een andere brief"):
        letter_record_kamerstuk(letter=second, number="468", by=letter_writer)


def test_two_letters_cannot_share_a_document_in_the_database(two_final):
    first, second = two_final
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressLetter._base_manager.filter(pk=second.pk).update(document=first.document)


def test_a_documents_natural_key_is_unique_in_the_database(two_final):
    """Document.save derives the key column from the fields; a path past save() (a queryset, a
    bulk insert, a restored file) must still not store Kamerstuk 24 077, nr. 468 twice."""
    first, second = two_final
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.filter(pk=second.document.pk).update(number="468")
    other = Document(kind="handelingen", chamber="II", year="2019/20", number="38", item="5")
    other.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.bulk_create([Document(kind="handelingen", chamber="II", year="2019/20",
                                               number="38", item="5", ident="h-anders")])


def test_an_unnumbered_letter_takes_over_a_published_paper_no_letter_has(two_final, clerk,
                                                                          letter_writer):
    """The Kamer's paper, imported before the letter was numbered, is not a second letter's."""
    _first, second = two_final
    published = factories.document("471")
    own = second.document
    letter_record_kamerstuk(letter=second, number="471", by=letter_writer)
    assert reload(second).document == published
    assert Document.history.filter(id=own.pk, history_type="-").exists()


def test_a_document_a_final_letter_or_a_delivered_item_points_to_is_not_deleted(
        two_final, register_24077, letter_writer, superuser, client_for):
    first, second = two_final
    with pytest.raises((ProtectedError, ValidationError)):  # also cited by the second letter
        first.document.delete()
    delivered = reload(register_24077["open"])
    delivered.delivered_by = second.document
    delivered.save()
    with pytest.raises(ProtectedError):
        second.document.delete()
    cited, _created = Document.objects.from_reference(
        parse_references("Kamerstuk 24 077, nr. 400")[0], by=letter_writer, reason="Aangehaald")
    ProgressLetter.cited_documents.through.objects.create(progressletter=first, document=cited)
    with pytest.raises(ValidationError, match="vastgestelde brief"):
        cited.delete()
    with pytest.raises(ValidationError, match="vastgestelde brief"):
        Document.objects.filter(pk=cited.pk).delete()
    response = client_for(superuser).post(f"/beheer/register/document/{cited.pk}/delete/",
                                          {"post": "yes"})
    assert response.status_code == 403
    assert Document.objects.filter(pk__in=[first.document.pk, cited.pk]).count() == 2


def test_a_document_nothing_final_points_to_can_still_be_deleted(db, clerk):
    document = save_with_history(Document(kind="other", title="Los stuk"), by=clerk,
                                 reason="test")
    document.delete()
    assert not Document.objects.filter(pk=document.pk).exists()


def test_the_admin_says_a_paper_is_already_registered(client_for, superuser, two_final):
    first, _second = two_final
    response = client_for(superuser).post("/beheer/register/document/add/", {
        "kind": "kamerstuk", "dossier": first.dossier.pk, "number": "468", "chamber": "II"})
    assert response.status_code == 200
    assert "Dit Kamerstuk (dossier en nummer) staat al in het register." in \
        response.content.decode()
    assert Document.objects.filter(number="468").count() == 1
