"""The reference letter as a final letter in the register (load_demo), and its PDF read page by page
with pdftotext: every footnote on the page of its call, "Pagina X van Y", the first page's blocks,
the same sections, footnotes and Tabel 1 as the original."""

import datetime
import hashlib
import re
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command

from commitments.models import Commitment
from letters.compose import letter_compose
from letters.models import LetterStatus, ProgressLetter
from register.models import Document
from tests.letters.test_layout import (
    FOOTNOTES,
    SECTION_TITLES,
    SUB_HEADINGS,
    page_of,
    pdf_pages,
    reading_text,
    squeezed,
)

ORIGINAL = "tests/data/reference-letter-24077-468.txt"


@pytest.fixture
def letter(demo):
    return demo["letter"]


@pytest.fixture
def pages(letter, tmp_path):
    with letter.pdf.open("rb") as stored:
        return pdf_pages(stored.read(), tmp_path)


def test_the_reference_letter_is_final_on_kamerstuk_24077_468(letter, clerk):
    assert letter.status == LetterStatus.FINAL
    assert letter.document == Document.objects.get(ident="kst-24077-468")
    assert Document.objects.filter(ident="kst-24077-468").count() == 1
    assert letter.document.kenmerk == letter.kenmerk == "1781234-213567-VGP"
    with letter.pdf.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == letter.pdf_sha256
    assert [s.title for s in letter.sections.order_by("order")] == SECTION_TITLES
    # Without the letter staff's accounts, the --user stands in for both.
    assert letter.author == letter.approver == clerk
    assert {r.history_date.date() for r in letter.history.all()} == {datetime.date(2020, 12, 18)}
    assert [r.history_change_reason for r in letter.history.order_by("history_date")][-1] \
        .startswith("Vastgesteld; PDF opgeslagen")


def test_its_items_are_what_the_letter_reports_on_and_delivers(letter):
    items = list(letter.items.select_related("commitment", "motion", "law_track"))
    delivered = {i.subject.title for i in items if i.delivers}
    assert delivered == {
        c.title for c in Commitment.objects.filter(status="done", delivered_by=letter.document)
    } | {"Motie van de leden Edgar Mulder en Van der Staaij over drugsvrije schoolpleinen"}
    assert len([i for i in items if i.commitment]) == Commitment.objects.filter(
        dossier__number="24077").count() == 13
    assert {i.law_track.short_name for i in items if i.law_track} == {
        "Lachgasbesluit", "Groepsverbod NPS", "Wkkgz LADIS/LTR"}
    assert not any(i.progress_text for i in items)  # the typed sections say it all
    assert letter.cited_documents.count() == 10


def test_every_footnote_is_on_the_page_of_its_call(pages):
    for n, (before, note) in enumerate(FOOTNOTES, 1):
        last_word = re.escape(before.split()[-1])
        call = page_of(pages, rf"{last_word}{n}(?![0-9])")
        foot = page_of(pages, rf"^\s*{n}\s+{re.escape(note)}")
        assert len(call) == 1 and call == foot, (n, call, foot)


def test_every_page_says_pagina_x_van_y_and_the_kenmerk(pages):
    assert "Pagina 1 van " + str(len(pages)) in pages[0]
    for n, page in enumerate(pages, 1):
        assert f"Pagina {n} van {len(pages)}" in page
        assert "1781234-213567-VGP" in page


def test_the_first_page_has_the_kamerbrief_blocks(pages):
    first = pages[0]
    for text in ("De Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018",
                 "2500 EA DEN HAAG", "Kenmerk", "Bijlage(n)", "Geachte voorzitter,"):
        assert text in first, text
    assert "Uw brief" not in first  # the demo letter answers no letter
    assert re.search(r"Datum\s+18 december 2020", first)
    assert re.search(r"Betreft\s+Voortgangsbrief drugsbeleid", first)
    assert all("Postbus 20018" not in page for page in pages[1:])


def test_the_pdf_has_the_original_sections_footnotes_and_table_1(pages, letter, tmp_path):
    text = squeezed("".join(pages))
    original = squeezed(Path(ORIGINAL).read_text(encoding="utf-8"))
    with letter.pdf.open("rb") as stored:
        reading = squeezed(reading_text(stored.read(), tmp_path))
    for title in SECTION_TITLES + SUB_HEADINGS:
        assert squeezed(title) in reading, title
    for _before, note in FOOTNOTES:
        assert squeezed(note) in text and squeezed(note) in original, note
    (table,) = page_of(pages, r"Q2 2019\s+Q3 2019\s+Q2 2020\s+Q3 2020")
    for row in (r"MDMA\s+39,7\s+42,0\s+26,7\s+28,0", r"Amfetamine\s+15,9\s+19,8\s+9,6\s+12,1",
                r"Lachgas\s+20,7\s+20,7\s+9,6\s+10,3"):
        assert re.search(row, pages[table - 1]), row
    assert re.search(r"Tabel 1\. Percentage uitgaanders", pages[table - 1])


def test_the_annex_follows_the_signature(pages):
    signed = page_of(pages, r"^\s*P\. Blokhuis\s*$")
    annex = page_of(pages, r"Nr\.\s+Omschrijving\s+Bewindspersoon\s+Termijn\s+Status")
    assert signed and annex and annex[0] == signed[-1] + 1
    assert "Toezeggingen en moties, Kamerstukdossier 24 077 Drugbeleid" in pages[annex[0] - 1]


def test_loading_the_demo_again_changes_nothing_and_renders_nothing(clerk):
    call_command("load_demo", user="griffie")
    letter = ProgressLetter.objects.get()
    with mock.patch("letters.services.render_letter_pdf") as render, \
            mock.patch("letters.demo.render_letter_pdf") as render_demo:
        call_command("load_demo", user="griffie")
    render.assert_not_called()
    render_demo.assert_not_called()
    again = ProgressLetter.objects.get()
    assert (again.pk, again.version, again.pdf_sha256) == (letter.pk, letter.version,
                                                           letter.pdf_sha256)


def test_with_the_letter_staffs_accounts_they_wrote_and_approved_it(letter_writer, letter_writer2,
                                                                    clerk):
    from register import demo as register_demo

    letter = register_demo.load_all(by=clerk)["letter"]
    assert (letter.author, letter.approver) == (letter_writer, letter_writer2)


def test_the_next_letter_does_not_report_again_what_this_one_delivered(demo, letter_writer):
    delivered = Commitment.objects.get(title__startswith="In gesprek met de spoedeisende hulp")
    letter = letter_compose(dossier=demo["dossiers"]["24077"], by=letter_writer)
    assert letter.since == datetime.date(2020, 12, 18)
    assert "Kamerstuk 24 077, nr. 468" in letter.opening
    assert not letter.items.filter(commitment=delivered).exists()
    assert letter.items.filter(commitment__title="Uitkomsten persona onderzoek").exists()
