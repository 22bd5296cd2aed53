"""The Kamer's JSON read one record at a time: a file of 90 MB, or a page as the service sends it.

`json.loads` of a whole export holds the text and every record at once (a 90 MB file peaked at
1.2 GB). Here the text is read in chunks and each record is decoded on its own with the standard
library's `JSONDecoder.raw_decode`, so memory holds one chunk and one record, and everything the
standard parser says still holds: the same numbers (NaN, 1e400 and integers past Python's 4300
digits reach the importers' checks as before), the same messages with line and column, the same
refusal of nesting that is too deep.

The shapes are those the service answers and people save (DESIGN.md "Exchange formats"): a page
`{"@odata.context": …, "value": [...], "@odata.nextLink": …}`, a bare list of records, or one
entity as `GET …/Toezegging(<id>)` answers it.
"""

from __future__ import annotations

import codecs
import json
import sys

from commitments.tk_import.reading import FileRefused, Issue, check_size

READ_SIZE = 1 << 16
# A decoding error this close to the end of what has been read may be the chunk boundary.
NEAR_END = 64
# Text already decoded is let go once this much of it lies behind the current record.
KEEP = 1 << 20
SHAPE = "verwacht een OData-antwoord {\"value\": [...]} of een lijst van records"
WHITESPACE = " \t\n\r"
_decoder = json.JSONDecoder()


