"""A letter as a Word document (DOCX), for the ministries that finish letters in Word.

Built from the same `LetterContent` and the same markup parser (letters.markup) as the HTML
preview and the PDF, so the three say the same: headings, paragraphs, bullets, tables (with
their captions), footnotes, the rappel table and the annex, and the letterhead's blocks (the
address, date and subject, the sender column with Kenmerk, Uw brief and Bijlage(n), the
signature). The fixed words of the layout ("Datum", "Betreft", "Bezoekadres" …) are those of
templates/letters/letter_body.html; tests/letters/test_word.py compares the DOCX's text with the
PDF's, so neither can change alone.

Footnotes are real Word footnotes: python-docx has no API for them, so the footnotes part
(word/footnotes.xml, with Word's two separator notes) is added to the package here and each call
is a `w:footnoteReference`. Word numbers them itself, 1, 2, … in the order of their calls, which is
the order of the PDF's footnote counter.

Not in the DOCX: the logo (an SVG, which python-docx cannot place) and the running colofon of the
PDF's later pages; the kenmerk and "Pagina X van Y" stand in the footer of every page instead, and
a draft says CONCEPT in the header of every page.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt, RGBColor

from letters.layout import LetterContent, dutch_date
from letters.letterhead import house
from letters.markup import (
    KEEP_TOGETHER_ROWS,
    Block,
    blocks,
    inline_parts,
    is_numeric,
    numeric_columns,
    tie,
)

__all__ = ["DOCX_CONTENT_TYPE", "render_letter_docx"]

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RETURN_NOTE = ("Correspondentie uitsluitend richten aan het retouradres met vermelding van de "
               "datum en het kenmerk van deze brief.")
RAPPEL_LABELS = ("Nummer", "Toezegging", "Status", "Toelichting", "Nieuwe verwachte datum")
ANNEX_HEADER = ("Nr.", "Omschrijving", "Bewindspersoon", "Termijn", "Status")
ANNEX_WIDTHS_MM = (24, 62, 26, 28, 26)
# The PDF's grid (static/letters/letter.css): a text column of 122 mm from 24 mm, the sender
# column at the right of page 1.
LEFT, TEXT_WIDTH, PAGE_WIDTH = Mm(24), Mm(122), Mm(210)
LETTERHEAD_WIDTHS = (Mm(112), Mm(54))  # the address window; the sender column from 136 mm
# Characters XML 1.0 cannot hold (lxml refuses them): typed text never breaks the export.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_SEPARATORS = (
    f'<w:footnotes {nsdecls("w")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


class WordFootnotes:
    """The document's footnotes part, and a footnote added at a call."""

    def __init__(self, document):
        self.element = parse_xml(_SEPARATORS)
        part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, self.element,
                       document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        # Word's own documents name the separators in the settings, too.
        settings = document.settings.element
        properties = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                               '<w:footnote w:id="0"/></w:footnotePr>')
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(properties)
        else:
            settings.append(properties)
        self.count = 0

    def add(self, paragraph, text: str):
        """The note `text` at the end of `paragraph` so far."""
        self.count += 1
        paragraph._p.append(_reference_run("w:footnoteReference", self.count))
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(self.count))
        p = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), "FootnoteText")
        properties.append(style)
        p.append(properties)
        p.append(_reference_run("w:footnoteRef"))
        p.append(_text_run(" " + clean(tie(text))))
        note.append(p)
        self.element.append(note)


def _reference_run(tag: str, number: int | None = None):
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    properties.append(style)
    run.append(properties)
    reference = OxmlElement(tag)
    if number is not None:
        reference.set(qn("w:id"), str(number))
    run.append(reference)
    return run


def _text_run(text: str):
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


