"""References to parliamentary papers in free Dutch text ("Kamerstuk 24 077, nr. 450").

The conventions are those of DESIGN.md, "References to parliamentary papers", both tables: the
citations of letters and footnotes, and the ways real texts write them ("(Kamerstuk 28676-500)" in
the Kamer's own open data, a footnote number glued on by PDF copying, "vergaderjaar", Eerste Kamer
letters, Rijkswet numbers, "stuk nr.", "nr. 42e"). A reference is only recognised after the word
that names its kind (Kamerstuk, Handelingen, Aanhangsel): a bare number is never one. Each
reference has an `ident`, the document identifier of officielebekendmakingen.nl, which is also
what makes two citations of the same paper the same document; the ident itself and its address
are recognised too, as a clerk types or pastes them (`reference_from_input`).

A two-part hyphen form ("(Kamerstuk 21501-20)") names a sub-dossier when its dossier is one known
to have sub-dossiers (`SUB_DOSSIERS`, with its source), and a paper otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "SUB_DOSSIERS", "Reference", "format_dossier", "kamer_document_number", "parse_references",
    "reference_from_input",
]

BASE_URL = "https://zoek.officielebekendmakingen.nl/"

# Dossiers split into numbered sub-dossiers, where "21501-20" is the sub-dossier (the Raad voor
# Economische en Financiële Zaken) and not paper 20 of dossier 21501. Source: DESIGN.md
# "References to parliamentary papers" (21501, 31288); 21501 "Raad van de Europese Unie" has its
# sub-dossiers 21501-02 to 21501-38, one per Council formation, as the Kamer's dossier list shows.
SUB_DOSSIERS = frozenset({"21501", "31288"})

# Whitespace inside a citation may be a line break (wrapped text) or a non-breaking space; Python's
# \s covers both. It is matched possessively (\s*+): several optional runs of whitespace in a row
# would otherwise try every way to split a long run between them, which takes minutes.
# Digits are spelled [0-9], since \d also matches other scripts' digits.
# A word that starts a citation may have a footnote number glued before it ("1Kamerstukken"), but
# no letter: "Kamerstuk" is not found inside "Tweede-Kamerstukken".
_START = r"(?<![^\W\d_])"
_DOSSIER = (
    r"(?P<dossier>[0-9]{1,3}\s?[0-9]{3}|[0-9]{4,6})(?![0-9])"
    # A Rijkswet number: "34 356 (R2064)".
    r"(?:\s*+\((?P<rijkswet>R[0-9]{3,4})\))?"
    # A budget chapter (XVI, IIA), a letter (35 300 A) or a sub-dossier (21 501-20) may follow.
    r"(?:(?:\s*+[-–]\s*+|\s++)(?P<suffix>[IVXL]+[AB]?|[A-Z]{1,2})\b(?![-–])"
    r"|\s*+[-–]\s*+(?P<subnumber>[0-9]{1,3})(?![0-9]))?"
)
_PARLIAMENTARY_YEAR = (
    r"(?:(?i:vergaderjaar)\s++)?"
    r"(?P<year>(?:19|20)[0-9]{2})\s*+(?:/|[-–])\s*+(?:[0-9]{4}|[0-9]{2})(?![0-9])"
)
# "450", "42e" (a letter after the number belongs to it)
_NUMBER = r"[0-9]{1,4}(?:[a-z](?![a-z]))?(?![0-9])"
_NR = r"(?i:(?:stuk\s++)?nr\.?|nummer|no\.)"
_KAMERSTUK = re.compile(
    rf"{_START}(?i:kamerstuk(?:ken)?|kamerst\.|kst\.)"
    r"(?:\s*+,?\s*+(?P<chamber>II|I)\b)?"
    rf"(?:\s*+,?\s*+{_PARLIAMENTARY_YEAR})?\s*+,?\s*+"
    # The Kamer's own notation: "(Kamerstuk 28676-500)", "21501-02-3120", "36740-VIII-2".
    r"(?:(?P<hdossier>[0-9]{4,6})[-–](?:(?P<hsub>[0-9]{1,3}|[IVXL]+[AB]?|[A-Z]{1,2})[-–])?"
    r"(?P<hnumber>[0-9]{1,4}[a-z]?)(?![0-9A-Za-z]|[-–][0-9A-Za-z])"
    r"(?!\s*+,?\s*+(?i:nrs?\b|nummers?\b|stuk\b))"
    rf"|{_DOSSIER}"
    rf"(?:\s*+,?\s*+(?i:nrs\.?|nummers)\s*+"
    rf"(?P<numbers>{_NUMBER}(?:\s*+(?:,|\ben\b|&)\s*+{_NUMBER})*)"
    rf"|\s*+,?\s*+{_NR}\s*+(?P<number>{_NUMBER}|[A-Z]{{1,3}}\b(?![-–'’]))"
    # Eerste Kamer papers are lettered: "Kamerstukken I 2020/21, 35 570, A".
    r"|\s*+,\s*+(?P<letter>[A-Z]{1,3})\b(?![-–'’])))"
)
_HANDELINGEN = re.compile(
    rf"{_START}(?:(?P<appendix>(?i:aanhangsel|aanh\.))\s++(?:(?i:van\s++de|bij\s++de)\s++)?)?"
    r"(?i:handelingen|hand\.)"
    r"(?:\s++(?P<chamber>II|I)\b)?"
    rf"\s*+,?\s*+{_PARLIAMENTARY_YEAR}\s*+,?\s*+"
    # "Handelingen II, 1995-1996, 24 692, nr. 3" cites Kamerstuk 3 of dossier 24 692, unless a
    # page follows: then it is the Handelingen of sitting 3.
    r"(?:(?P<dossier>[0-9]{1,3}\s[0-9]{3}|[0-9]{4,6})\s*+,\s*+(?=(?i:nr)))?"
    rf"(?:(?i:nr\.?|nummer)\s*+)?(?P<number>[0-9]{{1,4}})(?![0-9])"
    r"(?:\s*+,?\s*+(?i:item)\s++(?P<item>[0-9]{1,3})(?![0-9]))?"
    r"(?:\s*+,?\s*+(?i:pag\.|blz\.|p\.)\s*+(?P<page>[0-9]{1,5}))?"
)
# An ident as officielebekendmakingen.nl writes it, alone or in its address.
_IDENT = re.compile(
    r"(?<![\w-])(?:(?P<kst>(?i:kst))-(?P<idossier>[0-9]{4,6}(?:-(?:[0-9]{1,3}|[IVXL]+[AB]?|[A-Z]{1,2}"
    r"|\(R[0-9]{3,4}\)))?)-(?P<inumber>[0-9]{1,4}[a-z]?|[A-Z]{1,3})"
    r"|(?P<hkind>(?i:ah|h))-(?P<house>(?i:tk|ek))-(?P<y1>(?:19|20)[0-9]{2})(?P<y2>(?:19|20)[0-9]{2})"
    r"-(?P<hnr>[0-9]{1,4})(?:-(?P<hitem>[0-9]{1,3}))?)"
    r"(?![\w-])(?:\.html|\.pdf)?"
)
_SPLIT_NUMBERS = re.compile(_NUMBER)


@dataclass(frozen=True)
class Reference:
    kind: str  # "kamerstuk", "handelingen" or "aanhangsel"
    dossier: str | None  # "24077", "35570-XVI"; None for Handelingen
    number: str  # "450"; a letter ("A") for Eerste Kamer papers
    year: str | None = None  # parliamentary year "2019/20"
    chamber: str = "II"  # "II" Tweede Kamer, "I" Eerste Kamer
    item: str | None = None  # the agenda item within a sitting's Handelingen

    def __str__(self) -> str:
        """The citation as the Kamer writes it."""
        chamber_year = " ".join(part for part in (self.chamber, self.year) if part)
        if self.kind == "kamerstuk":
            number = self.number if self.number.isalpha() else f"nr. {self.number}"
            if self.year or self.chamber == "I":
                return f"Kamerstukken {chamber_year}, {format_dossier(self.dossier)}, {number}"
            return f"Kamerstuk {format_dossier(self.dossier)}, {number}"
        text = f"Handelingen {chamber_year}, nr. {self.number}"
        if self.item:
            text += f", item {self.item}"
        return f"Aanhangsel {text}" if self.kind == "aanhangsel" else text

    @property
    def ident(self) -> str:
        """The identifier on officielebekendmakingen.nl: kst-24077-450, h-tk-20192020-38-5."""
        if self.kind == "kamerstuk":
            return f"kst-{self.dossier}-{self.number}"
        house = "tk" if self.chamber == "II" else "ek"
        first = int((self.year or "0")[:4])
        parts = ["ah" if self.kind == "aanhangsel" else "h", house, f"{first}{first + 1}"]
        parts += [self.number] + ([self.item] if self.item else [])
        return "-".join(parts)

    @property
    def url(self) -> str:
        return BASE_URL + self.ident


def format_dossier(dossier: str | None) -> str:
    """The dossier as the Kamer prints it: "35570-XVI" -> "35 570 XVI". Thousands and a budget
    chapter or letter are set apart by a space, a sub-dossier ("21501-20") by a hyphen."""
    number, _, suffix = (dossier or "").partition("-")
    grouped = f"{number[:-3]} {number[-3:]}" if len(number) > 3 else number
    if not suffix:
        return grouped
    return f"{grouped}-{suffix}" if suffix.isdigit() else f"{grouped} {suffix}"


def _year(first: str | None) -> str | None:
    """The parliamentary year as "2019/20", also when written "2019/2020" or "2019-2020"."""
    if not first:
        return None
    return f"{first}/{(int(first) + 1) % 100:02d}"


def _kamerstukken(m: re.Match[str]) -> list[Reference]:
    year, chamber = _year(m["year"]), m["chamber"] or "II"
    if m["hdossier"]:
        if not m["hsub"] and m["hdossier"] in SUB_DOSSIERS:
            return []  # "(Kamerstuk 21501-20)": the sub-dossier, no paper
        dossier = m["hdossier"] + (f"-{m['hsub']}" if m["hsub"] else "")
        return [Reference("kamerstuk", dossier, m["hnumber"], year, chamber)]
    dossier = re.sub(r"\s", "", m["dossier"])
    if m["rijkswet"]:
        dossier = f"{dossier}-({m['rijkswet']})"
    suffix = m["suffix"] or m["subnumber"]
    if suffix:
        dossier = f"{dossier}-{suffix}"
    # "nrs. 450, 453 en 457" cites three papers.
    numbers = _SPLIT_NUMBERS.findall(m["numbers"]) if m["numbers"] else [m["number"] or m["letter"]]
    return [Reference("kamerstuk", dossier, n, year, chamber) for n in numbers]


def _handelingen(m: re.Match[str]) -> list[Reference]:
    chamber, year = m["chamber"] or "II", _year(m["year"])
    if m["dossier"] and not m["page"]:
        return [Reference("kamerstuk", re.sub(r"\s", "", m["dossier"]), m["number"], year, chamber)]
    kind = "aanhangsel" if m["appendix"] else "handelingen"
    return [Reference(kind, None, m["number"], year, chamber, m["item"])]


def _ident(m: re.Match[str]) -> list[Reference]:
    if m["kst"]:
        return [Reference("kamerstuk", m["idossier"], m["inumber"])]
    kind = "aanhangsel" if m["hkind"].lower() == "ah" else "handelingen"
    if int(m["y2"]) != int(m["y1"]) + 1:
        return []
    chamber = "II" if m["house"].lower() == "tk" else "I"
    return [Reference(kind, None, m["hnr"], _year(m["y1"]), chamber, m["hitem"])]


def parse_references(text: str) -> list[Reference]:
    """Every reference in `text`, in order of appearance; a paper cited twice appears twice."""
    if not isinstance(text, str):
        return []
    found = [(m.start(), _kamerstukken(m)) for m in _KAMERSTUK.finditer(text)]
    found += [(m.start(), _handelingen(m)) for m in _HANDELINGEN.finditer(text)]
    if "-" in text:
        found += [(m.start(), _ident(m)) for m in _IDENT.finditer(text)]
    found.sort(key=lambda item: item[0])
    return [reference for _, references in found for reference in references]


_ADDRESS = re.compile(r"^\s*(?:https?://)?(?:zoek\.)?officielebekendmakingen\.nl/", re.IGNORECASE)
# An address on tweedekamer.nl (".../brieven_regering/detail?id=2020Z24162&did=2020D51587") names
# the Kamer's own document number, not the Kamerstuk: the dossier and number are not in it.
_KAMER_ADDRESS = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)*tweedekamer\.nl(?:[/?#]|$)",
                            re.IGNORECASE)
_KAMER_DOCUMENT_NUMBER = re.compile(r"(?:19|20)[0-9]{2}D[0-9]{5}", re.IGNORECASE)
# What a clerk types into a document field beyond the forms of running text (the whole field is
# one reference, so these are no guess there): the citation without its word or with another
# ("24 077, nr. 480", "Kst 24077 nr 480", "TK 24 077-480"), and the dossier's thousands set apart
# by a space or a dot before a hyphen ("24 077-480", "24.077 nr 480").
_TYPED_WORD = re.compile(r"^(?i:kamerstuk(?:ken)?|kst|tk|tweede\s++kamer)\b\.?\s*+,?\s*+")
_TYPED_THOUSANDS = re.compile(r"^([0-9]{1,3})[\s.]([0-9]{3})(?![0-9])")
_TYPED_AROUND = "()[]{}'\"‘’“”.,;:!? \t\r\n\xa0\u202f"
_TYPED_DOSSIER = re.compile(r"[0-9]{5}(?:\s*+[-–]\s*+(?:[0-9]{1,3}|[IVXL]+[AB]?|[A-Z]{1,2}))?",
                            re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
EXAMPLE = "Kamerstuk 24 077, nr. 468"


def kamer_document_number(value: str) -> str | None:
    """The Tweede Kamer's own document number ("2020D51587") in what a clerk pasted: an address
    on tweedekamer.nl (its `did`, or its `id` when that names a document and not a case), or the
    number alone. None for anything else."""
    text = (value or "").strip()
    if _KAMER_DOCUMENT_NUMBER.fullmatch(text):
        return text.upper()
    if not _KAMER_ADDRESS.match(text):
        return None
    query = parse_qs(urlsplit(text if "://" in text else f"https://{text}").query)
    for key in ("did", "id"):
        for number in query.get(key, []):
            if _KAMER_DOCUMENT_NUMBER.fullmatch(number.strip()):
                return number.strip().upper()
    return None


def _typed(text: str) -> tuple[str, list[Reference]]:
    """The field's text read as one Kamerstuk without its word ("24 077, nr. 480"), and what is
    left of it once its word and the punctuation around it are taken off."""
    rest = _TYPED_WORD.sub("", text.strip(_TYPED_AROUND), count=1)
    rest = _TYPED_THOUSANDS.sub(r"\1\2", rest, count=1)
    match = _KAMERSTUK.fullmatch(f"Kamerstuk {rest}")
    if not match or _YEAR.fullmatch(match["dossier"] or match["hdossier"] or ""):
        return rest, []  # "2020, nr. 12", "2019-2020": a year, not dossier 2020 of 1950
    return rest, _kamerstukken(match)


def reference_from_input(value: str) -> Reference:
    """The one reference a clerk typed or pasted into a field: a citation ("Kamerstuk 24 077,
    nr. 468", "Kst. 24 077, nr. 480", also without its word: "24 077, nr. 480", "24077-480"), an
    ident ("kst-24077-468") or its address on officielebekendmakingen.nl. Raises ValueError with a
    Dutch message otherwise, saying what was typed and what would be accepted. An address on
    tweedekamer.nl is refused here: the caller looks its document number up in the register first
    (register.forms), and only an unknown one comes here."""
    from django.utils.translation import gettext as _  # only here: the parser needs no Django

    text = (value or "").strip()
    references = parse_references(_ADDRESS.sub("", text))
    rest = text
    if not references and not _KAMER_ADDRESS.match(text):
        rest, references = _typed(text)
    if len(references) == 1:
        return references[0]
    if len(references) > 1:
        raise ValueError(_("Typ één verwijzing; in ‘%(text)s’ staan er meer.") % {"text": text})
    number = kamer_document_number(text)
    if number:
        raise ValueError(_(
            "‘%(text)s’ noemt alleen het documentnummer van de Tweede Kamer (%(number)s), niet "
            "het Kamerstuk, en het register kent geen document met dat nummer. Typ het "
            "Kamerstuknummer dat bovenaan het document staat, bijvoorbeeld ‘%(example)s’.")
            % {"text": text, "number": number, "example": EXAMPLE})
    if _KAMER_ADDRESS.match(text):
        raise ValueError(_(
            "Uit het adres ‘%(text)s’ blijkt niet welk Kamerstuk het is. Typ het Kamerstuknummer "
            "dat bovenaan het document staat, bijvoorbeeld ‘%(example)s’.")
            % {"text": text, "example": EXAMPLE})
    dossier = _TYPED_DOSSIER.fullmatch(rest)
    if dossier:
        raise ValueError(_(
            "‘%(text)s’ is een dossier, geen Kamerstuk: typ ook het nummer van het stuk, "
            "bijvoorbeeld ‘%(example)s’.") % {"text": text, "example": EXAMPLE})
    raise ValueError(_("Geen verwijzing herkend in ‘%(text)s’. Schrijf bijvoorbeeld ‘Kamerstuk "
                       "24 077, nr. 468’ of ‘Handelingen II 2019/20, nr. 38, item 5’.")
                     % {"text": text})
