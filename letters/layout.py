"""A letter to the Kamer as plain data, and its rendering to HTML (preview) and PDF.

Independent of the models: the letter's model (or a command, or a test) fills a `LetterContent`
and calls `render_letter_html`, `render_letter_pdf` or `cited_references`. The HTML preview and the
PDF come from one template, `letters/letter.html`; its body is `letters/letter_body.html`, which a
page inside the app's layout includes with the context of `letter_context` (see
`letters/preview.html`).

The PDF is rendered by WeasyPrint with `static_url_fetcher`, which serves only the project's
static files: the stylesheet is the only resource a letter needs, and nothing typed in a letter
can make the renderer fetch anything else.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import mimetypes
import os
import xml.etree.ElementTree as ET  # noqa: N817 - the usual name
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.apps import apps
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

# WeasyPrint logs each step at INFO, which the root logger prints (settings.LOGGING): a dozen
# lines for every letter, and some on import already.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML  # noqa: E402
from weasyprint.formatting_structure import boxes  # noqa: E402
from weasyprint.pdf.metadata import DocumentMetadata  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url  # noqa: E402

from letters.letterhead import House, allowed_files, house  # noqa: E402
from letters.markup import Footnotes, render_inline, render_markup, tie  # noqa: E402
from register.references import Reference  # noqa: E402

__all__ = [
    "EERSTE_KAMER",
    "TWEEDE_KAMER",
    "VWS",
    "Annex",
    "AnnexRow",
    "LetterContent",
    "RappelRow",
    "Section",
    "Sender",
    "StaticURLFetcher",
    "cited_references",
    "content_from_data",
    "content_to_data",
    "dutch_date",
    "html_to_pdf",
    "letter_context",
    "render_letter_body",
    "render_letter_html",
    "render_letter_pdf",
    "static_base_url",
    "static_path",
    "static_url_fetcher",
]

KINDS = ("voortgangsbrief", "rappel")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

TWEEDE_KAMER = (
    "De Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Postbus 20018",
    "2500 EA DEN HAAG",
)
EERSTE_KAMER = (
    "De Voorzitter van de Eerste Kamer der Staten-Generaal",
    "Postbus 20017",
    "2500 EA DEN HAAG",
)


@dataclass(frozen=True, kw_only=True)
class Sender:
    """The sender column: from the ministry's and directorate's records (letters.content)."""

    ministry: str
    postal_lines: tuple[str, ...]
    website: str = "www.rijksoverheid.nl"
    unit: str = ""  # the directoraat-generaal
    directorate: str = ""
    visiting_lines: tuple[str, ...] = ()
    contact_lines: tuple[str, ...] = ()


VWS = Sender(
    ministry="Ministerie van Volksgezondheid, Welzijn en Sport",
    postal_lines=("Postbus 20350", "2500 EJ Den Haag"),
    visiting_lines=("Parnassusplein 5", "2511 VX Den Haag"),
)


@dataclass(frozen=True)
class Section:
    title: str
    body: str  # markup (letters.markup)


@dataclass(frozen=True, kw_only=True)
class RappelRow:
    """One commitment in the answer to the Eerste Kamer's rappel."""

    number: str  # the Eerste Kamer's T-number, "T01970"
    text: str
    status: str  # as the ministry reports it: "Openstaand", "Deels voldaan"
    explanation: str = ""  # markup
    expected: str = ""  # the new expected date, in words: "voorjaar 2021"


@dataclass(frozen=True, kw_only=True)
class AnnexRow:
    number: str
    text: str
    bewindspersoon: str
    deadline: str  # the deadline words as spoken: "in het voorjaar van 2021"
    status: str


@dataclass(frozen=True, kw_only=True)
class Annex:
    title: str
    rows: tuple[AnnexRow, ...] = ()


@dataclass(frozen=True, kw_only=True)
class LetterContent:
    kenmerk: str
    date: datetime.date
    subject: str
    signatory_office: str
    signatory_name: str
    kind: str = "voortgangsbrief"
    sender: Sender = VWS
    uw_brief: str = ""
    bijlagen: str = ""
    addressee: tuple[str, ...] = ()  # default: the Tweede Kamer; the Eerste Kamer for a rappel
    salutation: str = "Geachte voorzitter,"
    opening: str = ""  # markup, like every body below
    sections: tuple[Section, ...] = ()
    closing: str = ""
    rappel_rows: tuple[RappelRow, ...] = ()
    annex: Annex | None = None

    @property
    def enclosures(self) -> str:
        """Bijlage(n) as printed: the number typed, with the annex counted (DESIGN.md). Words
        typed instead of a number are printed as typed."""
        typed = self.bijlagen.strip()
        annex = 1 if self.annex else 0
        if typed.isdigit():
            return str(int(typed) + annex)
        return typed or (str(annex) if annex else "")

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown kind of letter: {self.kind!r}")
        if not self.addressee:
            # The rappel comes from the Eerste Kamer, so its answer goes there.
            default = EERSTE_KAMER if self.kind == "rappel" else TWEEDE_KAMER
            object.__setattr__(self, "addressee", default)


