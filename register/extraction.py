"""Commitments proposed from texts: the chair's list in a debate report, the promises in a letter.

DESIGN.md "Commitments found in texts". Nothing here becomes a commitment: each `Proposal` is shown
to a clerk, who accepts (possibly edited), merges or rejects it.

Debate reports are the Kamer's VLOS XML (the `Verslag` entity of its open data). At the end of a
committee debate the chair reads out the commitments ("De minister komt nog voor de zomer met het
R&D-actieplan.", "De Kamer ontvangt ... Dat is een toezegging aan de heer Stoffer."). The list
starts where the chair turns to "de toezeggingen"; an item is a sentence of the chair in the form
of a commitment (a bewindspersoon or the Kamer, and a verb of doing or receiving), or an entry of a
list in the chair's words. What the chair says right after an item belongs to it: the member it
was made to, a word changed ("Dan maken we van het woordje 'na' het woordje 'voor'"), or its
withdrawal ("dan is het geen toezegging"). An item read out again replaces the first reading.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from xml.parsers import expat

from register.periods import Period, explain_period, parse_period

__all__ = ["Proposal", "promises_in_letter", "report_committees", "toezeggingen_from_report"]

_NS = "{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}"


@dataclass(frozen=True)
class Proposal:
    text: str  # as read out or written
    deadline_text: str  # the words that name the deadline ("" when none)
    period: Period | None  # parse_period(text, the day it was said or written)
    bewindspersoon_text: str  # "Karremans, minister van Economische Zaken"; "" when none named
    member_text: str = ""  # the member it was made to, when named ("de heer Stoffer")
    debate_title: str = ""
    debate_date: date | None = None
    committee: str = ""
    source: str = ""  # the report's id (its MessageID: each version has its own), or "brief"
    meeting: str = ""  # the meeting's id (vergadering objectid: the same in every version)
    position: str = ""  # where in the source: the speech's objectid, or "zin 12" of a letter
    explanation: str = ""  # explain_period of the text, in Dutch


# --- Reports -------------------------------------------------------------------------------------

# The chair turns to the list: "Dan kom ik bij de toezeggingen", "de toezegging heb voorgelezen",
# "Ik heb een zestal toezeggingen", "Ik begin maar gelijk met de eerste toezegging".
_LIST_START = re.compile(
    r"\btoezeggingen\b|\btoezegging\s+(?:heb\s+|ga\s+)?(?:voor)?(?:ge)?lezen|eerste\s+toezegging",
    re.IGNORECASE,
)
_OFFICE = r"(?:minister(?:-president)?|staatssecretaris|bewindspersoon|bewindslieden|ministers)"
# A commitment as the chair words it: who does what, or what the Kamer receives.
_ITEM = re.compile(
    rf"\b[Dd]e\s+{_OFFICE}\b[^.?!]*?\b(?:zal|zullen|zegt|zeggen|komt|komen|stuurt|sturen|informeert"
    r"|informeren|gaat|gaan|neemt|deelt|kijkt|zorgt|bespreekt|brengt|geeft|legt|verkent|onderzoekt"
    r"|past|treedt|maakt|houdt|betrekt)\b"
    r"|^(?:[^.?!]{0,80}\b)?[Dd]e\s+Kamer\s+(?:ontvangt|wordt|krijgt)\b"
    r"|^[^.?!]*\b(?:wordt|worden)\b[^.?!]*\b(?:meegenomen|gestuurd|toegestuurd|gedeeld|"
    r"geïnformeerd)\b"
)
# What the chair says about an item, not the item itself.
_META = re.compile(
    r"^(?:(?:Dat|Dit|Deze|Die)\s+(?:is|was)\s+(?:ook\s+)?(?:dus\s+)?(?:een\s+)?"
    r"(?:\w+\s+)?(?:toezegging|gericht)|Ik\s|Dat\s+is\s+(?:ook\s+)?correct|De\s+vraag\s+is"
    r"|Er\s+wordt|Hij\s+knikt|Moet\s+ik|Die\s+klopt|Correct|Ja\b|Dan\s|We\s+gaan|Heb\s+ik|Is\s+dat"
    r"|Sorry|Zit\s+er|Misschien|Hier\s+staat|Dank|O,|Het\s+woord)",
)
_MEMBER = re.compile(
    r"(?:toezegging|[Dd]eze|[Dd]ie|[Dd]it)\s+(?:is\s+|was\s+)?(?:ook\s+)?(?:gericht\s+)?aan\s+"
    r"(?P<member>(?:de\s+heer|mevrouw|het\s+lid)\s+[A-Z][^.,;:?!]*)"
)
_WITHDRAWN = re.compile(r"\bgeen\s+toezegging\b|\bschrappen\s+we\b|\bvervalt\s+(?:die|deze)\b",
                        re.IGNORECASE)
_QUOTE = r"[‘'\"“”’]"
_SWAP = re.compile(
    rf"van\s+het\s+woord(?:je)?\s+{_QUOTE}(?P<old>[^‘'\"“”’]+){_QUOTE}\s+(?:maken\s+we\s+)?"
    rf"(?:het\s+woord(?:je)?\s+)?{_QUOTE}(?P<new>[^‘'\"“”’]+){_QUOTE}"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s*(?=[A-Z‘“\"(])")


@dataclass
class _Item:
    text: str
    position: str
    member: str = ""


_AGAIN = re.compile(r"herhal|genoteerd|nog\s+een\s+keer|nogmaals", re.IGNORECASE)


def _units(speech: ET.Element) -> list[tuple[str, bool]]:
    """The text units of a speech (list entries apart), without the speaker's name; and whether
    each was an entry of a list."""
    units = []
    for paragraph in speech.iter(f"{_NS}alinea"):
        in_list = paragraph.find(f"{_NS}lijst") is not None
        for item in paragraph.iter(f"{_NS}alineaitem"):
            text = " ".join("".join(item.itertext()).split())
            if text and not re.fullmatch(r"[^:]{1,60}:", text):  # "De voorzitter:"
                units.append((text, in_list))
    return units


def _speeches(root: ET.Element):
    """(is the chair, objectid, units) for every speech, in order."""
    for element in root.iter():
        chair = element.find(f"{_NS}isvoorzitter")
        if chair is None or element.find(f"{_NS}tekst") is None:
            continue
        yield chair.text == "true", element.get("objectid", ""), _units(element)


def _bewindspersonen(root: ET.Element) -> dict[str, str]:
    """Who sits for the government, by the office word: {"minister": "Tieman, minister van ..."}."""
    found: dict[str, list[str]] = {}
    for speaker in root.iter(f"{_NS}spreker"):
        kind = (speaker.get("soort") or "").lower()
        if kind not in ("minister", "staatssecretaris", "minister-president"):
            continue
        name = speaker.findtext(f"{_NS}verslagnaam") or speaker.findtext(f"{_NS}achternaam") or ""
        label = f"{name}, {speaker.findtext(f'{_NS}functie') or kind}".strip(", ")
        if label not in found.setdefault(kind, []):
            found[kind].append(label)
    # An office held by two people names neither: the clerk picks one.
    return {kind: labels[0] for kind, labels in found.items() if len(labels) == 1}


def _office_of(text: str, present: dict[str, str]) -> str:
    m = re.search(r"\b[Dd]e\s+(minister-president|minister|staatssecretaris)\b(?P<rest>[^,.]*)",
                  text)
    if not m:
        return ""
    return present.get(m[1].lower()) or m[0].strip()


def _is_item(sentence: str, in_list: bool) -> bool:
    if sentence.endswith("?") or _META.match(sentence):
        return False
    return bool(_ITEM.search(sentence)) or (in_list and len(sentence.split()) >= 6)


def _read_list(speeches) -> list[_Item]:
    items: list[_Item] = []
    started, again = False, [False]
    for is_chair, position, units in speeches:
        if not is_chair:
            continue
        for text, in_list in units:
            if not started:
                if not _LIST_START.search(text):
                    continue
                started = True
                text = _SENTENCE.split(text, maxsplit=1)[-1] if not in_list else text
            _read_unit(items, text, in_list, position, again)
    return items


def _read_unit(items: list[_Item], text: str, in_list: bool, position: str, again: list[bool]):
    """Read one unit of the chair's words into `items`. `again` holds whether the chair just
    announced that an item is read out again ("Moet ik 'm herhalen?")."""
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip()
        if not sentence:
            continue
        if _is_item(sentence, in_list):
            _add(items, _Item(sentence, position), again=again[0])
            again[0] = False
            continue
        if _AGAIN.search(sentence):
            again[0] = True
        if not items:
            continue
        last = items[-1]
        member = _MEMBER.search(sentence)
        if member:
            last.member = member["member"].strip()
        swap = _SWAP.search(sentence)
        if swap and swap["old"] in last.text:
            last.text = last.text.replace(swap["old"], swap["new"], 1)
        if _WITHDRAWN.search(sentence):
            items.pop()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _add(items: list[_Item], item: _Item, *, again: bool) -> None:
    """Add an item, or replace the earlier reading of the same one: the same words, or, when the
    chair said so, the earlier item most like it."""
    words = _words(item.text)

    def likeness(earlier: _Item) -> float:
        other = _words(earlier.text)
        shared = len(set(words) & set(other)) / max(1, min(len(set(words)), len(set(other))))
        return max(SequenceMatcher(None, other, words).ratio(), shared if again else 0.0)

    best = max(range(len(items)), key=lambda i: likeness(items[i]), default=None)
    if best is not None and likeness(items[best]) >= (0.6 if again else 0.9):
        items[best] = _Item(item.text, item.position, items[best].member)
    else:
        items.append(item)


class _Prolog(Exception):
    """The first element began: no DTD can come after it."""


def _refuse_doctype(data: bytes) -> None:
    """Entities are declared only in a DTD, and a report has none: one is refused, so neither
    entity expansion (billion laughs) nor an external entity can reach the parser. The XML's own
    parser looks, not a search of the bytes, which a report in UTF-16 (or any encoding its
    declaration names) passes; it stops at the first element, before which a DTD must stand."""
    parser = expat.ParserCreate()

    def doctype(*_args):
        raise ValueError("Dit verslag bevat een DOCTYPE; een VLOS-verslag heeft er geen.")

    def element(*_args):
        raise _Prolog

    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = element
    # A malformed file is reported by the parse that reads it.
    with contextlib.suppress(_Prolog, expat.ExpatError):
        parser.Parse(data, True)


def _root(xml: str | bytes) -> ET.Element:
    data = xml.encode() if isinstance(xml, str) else xml
    _refuse_doctype(data)
    return ET.fromstring(data)  # noqa: S314 (no DTD, see above; ElementTree fetches nothing)


def report_committees(xml: str | bytes) -> list[tuple[str, str]]:
    """The committees of a committee debate's report, as (abbreviation, name) the report gives
    them: ("EZ", "vaste commissie voor Economische Zaken"); none for a plenary sitting."""
    meeting = _root(xml).find(f"{_NS}vergadering")
    if meeting is None or meeting.get("soort") != "Commissie":
        return []
    return [(c.findtext(f"{_NS}afkorting") or "", c.findtext(f"{_NS}verslagnaam") or "")
            for c in meeting.iter(f"{_NS}commissie")]


def toezeggingen_from_report(xml: str | bytes) -> list[Proposal]:
    """The commitments the chair reads out at the end of a committee debate, as proposals."""
    root = _root(xml)
    meeting = root.find(f"{_NS}vergadering")
    if meeting is None or meeting.get("soort") != "Commissie":
        return []  # a plenary sitting has no chair's list
    said_on = date.fromisoformat((meeting.findtext(f"{_NS}datum") or "")[:10])
    title = meeting.findtext(f"{_NS}titel") or ""
    committee = ", ".join(c.findtext(f"{_NS}verslagnaam") or ""
                          for c in meeting.iter(f"{_NS}commissie"))  # fmt: skip
    present = _bewindspersonen(root)
    proposals = []
    for item in _read_list(_speeches(meeting)):
        period = parse_period(item.text, said_on)
        proposals.append(Proposal(
            text=item.text, deadline_text=period.text if period else "", period=period,
            bewindspersoon_text=_office_of(item.text, present), member_text=item.member,
            debate_title=title, debate_date=said_on, committee=committee,
            source=root.get("MessageID", ""), meeting=meeting.get("objectid", ""),
            position=item.position,
            explanation=explain_period(item.text, said_on),
        ))  # fmt: skip
    return proposals


# --- Letters -------------------------------------------------------------------------------------

# The writer promises something later: "Ik zal uw Kamer ... informeren", "De eindrapportage
# verwacht ik in juni 2022", "Zodra ... bekend is, informeer ik uw Kamer", "ontvangt uw Kamer".
_PROMISE = re.compile(
    r"\b(?:ik|wij|we)\s+(?:zal|zullen|ga|gaan)\b|\b(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we)\b"
    r"|\b(?:informeer|stuur|verwacht|kom|bericht|zend|rapporteer)\s+(?:ik|wij|we)\b"
    r"|\b(?:ik|wij|we)\s+(?:informeer|informeren|stuur|sturen|verwacht|verwachten|kom|komen)\b"
    r"|\b(?:ontvangt|krijgt)\s+uw\s+kamer\b|\buw\s+kamer\s+(?:ontvangt|krijgt)\b"
    r"|\bzal\s+uw\s+kamer\b|\bwordt\s+uw\s+kamer\b"
    r"|\bstreef\s+(?:ik|wij|we)\b|\b(?:ik|wij|we)\s+stre(?:ef|ven)\b"
    r"|\b(?:aan|naar)\s+uw\s+kamer\s+zal\s+worden\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:zal|zullen|ga|gaan|zodra|binnenkort|later|verwacht|verwachting)\b",
                     re.IGNORECASE)
_PAST = re.compile(r"\b(?:heb|hebben|had|hadden)\s+(?:ik|wij|we)\b|\b(?:ik|wij|we)\s+"
                   r"(?:heb|hebben|had|hadden)\b", re.IGNORECASE)


# A footnote pasted with a letter's text (a PDF's page foot): "14 Kamerstuk 24 077, nr. 465",
# "2 Raadpleegbaar via www.tweedekamer.nl", "16 https://www.trimbos.nl/…". A number, then a
# citation's first word or an address; or a capital, next to another such line numbered one
# apart ("9 Raadpleegbaar via …" / "10 CAM, Risicobeoordeling lachgas (2019)").
_FOOTNOTE = re.compile(r"(\d{1,3}) +(?:www\.|https?://|[A-Z])")
_CITATION_START = re.compile(
    r"\d{1,3} +(?:www\.|https?://|(?:Kamerstuk(?:ken)?|Kst\.?|(?:Aanhangsel )?Handelingen|"
    r"Raadpleegbaar|Zie|Bron|Stb\.?|Staatsblad|Stcrt\.?|Staatscourant|Bijlage|Kamerbrief|"
    r"Brief|Motie|Amendement|Rapport|ECLI)\b)")


def _without_footnotes(text):
    lines = text.splitlines()
    numbers = [int(m.group(1)) if (m := _FOOTNOTE.match(line.strip())) else None
               for line in lines]

    def footnote(i):
        if numbers[i] is None:
            return False
        near = [numbers[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        return bool(_CITATION_START.match(lines[i].strip())) or any(
            n is not None and abs(n - numbers[i]) == 1 for n in near)

    return "\n".join(line for i, line in enumerate(lines) if not footnote(i))


def _sentences(text: str) -> list[str]:
    text = _without_footnotes(text)
    flat = re.sub(r"(?<=[a-z])-\s*\n\s*(?=[a-z])", "", text)  # "plaatsge-\nvonden"
    flat = " ".join(flat.split())
    # A footnote number may follow the full stop: "preventie.4 Zo verwacht ik".
    return [s.strip() for s in re.split(r"(?<=[.!?])[0-9]{0,2}\s+(?=[A-Z‘“\"(])", flat)
            if s.strip()]


def promises_in_letter(text: str, said_on: date) -> list[Proposal]:
    """The sentences in which a letter promises something later, as proposals."""
    proposals = []
    for number, sentence in enumerate(_sentences(text), start=1):
        if not _PROMISE.search(sentence) or _PAST.search(sentence):
            continue
        period = parse_period(sentence, said_on)
        later = period is not None and period.end >= said_on
        if not (later or _FUTURE.search(sentence)):
            continue
        proposals.append(Proposal(
            text=sentence, deadline_text=period.text if period and later else "",
            period=period if later else None, bewindspersoon_text="", source="brief",
            position=f"zin {number}", debate_date=None,
            explanation=explain_period(sentence, said_on),
        ))  # fmt: skip
    return proposals
