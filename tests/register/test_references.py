"""parse_references: the table of DESIGN.md "References to parliamentary papers" and every
reference in the reference letter (source/000_2d634044248a310d.txt)."""

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.references import Reference, parse_references

# The letter lives next to DESIGN.md, outside the repository; its passages with references are
# copied below verbatim (line breaks and trailing spaces included), so the test runs without it.
LETTER = Path(__file__).resolve().parents[1] / "data" / "reference-letter-24077-468.txt"
LETTER_PASSAGES = (
    "het AO Verslavingszorg/Drugsbeleid van 10 oktober (eerste termijn) \n"
    "(Kamerstuk 24 077, nr. 450), 7 november (tweede termijn) (Kamerstuk \n"
    "24 077, nr. 457) 2019 en met de voortgangsbrief van 19 december 20191 \n\n"
    "heb ik uw Kamer een aantal toezeggingen gedaan die ik met deze brief af \n"
    "gegeven aan de motie van Kamerlid Edgar Mulder (PVV) en Kamerlid Van \n"
    "der Staaij (SGP) over drugsvrije schoolpleinen (Kamerstuk 24 077, nr. 453). \n\n"
    "1 Kamerstuk 24 077, nr. 456\n"
    "4 Kamerstuk 24 077 nr. 426\n"
    " bevestigde het volgende. Op 12 SEH’s van ziekenhuizen is het systeem \n"
    "voor regie op kwaliteitsregistraties en verbetering van data governance» \n"
    "toegestuurd (Bijlage bij Kamerstuk 29 248, nr. 323), waarin ook NEED is \n"
    "7 Raadpleegbaar via www.tweedekamer.nl\n"
    "8 Kamerstuk 24 077, nr. 426\n"
    "Veiligheid en ik uitvoering aan de toezegging die de Minister op \n"
    "26 november jl. (Handelingen II 2020/21, nr. 30, debat over de Begroting \n"
    "Justitie en Veiligheid 2021) aan uw Kamer heeft gedaan tijdens de \n"
    "11 Raadpleegbaar via www.tweedekamer.nl\n"
    "12 Aanhangsel Handelingen II 2019/20, nr. 243\n"
    "13 www.rijballonvrij.nl\n"
    "14 Kamerstuk 24 077, nr. 465\n"
    "Tijdens het VAO Drugspreventiebeleid en Verslavingszorg (Handelingen II \n"
    "2019/20, nr. 38, item 5) is de motie van de leden Edgar Mulder (PVV) en \n"
    "15 Kamerstuk 24 077 nr. 453\n"
    "16 https://www.trimbos.nl/kennis/ijslands-preventie-model\n"
    "In april 2019 heb ik uw Kamer geïnformeerd over de oprichting van het \n"
    "Platform tegengaan stijging drugsgebruik (Kamerstuk 24 077, nr. 426). In \n"
    "november 2019 heeft de eerste bijeenkomst van het platform plaatsge-\n"
)


def idents(text):
    return [reference.ident for reference in parse_references(text)]


# --- Every row of the DESIGN table ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 24 077, nr. 450", ["kst-24077-450"]),
        ("Kamerstuk 24 077 nr. 426", ["kst-24077-426"]),
        ("Kamerstukken 24 077, nrs. 450 en 457", ["kst-24077-450", "kst-24077-457"]),
        ("Kamerstukken 24 077, nrs. 450, 453 en 457",
         ["kst-24077-450", "kst-24077-453", "kst-24077-457"]),
        ("Kamerstukken II 2020/21, 35 570 XVI, nr. 12", ["kst-35570-XVI-12"]),
        ("Kamerstukken I 2020/21, 35 570, A", ["kst-35570-A"]),
        ("Bijlage bij Kamerstuk 29 248, nr. 323", ["kst-29248-323"]),
        ("Handelingen II 2019/20, nr. 38, item 5", ["h-tk-20192020-38-5"]),
        ("Handelingen II 2020/21, nr. 30", ["h-tk-20202021-30"]),
        ("Handelingen I 2020/21, nr. 30", ["h-ek-20202021-30"]),
        ("Aanhangsel Handelingen II 2019/20, nr. 243", ["ah-tk-20192020-243"]),
    ],
)  # fmt: skip
def test_design_table(text, expected):
    assert idents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 24 077, nr. 450",
         Reference("kamerstuk", "24077", "450", None, "II", None)),
        ("Kamerstukken II 2020/21, 35 570 XVI, nr. 12",
         Reference("kamerstuk", "35570-XVI", "12", "2020/21", "II", None)),
        ("Kamerstukken I 2020/21, 35 570, A",
         Reference("kamerstuk", "35570", "A", "2020/21", "I", None)),
        ("Handelingen II 2019/20, nr. 38, item 5",
         Reference("handelingen", None, "38", "2019/20", "II", "5")),
        ("Handelingen I 2020/21, nr. 7",
         Reference("handelingen", None, "7", "2020/21", "I", None)),
        ("Aanhangsel Handelingen II 2019/20, nr. 243",
         Reference("aanhangsel", None, "243", "2019/20", "II", None)),
    ],
)  # fmt: skip
def test_fields(text, expected):
    assert parse_references(text) == [expected]


