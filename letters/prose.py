"""Letters written as a civil servant writes them (DESIGN.md "Letters"), not record fields glued
together: per item, what was promised, where and when, in the minister's voice, and where it
stands now — from the item's progress text (a field of its own; never the reason typed at a
status change, which is internal), or else from a sentence pattern per status and kind.

Relative words are resolved to the date they were spoken or written ("komend jaar" said in 2020
is "in 2021"; in a quotation the date is added in brackets: "komend jaar [2021]"), with
register.periods as the authority on what they mean.

    Voice                who signs the letter, in which office, on which date
    resolve_relative     relative words made absolute
    commitment_prose, motion_prose, law_track_prose, rappel_explanation
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from commitments.models import Execution, Status
from legislation.models import Instrument, State
from letters.layout import MONTHS, dutch_date
from register.extraction import promises_in_letter
from register.periods import parse_period

_MONTH = "|".join(MONTHS)
_SEASONS = {"voorjaar": "het voorjaar", "zomer": "de zomer", "najaar": "het najaar",
            "winter": "de winter"}
# Words after which a resolved phrase needs no "in": "begin 2021", "voor de zomer van 2021".
_PREPOSITIONS = {"in", "voor", "vóór", "na", "tot", "vanaf", "uiterlijk", "rond", "tijdens",
                 "per", "sinds", "begin", "eind", "medio", "van", "halverwege", "en", "of"}


def lower_first(text: str) -> str:
    """ "Motie van …" → "motie van …" inside a sentence; "LADIS" stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def sentence(text: str) -> str:
    text = one_line(text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if not text or text[-1] in ".!?" else text + "."


# --- Relative words --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    build: object  # (match, period, said_on) -> (absolute words, words for a bracket)


def _year(match, period, said_on):
    year = str(period.start.year)
    return year, year


def _season(match, period, said_on):
    season = match["season"].lower()
    year = period.start.year
    suffix = f"{year}/{year + 1}" if season == "winter" else str(year)
    return f"{_SEASONS[season]} van {suffix}", f"{season} {suffix}"


def _month(match, period, said_on):
    words = f"{match['month']} {period.start.year}"
    return f"{match.group(0)} {period.start.year}", words


def _day(match, period, said_on):
    words = dutch_date(period.start)
    return words, words


def _before_recess(match, period, said_on):
    end = period.end + datetime.timedelta(days=1)
    return f"{match.group(0)} van {end.year}", f"vóór {dutch_date(end)}"


def _after_recess(match, period, said_on):
    month = f"{MONTHS[period.start.month - 1]} {period.start.year}"
    return f"{match.group(0)} ({month})", month


def _within(match, period, said_on):
    return f"{match.group(0)} (uiterlijk {dutch_date(period.end)})", \
        f"uiterlijk {dutch_date(period.end)}"


_NO_YEAR = r"(?!\s+(?:van\s+)?[0-9]{4}\b)"
_RULES = [
    _Rule(re.compile(r"\b(?:komend|volgend|dit)\s+jaar\b", re.I), _year),
    _Rule(re.compile(rf"\b(?:(?:het|de)\s+)?komende?\s+(?P<season>voorjaar|zomer|najaar|winter)"
                     rf"\b{_NO_YEAR}", re.I), _season),
    _Rule(re.compile(rf"(?<!voor )(?<!vóór )(?<!na )\b(?:het|de)\s+"
                     rf"(?P<season>voorjaar|zomer|najaar|winter)\b{_NO_YEAR}", re.I), _season),
    _Rule(re.compile(rf"\b(?:in|uiterlijk in|begin|medio|eind)\s+(?P<month>{_MONTH})\b{_NO_YEAR}",
                     re.I), _month),
    _Rule(re.compile(rf"\b[0-9]{{1,2}}\s+(?:{_MONTH})\b{_NO_YEAR}(?:\s+a\.s\.)?", re.I), _day),
    _Rule(re.compile(rf"\bvoor\s+(?:de\s+zomer|het\s+(?:zomer|kerst|mei|herfst|krokus)?reces)\b"
                     rf"{_NO_YEAR}", re.I), _before_recess),
    _Rule(re.compile(rf"\bna\s+(?:de\s+zomer|het\s+(?:zomer|kerst|mei|herfst|krokus)?reces)\b"
                     rf"{_NO_YEAR}", re.I), _after_recess),
    _Rule(re.compile(r"\bbinnen\s+(?:[0-9]+|een|twee|drie|vier|vijf|zes|acht|tien|twaalf)\s+"
                     r"(?:dagen|weken|week|maanden|maand)\b", re.I), _within),
]


def _needs_in(text: str, start: int) -> bool:
    before = text[:start].split()
    return not before or before[-1].lower().strip("(,") not in _PREPOSITIONS


def resolve_relative(text: str, said_on: datetime.date | None, *, quoted: bool = False) -> str:
    """`text` with its relative words made absolute, as of the day they were said or written.

    In prose the words are replaced ("komend jaar" → "in 2021"); in a quotation (`quoted`),
    which must stay as it was said, the date follows in brackets ("komend jaar [2021]").
    Words that register.periods does not understand are left as they are.
    """
    if not text or said_on is None:
        return text or ""
    spans = []
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, _ in spans):
                continue
            period = parse_period(match.group(0), said_on)
            if period is None:
                continue
            absolute, note = rule.build(match, period, said_on)
            if quoted:
                replacement = f"{match.group(0)} [{note}]"
            else:
                needs_in = rule.build in (_year, _season) and _needs_in(text, match.start())
                replacement = f"in {absolute}" if needs_in else absolute
            spans.append((match.start(), match.end(), replacement))
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


