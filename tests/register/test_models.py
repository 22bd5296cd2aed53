import pytest
from django.core.exceptions import ValidationError

from register.models import Document, Dossier, Office, Party, Person
from register.references import parse_references


def test_full_name_as_far_as_known(db):
    assert Person(first_name="Edgar", surname="Mulder").full_name == "Edgar Mulder"
    assert Person(initials="P.", surname="Blokhuis").full_name == "P. Blokhuis"
    assert Person(prefix="van der", surname="Graaf").full_name == "Van der Graaf"
    assert Person(initials="C.G.", prefix="van der", surname="Staaij").full_name == \
        "C.G. van der Staaij"


def test_person_known_only_by_office(db):
    person = Person.objects.create()
    Office.objects.create(person=person, title="Minister van Justitie en Veiligheid")
    assert person.full_name == "Minister van Justitie en Veiligheid"


def test_party_lookup_accepts_aliases(db):
    party = Party.objects.create(abbreviation="ChristenUnie", aliases="CU")
    assert Party.lookup("CU") == party
    assert Party.lookup("christenunie") == party
    assert Party.lookup("VVD") is None


@pytest.mark.parametrize("number", ["24077", "35570-XVI", "21501-20"])
def test_dossier_numbers_accepted(number):
    Dossier(number=number, title="x").clean_fields()


@pytest.mark.parametrize("number", ["24 077", "", "abc", "24077-"])
def test_dossier_numbers_refused(number):
    with pytest.raises(ValidationError):
        Dossier(number=number, title="x").clean_fields()


def test_display_number_as_the_kamer_writes_it():
    assert Dossier(number="35570-XVI").display_number == "35 570 XVI"


def test_document_from_reference_is_never_stored_twice(clerk):
    (reference,) = parse_references("Kamerstukken II 2020/21, 35 570 XVI, nr. 12")
    first, created = Document.objects.from_reference(reference, by=clerk, reason="test")
    assert created
    assert first.url == "https://zoek.officielebekendmakingen.nl/kst-35570-XVI-12"
    assert first.dossier.number == "35570-XVI"
    (again,) = parse_references("Kamerstuk 35 570-XVI, nr. 12")
    second, created = Document.objects.from_reference(again, by=clerk, reason="test")
    assert not created and second == first
    assert Document.objects.count() == 1
    assert first.history.get().history_user == clerk


def test_handelingen_document_keeps_its_natural_key(clerk):
    (reference,) = parse_references("Handelingen II 2019/20, nr. 38, item 5")
    document, _ = Document.objects.from_reference(reference, by=clerk, reason="test")
    assert document.ident == "h-tk-20192020-38-5"
    assert str(document) == "Handelingen II 2019/20, nr. 38, item 5"