def test_url_is_the_ident_on_officielebekendmakingen():
    (reference,) = parse_references("Kamerstuk 24 077, nr. 450")
    assert reference.url == "https://zoek.officielebekendmakingen.nl/kst-24077-450"
    (reference,) = parse_references("Handelingen II 2019/20, nr. 38, item 5")
    assert reference.url == "https://zoek.officielebekendmakingen.nl/h-tk-20192020-38-5"


def test_appendix_is_one_reference_not_also_handelingen():
    references = parse_references("12 Aanhangsel Handelingen II 2019/20, nr. 243")
    assert [(r.kind, r.ident) for r in references] == [("aanhangsel", "ah-tk-20192020-243")]


# --- Every reference of the reference letter ----------------------------------------------------

LETTER_IDENTS = [
    "kst-24077-450",  # AO, eerste termijn
    "kst-24077-457",  # AO, tweede termijn (wrapped: "Kamerstuk\n24 077, nr. 457")
    "kst-24077-453",  # motie drugsvrije schoolpleinen
    "kst-24077-456",  # footnote 1
    "kst-24077-426",  # footnote 4, written without comma
    "kst-29248-323",  # Bijlage bij Kamerstuk
    "kst-24077-426",  # footnote 8
    "h-tk-20202021-30",  # debate on the Justice budget
    "ah-tk-20192020-243",  # footnote 12
    "kst-24077-465",  # footnote 14
    "h-tk-20192020-38-5",  # VAO (wrapped: "Handelingen II\n2019/20")
    "kst-24077-453",  # footnote 15, written without comma
    "kst-24077-426",  # platform, in the running text
]


def test_every_reference_in_the_letter_in_order():
    assert idents(LETTER_PASSAGES) == LETTER_IDENTS


def test_every_reference_in_the_whole_letter_file():
    assert idents(LETTER.read_text(encoding="utf-8")) == LETTER_IDENTS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Tijdens het AO Verslavingszorg/Drugsbeleid van 10 oktober (eerste termijn)\n"
            "(Kamerstuk 24 077, nr. 450), 7 november (tweede termijn) (Kamerstuk \n"
            "24 077, nr. 457) 2019 en met de voortgangsbrief van 19 december 20191",
            ["kst-24077-450", "kst-24077-457"],
        ),
        (
            "de wijze waarop invulling is gegeven aan de motie van Kamerlid Edgar Mulder (PVV) en "
            "Kamerlid Van der Staaij (SGP) over drugsvrije schoolpleinen (Kamerstuk 24 077, nr. "
            "453).",
            ["kst-24077-453"],
        ),
        ("1 Kamerstuk 24 077, nr. 456", ["kst-24077-456"]),
        ("4 Kamerstuk 24 077 nr. 426\n bevestigde het volgende.", ["kst-24077-426"]),
        (
            "heeft de Minister voor Medische Zorg en Sport uw Kamer het rapport toegestuurd "
            "(Bijlage bij Kamerstuk 29 248, nr. 323), waarin ook NEED is opgenomen.",
            ["kst-29248-323"],
        ),
        ("8 Kamerstuk 24 077, nr. 426", ["kst-24077-426"]),
        (
            "de toezegging die de Minister op\n26 november jl. (Handelingen II 2020/21, nr. 30, "
            "debat over de Begroting Justitie en Veiligheid 2021) aan uw Kamer heeft gedaan",
            ["h-tk-20202021-30"],
        ),
        ("12 Aanhangsel Handelingen II 2019/20, nr. 243", ["ah-tk-20192020-243"]),
        ("14 Kamerstuk 24 077, nr. 465", ["kst-24077-465"]),
        (
            "Tijdens het VAO Drugspreventiebeleid en Verslavingszorg (Handelingen II \n"
            "2019/20, nr. 38, item 5) is de motie van de leden Edgar Mulder (PVV) en Van der "
            "Staaij (SGP) aangenomen.15",
            ["h-tk-20192020-38-5"],
        ),
        ("15 Kamerstuk 24 077 nr. 453", ["kst-24077-453"]),
        (
            "In april 2019 heb ik uw Kamer geïnformeerd over de oprichting van het Platform "
            "tegengaan stijging drugsgebruik (Kamerstuk 24 077, nr. 426). In november 2019",
            ["kst-24077-426"],
        ),
        # numbers without the word before them are not references
        ("Er zijn in deze periode drie lab-analyses uitgevoerd", []),
        ("In 2019 werden in totaal 6.629 incidenten geregistreerd: 5.577 bij de MDI", []),
        ("2 Raadpleegbaar via www.tweedekamer.nl", []),
        ("16 https://www.trimbos.nl/kennis/ijslands-preventie-model", []),
    ],
)
def test_reference_letter_sentences(sentence, expected):
    assert idents(sentence) == expected


