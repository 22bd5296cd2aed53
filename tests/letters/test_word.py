"""The letter as a Word document (letters/word.py, /brieven/<id>/docx): the same text as the PDF,
real Word footnotes, the letterhead's blocks, CONCEPT on a draft, user text kept literal; and the
view per STYLE.md (login, role, GET, query count).

The text is compared with the PDF's as `pdftotext -raw` reads it (the order the text is drawn
in), without whitespace (line breaks, no-break spaces and table cells are layout) and without
the page furniture each page repeats (CONCEPT, "Pagina X van Y", the running colofon, the
annex's header), which the DOCX has in its header and footer instead.
"""

import dataclasses
import io
import re
import subprocess
import zipfile

import docx
import pytest
from django.urls import reverse
from lxml import etree

from letters.layout import dutch_date
from letters.word import DOCX_CONTENT_TYPE, render_letter_docx
from tests.letters.pdf_checks import tagged_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KINDS = ["demo", "composed", "rappel"]
_WHITESPACE = re.compile(r"\s+")


def squeeze(text):
    """The text without whitespace and without bullets: the PDF's bullets are drawn by its
    stylesheet after each item's text, Word's are its list numbering."""
    return _WHITESPACE.sub("", text).replace("•", "")


def part_xml(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))  # noqa: S320 - our own output


def footnotes(data):
    """{number: text} of the DOCX's footnotes (the separators left out)."""
    notes = {}
    for note in part_xml(data, "word/footnotes.xml").iter(f"{W}footnote"):
        number = int(note.get(f"{W}id"))
        if number > 0:
            notes[number] = "".join(t.text or "" for t in note.iter(f"{W}t"))
    return notes


def body_text(data):
    return docx_text(part_xml(data, "word/document.xml").find(f"{W}body"))


def docx_text(root):
    """The DOCX's text as Word shows it, in order: text, line breaks, tabs and the number of
    each footnote call (what the PDF prints there)."""
    out = []
    for element in root.iter():
        if element.tag == f"{W}t":
            out.append(element.text or "")
        elif element.tag in (f"{W}tab", f"{W}br"):
            out.append(" ")
        elif element.tag == f"{W}footnoteReference":
            out.append(element.get(f"{W}id"))
        elif element.tag == f"{W}p":
            out.append("\n")
    return "".join(out)


