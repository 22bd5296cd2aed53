"""What DESIGN.md "Letters" promises of each page, read from the PDFs as they go out: the demo
letter (final, from storage), a progress letter composed from the register and an answer to the
Eerste Kamer's rappel (drafts). Pages are read with `pdftotext -f N -l N` (and -bbox for where
the text stands); headings and paragraphs from the PDF's tags (tests/letters/pdf_checks.py).

The three letters are made and rendered once (per test process), by the first test that asks
(the `letters` fixture, tests/letters/conftest.py).
"""

import re
import subprocess

import pytest

from tests.letters.pdf_checks import tagged_text

A4_LEFT_MARGIN_PT = 24 / 25.4 * 72  # the @page margin: 24 mm


@pytest.fixture
def pages(letters, tmp_path):
    """{name: [text of page 1, page 2, …]} with pdftotext -f N -l N."""
    folder = tmp_path
    found = {}
    for name, (pdf, _content, _draft) in letters.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(pdf)
        count = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M)[1])
        found[name] = [run("pdftotext", "-f", n, "-l", n, path, "-") for n in range(1, count + 1)]
    return found


def run(*command):
    return subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          check=True).stdout


KINDS = ["demo", "composed", "rappel"]


@pytest.mark.parametrize("name", KINDS)
def test_every_page_says_pagina_x_van_y(pages, name):
    for number, page in enumerate(pages[name], 1):
        assert f"Pagina {number} van {len(pages[name])}" in page, number


@pytest.mark.parametrize("name", KINDS)
def test_concept_on_every_page_of_a_draft_and_on_no_page_of_a_final_letter(
        pages, letters, name):
    draft = letters[name][2]
    assert [("CONCEPT" in page) for page in pages[name]] == [draft] * len(pages[name])


@pytest.mark.parametrize("name", KINDS)
def test_every_heading_has_its_first_paragraph_on_its_page(letters, name):
    """No empty heading (one followed by the next heading or the signature), no heading alone
    at the foot of a page."""
    pdf, content, _draft = letters[name]
    tagged = [entry for entry in tagged_text(pdf) if entry.text.strip()]
    headings = [i for i, entry in enumerate(tagged) if entry.block in ("/H2", "/H3")]
    assert headings or name == "rappel"
    for i in headings:
        following = next(entry for entry in tagged[i + 1:]
                         if entry.block not in ("/H2", "/H3"))
        assert following.page == tagged[i].page, tagged[i]
        assert following.block in ("/P", "/LI", "/Table", "/TD", "/TH", "/Caption"), following
        assert following.text.strip() != content.signatory_office.strip(), tagged[i]


@pytest.mark.parametrize("name", KINDS)
def test_no_page_holds_only_the_signature(letters, name):
    pdf, content, _draft = letters[name]
    tagged = [entry for entry in tagged_text(pdf) if entry.text.strip()]
    office = next(i for i, entry in enumerate(tagged)
                  if entry.text.strip() == content.signatory_office.strip())
    assert tagged[office - 1].page == tagged[office].page
    assert tagged[office - 1].text.strip() != content.signatory_office.strip()


@pytest.mark.parametrize("name", KINDS)
def test_the_text_starts_at_the_page_margin_not_two_millimetres_right_of_it(letters, name,
                                                                           tmp_path):
    """The browser's default body margin (8 px) once moved the whole letter 2 mm right."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(letters[name][0])
    words = re.findall(r'<page width|<word xMin="([0-9.]+)"', run("pdftotext", "-bbox", path, "-"))
    lefts = [float(x) for x in words if x]
    assert min(lefts) == pytest.approx(A4_LEFT_MARGIN_PT, abs=0.05)


@pytest.mark.parametrize("name", KINDS)
def test_no_line_breaks_inside_nr_453_kamerstuk_24_077_or_26_november(pages, name):
    months = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|" \
             "december"
    text = "\n".join(pages[name])
    assert not re.search(r"\bnrs?\.\n", text)
    assert not re.search(r"\bKamerstuk(ken)?\n", text)
    assert not re.search(r"\b[0-9]{2}\n[0-9]{3}\b", text)
    assert not re.search(rf"\b[0-9]{{1,2}}\n(?:{months})\b", text)


def test_bijlagen_counts_the_annex(pages, letters):
    assert re.search(r"Bijlage\(n\)\n1\n", pages["composed"][0])
    # The reference letter's seven papers and the register's annex.
    assert letters["demo"][1].bijlagen == "7"
    assert re.search(r"Bijlage\(n\)\n8\n", pages["demo"][0])


def test_the_signature_is_the_office_held_on_the_letters_date(letters):
    _pdf, content, _draft = letters["composed"]
    assert content.signatory_name != "P. Blokhuis"  # his office ended in January 2022
