"""The letter's PDF is tagged and archivable (DESIGN.md "Letters": PDF/UA-1 and PDF/A), checked
with pikepdf: a structure tree in reading order (address, date, subject, the sender column,
salutation, body, footnotes), /MarkInfo /Marked, /Lang nl, the title shown, fonts embedded, the
PDF/A-2a and PDF/UA-1 identification in the XMP metadata, an sRGB output intent.

No validator (veraPDF) can be installed here (it is on none of PyPI, Debian or npm): these tests
check what the two standards ask that can be read from the file, not every clause of them.
"""

import io
import shutil

import pikepdf
import pytest

from letters import reference_letter
from letters.layout import LetterContent, Section, render_letter_pdf
from tests.letters.pdf_checks import structure_tags, tagged_text, unembedded_fonts, xmp

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"
DC = "{http://purl.org/dc/elements/1.1/}"


def content(**fields):
    values = {
        "kenmerk": reference_letter.KENMERK, "date": reference_letter.DATE,
        "subject": reference_letter.SUBJECT, "bijlagen": reference_letter.BIJLAGEN,
        "signatory_office": reference_letter.SIGNATORY_OFFICE,
        "signatory_name": reference_letter.SIGNATORY_NAME, "opening": reference_letter.OPENING,
        "sections": tuple(Section(t, b) for t, b in reference_letter.SECTIONS[:3]),
        **fields}
    return LetterContent(**values)


@pytest.fixture(scope="module")
def pdf():
    return render_letter_pdf(content(), draft=False)


def opened(pdf):
    """The PDF opened with pikepdf (keep it while its objects are used)."""
    return pikepdf.open(io.BytesIO(pdf))


def test_the_pdf_is_marked_tagged_dutch_and_shows_its_title(pdf):
    document = opened(pdf)
    root = document.Root
    assert "/StructTreeRoot" in root
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == "nl"
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert structure_tags(pdf)[0] == "/Document"


def test_the_xmp_metadata_says_pdf_a_2a_and_pdf_ua_1_and_has_the_title(pdf):
    meta = xmp(pdf)
    assert (meta[f"{PDFAID}part"], meta[f"{PDFAID}conformance"]) == ("2", "A")
    assert meta[f"{PDFUAID}part"] == "1"
    assert meta[f"{DC}title"] == "Voortgangsbrief drugsbeleid"
    assert meta[f"{DC}creator"] == ["Ministerie van Volksgezondheid, Welzijn en Sport"]
    assert opened(pdf).pdf_version == "1.7"


def test_fonts_are_embedded_and_colours_have_an_srgb_output_intent(pdf):
    assert unembedded_fonts(pdf) == set()
    document = opened(pdf)
    (intent,) = document.Root.OutputIntents
    assert str(intent.S) == "/GTS_PDFA1" and "sRGB" in str(intent.OutputConditionIdentifier)


def test_the_logo_is_a_figure_named_after_the_ministry(pdf):
    document = opened(pdf)
    root = document.Root

    def figures(element):
        if str(element.get("/S")) == "/Figure":
            yield element
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                yield from figures(kid)

    (logo,) = figures(root.StructTreeRoot.K[0])
    assert str(logo.Alt) == "Ministerie van Volksgezondheid, Welzijn en Sport"


def test_the_first_page_reads_address_date_subject_sender_then_the_letter(pdf):
    texts = [entry.text for entry in tagged_text(pdf) if entry.page == 1 and entry.text.strip()]
    order = ["> Retouradres", "De Voorzitter van de Tweede Kamer", "Datum", "18\u00a0december 2020",
             "Betreft", "Voortgangsbrief drugsbeleid", "Ministerie van Volksgezondheid,",
             "Kenmerk", "1781234-213567-VGP", "Geachte voorzitter,", "Het afgelopen jaar"]
    positions = [next(i for i, text in enumerate(texts) if text.startswith(words))
                 for words in order]
    assert positions == sorted(positions)


def test_footnotes_are_read_after_the_text_of_their_page(pdf):
    tagged = [entry for entry in tagged_text(pdf) if entry.text.strip()]
    note = next(i for i, entry in enumerate(tagged)
                if entry.text.strip() == "Kamerstuk\u00a024\u00a0077, nr.\u00a0456")
    call_page = tagged[note].page
    assert all(entry.page == call_page for entry in tagged[note:note + 1])
    # The body of that page comes first, then its footnote.
    assert any(entry.page == call_page and "coronapandemie" in entry.text
               for entry in tagged[:note])
    assert tagged[note].block not in ("/P", "/H2", "/H3")


def test_the_untagged_render_for_the_benchmark_has_no_tags():
    document = opened(render_letter_pdf(content(), draft=False, tagged=False))
    root = document.Root
    assert "/StructTreeRoot" not in root and "/MarkInfo" not in root


def test_the_configured_logo_and_house_font_are_used(settings, tmp_path):
    """The letterhead is configuration: another logo file and another font's files."""
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 30">'
                    '<rect width="10" height="30" fill="#123456"/></svg>')
    fonts = {}
    for style, name in (("regular", "DejaVuSerif.ttf"), ("bold", "DejaVuSerif-Bold.ttf")):
        fonts[style] = tmp_path / name
        shutil.copy(f"/usr/share/fonts/truetype/dejavu/{name}", fonts[style])
    settings.LETTERHEAD = {**settings.LETTERHEAD, "logo": logo, "font_family": "Huisletter",
                           "font_files": fonts}
    pdf = render_letter_pdf(content(), draft=False)
    document = opened(pdf)
    names = set()
    for page in document.pages:
        names |= {str(f.get("/BaseFont")) for f in page.Resources.get("/Font", {}).values()}
    # WeasyPrint names an embedded font after the family it was loaded as: only the house font.
    assert names and all("Huisletter" in name for name in names), names
    assert unembedded_fonts(pdf) == set()
    assert logo_drawn(document), "the configured logo's colour is not on page 1"


def logo_drawn(document):
    """The configured logo's colour (#123456) is painted on page 1."""
    page = document.pages[0]
    streams = [page.Contents.read_bytes()] if not isinstance(page.Contents, pikepdf.Array) \
        else [part.read_bytes() for part in page.Contents]

    def xobjects(resources):
        for xobject in resources.get("/XObject", {}).values():
            yield xobject.read_bytes()
            yield from xobjects(xobject.get("/Resources", {}))

    streams += list(xobjects(page.Resources))
    return any(b"0.070588" in stream and b"0.203922" in stream for stream in streams)
