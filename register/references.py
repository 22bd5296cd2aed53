"""References to parliamentary papers in free Dutch text ("Kamerstuk 24 077, nr. 450").

The conventions are those of DESIGN.md, "References to parliamentary papers". A reference is only
recognised after the word that names its kind (Kamerstuk, Handelingen, Aanhangsel): a bare number
is never one. Each reference has an `ident`, the document identifier of officielebekendmakingen.nl,
which is also what makes two citations of the same paper the same document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Reference", "format_dossier", "parse_references"]

BASE_URL = "https://zoek.officielebekendmakingen.nl/"

# Whitespace inside a citation may be a line break (wrapped text) or a non-breaking space; Python's
# \s covers both. It is matched possessively (\s*+): several optional runs of whitespace in a row
# would otherwise try every way to split a long run between them, which takes minutes.
# Digits are spelled [0-9], since \d also matches other scripts' digits.
_DOSSIER = (
    r"(?P<dossier>[0-9]{1,3}\s?[0-9]{3}|[0-9]{4,6})(?![0-9])"
    # A budget chapter (XVI, IIA), a letter (35 300 A) or a sub-dossier (21 501-20) may follow.
    r"(?:(?:\s*+[-–]\s*+|\s++)(?P<suffix>[IVXL]+[AB]?|[A-Z]{1,2})\b(?![-–])"
    r"|\s*+[-–]\s*+(?P<subnumber>[0-9]{1,3})(?![0-9]))?"
)
_PARLIAMENTARY_YEAR = r"(?P<year>(?:19|20)[0-9]{2})\s*+(?:/|[-–])\s*+(?:[0-9]{4}|[0-9]{2})(?![0-9])"
_NUMBER = r"[0-9]{1,4}(?![0-9])"
_KAMERSTUK = re.compile(
    r"\b(?i:kamerstuk(?:ken)?|kamerst\.)"
    r"(?:\s++(?P<chamber>II|I)\b)?"
    rf"(?:\s*+,?\s*+{_PARLIAMENTARY_YEAR})?\s*+,?\s*+"
    rf"{_DOSSIER}"
    r"(?:\s*+,?\s*+(?i:nrs\.?|nummers)\s*+"
    rf"(?P<numbers>{_NUMBER}(?:\s*+(?:,|\ben\b|&)\s*+{_NUMBER})*)"
    rf"|\s*+,?\s*+(?i:nr\.?|nummer|no\.)\s*+(?P<number>{_NUMBER})"
    # Eerste Kamer papers are lettered: "Kamerstukken I 2020/21, 35 570, A".
    r"|\s*+,\s*+(?P<letter>[A-Z]{1,3})\b(?![-–'’]))"
)
_HANDELINGEN = re.compile(
    r"\b(?:(?P<appendix>(?i:aanhangsel|aanh\.))\s++(?:(?i:van\s++de|bij\s++de)\s++)?)?"
    r"(?i:handelingen|hand\.)"
    r"(?:\s++(?P<chamber>II|I)\b)?"
    rf"\s*+,?\s*+{_PARLIAMENTARY_YEAR}\s*+,?\s*+"
    rf"(?:(?i:nr\.?|nummer)\s*+)?(?P<number>{_NUMBER})"
    r"(?:\s*+,?\s*+(?i:item)\s++(?P<item>[0-9]{1,3})(?![0-9]))?"
)
_SPLIT_NUMBERS = re.compile(rf"{_NUMBER}")


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

    def natural_key(self) -> tuple[str | None, ...]:
        """What makes two references the same paper (the year of a Kamerstuk does not)."""
        if self.kind == "kamerstuk":
            return (self.kind, self.dossier, self.number)
        return (self.kind, self.chamber, self.year, self.number, self.item)


def format_dossier(dossier: str | None) -> str:
    """The dossier as the Kamer prints it: "35570-XVI" -> "35 570 XVI". Thousands and a budget
    chapter or letter are set apart by a space, a sub-dossier ("21501-20") by a hyphen."""
    number, _, suffix = (dossier or "").partition("-")
    grouped = f"{number[:-3]} {number[-3:]}" if len(number) > 3 else number
    if not suffix:
        return grouped
    return f"{grouped}-{suffix}" if suffix.isdigit() else f"{grouped} {suffix}"


def _year(m: re.Match[str]) -> str:
    """The parliamentary year as "2019/20", also when written "2019/2020" or "2019-2020"."""
    first = int(m["year"])
    return f"{first}/{(first + 1) % 100:02d}"


def _kamerstukken(m: re.Match[str]) -> list[Reference]:
    dossier = re.sub(r"\s", "", m["dossier"])
    suffix = m["suffix"] or m["subnumber"]
    if suffix:
        dossier = f"{dossier}-{suffix}"
    # "nrs. 450, 453 en 457" cites three papers.
    numbers = _SPLIT_NUMBERS.findall(m["numbers"]) if m["numbers"] else [m["number"] or m["letter"]]
    year = _year(m) if m["year"] else None
    chamber = m["chamber"] or "II"
    return [Reference("kamerstuk", dossier, n, year, chamber) for n in numbers]


def _handelingen(m: re.Match[str]) -> list[Reference]:
    kind = "aanhangsel" if m["appendix"] else "handelingen"
    return [Reference(kind, None, m["number"], _year(m), m["chamber"] or "II", m["item"])]


def parse_references(text: str) -> list[Reference]:
    """Every reference in `text`, in order of appearance; a paper cited twice appears twice."""
    if not isinstance(text, str):
        return []
    found = [(m.start(), _kamerstukken(m)) for m in _KAMERSTUK.finditer(text)]
    found += [(m.start(), _handelingen(m)) for m in _HANDELINGEN.finditer(text)]
    found.sort(key=lambda item: item[0])
    return [reference for _, references in found for reference in references]
