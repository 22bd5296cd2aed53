"""register.extraction: the chair's list in real VLOS reports (the development set, and nothing
from the two reports without commitments), corrections and withdrawals, and the promises of the
reference letter."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from register.extraction import (
    Proposal,
    promises_in_letter,
    report_committees,
    toezeggingen_from_report,
)

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = json.loads((DATA / "language" / "extraction_dev.json").read_text(encoding="utf-8"))
LETTER = DATA / "reference-letter-24077-468.txt"


def report(key):
    (path,) = (DATA / "vlos").glob(f"verslag_{key}*.xml")
    return path.read_bytes()


@pytest.mark.parametrize("key", sorted(DEV["reports"]))
def test_the_chairs_list_of_the_development_reports(key):
    labelled = DEV["reports"][key]
    proposals = toezeggingen_from_report(report(key))
    assert [p.text for p in proposals] == [item["text"] for item in labelled["items"]]
    for proposal, item in zip(proposals, labelled["items"], strict=True):
        period = proposal.period and [str(proposal.period.start), str(proposal.period.end)]
        assert period == item["period"], item["text"]
        assert (proposal.member_text or None) == item["member"]
        if item["bewindspersoon"]:
            assert item["bewindspersoon"] in proposal.bewindspersoon_text
        else:
            assert proposal.bewindspersoon_text == ""
        assert proposal.debate_title == labelled["title"]
        assert str(proposal.debate_date) == labelled["date"]


@pytest.mark.parametrize("key", ["e714e7d8", "dc665b38"])
def test_nothing_is_proposed_from_the_reports_without_commitments(key):
    assert toezeggingen_from_report(report(key)) == []


@pytest.mark.parametrize("key", ["29d8cf68", "8f376d4c", "d972288f", "e3b6c21d", "f001a349"])
def test_every_report_with_a_list_gives_proposals_with_debate_and_source(key):
    proposals = toezeggingen_from_report(report(key))
    assert proposals
    for proposal in proposals:
        assert proposal.committee.startswith("vaste commissie")
        assert proposal.source and proposal.position
        assert proposal.explanation


def test_bewindspersoon_by_office_and_name():
    (proposal,) = toezeggingen_from_report(report("29d8cf68"))
    assert proposal.bewindspersoon_text == "Brekelmans, minister van Defensie"
    assert proposal.member_text == "de heer Olger van Dijk"
    assert proposal.deadline_text == "voor behandeling van de Defensiebegroting 2026"


# A small report in the VLOS form, to show the rules one by one.
SKELETON = """<?xml version="1.0" encoding="UTF-8"?>
<vlosCoreDocument MessageID="test" xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0">
<vergadering soort="Commissie"><titel>Drugsbeleid</titel><datum>2025-07-02T00:00:00</datum>
<activiteit><woordvoerder objectid="w1"><spreker soort="Staatssecretaris">
<verslagnaam>Karremans</verslagnaam><functie>staatssecretaris Jeugd, Preventie en Sport</functie>
</spreker><isvoorzitter>false</isvoorzitter><tekst><alinea><alineaitem>Dat zeg ik toe.
</alineaitem></alinea></tekst></woordvoerder>{speeches}</activiteit>
<commissies><commissie><verslagnaam>vaste commissie voor VWS</verslagnaam></commissie>
</commissies></vergadering></vlosCoreDocument>"""


def chair(*units, objectid="c1"):
    items = "".join(f"<alineaitem>{unit}</alineaitem>" for unit in units)
    return (f'<interrumpant objectid="{objectid}"><isvoorzitter>true</isvoorzitter><tekst><alinea>'
            f"<alineaitem>De voorzitter:</alineaitem>{items}</alinea></tekst></interrumpant>")


def read(*speeches):
    return toezeggingen_from_report(SKELETON.format(speeches="".join(speeches)))


def test_a_correction_right_after_an_item_applies():
    (proposal,) = read(chair(
        "Dan de toezeggingen.",
        "De staatssecretaris stuurt de Kamer na de zomer een brief over lachgas.",
        "Dan maken we van het woordje ‘na’ het woordje ‘voor’."))
    assert proposal.text == (
        "De staatssecretaris stuurt de Kamer voor de zomer een brief over lachgas.")
    assert (proposal.period.start, proposal.period.end) == (date(2025, 7, 2), date(2025, 7, 3))
    assert proposal.bewindspersoon_text == "Karremans, staatssecretaris Jeugd, Preventie en Sport"


def test_a_withdrawn_item_is_not_proposed():
    proposals = read(chair(
        "Ik heb twee toezeggingen.",
        "De staatssecretaris zal de Kamer informeren over de lachgasboetes.",
        "De staatssecretaris komt in het najaar terug op de evaluatie.",
        "Dat zegt hij al in de brief, dus dan is het geen toezegging."))
    assert [p.text for p in proposals] == [
        "De staatssecretaris zal de Kamer informeren over de lachgasboetes."]


def test_an_item_without_bewindspersoon_has_none_and_the_member_is_kept():
    (proposal,) = read(chair(
        "De toezeggingen.",
        "De Kamer ontvangt voor het kerstreces een brief over preventie. Dat is een toezegging "
        "aan mevrouw Tielen."))
    assert proposal.bewindspersoon_text == ""
    assert proposal.member_text == "mevrouw Tielen"
    assert proposal.deadline_text == "voor het kerstreces"


def test_nothing_before_the_chair_turns_to_the_list():
    assert read(chair("De staatssecretaris zal daar zo op ingaan, denk ik. Het woord is aan u."),
                chair("Dank u wel. Ik sluit de vergadering.")) == []


def test_the_agenda_is_not_a_list_of_commitments():
    agenda = chair("Aan de orde is de behandeling van: de brief van de staatssecretaris d.d. "
                   "11 juni 2025 inzake de voortgang van het preventieakkoord (32793, nr. 800);")
    assert read(agenda) == []


def test_a_report_with_a_doctype_is_refused():
    with pytest.raises(ValueError, match="DOCTYPE"):
        toezeggingen_from_report('<!DOCTYPE x [<!ENTITY a "b">]><x/>')


LAUGHS = ('<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE x [<!ENTITY a "haha">'
          + "".join(f'<!ENTITY {b} "{f"&{a};" * 10}">'
                    for a, b in zip("abcdefgh", "bcdefghi", strict=True))
          + ']><x>&i;</x>')


@pytest.mark.parametrize("encoding", ["UTF-16", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "UTF-8"])
def test_a_doctype_is_refused_in_every_encoding_the_parser_reads(encoding):
    """The DOCTYPE was looked for in the bytes, which UTF-16 spells with a zero after each
    letter: the entities were then declared and expanded."""
    data = LAUGHS.format(encoding=encoding).encode(encoding)
    with pytest.raises(ValueError, match="DOCTYPE"):
        toezeggingen_from_report(data)
    with pytest.raises(ValueError, match="DOCTYPE"):
        report_committees(data)


def test_an_external_entity_is_refused_before_anything_is_fetched():
    data = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM '
            '"file:///etc/passwd">]><x>&e;</x>').encode("utf-16")
    with pytest.raises(ValueError, match="DOCTYPE"):
        toezeggingen_from_report(data)


# --- Letters -------------------------------------------------------------------------------------

LETTER_PROMISES = [
    ("Zo verwacht ik in 2021 een belangrijke stap te zetten", "in 2021"),
    ("Zodra over dit traject meer bekend is zal uw Kamer daarover worden geïnformeerd", ""),
    ("Ik ga na het Kerstreces met het Trimbos-instituut in gesprek", "na het Kerstreces"),
    ("Zodra ook deze resultaten zijn ontvangen zal ik met het Trimbos-instituut nagaan", "in 2021"),
    ("Ik zal bekijken hoe komend jaar effectiviteitsonderzoek", "komend jaar"),
    ("Ik zal uw Kamer daarom in het voorjaar van 2021", "in het voorjaar van 2021"),
    ("De verwachting is dat het wetsvoorstel komend voorjaar aan uw Kamer zal worden aangeboden",
     "komend voorjaar"),
    ("De eindrapportage verwacht ik in juni 2022.", "in juni 2022"),
    ("Ik streef er samen met de Minister van Justitie en Veiligheid naar het voorstel",
     "in het voorjaar 2021"),
    ("In het eerste kwartaal van 2021 informeer ik u", "In het eerste kwartaal van 2021"),
]  # fmt: skip


def test_the_promises_of_the_reference_letter():
    proposals = promises_in_letter(LETTER.read_text(encoding="utf-8"), date(2020, 12, 18))
    found = {(p.text, p.deadline_text) for p in proposals}
    for start, words in LETTER_PROMISES:
        assert any(start in text and deadline == words for text, deadline in found), start
    assert len(proposals) == len(LETTER_PROMISES)
    assert all(isinstance(p, Proposal) and p.position.startswith("zin ") for p in proposals)


def test_a_promise_carries_no_footnotes_of_the_page_foot():
    """The PDF's page foot sits between two sentences: "…coronacrisis. 11 Raadpleegbaar via
    www.tweedekamer.nl 12 Aanhangsel Handelingen II 2019/20, nr. 243 13 www.rijballonvrij.nl
    14 Kamerstuk 24 077, nr. 465 De verwachting is …" was one proposal's text."""
    proposals = promises_in_letter(LETTER.read_text(encoding="utf-8"), date(2020, 12, 18))
    texts = [p.text for p in proposals]
    assert "De verwachting is dat het wetsvoorstel komend voorjaar aan uw Kamer zal worden " \
           "aangeboden." in texts
    assert not [t for t in texts if re.search(r"Raadpleegbaar|Kamerstuk|www\.|Handelingen", t)]


def test_numbered_lines_of_the_text_itself_stay():
    text = ("Dit proces heeft vertraging opgelopen. Ik verwacht dat\n"
            "3 Kamerleden nog vragen stellen; ik zal uw Kamer\n"
            "12 juni informeren.\n\n7 Kamerstuk 24 077, nr. 465\n")
    (proposal,) = promises_in_letter(text, date(2020, 12, 18))
    assert proposal.text == ("Ik verwacht dat 3 Kamerleden nog vragen stellen; ik zal uw Kamer "
                             "12 juni informeren.")


@pytest.mark.parametrize(
    "sentence",
    ["In april 2019 heb ik uw Kamer geïnformeerd over de oprichting van het Platform.",
     "Met deze brief informeer ik uw Kamer over de voortgang.",
     "Het Trimbos-instituut heeft dit jaar de handreiking geactualiseerd."],
)
def test_no_promise_in_what_is_done_or_in_this_letter(sentence):
    assert promises_in_letter(sentence, date(2020, 12, 18)) == []