def pdf_pages(pdf, tmp_path):
    """Each page's text as `pdftotext -raw` reads it: in the order it is drawn."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    return [subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), path, "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, count + 1)]


def without(lines, furniture, page):
    """The squeezed `lines` of a page with one `furniture` taken out (it may run over several
    lines, or share a line with a footnote); it must be there."""
    pattern = "\n?".join(re.escape(char) for char in squeeze(furniture))
    text, found = re.subn(pattern, "", "\n".join(lines), count=1)
    assert found, (page, furniture, lines[-12:])
    return text.split("\n")


def pdf_lines(pages, content, draft):
    """The PDF's lines without whitespace and without each page's furniture: CONCEPT on a
    draft, "Pagina X van Y", the running colofon of pages after the first, the annex's header
    (the DOCX has its own header and footer instead)."""
    date = dutch_date(content.date)
    colofon = f"{content.sender.ministry} {content.sender.directorate} Datum {date} " \
              f"Kenmerk {content.kenmerk}"
    annex_header = f"Bijlage bij de brief van {date}, kenmerk {content.kenmerk}"
    found = []
    for number, page in enumerate(pages, 1):
        lines = [squeeze(line) for line in page.splitlines()]
        lines = without(lines, f"Pagina {number} van {len(pages)}", number)
        if draft:
            lines = without(lines, "CONCEPT", number)
        if squeeze(annex_header) in "".join(lines):
            lines = without(lines, annex_header, number)
        elif number > 1:
            lines = without(lines, colofon, number)
        found += [line for line in lines if line]
    return found


@pytest.mark.parametrize("name", KINDS)
def test_the_docx_has_every_line_of_the_pdf_and_nothing_else(letters, shown_letters, name,
                                                             tmp_path):
    """pdftotext's lines, each found in the DOCX's text (body, then footnotes as "<number>
    <text>") and taken out of it, longest first, leave nothing of it: the same words, the same
    footnote calls and notes, nothing missing and nothing added."""
    pdf, _content, draft = letters[name]
    content = shown_letters[name]
    data = render_letter_docx(content, draft=draft)
    rest = squeeze(body_text(data)) + "".join(
        squeeze(f"{number}{note}") for number, note in sorted(footnotes(data).items()))
    lines = pdf_lines(pdf_pages(pdf, tmp_path), content, draft)
    for line in sorted(lines, key=len, reverse=True):
        assert line in rest, f"in the PDF, not in the DOCX: {line!r}"
        rest = rest.replace(line, "\0" * len(line), 1)
    assert rest.replace("\0", "") == "", f"in the DOCX, not in the PDF: {rest!r}"


@pytest.mark.parametrize("name", KINDS)
def test_the_docx_reads_in_the_order_of_the_pdfs_tags(letters, shown_letters, name):
    """The PDF's reading order (its structure tree, as a screen reader reads it; pdftotext
    reads in the order of drawing, which puts page 1's letterhead and list items last) is the
    DOCX's: the body with its footnote calls, and the footnotes in their order."""
    pdf, _content, draft = letters[name]
    data = render_letter_docx(shown_letters[name], draft=draft)
    tagged = tagged_text(pdf)
    # WeasyPrint tags a footnote (its number and text) directly under the document.
    body = squeeze("".join(entry.text for entry in tagged if entry.block != "/Document"))
    notes = squeeze("".join(entry.text for entry in tagged if entry.block == "/Document"))
    assert squeeze(body_text(data)) == body
    assert squeeze("".join(f"{number}{text}" for number, text in sorted(
        footnotes(data).items()))) == notes


def part_text(data, name="word/document.xml"):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode()


def test_the_demo_letter_has_its_sixteen_footnotes_as_word_footnotes(shown_letters):
    data = render_letter_docx(shown_letters["demo"], draft=False)
    notes = footnotes(data)
    assert sorted(notes) == list(range(1, 17))
    assert notes[1].strip().replace("\u00a0", " ") == "Kamerstuk 24 077, nr. 456"
    # Word's own separators, named in the settings as Word does.
    assert '<w:footnote w:id="-1"/>' in part_text(data, "word/settings.xml")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
        relations = package.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.footnotes+xml" in types and "relationships/footnotes" in relations


def test_the_demo_letter_has_tabel_1_as_a_word_table_with_its_twelve_numbers(shown_letters):
    document = docx.Document(io.BytesIO(render_letter_docx(shown_letters["demo"], draft=False)))
    tables = [table for table in document.tables
              if any("MDMA" in cell.text for row in table.rows for cell in row.cells)]
    (table,) = tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["", "Q2\u00a02019", "Q3\u00a02019", "Q2\u00a02020", "Q3\u00a02020"] or \
        rows[0] == ["", "Q2 2019", "Q3 2019", "Q2 2020", "Q3 2020"]
    numbers = [value for row in rows[1:] for value in row[1:]]
    assert numbers == ["39,7", "42,0", "26,7", "28,0", "15,9", "19,8", "9,6", "12,1",
                       "20,7", "20,7", "9,6", "10,3"]
    caption = table._tbl.getprevious()
    assert "".join(caption.itertext()).startswith("Tabel 1. Percentage uitgaanders")
    assert 'w:tblHeader w:val="true"' in etree.tostring(table._tbl).decode()


def test_headings_bullets_and_the_letterhead_blocks(shown_letters):
    content = shown_letters["demo"]
    document = docx.Document(io.BytesIO(render_letter_docx(content, draft=False)))
    headings = [squeeze(p.text) for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [squeeze(s.title) for s in content.sections if s.title and s.body.strip()
                        ] + [squeeze(content.annex.title)]
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert len(headings) - 1 + len(subheadings) == 15  # the reference letter's fifteen
    assert any(p.style.name == "List Bullet" for p in document.paragraphs)
    letterhead = document.tables[0]
    address, sender = (cell.text for cell in letterhead.rows[0].cells)
    assert "De Voorzitter van de Tweede Kamer" in address and "Betreft" in address
    assert "Datum\t18\u00a0december 2020\nBetreft\tVoortgangsbrief drugsbeleid" in address
    for label in ("Ministerie van Volksgezondheid", "Postadres", "Kenmerk",
                  "Bijlage(n)", "Correspondentie uitsluitend richten aan het retouradres"):
        assert label in sender
    assert "Uw brief" not in sender  # the demo letter answers no letter
    texts = [p.text for p in document.paragraphs]
    office = texts.index(content.signatory_office)
    assert texts[office + 1] == content.signatory_name == "P. Blokhuis"
    assert document.core_properties.title == content.subject


def test_uw_brief_is_in_the_sender_column_only_when_the_letter_answers_one(shown_letters):
    answering = dataclasses.replace(shown_letters["composed"], uw_brief="Uw brief van 4 januari")
    for content, printed in ((shown_letters["composed"], False), (answering, True)):
        document = docx.Document(io.BytesIO(render_letter_docx(content, draft=True)))
        sender = document.tables[0].rows[0].cells[1].text
        assert ("Uw brief" in sender) is printed
        assert "Kenmerk" in sender and "Bijlage(n)" in sender
    assert "Uw brief\nUw brief van 4\u00a0januari" in sender


def test_a_draft_says_concept_on_every_page_and_a_final_letter_does_not(shown_letters):
    content = shown_letters["composed"]
    draft = docx.Document(io.BytesIO(render_letter_docx(content, draft=True)))
    final = docx.Document(io.BytesIO(render_letter_docx(content, draft=False)))
    assert [s.header.paragraphs[0].text for s in draft.sections][0] == "CONCEPT"
    assert all(s.header.is_linked_to_previous for s in draft.sections[1:])
    assert "CONCEPT" not in "".join(p.text for s in final.sections for p in s.header.paragraphs)
    footer = draft.sections[0].footer.paragraphs[0]
    assert footer.text.startswith(f"Kenmerk {content.kenmerk}")
    assert "PAGE" in etree.tostring(footer._p).decode()


def test_typed_text_stays_literal_and_control_characters_do_not_break_it(shown_letters):
    from dataclasses import replace

    from letters.layout import Section

    typed = ('Tekst met <b>vet</b> & "dubbele" en \'enkele\' tekens\x0b en een noot.'
             '[^Noot <i> & "x"]')
    content = replace(shown_letters["composed"], sections=(Section("Kop <h1> & co", typed),))
    data = render_letter_docx(content)
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert "Kop <h1> & co" in texts
    assert 'Tekst met <b>vet</b> & "dubbele" en \'enkele\' tekens en een noot.' in texts
    assert footnotes(data) == {1: ' Noot <i> & "x"'}
    xml = part_text(data)
    assert "&lt;b&gt;vet&lt;/b&gt; &amp;" in xml and "<b>" not in xml


# --- The view -------------------------------------------------------------------------------


def url(letter):
    return reverse("letters:docx", args=[letter.pk])


def test_anonymous_users_are_sent_to_the_login(client, draft):
    response = client.get(url(draft))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_users_without_a_role_get_no_docx(client_for, norole, draft):
    assert client_for(norole).get(url(draft)).status_code == 403


@pytest.mark.parametrize("role", ["advisor", "clerk", "letter_writer"])
def test_who_may_read_the_pdf_gets_the_draft_as_docx(client_for, role, request, draft):
    user = request.getfixturevalue(role)
    assert client_for(user).get(reverse("letters:pdf", args=[draft.pk])).status_code == 200
    response = client_for(user).get(url(draft))
    assert response.status_code == 200 and response["Content-Type"] == DOCX_CONTENT_TYPE
    assert response["Content-Disposition"] == \
        'attachment; filename="voortgangsbrief-drugbeleid-2021-01-15-concept.docx"'
    document = docx.Document(io.BytesIO(response.content))
    assert document.sections[0].header.paragraphs[0].text == "CONCEPT"
    assert "Geachte voorzitter," in [p.text for p in document.paragraphs]


def test_a_final_letter_is_its_approved_content_without_concept(client_for, advisor, demo):
    letter = demo["letter"]
    response = client_for(advisor).get(url(letter))
    assert response.status_code == 200
    assert 'filename="' in response["Content-Disposition"]
    assert "-concept" not in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    assert all(p.text != "CONCEPT" for p in document.sections[0].header.paragraphs)


def test_the_letters_page_links_the_docx(client_for, advisor, draft):
    page = client_for(advisor).get(reverse("letters:detail", args=[draft.pk])).content.decode()
    assert f'href="{url(draft)}"' in page and "Word (concept)" in page


def test_post_is_refused(client_for, advisor, draft):
    assert client_for(advisor).post(url(draft)).status_code == 405


def test_query_count_does_not_grow_with_items(client_for, advisor, draft, clerk,
                                              django_assert_max_num_queries):
    from letters.models import LetterItem
    from tests.letters.conftest import commitment

    client = client_for(advisor)
    with django_assert_max_num_queries(20) as few:
        assert client.get(url(draft)).status_code == 200
    section = draft.sections.first()
    for n in range(6):
        made = commitment(clerk, title=f"Nog een {n}", text=f"Tekst {n}.")
        LetterItem.objects.create(letter=draft, section=section, commitment=made, order=100 + n,
                                  progress_text=f"Voortgang {n}.[^Noot {n}]")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(draft))
    assert len(footnotes(response.content)) >= 6