# --- Who speaks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Voice:
    """Who signs the letter (the first person), in which office, on which date."""

    person_id: int | None
    office: str  # "Staatssecretaris van Volksgezondheid, Welzijn en Sport"
    date: datetime.date

    @classmethod
    def of(cls, letter):
        office = one_line(letter.signatory_office).removeprefix("De ").removeprefix("de ")
        return cls(letter.signatory_id, office.rstrip(","), letter.date)


def speaker(person, on, voice):
    """ "ik", "mijn ambtsvoorganger" or "de Minister voor Medische Zorg en Sport": who made a
    promise, as the letter's signatory says it."""
    if person is None:
        return "het kabinet"
    if voice.person_id and person.pk == voice.person_id:
        return "ik"
    office = person.office_on(on) if on else None
    title = office.title if office else person.full_name
    if voice.office and title == voice.office:
        return "mijn ambtsvoorganger"
    return f"de {title}" if office or not person.surname else title


def _has(verb_subject):
    return "heb ik" if verb_subject == "ik" else f"heeft {verb_subject}"


# --- Where and when a promise was made -------------------------------------------------------

_DEBATE_WORDS = {
    "ao": "het algemeen overleg", "committee": "het commissiedebat",
    "plenary": "het plenaire debat", "notaoverleg": "het notaoverleg",
    "vao": "het tweeminutendebat", "budget": "de behandeling van de", "other": "het debat",
}


def _debate_words(debate):
    kind = _DEBATE_WORDS.get(debate.kind, "het debat")
    if debate.kind == "vao" and debate.date.year < 2021:
        kind = "het VAO"  # the name of a tweeminutendebat before 2021
    title = lower_first(debate.title) if debate.kind == "budget" else debate.title
    return f"{kind} {title} van {dutch_date(debate.date)}"


def where_and_when(commitment, who):
    """ "Tijdens het algemeen overleg … van 7 november 2019", "In mijn brief van …
    (Kamerstuk 24 077, nr. 456)", or "Op 18 december 2020"; and whether it was written."""
    document = commitment.made_in
    reference = f" ({document.reference})" if document and document.reference else ""
    if commitment.debate_id:
        extra = reference if document and document.kind == "handelingen" else ""
        return f"Tijdens {_debate_words(commitment.debate)}{extra}", False
    if document and document.kind in ("brief", "kamerstuk"):
        day = document.date or commitment.made_on
        owner = "mijn brief" if who == "ik" else "de brief"
        return f"In {owner} van {dutch_date(day)}{reference}", True
    return f"Op {dutch_date(commitment.made_on)}", False


# --- Commitments -----------------------------------------------------------------------------

_NARRATED = re.compile(r"\btoegezegd\b|\bzeg(?:t|gen)?\s+toe\b", re.I)
_SAYS_PROMISE = re.compile(
    r"^(?:De|de)\s+(?:minister|staatssecretaris|bewindspersoon)[^.]*?\s+(?:zegt|zeggen)\s+toe\s+",
    re.I)


