"""The small markup letter staff type, rendered to safe HTML.

Blocks are separated by blank lines; a single newline inside a block is a space.

    ### Sub-heading
    Running text, with a reference (Kamerstuk 24 077, nr. 450) and a footnote.[^Kamerstuk 24 077,
    nr. 456]

    - a bullet; a line without a marker continues the bullet above
    • the bullet sign of the Kamerstukken works too

    Tabel 1. The caption, on the line just above the table
    | | Q2 2019 | Q3 2019
    | MDMA | 39,7 | 42,0

Nothing typed becomes markup: all text is escaped, and the only links are those to parliamentary
papers recognised by `register.references`. Footnotes are numbered through the whole letter, so
one `Footnotes` collector is passed to every body of a letter, in the order they are printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from register.references import Reference, parse_references

__all__ = ["Block", "Footnotes", "blocks", "inline_parts", "is_numeric", "numeric_columns",
           "plain_text", "render_inline", "render_markup", "tie"]

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_HEADING = re.compile(r"^###\s+(?P<title>\S.*)$")
_BULLET = re.compile(r"^[-•]\s+(?P<text>.*)$")
_CAPTION = re.compile(r"^Tabel\s")
# A footnote holds no brackets, so a stray "[^" is text and does not swallow the next note.
_FOOTNOTE = re.compile(r"\[\^(?P<text>[^\[\]]+)\]")
_SPACES = re.compile(r"\s+")
# A cell is numeric when it is a number, optionally with a sign, comparison or percent sign:
# "39,7", "6.629", "<1%", "−2".
_NUMERIC = re.compile(r"^[<>≈~±+\-−–]?\s*[0-9][0-9.,\u00a0 ]*\s*%?$")
# A markdown-style rule row ("|---|:--:|") separates the header in tables pasted from elsewhere.
_RULE_CELL = re.compile(r"^:?-{3,}:?$")
# Where a citation may begin: the words that name a kind of paper (see register.references).
_CITATION_START = re.compile(
    r"\b(?:(?:aanhangsel|aanh\.)\s+(?:(?:van|bij)\s+de\s+)?)?"
    r"(?:kamerstuk(?:ken)?|kamerst\.|handelingen|hand\.)",
    re.IGNORECASE,
)
_CITATION_MAX_CHARS = 160
_DIGITS = re.compile(r"[0-9]+")
# Tables up to this many rows are kept on one page.
KEEP_TOGETHER_ROWS = 12

NBSP = "\u00a0"
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
# Word pairs that must not break across lines (DESIGN.md "Letters"): "nr. 453", "Kamerstuk 24 077",
# a dossier number's groups "24 077", "26 november", "item 5", "Handelingen II".
_TIES = re.compile(
    r"(?<=\bnr\.) (?=[0-9A-Z])|(?<=\bnrs\.) (?=[0-9])"
    r"|(?<=\b[Kk]amerstuk) (?=[0-9])|(?<=\b[Kk]amerstukken) (?=[IV0-9])"
    r"|(?<=\b[Kk]amerstukdossier) (?=[0-9])|(?<=\bHandelingen) (?=II?\b)"
    r"|(?<=\bitem) (?=[0-9])|(?<=\bpag\.) (?=[0-9])"
    r"|(?<=\b[0-9]{2}) (?=[0-9]{3}\b)"
    rf"|(?<=\b[0-9]) (?=(?:{_MONTHS})\b)|(?<=\b[0-9]{{2}}) (?=(?:{_MONTHS})\b)"
)


def tie(text: str) -> str:
    """`text` with no-break spaces where a line must not break (see _TIES)."""
    return _TIES.sub(NBSP, text)


@dataclass
class Footnotes:
    """Collects the footnotes and cited papers of one letter, across all its bodies.

    `inline` footnotes (the PDF) put the note's text at its call, where the print stylesheet
    floats it to the foot of the page; otherwise (the HTML preview) the call is a numbered link
    and the notes are listed by the caller from `notes`.
    """

    inline: bool = True
    links: bool = True
    notes: list[tuple[int, SafeString]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def add(self, note_html: SafeString) -> SafeString:
        """Register a footnote and return the HTML that stands at its call."""
        number = len(self.notes) + 1
        self.notes.append((number, note_html))
        if self.inline:
            return format_html('<span class="footnote">{}</span>', note_html)
        return format_html(
            '<sup class="footnote-ref" id="voetnootref-{0}"><a href="#voetnoot-{0}">{0}</a></sup>',
            number,
        )


# --- Blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str  # "p", "h3", "ul" or "table"
    lines: tuple[str, ...] = ()  # paragraph and heading: one line; list: one line per item
    rows: tuple[tuple[str, ...], ...] = ()
    caption: str = ""

    @property
    def padded_rows(self) -> list[tuple[str, ...]]:
        """The table's rows, each as wide as the widest."""
        width = max(len(row) for row in self.rows)
        return [row + ("",) * (width - len(row)) for row in self.rows]