def content_to_data(content: LetterContent) -> dict:
    """The content as JSON-ready data (the approved content a letter stores)."""
    data = dataclasses.asdict(content)
    data["date"] = content.date.isoformat()
    return data


def content_from_data(data: dict) -> LetterContent:
    """The LetterContent that `content_to_data` wrote, exactly."""
    annex = data.get("annex")
    return LetterContent(**{
        **data, "date": datetime.date.fromisoformat(data["date"]),
        "sender": Sender(**{name: tuple(value) if isinstance(value, list) else value
                            for name, value in data["sender"].items()}),
        "addressee": tuple(data["addressee"]),
        "sections": tuple(Section(**section) for section in data["sections"]),
        "rappel_rows": tuple(RappelRow(**row) for row in data["rappel_rows"]),
        "annex": Annex(title=annex["title"], rows=tuple(AnnexRow(**row) for row in annex["rows"]))
        if annex else None})


def dutch_date(day: datetime.date) -> str:
    """ "18 december 2020", whatever the locale of the server."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# --- Rendering -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderedRappelRow:
    row: RappelRow
    text: SafeString
    explanation: SafeString


@dataclass(frozen=True)
class RenderedLetter:
    """What the letter templates show: the content, with its bodies rendered in print order.

    `draft`: the letter is not final, and every page says CONCEPT. `house`: the logo and fonts
    of the configuration (letters.letterhead), which are not part of what was approved.
    """

    content: LetterContent
    for_pdf: bool
    draft: bool
    house: House
    date: str
    opening: SafeString
    rappel_rows: list[RenderedRappelRow]
    sections: list[tuple[str, SafeString]]
    closing: SafeString
    notes: Footnotes = field(repr=False)

    @property
    def footnotes(self) -> list[tuple[int, SafeString]]:
        return self.notes.notes

    @property
    def references(self) -> list[Reference]:
        return self.notes.references


def _render(content: LetterContent, *, for_pdf: bool, links: bool, draft: bool) -> RenderedLetter:
    # One collector for the whole letter, filled in the order the bodies are printed, so the
    # footnote numbers here are those the PDF's footnote counter gives.
    notes = Footnotes(inline=for_pdf, links=links)
    opening = render_markup(content.opening, notes)
    rappel_rows = [
        RenderedRappelRow(
            row, render_inline(row.text, notes), render_markup(row.explanation, notes)
        )
        for row in content.rappel_rows
    ]
    # A section with nothing to say is left out: no heading stands on its own (DESIGN.md).
    sections = [(tie(s.title), body) for s in content.sections
                if (body := render_markup(s.body, notes))]
    closing = render_markup(content.closing, notes)
    return RenderedLetter(
        content, for_pdf, draft, house(for_pdf=for_pdf), tie(dutch_date(content.date)), opening,
        rappel_rows, sections, closing, notes
    )


def letter_context(content: LetterContent, *, for_pdf: bool = False, links: bool = True,
                   draft: bool = True) -> dict:
    """The context of `letters/letter_body.html` (and `letters/letter.html`)."""
    return {"letter": _render(content, for_pdf=for_pdf, links=links, draft=draft)}


def render_letter_html(content: LetterContent, *, for_pdf: bool, preview_links: bool = True,
                       draft: bool = True) -> str:
    """The letter as a standalone HTML document: the PDF's source, or a preview on its own.

    References to papers are links when `preview_links` is on; in the PDF they stay clickable
    but are printed as plain text.
    """
    # The letter is a Dutch document whatever the language of the screens around it.
    with translation.override("nl"):
        return render_to_string("letters/letter.html", letter_context(
            content, for_pdf=for_pdf, links=preview_links, draft=draft))


def render_letter_body(content: LetterContent, *, preview_links: bool = True,
                       draft: bool = True) -> SafeString:
    """The letter's preview as an HTML fragment, for a page in the app's layout (which links
    letters/letter.css itself)."""
    with translation.override("nl"):
        html = render_to_string(
            "letters/letter_body.html", letter_context(content, links=preview_links, draft=draft)
        )
    return SafeString(html)


def cited_references(content: LetterContent) -> list[Reference]:
    """Every paper the letter cites, in text or footnote, in order; a paper cited twice appears
    twice."""
    return _render(content, for_pdf=True, links=False, draft=False).references


def render_letter_pdf(content: LetterContent, *, draft: bool = True, tagged: bool = True) -> bytes:
    """The letter as PDF (A4), rendered by WeasyPrint from the same template as the preview.

    A draft says CONCEPT on every page; only finalising renders a letter with `draft=False`.
    The PDF is tagged and archivable (PDF/UA-1 and PDF/A-2a); `tagged=False` only for the
    benchmark that measures what the tags cost.
    """
    return html_to_pdf(render_letter_html(content, for_pdf=True, draft=draft), tagged=tagged)


class ArchivalMetadata(DocumentMetadata):
    """WeasyPrint's metadata for PDF/A-2a, which also says the file is PDF/UA-1.

    WeasyPrint writes one identification, that of the variant asked for; a letter is both
    archivable (PDF/A-2a: tagged, fonts embedded, sRGB output intent, XMP) and accessible
    (PDF/UA-1: the same tags, /Lang, the title shown), so the PDF/UA identification (ISO 14289-1,
    pdfuaid:part 1) is added to the same XMP description.
    """

    def generate_rdf_metadata(self, variant, version, conformance):
        # WeasyPrint's own XML, not input from anyone.
        rdf = ET.fromstring(  # noqa: S314
            super().generate_rdf_metadata(variant, version, conformance))
        description = rdf.find(f"{{{RDF}}}Description")
        description.set(f"{{{PDFUAID}}}part", "1")
        return ET.tostring(rdf, encoding="utf-8")


RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
PDF_VARIANT = "pdf/a-2a"


def html_to_pdf(html: str, *, tagged: bool = True) -> bytes:
    """A PDF from letter HTML; relative URLs resolve against the static folder."""
    document = render_document(HTML(string=html, base_url=static_base_url(),
                                    url_fetcher=static_url_fetcher))
    if not tagged:
        return document.write_pdf()
    document.metadata = ArchivalMetadata(**vars(document.metadata))
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def render_document(html: HTML, attempts: int = 3):
    """The laid-out pages, with every footnote on the page of its call.

    WeasyPrint (since 66) moves a footnote to the next page to make room for a line that the
    orphans rule would otherwise push over, even with `footnote-policy: line` (its issue #2432).
    A footnote must stand on the page of its call (DESIGN.md "Letters"): when one does not, the
    block that WeasyPrint made room for starts on the next page instead, and the letter is laid
    out again. That is rare (one page break in the 16 pages of the reference letter), so it
    costs a second layout only then.
    """
    document = html.render()
    for _attempt in range(attempts):
        block = block_that_moved_a_footnote(document)
        if block is None:
            break
        block.set("style", f"{block.get('style') or ''}; break-before: page".lstrip("; "))
        document = html.render()
    return document


def block_that_moved_a_footnote(document):
    """The HTML element of the last block on a page whose footnote went to a later page."""
    calls, notes, last_blocks = {}, {}, {}
    for number, page in enumerate(document.pages):
        page_box = page._page_box  # WeasyPrint's own; its version is pinned (requirements.txt)
        for child in page_box.children:
            if isinstance(child, boxes.FootnoteAreaBox):
                notes.update((note.element, number) for note in child.children)
            elif not isinstance(child, boxes.MarginBox):
                for box in child.descendants():
                    if getattr(box, "footnote", None) is not None:
                        calls.setdefault(box.footnote.element, number)
                last_blocks[number] = ([None, *text_blocks(child)])[-1]
    for element, number in calls.items():
        if notes.get(element, number) > number and last_blocks.get(number) is not None:
            return last_blocks[number].element
    return None


def text_blocks(box):
    """The blocks that hold lines of text, in the order of the page."""
    if not isinstance(box, boxes.ParentBox) or isinstance(box, boxes.LineBox):
        return
    if any(isinstance(child, boxes.LineBox) for child in box.children):
        yield box
    for child in box.children:
        yield from text_blocks(child)


# --- Fetching only static files --------------------------------------------------------------


def _static_roots() -> list[str]:
    """The static folders, resolved: the project's (STATICFILES_DIRS) and the apps'."""
    roots = [entry[1] if isinstance(entry, tuple | list) else entry
             for entry in settings.STATICFILES_DIRS]  # fmt: skip
    roots += [Path(config.path) / "static" for config in apps.get_app_configs()]
    return [os.path.realpath(root) for root in roots if os.path.isdir(root)]


def static_base_url() -> str:
    """The file URL of the project's static folder, which the letter's stylesheet link is
    relative to."""
    return path2url(_static_roots()[0]).rstrip("/") + "/"


def static_path(url: str) -> str:
    """The file a `file:` URL names if it lies inside a static folder; ValueError otherwise.

    The path is resolved (realpath) before it is checked, so neither `..` nor a symbolic link
    inside a static folder can lead outside it.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise ValueError(f"Refused to fetch {url[:200]!r}: only static files are served")
    path = os.path.realpath(url2pathname(parts.path))
    if path in allowed_files():  # the configured logo and fonts (letters.letterhead)
        return path
    for root in _static_roots():
        if path.startswith(root + os.sep) and os.path.isfile(path):
            return path
    raise ValueError(f"Refused to fetch {url[:200]!r}: not a file in a static folder")


class StaticURLFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves only static files.

    WeasyPrint logs a refused URL and renders on without it.
    """

    def fetch(self, url, headers=None):
        path = static_path(url)
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path2url(path), Path(path).read_bytes(), {"Content-Type": content_type}
        )


static_url_fetcher = StaticURLFetcher()