# --- Spellings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk\n24 077, nr. 457", ["kst-24077-457"]),
        ("Kamerstuk  24 077,  nr.   450", ["kst-24077-450"]),
        ("Kamerstuk\u00a024\u00a0077, nr.\u00a0450", ["kst-24077-450"]),
        ("Kamerstuk 24077, nr. 450", ["kst-24077-450"]),
        ("Kamerstuk 24077 nr 450", ["kst-24077-450"]),
        ("kamerstuk 24 077, nr. 450", ["kst-24077-450"]),
        ("Kamerstuk 35 570-XVI, nr. 5", ["kst-35570-XVI-5"]),
        ("Kamerstuk 35570-XVI, nr. 5", ["kst-35570-XVI-5"]),
        ("Kamerstuk 35 570 VI, nr. 3", ["kst-35570-VI-3"]),
        ("Kamerstuk 35 570 IIA, nr. 3", ["kst-35570-IIA-3"]),
        ("Kamerstuk 35 300 A, nr. 5", ["kst-35300-A-5"]),
        ("Kamerstuk 21 501-20, nr. 1234", ["kst-21501-20-1234"]),
        ("Kamerstukken II 2019/20, 24 077, nr. 450", ["kst-24077-450"]),
        ("Kamerstukken II 2019/2020, 24 077, nr. 450", ["kst-24077-450"]),
        ("Kamerstukken I 2020/21, 35 570 XVI, A", ["kst-35570-XVI-A"]),
        ("Kamerstukken I 2020/21, 35 570, B.", ["kst-35570-B"]),
        ("Kamerstukken 24 077, nrs. 450 & 457", ["kst-24077-450", "kst-24077-457"]),
        ("Kamerstukken 24 077, nrs. 450,453 en\n457",
         ["kst-24077-450", "kst-24077-453", "kst-24077-457"]),
        ("Handelingen II\n2019/20, nr. 38, item 5", ["h-tk-20192020-38-5"]),
        ("Handelingen II 2019/2020, nr. 38, item 5", ["h-tk-20192020-38-5"]),
        ("Handelingen 2019/20, nr. 38", ["h-tk-20192020-38"]),
        ("Handelingen I 1999/00, nr. 3", ["h-ek-19992000-3"]),
        ("Aanhangsel van de Handelingen II 2019/20, nr. 243", ["ah-tk-20192020-243"]),
        ("Aanhangsel Handelingen I 2019/20, nr. 12", ["ah-ek-20192020-12"]),
        ("(Kamerstuk 24 077, nr. 450) en (Kamerstuk 24 077, nr. 450)",
         ["kst-24077-450", "kst-24077-450"]),
        ("Handelingen II 2020/21, nr. 30 en Kamerstuk 24 077, nr. 450",
         ["h-tk-20202021-30", "kst-24077-450"]),
        ("Kamerstuk 24 077, nr. 450; Aanhangsel Handelingen II 2019/20, nr. 243; Handelingen II "
         "2019/20, nr. 38, item 5",
         ["kst-24077-450", "ah-tk-20192020-243", "h-tk-20192020-38-5"]),
    ],
)  # fmt: skip
def test_spellings(text, expected):
    assert idents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nr. 450",
        "24 077, nr. 450",
        "dossier 24 077, nrs. 450 en 457",
        "Kamerstuk 24 077",  # a dossier, not a paper
        "Handelingen II, nr. 38",  # no parliamentary year, so no ident
        "de Handelingen van vandaag",
        "Kamerstukken",
        "",
    ],
)
def test_not_a_reference(text):
    assert parse_references(text) == []