def _is_row(line: str) -> bool:
    return line.startswith("|")


def _starts_block(line: str) -> bool:
    return bool(_HEADING.match(line) or _is_row(line) or _BULLET.match(line))


def _split_row(line: str) -> tuple[str, ...]:
    cells = line.strip().removeprefix("|")
    # A trailing bar closes the row ("| a | b |"); it does not start an empty cell.
    cells = cells.removesuffix("|") if cells.endswith("|") else cells
    return tuple(cell.strip() for cell in cells.split("|"))


def _table(lines: list[str], i: int, caption: str) -> tuple[Block, int]:
    rows = []
    while i < len(lines) and _is_row(lines[i]):
        row = _split_row(lines[i])
        if not all(_RULE_CELL.match(cell) for cell in row):
            rows.append(row)
        i += 1
    return Block("table", rows=tuple(rows), caption=caption), i


def _bullets(lines: list[str], i: int) -> tuple[Block, int]:
    items: list[str] = []
    while i < len(lines) and not (_HEADING.match(lines[i]) or _is_row(lines[i])):
        bullet = _BULLET.match(lines[i])
        if bullet:
            items.append(bullet["text"])
        else:
            items[-1] += " " + lines[i]
        i += 1
    return Block("ul", lines=tuple(items)), i


def _text_lines(lines: list[str], i: int) -> int:
    """The end of the run of plain text lines that starts at `i`."""
    i += 1
    while i < len(lines) and not _starts_block(lines[i]):
        i += 1
    return i


def _paragraph_and_table(lines: list[str], i: int) -> tuple[list[Block], int]:
    """Plain text lines; when a table follows, its caption is the text from the last line that
    starts with "Tabel " (a caption may wrap over several lines)."""
    end = _text_lines(lines, i)
    text = lines[i:end]
    captions = [k for k, line in enumerate(text) if _CAPTION.match(line)]
    if not (end < len(lines) and _is_row(lines[end]) and captions):
        return [Block("p", lines=(" ".join(text),))], end
    before = [Block("p", lines=(" ".join(text[: captions[-1]]),))] if captions[-1] else []
    table, end = _table(lines, end, caption=" ".join(text[captions[-1] :]))
    return [*before, table], end


def _blocks_of(lines: list[str]) -> Iterator[Block]:
    i = 0
    while i < len(lines):
        heading = _HEADING.match(lines[i])
        if heading:
            found, i = [Block("h3", lines=(heading["title"],))], i + 1
        elif _is_row(lines[i]):
            table, i = _table(lines, i, caption="")
            found = [table]
        elif _BULLET.match(lines[i]):
            bullets, i = _bullets(lines, i)
            found = [bullets]
        else:
            found, i = _paragraph_and_table(lines, i)
        yield from found


