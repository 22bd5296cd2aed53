"""parse_references on the forms real texts use (DESIGN.md "References", second table), the
sub-dossier rule, and `reference_from_input` for what a clerk types into a document field."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.forms import DocumentInputMixin
from register.references import Reference, parse_references, reference_from_input

CITATIONS = json.loads((Path(__file__).resolve().parents[1] / "data" / "language"
                        / "citations.json").read_text(encoding="utf-8"))


def idents(text):
    return [reference.ident for reference in parse_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Kamerstuk 28676-500)", ["kst-28676-500"]),
        ("(Kamerstuk 29683–282)", ["kst-29683-282"]),
        ("(Kamerstuk 21501-02-3120)", ["kst-21501-02-3120"]),
        ("(Kamerstuk 36740-VIII-2)", ["kst-36740-VIII-2"]),
        ("1Kamerstukken II 2001/02, 28 295, nr. 1", ["kst-28295-1"]),
        ("Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028", ["ah-tk-20242025-1028"]),
        ("Handelingen II, vergaderjaar 2019-2020, nr. 30", ["h-tk-20192020-30"]),
        ("Kamerstukken I 2021/22, 35 925, nr. E", ["kst-35925-E"]),
        ("Kamerstukken I, 2008-2009, 31145, nr. C", ["kst-31145-C"]),
        ("Kamerstuk 34 356 (R2064), nr. 3", ["kst-34356-(R2064)-3"]),
        ("Kamerstuk 21 501-21, stuk nr. 2648", ["kst-21501-21-2648"]),
        ("Kamerstuk 15 516, nr. 42e", ["kst-15516-42e"]),
        ("kst-24077-468", ["kst-24077-468"]),
        ("https://zoek.officielebekendmakingen.nl/kst-24077-468.html", ["kst-24077-468"]),
        ("Kst. 24 077, nr. 480", ["kst-24077-480"]),
    ],
)  # fmt: skip
def test_design_table_of_real_forms(text, expected):
    assert idents(text) == expected


def test_rijkswet_dossier_prints_as_the_kamer_writes_it():
    (reference,) = parse_references("Kamerstuk 34 356 (R2064), nr. 3")
    assert reference.dossier == "34356-(R2064)"
    assert str(reference) == "Kamerstuk 34 356 (R2064), nr. 3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dossier known to have sub-dossiers: the sub-dossier, no reference
        ("(Kamerstuk 21501-20)", []),
        ("(Kamerstuk 31288-500)", []),
        # with its paper number it is a paper of the sub-dossier
        ("(Kamerstuk 21501-20-1234)", ["kst-21501-20-1234"]),
        ("Kamerstuk 21501-20, nr. 1234", ["kst-21501-20-1234"]),
        # any other dossier: a paper
        ("(Kamerstuk 24077-20)", ["kst-24077-20"]),
        # Handelingen with a dossier cite its Kamerstuk, unless a page makes it the sitting's
        ("Handelingen II, 1995-1996, 24 692, nr. 3", ["kst-24692-3"]),
        ("Handelingen II 2008/09, 31 386, nr. 43, pag. 3795", ["h-tk-20082009-43"]),
    ],
)
def test_ambiguous_forms(text, expected):
    assert idents(text) == expected


@pytest.mark.parametrize(
    "text",
    ["(35300-A, nr. 15)", "34722-1; 33997-95; 23908-(R1519)-131", "(36 169, nr. 37)",
     "de motie-Stoffer c.s. (36 169, nr. 37)", "Tweedekamerstukken 24 077, nr. 1",
     "kst-2024", "h-tk-20192021-38"],
)
def test_no_reference_without_its_word(text):
    assert parse_references(text) == []


@pytest.mark.parametrize(
    ("value", "ident"),
    [("kst-24077-481", "kst-24077-481"), ("  KST-24077-481 ", "kst-24077-481"), ("de brief", None),
     ("https://zoek.officielebekendmakingen.nl/kst-24077-468.html", "kst-24077-468"),
     ("zoek.officielebekendmakingen.nl/h-tk-20192020-38-5", "h-tk-20192020-38-5"),
     ("Kst. 24 077, nr. 480", "kst-24077-480"), ("Kamerstuk 24 077, nr. 468", "kst-24077-468"),
     ("ah-tk-20192020-243", "ah-tk-20192020-243"), ("kst-35570-XVI-12", "kst-35570-XVI-12")],
)
def test_reference_from_input(value, ident):
    if ident is None:
        with pytest.raises(ValueError, match="Geen verwijzing herkend"):
            reference_from_input(value)
    else:
        assert reference_from_input(value).ident == ident


def test_reference_from_input_explains_what_is_wrong():
    with pytest.raises(ValueError, match="Geen verwijzing herkend in ‘de brief van maandag’"):
        reference_from_input("de brief van maandag")
    with pytest.raises(ValueError, match="Typ één verwijzing"):
        reference_from_input("Kamerstuk 24 077, nr. 468 en Kamerstuk 24 077, nr. 469")


def test_an_ident_reads_back_to_the_same_reference():
    reference = reference_from_input("kst-21501-20-1234")
    assert reference == Reference("kamerstuk", "21501-20", "1234")
    assert parse_references(str(reference)) == [reference]


@pytest.mark.parametrize("value", ["kst-24077-481", "https://zoek.officielebekendmakingen.nl/"
                                   "kst-24077-481.html", "Kst. 24 077, nr. 481"])
def test_a_document_field_accepts_what_clerks_paste(value, db):
    form = DocumentInputMixin(data={"document_reference": value})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["document_reference"].ident == "kst-24077-481"


def test_a_document_field_refuses_with_a_dutch_message(db):
    form = DocumentInputMixin(data={"document_reference": "de brief van vorige week"})
    assert not form.is_valid()
    assert "Geen verwijzing herkend in ‘de brief van vorige week’" in str(form.errors)


@pytest.mark.parametrize("case", CITATIONS["dev"], ids=lambda case: case["text"][:40])
def test_labelled_real_citations(case):
    assert idents(case["text"]) == case["expected"]


@given(st.from_regex(r"kst-[0-9]{4,6}-[0-9]{1,4}", fullmatch=True))
def test_every_ident_typed_is_found(ident):
    assert reference_from_input(ident).ident == ident