class JsonRecords:
    """The records of one JSON document read from `chunks` (an iterable of bytes).

    Iterating gives each record as `json` decodes it; `FileRefused` says why the document is no
    usable JSON, in the words the file imports print. Afterwards `next_link` holds the page's
    `@odata.nextLink` (None on the last page or in a list).
    """

    def __init__(self, chunks, name):
        self.chunks = iter(chunks)
        self.name = name
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text, self.pos, self.eof = "", 0, False
        # Where text[0] stands in the document, for messages: lines and columns before it.
        self.lines_before, self.column_before = 0, 0
        self.newline_bytes = 0
        self.next_link = None

    # --- The shapes ------------------------------------------------------------------------------

    def __iter__(self):
        first = self.skip_whitespace()
        if first == "":
            self.refuse("het bestand is leeg")
        if first == "[":
            self.pos += 1
            yield from self.items()
        elif first == "{":
            yield from self.page()
        else:
            self.value()  # the parser's own message, or the shape is wrong
            self.refuse(SHAPE)
        if self.skip_whitespace() != "":
            self.refuse_at("Extra data", self.pos)

    def items(self):
        """The values of an array whose "[" has been read, up to and with its "]"."""
        if self.skip_whitespace() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            following = self.skip_whitespace()
            self.pos += 1
            if following == "]":
                return
            if following != ",":
                self.pos -= 1
                self.refuse_at("Expecting ',' delimiter", self.pos)

    def page(self):
        """An object: its "value" array item by item; any other member kept (small: the
        context, the next link, or the fields of a single entity)."""
        self.pos += 1
        members, found = {}, False
        if self.skip_whitespace() == "}":
            self.pos += 1
            self.refuse(SHAPE)
        while True:
            if self.skip_whitespace() != '"':
                self.refuse_at("Expecting property name enclosed in double quotes", self.pos)
            key = self.value()
            if self.skip_whitespace() != ":":
                self.refuse_at("Expecting ':' delimiter", self.pos)
            self.pos += 1
            if key == "value" and self.skip_whitespace() == "[":
                self.pos += 1
                found = True
                yield from self.items()
            else:
                members[key] = self.value()
            following = self.skip_whitespace()
            self.pos += 1
            if following == "}":
                break
            if following != ",":
                self.pos -= 1
                self.refuse_at("Expecting ',' delimiter", self.pos)
        link = members.get("@odata.nextLink")
        self.next_link = link if isinstance(link, str) and link else None
        if not found:
            if "value" in members or "Id" not in members:
                self.refuse(SHAPE)
            yield members  # one entity, as GET …/Toezegging(<id>) answers

    # --- Reading and decoding --------------------------------------------------------------------

    def value(self):
        """The JSON value at the current position, decoded by the standard parser."""
        self.skip_whitespace()
        while True:
            try:
                value, end = _decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                # Perhaps only the chunk ended here; read on and try again.
                if not self.eof and (error.pos >= len(self.text) - NEAR_END
                                     or error.msg.startswith("Unterminated string")):
                    self.more(len(self.text) - self.pos)
                    continue
                if self.eof and (error.pos >= len(self.text.rstrip())
                                 or error.msg.startswith("Unterminated string")):
                    self.refuse_truncated()
                self.refuse_at(error.msg, error.pos)
            except RecursionError:
                self.refuse("geen bruikbare JSON: te diep genest")
            except ValueError:  # an integer past Python's limit of digits
                self.refuse(f"een getal van meer dan {sys.get_int_max_str_digits()} cijfers; "
                            f"zo'n getal staat niet in de open data van de Kamer")
            if end >= len(self.text) and not self.eof:
                self.more(len(self.text) - self.pos)  # a number may go on in the next chunk
                continue
            self.pos = end
            self.let_go()
            return value

    def skip_whitespace(self):
        """The character at the first non-whitespace position ("" at the end)."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in WHITESPACE:
                pos += 1
            self.pos = pos
            if pos < len(text):
                return text[pos]
            if self.eof:
                return ""
            self.more(0)

    def more(self, at_least):
        """Read on: at least `at_least` more characters where the text allows (so that a long
        record is read in a few steps, not one chunk at a time)."""
        wanted, added = max(at_least, READ_SIZE), 0
        while added < wanted and not self.eof:
            chunk = next(self.chunks, None)
            try:
                if chunk is None:
                    text = self.decoder.decode(b"", final=True)
                    self.eof = True
                else:
                    text = self.decoder.decode(chunk)
            except UnicodeDecodeError as error:
                line = self.newline_bytes + error.object.count(b"\n", 0, error.start) + 1
                self.refuse(f"het bestand is niet in UTF-8 gecodeerd (byte "
                            f"0x{error.object[error.start]:02X} op regel {line}); de open data "
                            f"van de Kamer is UTF-8, sla het bestand zo op")
            if chunk:
                self.newline_bytes += chunk.count(b"\n")
            self.text += text
            added += len(text)

    def let_go(self):
        if self.pos < KEEP:
            return
        dropped = self.text[:self.pos]
        newlines = dropped.count("\n")
        if newlines:
            self.lines_before += newlines
            self.column_before = len(dropped) - dropped.rfind("\n") - 1
        else:
            self.column_before += len(dropped)
        self.text, self.pos = self.text[self.pos:], 0

    # --- Messages --------------------------------------------------------------------------------

    def place(self, pos):
        """(line, column) of position `pos` of the text, counted from the start of the document."""
        newlines = self.text.count("\n", 0, pos)
        if newlines:
            return self.lines_before + newlines + 1, pos - self.text.rfind("\n", 0, pos)
        return self.lines_before + 1, self.column_before + pos + 1

    def refuse(self, message):
        raise FileRefused(Issue(self.name, message))

    def refuse_at(self, message, pos):
        if self.eof and pos >= len(self.text.rstrip()):
            self.refuse_truncated()
        line, column = self.place(pos)
        self.refuse(f"geen geldige JSON: {message} op regel {line}, kolom {column}")

    def refuse_truncated(self):
        line, _column = self.place(len(self.text.rstrip()))
        self.refuse(f"het bestand houdt midden in de JSON op (regel {line}); is het bij het "
                    f"downloaden afgebroken?")


def file_chunks(handle, size=READ_SIZE):
    """The bytes of an open binary file, chunk by chunk."""
    while chunk := handle.read(size):
        yield chunk


def file_records(path, *, max_bytes):
    """The records of the JSON file at `path`, one at a time; FileRefused says why not (the
    size is checked before a byte is read)."""
    check_size(path, max_bytes)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise FileRefused(Issue(path.name, f"kan het bestand niet lezen ({error.strerror})")) \
            from None
    with handle:
        yield from JsonRecords(file_chunks(handle), path.name)


def read_records(path, *, max_bytes):
    """All records of one file as a list (for a small file; the imports stream)."""
    return list(file_records(path, max_bytes=max_bytes))