def promise_words(commitment, voice):
    """The first sentence of an item: what was promised, where and when, by whom."""
    person = commitment.bewindspersoon
    who = speaker(person, commitment.made_on, voice)
    where, written = where_and_when(commitment, who)
    text = one_line(commitment.text)
    said_on = commitment.made_on
    if _SAYS_PROMISE.match(text):  # the Kamer's register: "De minister zegt toe …"
        rest = _SAYS_PROMISE.sub("", text, count=1)
        return sentence(f"{where} {_has(who)} toegezegd {resolve_relative(rest, said_on)}")
    if _NARRATED.search(text):  # already told in the minister's voice
        if who != "ik":
            text = re.sub(r"\bheb ik\b", _has(who), text)
        return sentence(resolve_relative(text, said_on))
    promises = [p.text for p in promises_in_letter(text, said_on)] or [text]
    quoted = resolve_relative(" ".join(promises), said_on, quoted=True)
    verb = ("schreef " + who if written else f"{_has(who)} toegezegd") if who != "ik" else (
        "schreef ik" if written else "heb ik toegezegd")
    return f"{where} {verb}: ‘{sentence(quoted)}’"


def mentions_promise(text, commitment, voice):
    """Whether an item's text still says what was promised: the first sentence as pre-filled
    (promise_words), the words it quotes, or the commitment's number. A writer who replaced the
    whole text is warned when it no longer does (letters.views.warn_dropped_promises)."""
    said = promise_words(commitment, voice)
    quoted = re.search(r"‘(.+)’", said)
    marks = (said, quoted[1] if quoted else "", commitment.number, commitment.ek_number)
    return any(_mentions(text, mark.rstrip(".")) for mark in marks)


def deadline_words(commitment):
    """The deadline as it was given, resolved to the day it was given ("" if none)."""
    return resolve_relative(lower_first(one_line(commitment.deadline_text)), commitment.made_on)


def _mentions(text, words):
    return bool(words) and one_line(words).lower() in one_line(text).lower()


def _delivered_by(document):
    if document is None or not document.reference:
        return ""
    day = f" van {dutch_date(document.date)}" if document.date else ""
    return f" met de brief{day} ({document.reference})"


def commitment_state(commitment, *, voice, delivers=False, progress_on=None, told=""):
    """Where the commitment stands: its progress text, or a sentence for its status."""
    if commitment.progress.strip():
        text = sentence(resolve_relative(commitment.progress, progress_on or voice.date))
    elif commitment.status == Status.DONE and not delivers:
        text = sentence("Deze toezegging is afgedaan"
                        + _delivered_by(commitment.delivered_by))
    elif commitment.status == Status.LAPSED:
        text = "Deze toezegging is vervallen."
    elif commitment.status == Status.PARTLY_DONE:
        text = "Deze toezegging is deels afgedaan."
        if commitment.remaining.strip():
            text += " " + sentence(resolve_relative(commitment.remaining, progress_on))
    elif delivers:
        text = ""
    else:
        text = open_sentence(commitment, voice, told)
    if delivers:
        text = f"{text} Hiermee beschouw ik deze toezegging als afgedaan.".strip()
    return text


def open_sentence(commitment, voice, told):
    """An open commitment without a progress text: open, and late if its deadline passed."""
    words = deadline_words(commitment)
    late = commitment.deadline_end and commitment.deadline_end < voice.date
    working = commitment.status == Status.IN_PROGRESS
    if late:
        term = f"De toegezegde termijn ({words})" if words else "De toegezegde termijn"
        still = "hieraan wordt nog gewerkt." if working else "de toezegging staat nog open."
        return f"{term} is verstreken; {still}"
    text = "Hieraan wordt gewerkt." if working else "Deze toezegging staat nog open."
    if words and not _mentions(told, commitment.deadline_text):
        text += f" De termijn is {words}."
    return text


def commitment_prose(commitment, *, voice, delivers=False, progress_on=None):
    """A commitment as a letter reports on it: the promise, then where it stands."""
    promise = promise_words(commitment, voice)
    state = commitment_state(commitment, voice=voice, delivers=delivers,
                             progress_on=progress_on, told=promise)
    return f"{promise} {state}".strip()


def rappel_explanation(commitment, *, voice, progress_on=None):
    """What the Eerste Kamer is told besides the status: the progress text, or what remains;
    never the internal reason of a status change. The writer completes it."""
    if commitment.progress.strip():
        return sentence(resolve_relative(commitment.progress, progress_on or voice.date))
    if commitment.remaining.strip():
        return sentence(resolve_relative(commitment.remaining, progress_on or voice.date))
    return ""


