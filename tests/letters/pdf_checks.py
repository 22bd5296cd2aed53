"""Reading a letter's PDF the way an accessibility checker does, with pikepdf: the structure
tree (tags), the text of each tag in the order of the tree (its reading order), fonts, and the
XMP metadata. WeasyPrint writes text as two-byte glyph codes with a ToUnicode map per font."""

import io
import re
from typing import NamedTuple

import pikepdf

INLINE = ("/Span", "/NonStruct", "/Link")


class Tagged(NamedTuple):
    """A stretch of text as the structure tree has it: its block (the nearest tag that is not
    inline: /P, /H2, /TD …), its page and its text."""

    block: str
    page: int
    text: str

_BFCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")


def _unicode_map(font):
    """{glyph code: text} from the font's ToUnicode CMap (bfchar entries, as WeasyPrint
    writes them)."""
    mapping = {}
    stream = font.get("/ToUnicode")
    if stream is None:
        return mapping
    data = stream.read_bytes()
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in _BFCHAR.findall(block):
            mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    return mapping


def _decode(raw, mapping):
    return "".join(mapping.get(int.from_bytes(raw[i:i + 2], "big"), "")
                   for i in range(0, len(raw) - 1, 2))


def mcid_texts(page):
    """{MCID: text} of one page's marked content."""
    fonts = {name: _unicode_map(font) for name, font in page.Resources.get("/Font", {}).items()}
    texts, stack, mapping = {}, [], {}
    for instruction in pikepdf.parse_content_stream(page):
        operator, operands = str(instruction.operator), instruction.operands
        if operator == "BDC":
            properties = operands[1]
            stack.append(int(properties.MCID) if isinstance(properties, pikepdf.Dictionary)
                         and "/MCID" in properties else None)
        elif operator == "BMC":
            stack.append(None)
        elif operator == "EMC" and stack:
            stack.pop()
        elif operator == "Tf":
            mapping = fonts.get(str(operands[0]), {})
        elif operator in ("Tj", "TJ") and stack and stack[-1] is not None:
            parts = operands[0] if operator == "TJ" else [operands[0]]
            text = "".join(_decode(bytes(part), mapping) for part in parts
                           if isinstance(part, pikepdf.String))
            texts[stack[-1]] = texts.get(stack[-1], "") + text
    return texts


def tagged_text(pdf_bytes):
    """[Tagged] of every tag that holds text, in the order of the structure tree: what a screen
    reader reads, in that order."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    pages = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
    texts = {number: mcid_texts(page) for number, page in enumerate(pdf.pages, 1)}
    found = []

    def walk(element, page, block):
        if "/Pg" in element:
            page = pages.get(element.Pg.objgen, page)
        if str(element.S) not in INLINE:
            block = str(element.S)
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, int):
                found.append(Tagged(block, page, texts[page].get(kid, "")))
            elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, page, block)

    walk(pdf.Root.StructTreeRoot.K[0], 1, "/Document")
    return found


def structure_tags(pdf_bytes):
    """Every tag of the structure tree, depth first."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    tags = []

    def walk(element):
        tags.append(str(element.S))
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid)

    walk(pdf.Root.StructTreeRoot.K[0])
    return tags


def unembedded_fonts(pdf_bytes):
    """The names of the fonts whose program is not in the file."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    missing = set()
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get("/FontDescriptor")
                if descriptor is None or not any(
                        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.add(str(descendant.get("/BaseFont")))
    return missing


def xmp(pdf_bytes):
    """The XMP metadata as {qualified name: value}."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    with pdf.open_metadata() as meta:
        return dict(meta)