def blocks(text: str) -> Iterator[Block]:
    """The markup's blocks in order: paragraphs, sub-headings, lists and tables (the HTML
    below and the Word export, letters/word.py, read the same)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    previous = None
    for chunk in _BLANK_LINE.split(text):
        lines = [line.strip() for line in chunk.split("\n")]
        for block in _blocks_of([line for line in lines if line]):
            # Bullets typed with blank lines between them (as Word pastes them) are one list.
            if previous and previous.kind == block.kind == "ul":
                previous = Block("ul", lines=previous.lines + block.lines)
                continue
            if previous:
                yield previous
            previous = block
    if previous:
        yield previous


# --- Inline text: references and footnotes ---------------------------------------------------


def _citation_end(text: str, start: int, limit: int) -> tuple[int, list[Reference]]:
    """The end of the citation at `start` and the papers it cites; (start, []) if none.

    register.references gives the papers but not where they stand, so the end is found as the
    shortest stretch from `start` that parses to the same papers as the whole window.
    """
    found = parse_references(text[start:limit])
    if not found:
        return start, []
    low, high = start + 1, limit
    while low < high:
        middle = (low + high) // 2
        if parse_references(text[start:middle]) == found:
            high = middle
        else:
            low = middle + 1
    return low, found


def _citations(text: str) -> Iterator[tuple[int, int, list[Reference]]]:
    """Each citation in `text` as (start, end, papers), in order."""
    starts = [m.start() for m in _CITATION_START.finditer(text)]
    position = 0
    for index, start in enumerate(starts):
        if start < position:
            continue
        # A citation ends before the next one begins.
        limit = starts[index + 1] if index + 1 < len(starts) else len(text)
        end, found = _citation_end(text, start, min(limit, start + _CITATION_MAX_CHARS))
        if found:
            yield start, end, found
            position = end


def _link(text: str, reference: Reference) -> SafeString:
    return format_html(
        '<a class="reference" href="{}" title="{}">{}</a>', reference.url, str(reference), text
    )


def _linked_citation(citation: str, found: list[Reference]) -> SafeString:
    """One link per paper: "Kamerstukken 24 077, nrs. 450 en 457" links 450 and 457 apart."""
    numbers = list(_DIGITS.finditer(citation))[-len(found) :]
    if len(found) == 1 or [m[0] for m in numbers] != [r.number for r in found]:
        return _link(citation, found[0])
    parts = [_link(citation[: numbers[0].end()], found[0])]
    for previous, number, reference in zip(numbers, numbers[1:], found[1:], strict=False):
        parts += [escape(citation[previous.end() : number.start()]), _link(number[0], reference)]
    parts.append(escape(citation[numbers[-1].end() :]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or format_html


def _text_with_references(text: str, notes: Footnotes) -> SafeString:
    parts = []
    position = 0
    for start, end, found in _citations(text):
        notes.references.extend(found)
        parts.append(escape(tie(text[position:start])))
        citation = tie(text[start:end])
        parts.append(_linked_citation(citation, found) if notes.links else escape(citation))
        position = end
    parts.append(escape(tie(text[position:])))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or format_html


def inline_parts(text: str) -> list[tuple[str, bool]]:
    """One line of running text as its stretches in order: (text, False) for running text,
    (note, True) for each `[^…]` footnote; spaces collapsed."""
    text = _SPACES.sub(" ", text or "").strip()
    parts = []
    position = 0
    for m in _FOOTNOTE.finditer(text):
        parts += [(text[position : m.start()], False), (m["text"].strip(), True)]
        position = m.end()
    parts.append((text[position:], False))
    return parts


def render_inline(text: str, notes: Footnotes) -> SafeString:
    """One line of running text: escaped, papers linked, `[^…]` footnotes numbered."""
    parts = [notes.add(_text_with_references(part, notes)) if note
             else _text_with_references(part, notes) for part, note in inline_parts(text)]
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or format_html


# --- HTML ------------------------------------------------------------------------------------


def _cell(tag: str, text: str, numeric: bool, notes: Footnotes) -> SafeString:
    template = '<{0} class="num">{1}</{0}>' if numeric else "<{0}>{1}</{0}>"
    return format_html(template, tag, render_inline(text, notes))


def is_numeric(text: str) -> bool:
    """A table cell that is a number: it aligns at the right."""
    return bool(_NUMERIC.match(text))


def numeric_columns(rows: list[tuple[str, ...]], width: int) -> list[bool]:
    """Columns whose body cells are all numbers (or empty): their header aligns with them."""
    return [
        any(row[c] for row in rows) and all(is_numeric(row[c]) for row in rows if row[c])
        for c in range(width)
    ]


def _table_html(block: Block, notes: Footnotes) -> str:
    rows = block.padded_rows
    width = len(rows[0])
    caption = (
        format_html("<caption>{}</caption>", render_inline(block.caption, notes))
        if block.caption
        else ""
    )
    numeric = numeric_columns(rows[1:], width)
    head = "".join(
        _cell("th", text, num, notes) for text, num in zip(rows[0], numeric, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(_cell("td", text, is_numeric(text), notes) for text in row)
        + "</tr>"
        for row in rows[1:]
    )
    # A short table stays on one page (letter.css); a long one breaks, its header repeated.
    keep = " keep-together" if len(rows) <= KEEP_TOGETHER_ROWS else ""
    return (
        f'<table class="letter-table{keep}">{caption}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _block_html(block: Block, notes: Footnotes) -> str:
    if block.kind == "table":
        return _table_html(block, notes)
    if block.kind == "ul":
        items = "".join(format_html("<li>{}</li>", render_inline(i, notes)) for i in block.lines)
        return f"<ul>{items}</ul>"
    return format_html("<{0}>{1}</{0}>", block.kind, render_inline(block.lines[0], notes))


def render_markup(text: str, notes: Footnotes) -> SafeString:
    """The markup `text` as HTML; footnotes and cited papers are added to `notes`."""
    html = "\n".join(_block_html(block, notes) for block in blocks(text))
    return mark_safe(html)  # noqa: S308 - built only from escaped parts


# --- Plain text ------------------------------------------------------------------------------


def _plain_inline(text: str) -> str:
    text = _FOOTNOTE.sub(lambda m: f" ({m['text'].strip()})", text)
    return _SPACES.sub(" ", text).strip()


def _plain_block(block: Block) -> str:
    if block.kind == "table":
        rows = [" | ".join(_plain_inline(cell) for cell in row) for row in block.rows]
        return "\n".join(([_plain_inline(block.caption)] if block.caption else []) + rows)
    return "\n".join(_plain_inline(line) for line in block.lines)


def plain_text(text: str, *, headings: bool = True) -> str:
    """The markup without its marks, for exports and search: footnotes in parentheses at their
    call, list items and table rows one to a line, blocks separated by blank lines; without
    its sub-headings when `headings` is false."""
    return "\n\n".join(_plain_block(block) for block in blocks(text)
                        if headings or block.kind != "h3")
