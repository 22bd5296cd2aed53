"""The pure mapping functions of the package commitments/tk_import/."""

import datetime

import pytest

from commitments import tk_import
from commitments.tk_import import Name, RecordError
from register.models import Person


@pytest.mark.parametrize("text, title", [
    ("De minister stuurt de Kamer een brief. Daarin staat meer.",
     "De minister stuurt de Kamer een brief"),
    ("Zie nr. 12 van de brief van M.G.J. Harbers over de snelweg. Verder niets.",
     "Zie nr. 12 van de brief van M.G.J. Harbers over de snelweg"),
    ("De minister stuurt de Kamer voor de zomer een uitgebreide brief over de uitkomsten van "
     "het onderzoek naar het gebruik van lachgas onder jongeren in het verkeer",
     "De minister stuurt de Kamer voor de zomer een uitgebreide brief over de uitkomsten van "
     "het onderzoek…"),
    ("  Tekst\nover   twee regels  ", "Tekst over twee regels"),
    ("<b>Minister</b> stuurt {{ x }} & meer.", "<b>Minister</b> stuurt {{ x }} & meer"),
])
def test_short_title(text, title):
    assert tk_import.short_title(text) == title
    assert len(tk_import.short_title(text)) <= 200


@pytest.mark.parametrize("text, name", [
    ("Van der Woude", Name("Woude", "van der")),
    ("Tjeerd de Groot", Name("Groot", "de", "", "Tjeerd")),
    ("Sylvana Simons", Name("Simons", "", "", "Sylvana")),
    ("J.A. de Vries", Name("Vries", "de", "J.A.")),
    ("Kwint", Name("Kwint")),
])
def test_member_names(text, name):
    assert tk_import.parse_member_name(text) == name


@pytest.mark.parametrize("text, name", [
    ("Harbers, M.G.J.", Name("Harbers", "", "M.G.J.")),
    ("Hijum, Y.J. van", Name("Hijum", "van", "Y.J.")),
    ("Graaf, C.J. van der", Name("Graaf", "van der", "C.J.")),
    ("Van der Graaf, C.J.", Name("Graaf", "van der", "C.J.")),
])
def test_the_kamers_sorted_names(text, name):
    assert tk_import.parse_sorted_name(text) == name


@pytest.mark.parametrize("ours, theirs, fits", [
    ({"initials": "M.G.J."}, Name("X", initials="M."), True),
    ({"initials": "M."}, Name("X", initials="P."), False),
    ({"first_name": "Edgar"}, Name("X", initials="E."), True),
    ({"first_name": "Edgar"}, Name("X", first_name="Geert"), False),
    ({}, Name("X", initials="B.", first_name="Barry"), True),
])
def test_name_fit(ours, theirs, fits):
    assert (tk_import.name_fit(Person(surname="X", **ours), theirs) is not None) is fits


@pytest.mark.parametrize("name, abbreviation", [
    ("Infrastructuur en Waterstaat", "IenW"),
    ("Ministerie van Volksgezondheid, Welzijn en Sport", "VWS"),
    ("Asiel en Migratie", "AenM"),
    ("Digitale Zaken en Ruimte voor Data", "DZRD"),
])
def test_ministry_abbreviations(name, abbreviation):
    key = tk_import.ministry_key(name)
    assert (tk_import.KNOWN_MINISTRIES.get(key) or tk_import.abbreviate(key)) == abbreviation


def test_letters_in_every_shape():
    kamerstuk = tk_import.parse_letter({"Soort": "Brief regering", "DocumentNummer": "2025D1",
                                        "Volgnummer": 12, "Vergaderjaar": "2020-2021",
                                        "Kamerstukdossier": [{"Nummer": 35570,
                                                              "Toevoeging": "XVI"}]})
    assert (kamerstuk.reference.ident, kamerstuk.reference.year, kamerstuk.kenmerk) == (
        "kst-35570-XVI-12", "2020/21", "")
    assert kamerstuk.document_number == "2025D1"  # its tweedekamer.nl address names only that
    other = tk_import.parse_letter([{"Soort": "Verslag", "DocumentNummer": "2025D2"}])
    assert (other.kind, other.kenmerk, other.key) == ("other", "2025D2", "brief-2025D2")
    assert tk_import.parse_letter("Kamerstuk 24 077, nr. 468").key == "kst-24077-468"
    assert tk_import.parse_letter("2024D40123").kenmerk == "2024D40123"
    assert tk_import.parse_letter(None) is None and tk_import.parse_letter([]) is None
    with pytest.raises(RecordError):
        tk_import.parse_letter({"Soort": "Brief regering"})


def test_the_kamers_dates():
    record = {"A": "2024-12-09T23:00:00Z", "B": "0001-01-01T00:00:00Z", "C": None,
              "D": "2023-02-01T17:46:08.4169936Z", "E": "morgen"}
    assert tk_import.date_value(record, "A") == datetime.date(2024, 12, 10)
    assert tk_import.date_value(record, "B") is None
    assert tk_import.date_value(record, "C") is None
    assert tk_import.moment_value(record, "D").microsecond == 416993
    with pytest.raises(RecordError, match="geen datum"):
        tk_import.date_value(record, "E")


def test_similarity_ignores_capitals_and_punctuation():
    assert tk_import.similarity("De Kamer, een brief.", "de kamer een brief") == 1
    assert tk_import.similarity("een brief over lachgas", "walstroom in havens") == 0


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"value": [{"Id": "1"}]}')
    assert tk_import.read_records(path, max_bytes=1000) == [{"Id": "1"}]