# --- Motions ---------------------------------------------------------------------------------


def submitters_words(motion):
    """ "het lid Edgar Mulder (PVV)", "de leden Edgar Mulder (PVV) en Van der Staaij (SGP)"."""
    names = [str(row) for row in motion.submitter_rows.all()]
    if len(names) > 1:
        return f"de leden {', '.join(names[:-1])} en {names[-1]}"
    return f"het lid {names[0]}" if names else ""


def motion_subject(motion):
    """The motion as a sentence names it: its title, with its submitters when the title does
    not name them."""
    title = one_line(motion.title)
    who = submitters_words(motion)
    if re.match(r"motie over\b", title, re.I) and who:
        return f"De motie van {who} {title[len('motie '):]}"
    if title.lower().startswith("motie"):
        return f"De {lower_first(title)}"
    return f"De motie van {who} over {lower_first(title)}" if who else f"De motie ‘{title}’"


def motion_prose(motion, *, voice, delivers=False, progress_on=None):
    subject = motion_subject(motion)
    adopted = f"is op {dutch_date(motion.voted_on)} aangenomen" if motion.voted_on \
        else "is aangenomen"
    parts = [f"{subject} ({motion.reference}) {adopted}."]
    if motion.progress.strip():
        parts.append(sentence(resolve_relative(motion.progress, progress_on or voice.date)))
    elif motion.execution_status == Execution.EXECUTED and not delivers:
        parts.append(sentence("De motie is uitgevoerd"
                              + _delivered_by(motion.reported_by)))
    elif motion.execution_status == Execution.PARTLY_EXECUTED:
        parts.append("De motie is deels uitgevoerd.")
        if motion.remaining.strip():
            parts.append(sentence(resolve_relative(motion.remaining, progress_on)))
    elif motion.execution_status == Execution.IN_PROGRESS and not delivers:
        parts.append("Aan de uitvoering wordt gewerkt.")
    elif not delivers:
        parts.append("De uitvoering staat nog open.")
    if delivers:
        parts.append("Hiermee beschouw ik de motie als uitgevoerd.")
    return " ".join(parts)


# --- Law tracks ------------------------------------------------------------------------------

_NOUNS = {Instrument.BILL: "het wetsvoorstel", Instrument.DECREE: "het ontwerpbesluit",
          Instrument.REGULATION: "de ministeriële regeling"}
_STATE_WORDS = {
    State.COUNCIL_OF_STATE: "ligt voor advies bij de Raad van State",
    State.HOUSE: "ligt bij de Tweede Kamer",
    State.SENATE: "ligt bij de Eerste Kamer",
    State.ADOPTED: "is vastgesteld",
}


def law_track_prose(track, *, voice, progress_on=None, planned_on=None):
    """Where a law track stands: its current stage's progress text, or its stage and next step
    in words.

    `planned_on`: when the next step's planned words were written (to resolve "komend
    voorjaar" against); `progress_on`: when the current stage's progress text was written."""
    current = track.current_stage
    if current and current.progress.strip() and not track.withdrawn:
        return sentence(resolve_relative(current.progress, progress_on or voice.date))
    noun = _NOUNS.get(track.instrument, "het traject")
    if track.withdrawn:
        return sentence(f"{noun} is ingetrokken")
    stages = track.ordered_stages
    if track.state == State.IN_FORCE:
        done = [s.actual_end for s in stages if s.actual_end]
        day = f" op {dutch_date(max(done))}" if done else ""
        return sentence(f"{noun.replace('ontwerpbesluit', 'besluit')} is{day} in werking "
                        "getreden")
    if track.state in _STATE_WORDS:
        parts = [sentence(f"{noun} {_STATE_WORDS[track.state]}")]
    elif current and track.state != State.PREPARATION:
        parts = [sentence(f"{noun} is in de fase ‘{lower_first(current.name)}’")]
    else:
        parts = [sentence(f"{noun} wordt voorbereid")]
    milestone = track.next_milestone
    if milestone and milestone.planned_text:
        planned = resolve_relative(one_line(milestone.planned_text), planned_on or voice.date)
        step = lower_first(milestone.name)
        if milestone.planned_end and milestone.planned_end < voice.date:
            parts.append(f"De volgende stap, de {step}, was voorzien {planned} en is nog niet "
                         "gezet.")
        else:
            parts.append(f"De volgende stap is de {step}, voorzien {planned}.")
    return " ".join(parts)
