"""Names as the Kamer's records write them (issue 15): cleaned for display, folded for matching."""

import pytest

from register.names import clean_name, fold, has_cum_suis


@pytest.mark.parametrize("written, name", [
    ("Boswijk.", "Boswijk"),
    ("Dassen,", "Dassen"),
    ("\\Van Baarle", "Van Baarle"),
    ("Klaver c.s..", "Klaver"),
    ("Kathmann c.s.", "Kathmann"),
    ("  Tjeerd  de Groot ", "Tjeerd de Groot"),
    # Initials keep their full stops.
    ("J. Kwint", "J. Kwint"),
    ("Harbers, M.G.J.", "Harbers, M.G.J."),
    ("Graaf, C.J. van der", "Graaf, C.J. van der"),
    ("Kostić", "Kostić"),
])
def test_what_is_not_part_of_the_name_is_left_out(written, name):
    assert clean_name(written) == name


@pytest.mark.parametrize("one, other", [
    ("Kostic", "Kostić"), ("Boswijk.", "boswijk"), ("Dassen,", "Dassen"),
    ("\\Van Baarle", "van Baarle"), ("D’Hondt", "d'Hondt"),
    ("Yesilgöz-Zegerius", "Yesilgoz-Zegerius"),
])
def test_spellings_of_one_name_fold_alike(one, other):
    assert fold(one) == fold(other)


def test_different_names_stay_apart():
    assert fold("Dijk") != fold("Van Dijk") and fold("Kostić") != fold("Kosti")


@pytest.mark.parametrize("text, expected", [
    ("Klaver c.s..", True), ("Kathmann c.s.", True), ("Klaver cs", True), ("Klaver", False),
    ("Cseh", False)])
def test_cum_suis_is_recognised(text, expected):
    assert has_cum_suis(text) is expected