@pytest.mark.parametrize("text", [None, 24077, b"Kamerstuk 24 077, nr. 450"])
def test_non_text_gives_no_references(text):
    assert parse_references(text) == []


# --- Canonical citation and natural key -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        ("Kamerstuk 24077 nr. 450", "Kamerstuk 24 077, nr. 450"),
        ("Kamerstuk\n24 077 nr. 426", "Kamerstuk 24 077, nr. 426"),
        ("Kamerstuk 35570-XVI, nr. 5", "Kamerstuk 35 570 XVI, nr. 5"),
        ("Kamerstuk 21 501-20, nr. 1234", "Kamerstuk 21 501-20, nr. 1234"),
        ("Kamerstukken II 2020/21, 35 570 XVI, nr. 12",
         "Kamerstukken II 2020/21, 35 570 XVI, nr. 12"),
        ("Kamerstukken I 2020/21, 35 570, A", "Kamerstukken I 2020/21, 35 570, A"),
        ("Handelingen II\n2019/2020, nr. 38, item 5", "Handelingen II 2019/20, nr. 38, item 5"),
        ("Handelingen 2020/21, nr. 30", "Handelingen II 2020/21, nr. 30"),
        ("Aanhangsel Handelingen II 2019/20, nr. 243",
         "Aanhangsel Handelingen II 2019/20, nr. 243"),
    ],
)  # fmt: skip
def test_canonical_citation(text, citation):
    (reference,) = parse_references(text)
    assert str(reference) == citation
    # the canonical form reads back as the same reference
    assert parse_references(citation) == [reference]


def test_natural_key():
    """The ident is the natural key: the year of a Kamerstuk does not count, the Kamer does."""
    kamerstuk, handelingen, appendix, senate = parse_references(
        "Kamerstukken II 2020/21, 35 570 XVI, nr. 12; Handelingen II 2019/20, nr. 38, item 5; "
        "Aanhangsel Handelingen II 2019/20, nr. 243; Handelingen I 2019/20, nr. 38, item 5"
    )
    assert kamerstuk.ident == "kst-35570-XVI-12"
    assert handelingen.ident == "h-tk-20192020-38-5"
    assert appendix.ident == "ah-tk-20192020-243"
    assert senate.ident == "h-ek-20192020-38-5"


def test_same_paper_cited_differently_has_the_same_key():
    first, second, third = parse_references(
        "Kamerstuk 24 077, nr. 450; Kamerstukken II 2019/20, 24077, nr. 450; "
        "Kamerstukken 24 077, nrs. 449 en 450"
    )[:3]
    assert first.ident == second.ident
    assert third.ident != first.ident


def test_reference_is_frozen():
    (reference,) = parse_references("Kamerstuk 24 077, nr. 450")
    with pytest.raises(dataclasses.FrozenInstanceError):
        reference.number = "451"


# --- Properties -----------------------------------------------------------------------------------

CITATION_WORDS = [
    "Kamerstuk", "Kamerstukken", "Handelingen", "Aanhangsel", "Bijlage", "bij", "I", "II",
    "2019/20", "2020/2021", "24", "077", "24077", "35 570", "XVI", "A", "-", ",", "nr.", "nrs.",
    "en", "item", "5", "450", "\n", "\u00a0", "(", ")",
]  # fmt: skip


def check(references):
    for reference in references:
        assert reference.kind in {"kamerstuk", "handelingen", "aanhangsel"}
        assert reference.chamber in {"I", "II"}
        assert reference.url.startswith("https://zoek.officielebekendmakingen.nl/")
        assert reference.ident.split("-")[0] in {"kst", "h", "ah"}
        str(reference)


@given(st.text())
def test_never_raises_on_any_text(text):
    check(parse_references(text))


@given(st.lists(st.sampled_from(CITATION_WORDS), max_size=14).map(" ".join))
def test_never_raises_on_citation_words(text):
    check(parse_references(text))