class Writer:
    """Writes one letter into a python-docx Document."""

    def __init__(self, content: LetterContent, *, draft: bool):
        self.content, self.draft = content, draft
        self.document = Document()
        self.styles()
        self.notes = WordFootnotes(self.document)

    # --- Styles and page -------------------------------------------------------------------

    def styles(self):
        styles = self.document.styles
        family = house(for_pdf=False).font_family
        # Every font the template names, the theme's too (which would win over a name), is the
        # house font: the PDF's.
        for fonts in styles.element.iter(qn("w:rFonts")):
            for attribute in list(fonts.attrib):
                if attribute.endswith("Theme"):
                    del fonts.attrib[attribute]
            for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attribute), family)
        normal = styles["Normal"]
        normal.font.name, normal.font.size = family, Pt(9)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "nl-NL")
        normal.element.get_or_add_rPr().append(language)
        normal.paragraph_format.space_after = Pt(9)
        normal.paragraph_format.line_spacing = Pt(13.5)
        normal.paragraph_format.widow_control = True
        for name, italic in (("Heading 2", False), ("Heading 3", True)):
            heading = styles[name]
            heading.font.size = Pt(9)
            heading.font.bold, heading.font.italic = not italic, italic
            heading.font.color.rgb = RGBColor(0, 0, 0)
            heading.paragraph_format.space_before = Pt(9)
            heading.paragraph_format.space_after = Pt(0 if italic else 4.5)
            heading.paragraph_format.keep_with_next = True
        text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        text.base_style = normal
        text.font.size = Pt(7)
        text.paragraph_format.space_after = Pt(0)
        text.paragraph_format.line_spacing = Pt(9)
        call = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        call.font.superscript = True
        small = styles.add_style("Letterhead", WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        small.font.size = Pt(7)
        small.paragraph_format.space_after = Pt(7)
        small.paragraph_format.line_spacing = Pt(9)

    def page(self, section, *, right):
        section.page_width, section.page_height = PAGE_WIDTH, Mm(297)
        section.left_margin, section.right_margin = LEFT, right
        section.top_margin, section.bottom_margin = Mm(25), Mm(22)
        section.header_distance, section.footer_distance = Mm(10), Mm(10)

    def furniture(self, section):
        """On every page: CONCEPT at the top of a draft; the kenmerk and "Pagina X van Y"."""
        if self.draft:
            concept = section.header.paragraphs[0].add_run("CONCEPT")
            concept.bold, concept.font.size = True, Pt(9)
            concept.font.color.rgb = RGBColor(0xAA, 0, 0)
        footer = section.footer.paragraphs[0]
        footer.style = self.document.styles["Letterhead"]
        footer.add_run(f"Kenmerk {clean(self.content.kenmerk)}    Pagina ")
        _field(footer, "PAGE")
        footer.add_run(" van ")
        _field(footer, "NUMPAGES")

    # --- The letter ------------------------------------------------------------------------

    def write(self) -> bytes:
        content, document = self.content, self.document
        first = document.sections[0]
        # The PDF's text column; page 1's letterhead reaches into the right margin.
        self.page(first, right=PAGE_WIDTH - LEFT - TEXT_WIDTH)
        self.furniture(first)
        self.letterhead()
        document.add_paragraph(clean(content.salutation))
        self.markup(document, content.opening)
        for row in content.rappel_rows:
            self.rappel_row(row)
        for section in content.sections:
            if not blocks_in(section.body):
                continue  # no heading stands on its own (DESIGN.md)
            if section.title:
                document.add_heading(clean(tie(section.title)), level=2)
            self.markup(document, section.body)
        self.markup(document, content.closing)
        signature = document.add_paragraph(clean(content.signatory_office))
        signature.paragraph_format.space_before = Pt(18)
        signature.paragraph_format.keep_with_next = True
        document.add_paragraph(clean(content.signatory_name))
        if content.annex:
            self.annex(content.annex)
        properties = document.core_properties
        properties.title = clean(content.subject)
        properties.author = clean(content.sender.ministry)
        properties.language = "nl-NL"
        properties.subject = ("Concept: " if self.draft else "") + \
            f"brief aan {content.addressee[0]}, kenmerk {content.kenmerk}"
        properties.last_modified_by = properties.author
        properties.comments = ""
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    def letterhead(self):
        """Page 1: the address window, date and subject at the left, the sender column at the
        right, in the PDF's reading order."""
        content, sender = self.content, self.content.sender
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        set_widths(table, LETTERHEAD_WIDTHS)
        left, right = table.rows[0].cells
        self.lines(left.paragraphs[0], ["> Retouradres " + " ".join(sender.postal_lines)],
                   style="Letterhead")
        address = left.add_paragraph()
        address.paragraph_format.space_after = Pt(36)
        self.lines(address, content.addressee)
        for label, value in (("Datum", dutch_date(content.date)), ("Betreft", content.subject)):
            meta = left.add_paragraph()
            meta.paragraph_format.tab_stops.add_tab_stop(Mm(20))
            meta.paragraph_format.left_indent = Mm(20)
            meta.paragraph_format.first_line_indent = Mm(-20)
            meta.paragraph_format.space_after = Pt(0)
            meta.add_run(label + "\t")
            meta.add_run(clean(tie(value)))
        ministry = right.paragraphs[0]
        ministry.style = self.document.styles["Letterhead"]
        ministry.add_run(clean(sender.ministry)).bold = True
        units = [line for line in (sender.unit, sender.directorate) if line]
        for label, lines in (("", units), ("Bezoekadres", sender.visiting_lines),
                             ("Postadres", sender.postal_lines), ("", [sender.website] if
                                                                  sender.website else []),
                             ("Contact", sender.contact_lines),
                             ("Kenmerk", [content.kenmerk]),
                             ("Uw brief", [content.uw_brief] if content.uw_brief else []),
                             ("Bijlage(n)", [content.enclosures])):
            if lines or label in ("Kenmerk", "Bijlage(n)"):
                self.lines(right.add_paragraph(), [tie(line) for line in lines], label=label,
                           style="Letterhead")
        note = right.add_paragraph(style="Letterhead")
        note.add_run(RETURN_NOTE).italic = True

    def lines(self, paragraph, lines, *, label="", style=None):
        """Lines in one paragraph, each on a line of its own, under a bold label if any."""
        if style:
            paragraph.style = self.document.styles[style]
        if label:
            paragraph.add_run(label).bold = True
        for index, line in enumerate(lines):
            run = paragraph.add_run()
            if index or label:
                run.add_break()
            run.add_text(clean(line))
        return paragraph

    def rappel_row(self, row):
        """One commitment of the answer to the rappel, as the PDF's table of five rows."""
        table = self.document.add_table(rows=0, cols=2)
        table.style = self.document.styles["Table Grid"]
        values = (row.number, row.text, row.status, row.explanation, row.expected)
        for label, value in zip(RAPPEL_LABELS, values, strict=True):
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            if label == "Toelichting" and blocks_in(value):
                self.markup(cells[1], value)
                _drop_first_empty(cells[1])
            elif label == "Toezegging":
                self.inline(cells[1].paragraphs[0], value)
            else:
                cells[1].paragraphs[0].add_run(clean(tie(value)) or "—").bold = \
                    label == "Nummer"
        set_widths(table, (Mm(30), TEXT_WIDTH - Mm(30)))
        keep_together(table)
        self.document.add_paragraph()

    def annex(self, annex):
        document = self.document
        section = document.add_section(WD_SECTION.NEW_PAGE)
        self.page(section, right=Mm(20))
        label = document.add_paragraph()
        label.add_run("Bijlage").bold = True
        label.paragraph_format.space_after = Pt(0)
        document.add_heading(clean(tie(annex.title)), level=2)
        table = document.add_table(rows=1, cols=len(ANNEX_HEADER))
        table.style = document.styles["Table Grid"]
        _repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, ANNEX_HEADER, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        rows = [(row.number, row.text, row.bewindspersoon, row.deadline, row.status)
                for row in annex.rows]
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.paragraphs[0].add_run(clean(tie(text)))
        if not rows:
            merged = table.add_row().cells
            merged[0].merge(merged[-1]).paragraphs[0].add_run(
                "Geen openstaande toezeggingen of moties.")
        set_widths(table, [Mm(width) for width in ANNEX_WIDTHS_MM])

    # --- Markup ----------------------------------------------------------------------------

    def markup(self, container, text):
        """The markup's blocks into the document or a table cell."""
        for block in blocks(text):
            if block.kind == "table":
                self.table(container, block)
            elif block.kind == "ul":
                for line in block.lines:
                    self.inline(container.add_paragraph(style="List Bullet"), line)
            elif block.kind == "h3":
                paragraph = container.add_paragraph(style="Heading 3")
                self.inline(paragraph, block.lines[0])
            else:
                self.inline(container.add_paragraph(), block.lines[0])

    def inline(self, paragraph, text):
        """Running text with its footnotes (letters.markup.inline_parts), words kept together
        where the PDF keeps them (no-break spaces)."""
        for part, note in inline_parts(text):
            if note:
                self.notes.add(paragraph, part)
            elif part:
                paragraph.add_run(clean(tie(part)))

    def table(self, container, block: Block):
        """A table typed in the markup: its caption above it, the header row repeated on every
        page, numbers aligned at the right (as in the PDF)."""
        if block.caption:
            caption = container.add_paragraph()
            caption.paragraph_format.keep_with_next = True
            caption.paragraph_format.space_after = Pt(3)
            self.inline(caption, block.caption)
            for run in caption.runs:
                run.italic = True
        rows = block.padded_rows
        width = len(rows[0])
        numeric = numeric_columns(rows[1:], width)
        table = container.add_table(rows=0, cols=len(rows[0]))
        table.style = self.document.styles["Table Grid"]
        for index, row in enumerate(rows):
            cells = table.add_row().cells
            if index == 0:
                _repeat_header(table.rows[0])
            for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
                paragraph = cell.paragraphs[0]
                self.inline(paragraph, text)
                if index == 0:
                    for run in paragraph.runs:
                        run.bold = True
                if numeric[column] if index == 0 else is_numeric(text):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        room = TEXT_WIDTH if hasattr(container, "add_section") else TEXT_WIDTH - Mm(32)
        set_widths(table, [Emu(room // width)] * width)
        if len(rows) <= KEEP_TOGETHER_ROWS:
            keep_together(table)
        if not hasattr(container, "add_section"):
            return  # in a cell, python-docx adds the paragraph a cell must end with
        container.add_paragraph().paragraph_format.space_after = Pt(0)


def blocks_in(text):
    return list(blocks(text))


def set_widths(table, widths):
    """Column widths: LibreOffice reads the table's grid, Word the cells; both are set. The
    cells' paragraphs are set close, as the PDF's are."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(2)


def keep_together(table):
    """A short table stays on one page, as in the PDF (letters.markup.KEEP_TOGETHER_ROWS)."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _repeat_header(row):
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _drop_first_empty(cell):
    """A new cell holds one empty paragraph; once blocks are added after it, it goes."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) > 1 and not first.text and not first._p.xpath(".//w:footnoteReference"):
        first._p.getparent().remove(first._p)


def _field(paragraph, code):
    """A field Word computes (PAGE, NUMPAGES), showing "1" until it does."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    field.append(_text_run("1"))
    paragraph._p.append(field)


def render_letter_docx(content: LetterContent, *, draft: bool = True) -> bytes:
    """The letter as DOCX bytes; a draft says CONCEPT on every page."""
    return Writer(content, draft=draft).write()

