"""Dutch deadline phrases ("in het voorjaar van 2021") turned into date periods.

The conventions are those of DESIGN.md, "Periods: Dutch deadline phrases". Commitments are free
Dutch sentences, so `parse_period` scans the text with a table of regular expressions, one per kind
of expression, each paired with a small function that turns a match into dates. Where expressions
overlap, the one starting first wins, and at the same start the longest ("eind maart 2021" rather
than "maart 2021"). Of the expressions found, the first whose period has not ended by `today` is
the deadline: dates already past when the words were spoken are context ("Tijdens het AO van
7 november 2019 ..."), not deadlines. When all are past, the first one counts only if it is
introduced as the request's deadline ("voor 1 juli 2020" typed in August 2020: overdue; "in maart
2020 de Kamer te informeren"; not the date of an act named as a noun, "de benoeming van ... per
1 december 2021 af te wijzen"), or is the time of a short text (a deadline field's words: "1 juli
2020 (verlengd)", "naar verwachting 1 juni 2020"); any other past time is context ("bij brief van
3 april 2019", said in June 2019), and then there is no period.

Beyond the DESIGN table, because the reference letter uses them: ranges ("van 12 juni tot en met
10 juli jl.", "maart t/m 18 mei 2020"), "jl."/"a.s." and "dit/volgend/vorig jaar" after a month
("juni jl.", "april dit jaar"), "vorig jaar", numeric dates (15-03-2021, 2021-03-15), "binnen N
werkdagen" and "binnen een half jaar". A month without a year ("in juni") is read like a season
without a year, but only after a word that makes it a time, so that "Mei Li Vos" is no May.

The parliamentary calendar (DESIGN.md "The parliamentary calendar") comes from
`register.parliamentary_calendar`: recesses as the Kamer published them, or estimated, in which case
the period says so (`Period.estimated`). Words that look like a time but are not a deadline are
found too, and kept as context with the reason, which `explain_period` gives in Dutch: a negation
("niet te wachten tot het najaar"), a start ("na 2027", "vanaf 1 januari"), a year that belongs to a
name ("het 2030-doel", "Belastingplan 2025", "cijfers over 2018"); and a time that belongs to
something else than the deadline of the request: how long something lasts ("te verlengen tot eind
2026"), a horizon ("richting 2070"), a standing duty ("voortaan op Prinsjesdag"), a target the
government is to lay down or keep for others ("op te nemen dat ... uiterlijk in 2035"); and times
that are not the request's: a span of years ("de fietsambitie 2022–2025"), what is not to be done
("af te zien van ... per 2027"), a plan's time ("de geplande bouwprojecten voor 2023"), a condition
("als de inspectie volgend jaar concludeert"), an aim ("met het oog op 2070"), what a thing does
("een strategie die in 2050 resulteert in"), what an agreement or promise holds ("de afspraak uit
het Klimaatakkoord om in 2030 ..."), the question to be studied ("te onderzoeken of een windpark
voor 2023 mogelijk is"), the frame ("in het kader van de infasering ... in 2017"), an event the
request waits for ("na publicatie door het CBS op 13 maart, ..."), the year something is for
("voor het jaar 2022"), the year of a target worked or steered towards ("toe te werken naar een
verbod ... uiterlijk in 2020"), what a goal or ambition holds ("de ambitie ... dat in 2023 iedereen
..."), a view's horizon ("een perspectief voor 2050"), a relative clause about others before the
request's verb ("mensen die per 1 januari 2014 hun pgb verliezen strak te volgen"). "dit voorjaar"
in a request made more than three months after this year's spring is the next one.
"""

from __future__ import annotations

import contextlib
import re
import string
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from register import parliamentary_calendar as kamer
from register.dates import add_months, month_end

__all__ = ["Period", "explain_period", "parse_period"]


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    text: str
    # True when the period rests on recess dates estimated by the calendar's rule, not published
    # ones: re-derive it when the calendar data gains that year.
    estimated: bool = False


class _Span(NamedTuple):
    start: date
    end: date
    # Where "voor <expression>" ends. None when "voor" cannot mean "before" here: "voor volgend
    # jaar" is "for next year", and the special "voor de zomer" rules carry their own meaning.
    before: date | None
    note: str = ""  # why the period is estimated ("geen recesdata voor 2031 bekend")
    before_note: str = ""  # the same for the period up to `before`


def _plain(start: date, end: date) -> _Span:
    return _Span(start, end, start - timedelta(days=1))


# --- Regex building blocks ----------------------------------------------------------------------
# The patterns are written in lower case and match a copy of the text with only ASCII capitals (and
# the accented ones Dutch uses here) lowered. Full Unicode case-insensitivity would let "ſept" or
# "K" (the Kelvin sign) match, and str.lower() may change the length of the text, which would
# shift the positions that Period.text is cut with.
_FOLD = str.maketrans(string.ascii_uppercase + "ÓÉ", string.ascii_lowercase + "óé")

_MONTH_FULL = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
_MONTH_ABBR = "jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec"
_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "maa": 3, "mrt": 3, "apr": 4, "mei": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def _month(group: str, *, full_only: bool = False) -> str:
    abbreviations = "" if full_only else rf"|(?:{_MONTH_ABBR})\b\.?"
    return rf"(?P<{group}>(?:{_MONTH_FULL})\b{abbreviations})"


# Four digits from 1900 to 2100, not part of a longer number ("20191" is footnote 1 glued to 2019),
# of a parliamentary year ("2019/20", "2019/2020") or of a reference ("nr. 2021").
_YEAR = r"(?<![0-9/])(?<!nr\.)(?<!nr\.\s)(?P<year>19[0-9]{2}|20[0-9]{2}|2100)(?![0-9]|/[0-9])"
# "dit jaar, 2024" and "volgend jaar (2026)": the year in apposition is the same year.
# "dit kalenderjaar" is "dit jaar".
_RELATIVE = (r"\b(?P<rel>dit|volgende?|komende?|vorige?)\s+(?:kalender)?jaar\b"
             r"(?:,?\s+\(?(?:19|20)[0-9]{2}\)?(?![0-9/]))?")
_WHEN = rf"(?:{_YEAR}|{_RELATIVE})"
# "jl." (jongstleden) points back, "a.s." (aanstaande) forward, as a missing year does.
_MARK = r"(?P<mark>jl\b\.?|j\.l\.|jongstleden\b|a\.s\.?|aanstaande\b)"
# Words that may stand before an expression and are kept in its text ("in het voorjaar").
_LEAD = r"\b(?:(?P<lead>in|op|rond|omstreeks|per)\s+)?(?:(?:het|de)\s+)?"
# Between the words of an expression: "het eerste kwartaal van 2021", "in de zomer van dit jaar".
_SEP = r"(?:\s+(?:van|het|de|in)\b)*\s+"
_YEAR_OR_MARK = rf"(?:{_SEP}{_WHEN}|\s*{_MARK})?"
_PART = r"(?P<part>begin|medio|half|midden|eind|einde|ultimo)(?:\s*-\s*|\s+(?:van\s+)?)"
_DAY = r"(?P<day>[0-3]?[0-9])"
# "voor de presentatie van de Voorjaarsnota", "voor aanvang van", "voor het debat over", "voor het
# commissiedebat mestbeleid van 7 november": the moment of the occasion itself, so still before it.
_PREFIX = re.compile(
    r"\b(?P<prefix>v[oó][oó]r|uiterlijk|voorafgaand\s+aan|niet\s+later\s+dan|ten\s+laatste"
    r"|ter\s+voorbereiding(?:\s+van)?)\s+"
    r"(?:(?:de|het)\s+)?(?:(?:presentatie|publicatie|verschijning|aanvang)\s+(?:van|over)\s+"
    r"|[a-z]*debat\s+(?:[a-z-]+\s+){0,2}?(?:van|over|op)\s+|behandeling\s+van\s+(?:de\s+)?)?$"
)


# "uiterlijk aan het einde van het eerste kwartaal van 2025", "voor het einde van de zomer": up to
# the last day of that quarter or season (DESIGN), as "voor eind 2025" is up to 31 December. (Not
# in _PREFIX, which is searched before every expression: this is rare.)
_END_OF = re.compile(r"\b(?:v[oó][oó]r|uiterlijk|niet\s+later\s+dan|ten\s+laatste)\s+"
                     r"(?:aan\s+)?(?:het\s+)?eind(?:e)?\s+van\s+(?:(?:de|het)\s+)?$")


def _prefix(text: str, start: int) -> re.Match[str] | None:
    """The prefix written right before `start`, if any."""
    return _PREFIX.search(text, max(0, start - 50), start)


# A past participle ("genomen", "aangekondigd", "beoogd", "verschenen"), not "te behalen".
_PARTICIPLE = (r"(?<!\bte\s)\b(?!gereed\b)"
               r"(?:[a-z]*ge[a-z]{2,}(?:d|t|en)|(?:be|ver|ont|her)[a-z]{2,}(?:d|en))")

_PARTS = {"begin": "begin", "medio": "medio", "half": "medio", "midden": "medio",
          "eind": "eind", "einde": "eind", "ultimo": "eind"}  # fmt: skip
_SEASONS = {"voorjaar": 3, "lente": 3, "zomer": 6, "najaar": 9, "herfst": 9, "winter": 12}
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}
_RELATIVE_YEARS = {"dit": 0, "volg": 1, "kome": 1, "vori": -1}
_NUMBERS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40, "zestig": 60, "negentig": 90,
}  # fmt: skip


# --- Calendar helpers ----------------------------------------------------------------------------


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.lower()[:3]]


def _months(year: int, first: int, count: int) -> tuple[date, date]:
    """`count` months from `first` in `year`; they may run into the next year (winter)."""
    last = first + count - 1
    return date(year, first, 1), month_end(year + (last - 1) // 12, (last - 1) % 12 + 1)


def _add_working_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def _place(
    build: Callable[[int], tuple[date, date]], m: re.Match[str], today: date
) -> tuple[date, date]:
    """Put an expression in its year: as written, relative to today, or by the conventions for
    words without a year (the first occurrence that has not ended by today; with "jl." the last
    one that began before today). Raises ValueError when no year gives a valid date."""
    groups = m.groupdict()
    if groups.get("year"):
        return build(int(groups["year"]))
    if groups.get("rel"):
        return build(today.year + _RELATIVE_YEARS[groups["rel"].lower()[:4]])
    backwards = (groups.get("mark") or "").lower().startswith("j")
    # Nine years reach past the gap between leap years around 1900 and 2100 (29 februari).
    years = (
        range(today.year, today.year - 9, -1)
        if backwards
        else range(today.year - 1, today.year + 9)
    )
    for year in years:
        try:
            start, end = build(year)
        except ValueError:
            continue
        if (start < today) if backwards else (end >= today):
            return start, end
    raise ValueError("no year fits")


# --- One function per kind of expression ---------------------------------------------------------


def _day(m: re.Match[str], today: date) -> _Span:
    day, month = int(m["day"]), _month_number(m["month"])
    if not (m["year"] or m["rel"] or m["mark"]):
        # A day without a year that lay in the 60 days before today is past, not next year's:
        # "voor 16 juni" said on 22 June is context.
        with contextlib.suppress(ValueError):
            past = date(today.year, month, day)
            if today - timedelta(days=60) <= past < today:
                return _plain(past, past)
    return _plain(*_place(lambda y: (date(y, month, day),) * 2, m, today))


def _month_span(year: int, month: int, part: str | None) -> tuple[date, date]:
    last = month_end(year, month).day
    first, final = {"begin": (1, 10), "medio": (11, 20), "eind": (21, last)}.get(part, (1, last))
    return date(year, month, first), date(year, month, final)


def _month_expr(m: re.Match[str], today: date) -> _Span | None:
    part = _PARTS[m["part"].lower()] if m["part"] else None
    name = m["month"].rstrip(".").lower()
    if not (m["year"] or m["rel"] or m["mark"]):
        # A month without a year needs a word that makes it a time ("in juni", "eind juni",
        # "voor juni"), so that names such as "Mei Li Vos" are not read as May.
        prefixed = _prefix(m.string, m.start())
        if name not in _MONTH_FULL.split("|") or not (part or m["lead"] or prefixed):
            return None
    month = _month_number(name)
    start, end = _place(lambda y: _month_span(y, month, part), m, today)
    return _Span(start, end, end if part == "eind" else start - timedelta(days=1))


def _range(m: re.Match[str], today: date) -> _Span:
    """A range such as "12 juni t/m 10 juli jl." or "maart t/m 18 mei 2020". The year or "jl."
    written on the right applies to both sides; the left falls in the year before if it must."""
    month2 = _month_number(m["m2"])

    def right(year: int) -> tuple[date, date]:
        last = month_end(year, month2)
        return (last.replace(day=int(m["d2"])),) * 2 if m["d2"] else (last.replace(day=1), last)

    end = _place(right, m, today)[1]
    month1 = _month_number(m["m1"] or m["m1b"]) if (m["m1"] or m["m1b"]) else month2
    day1 = int(m["d1"] or 1)
    start = date(end.year, month1, day1)
    if start > end:
        start = date(end.year - 1, month1, day1)
    return _plain(start, end)


def _quarter(m: re.Match[str], today: date) -> _Span:
    written = (m.groupdict().get("q") or m["qw"]).lower()
    quarter = int(written[0]) if written[0].isdigit() else _ORDINALS[written]
    return _plain(*_place(lambda y: _months(y, 3 * quarter - 2, 3), m, today))


def _quarter_after_lead(m: re.Match[str], today: date) -> _Span | None:
    """ "in Q3", "uiterlijk Q1": a quarter without a year is the first that has not ended, but
    only after a word that makes it a time (a "Q3" alone may be a name)."""
    prefixed = _prefix(m.string, m.start())
    if not (m["year"] or m["rel"] or m["lead"] or prefixed):
        return None
    return _quarter(m, today)


def _half(m: re.Match[str], today: date) -> _Span:
    written = (m.groupdict().get("h") or m["hw"]).lower()
    half = int(written[0]) if written[0].isdigit() else _ORDINALS[written]
    return _plain(*_place(lambda y: _months(y, 6 * half - 5, 6), m, today))


def _season(m: re.Match[str], today: date) -> _Span:
    first = _SEASONS[m["season"].lower()]
    if m["this"] and not (m["year"] or m["rel"]):
        # "dit voorjaar" is this year's, also when it is past; "deze winter" in January or
        # February is the one that began in December. But a request for "dit voorjaar" made
        # more than three months after it ended ("... dit voorjaar aan de Kamer voor te leggen",
        # said in December) asks for the next one: a request is not for a time long gone.
        year = today.year - (first == 12 and today.month <= 2)
        start, end = _months(year, first, 3)
        if end < today - timedelta(days=91) and _ASKED_VERB_AFTER.match(m.string, m.end()):
            start, end = _months(year + 1, first, 3)
        return _plain(start, end)
    return _plain(*_place(lambda y: _months(y, first, 3), m, today))


def _year_part(m: re.Match[str], today: date) -> _Span | None:
    part = _PARTS[m["part"].lower()]
    if m["thisyear"] and part != "eind":
        return None  # "begin van het jaar" in December means January: too vague to guess
    first, count = {"begin": (1, 3), "medio": (5, 4), "eind": (10, 3)}[part]
    if m["thisyear"]:
        start, end = _months(today.year, first, count)
    else:
        start, end = _place(lambda y: _months(y, first, count), m, today)
    return _Span(start, end, end if part == "eind" else start - timedelta(days=1))


def _relative_month(m: re.Match[str], today: date) -> _Span | None:
    """ "(voor het einde van) deze maand", "volgende maand", "eind komende maand"."""
    part = _PARTS[m["part"].lower()] if m["part"] else None
    if m["mrel"] == "deze":
        if part not in (None, "eind"):
            return None  # "begin deze maand aangekondigd" is past: context, no deadline
        year, month = today.year, today.month
    else:
        following = add_months(today.replace(day=1), 1)
        year, month = following.year, following.month
    start, end = _month_span(year, month, part)
    return _Span(start, end, end if part == "eind" else start - timedelta(days=1))


def _year(m: re.Match[str], today: date) -> _Span:
    start, end = _place(lambda y: (date(y, 1, 1), date(y, 12, 31)), m, today)
    return _Span(start, end, None if m["rel"] else start - timedelta(days=1))


def _numeric_date(m: re.Match[str], today: date) -> _Span | None:
    year = int(m["y"] or m["y2"])
    if not 1900 <= year <= 2100:
        return None
    day = date(year, int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
    return _plain(day, day)


# --- The parliamentary calendar ------------------------------------------------------------------

_RECESS_WORDS = {"zom": "zomerreces", "ker": "kerstreces", "kro": "voorjaarsreces",
                 "voo": "voorjaarsreces", "mei": "meireces", "her": "herfstreces"}  # fmt: skip


def _estimated(recess: kamer.Recess, *, start: bool) -> str:
    if not (recess.estimated_start if start else recess.estimated_end):
        return ""
    return f"geen recesdata voor {recess.year} bekend"


def _written_year(m: re.Match[str], today: date) -> int | None:
    if m["year"]:
        return int(m["year"])
    if m["rel"]:
        return today.year + _RELATIVE_YEARS[m["rel"].lower()[:4]]
    return None


def _recess_name(m: re.Match[str]) -> str | None:
    return _RECESS_WORDS.get(m["rword"][:3])  # None for "het reces": the next of any kind


def _before_recess(m: re.Match[str], today: date) -> _Span:
    """Up to the day before the recess starts: this year's, or next year's once it has started;
    "van 2025" picks that year's. "Voor het reces" is the next recess of any kind."""
    name, year = _recess_name(m), _written_year(m, today)
    recess = (kamer.recess(name or "zomerreces", year) if year is not None
              else kamer.next_recess(name, today))
    if recess is None:
        raise ValueError("no recess that year")
    end = recess.start - timedelta(days=1)
    return _Span(min(today, end), end, None, _estimated(recess, start=True))


def _after_window(recess: kamer.Recess) -> tuple[date, date]:
    first = recess.end + timedelta(days=1)
    if recess.name == "zomerreces":  # two months: 2 September - 1 November
        return first, add_months(first, 2) - timedelta(days=1)
    return first, first + timedelta(days=41)  # six weeks


def _after_recess(m: re.Match[str], today: date) -> _Span:
    """From the first day after the recess: two months after the summer, six weeks after the
    others. Without a year, the first such window that has not ended by today."""
    name, year = _recess_name(m), _written_year(m, today)
    if year is not None:
        recess = kamer.recess(name or "zomerreces", year)
    else:
        names = kamer.RECESS_NAMES if name is None else (name,)
        found = [r for n in names for r in _first_not_ended(n, today)]
        recess = min(found, key=lambda r: r.end, default=None)
    if recess is None:
        raise ValueError("no recess that year")
    return _Span(*_after_window(recess), None, _estimated(recess, start=False))


def _first_not_ended(name: str, today: date) -> list[kamer.Recess]:
    for recess in kamer.recesses_from(name, today.year - 1):
        if _after_window(recess)[1] >= today:
            return [recess]
    return []


def _by_year(build: Callable[[int], tuple[date, date]], m: re.Match[str], today: date,
             offset: int = 0) -> tuple[date, date]:
    """`build` for the year written (shifted by `offset`: the Miljoenennota 2026 comes in
    2025), or else the first year whose period has not ended by today."""
    year = _written_year(m, today)
    if year is not None:
        return build(year + offset)
    for candidate in range(today.year - 1, today.year + 3):
        start, end = build(candidate)
        if end >= today:
            return start, end
    raise ValueError("no year fits")


# "de ingrepen in de Voorjaarsnota": a thing the document holds, not a request to put something in
# it ("de middelen in de Voorjaarsnota te reserveren").
_HELD_IN = re.compile(r"\b(?:de|het)\s+[^\W\d_]+\s+$")
_TO_DO = re.compile(r"\s+(?:[^\W\d_]+\s+)?te\s")


def _just_out(m: re.Match[str], today: date, out: date, until: date,
              since: date | None = None) -> None:
    """ "de belofte in de Voorjaarsnota" said in June: "in" a document of the budget cycle,
    without a year, said in the months after this year's came out (`out` – `until`) is that
    document, not next year's: no deadline. So it is from `since` (the first day it may come
    out) when the words name a thing it holds ("de ingrepen in de Voorjaarsnota", said in April)."""
    if m["blead"] != "in" or _written_year(m, today) or re.search(r"komend|volgend", m[0]):
        return
    held = (since is not None and since <= today <= out
            and _HELD_IN.search(m.string, max(0, m.start() - 40), m.start())
            and not _TO_DO.match(m.string, m.end()))
    if out < today <= until or held:
        raise _NoDeadline("het document van dit jaar was toen al verschenen, geen termijn")


def _prinsjesdag_expr(m: re.Match[str], today: date) -> _Span | None:
    # The Miljoenennota, the Belastingplan and the begroting for year Y come on Prinsjesdag Y - 1.
    pday = m.groupdict().get("pday")  # "in de begroting 2027" has no Prinsjesdag group
    offset = 0 if pday else -1
    if not pday and "blead" in m.re.groupindex:
        if not (m["year"] or m["rel"] or _as_occasion(m)):
            return None  # "het behandelschema van het Belastingplan" is a document, not a moment
        _just_out(m, today, kamer.prinsjesdag(today.year), date(today.year, 12, 31))
    day = _by_year(lambda y: (kamer.prinsjesdag(y),) * 2, m, today, offset)[0]
    return _Span(day, day, day - timedelta(days=1))


def _budget_window(year: int) -> tuple[tuple[date, date], kamer.Recess]:
    """The Kamer treats the budget for `year` from 1 October of the year before to the day
    before that year's kerstreces."""
    christmas = kamer.recess("kerstreces", year - 1)
    if christmas is None:
        raise ValueError("no kerstreces that year")
    return (date(year - 1, 10, 1), christmas.start - timedelta(days=1)), christmas


def _as_occasion(m: re.Match[str]) -> bool:
    """Whether a word makes the budget cycle's document an occasion: "bij de Voorjaarsnota",
    "voor de begroting"; "de voorjaarsnota" alone is a document, "de begroting van OCW" money."""
    return bool(m["blead"] or _prefix(m.string, m.start()))


def _budget_debate(m: re.Match[str], today: date) -> _Span | None:
    if not (m["debate"] or _as_occasion(m)) or (m["blead"] == "op" and not m["debate"]):
        return None  # "de weerbaarheidsgelden op de begroting van JenV": money in it, no moment
    year = _written_year(m, today)
    if year is None:  # the first budget debates that have not ended by today
        year = next(y for y in range(today.year, today.year + 3)
                    if _budget_window(y)[0][1] >= today)  # fmt: skip
    (start, end), christmas = _budget_window(year)
    # "voor de begrotingsbehandeling": the day before the ministry's own budget debate when the
    # register holds it (parse_period's `budget_debate`), else by 31 October.
    own = _BUDGET_DEBATE.get()
    debate = own(year) if own else None
    before = debate - timedelta(days=1) if debate else date(year - 1, 10, 31)
    return _Span(start, end, before, _estimated(christmas, start=True), "")


def _voorjaarsnota(m: re.Match[str], today: date) -> _Span | None:
    if not (m["year"] or m["rel"] or _as_occasion(m)):
        return None
    _just_out(m, today, date(today.year, 5, 31), date(today.year, 8, 31), date(today.year, 4, 1))
    start, end = _by_year(lambda y: (date(y, 4, 1), date(y, 5, 31)), m, today)
    return _Span(start, end, start - timedelta(days=1))  # it is sent before 1 June


def _verantwoordingsdag(m: re.Match[str], today: date) -> _Span | None:
    if m["report"] and not m["rlead"]:
        return None  # "het jaarverslag van de NZa" is a document, not a moment
    offset = 1 if m["report"] else 0  # the jaarverslag over Y comes in May of Y + 1
    day = _by_year(lambda y: (kamer.verantwoordingsdag(y),) * 2, m, today, offset)[0]
    return _Span(day, day, day - timedelta(days=1))


class _NoDeadline(Exception):  # noqa: N818 (not an error: words that name no deadline, and why)
    pass


# "binnen een jaar na inwerkingtreding van de wet": counted from an event without a date. Not
# "na dit debat" (the day the words were said) nor "na vandaag".
_AFTER_EVENT = re.compile(
    r"\s+(?:na|nadat|vanaf|volgend\s+op|te\s+rekenen\s+vanaf)\s+"
    r"(?!(?:dit|deze|het|afloop\s+van\s+(?:dit|het|deze))\s+(?:debat|overleg|commissiedebat"
    r"|notaoverleg|wetgevingsoverleg|algemeen\s+overleg|tweeminutendebat)\b|vandaag|heden)"
)


# What follows "binnen <time>" may say the time counts from something that happens again and
# again (later in the clause, before a comma: "ouders binnen één maand hun dossier te verstrekken
# wanneer zij daarom vragen"), or, right after it, set a norm for every case ("dat een
# letselschadezaak binnen twee jaar moet zijn beslecht"). Neither is a deadline counted from the
# day the words were said.
_EACH_TIME = re.compile(r"[^,;]*?\b(?:wanneer|zodra|telkens\s+(?:als|wanneer)|nadat)\b")
_NORM = re.compile(
    r"(?:\s+[^\W\d_]+)?\s+(?:moet(?:en)?|dien(?:t|en))\s+(?:te\s+)?(?:zijn|worden)\b")


# "dat alle kinderen die worden geplaatst, binnen een week worden gezien": every one of a kind
# handled within a time (a plural passive after it, "alle"/"elke"/"iedere" or no article at the
# head of the "dat" clause) is a norm counted from each case, not a deadline from the motion.
_HANDLED = re.compile(rf"\s+(?:[^\W\d_]+\s+)?worden\s+{_PARTICIPLE}\b")
_EVERY_ONE = re.compile(
    r"\bdat\s+(?!(?:de|het|deze|dit|die|zijn|haar|hun|onze|uw|er|hier|daar|zij|wij|ze)\b)"
    r"(?:(?!\bdat\b)[^;:])*$")


# "zorg voor ... afhandeling binnen zes weken": the handling of each claim within a time is a norm.
_CASE_NOUN = re.compile(r"\b(?:afhandeling|behandeling|beslissing|uitbetaling|terugbetaling"
                        r"|beoordeling|toekenning|betaling)\s+$")


def _within(m: re.Match[str], today: date) -> _Span | None:
    if _AFTER_EVENT.match(m.string, m.end()) or _EACH_TIME.match(m.string, m.end()):
        raise _NoDeadline("telt vanaf een gebeurtenis zonder datum, dus geen termijn")
    per_case = _CASE_NOUN.search(m.string, max(0, m.start() - 20), m.start())
    if _NORM.match(m.string, m.end()) or per_case or (_HANDLED.match(m.string, m.end()) and (
            _EVERY_ONE.search(m.string, max(0, m.start() - 200), m.start()))):
        raise _NoDeadline("een norm voor elk geval, geen termijn voor de regering")
    unit = m["unit"].lower()
    if m["half"]:
        if not unit.startswith("ja"):
            return None  # "binnen een half uur" is not a deadline we keep
        return _Span(today, add_months(today, 6), None)
    count = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
    if unit.startswith("werk"):
        end = _add_working_days(today, count)
    elif unit.startswith("dag"):
        end = today + timedelta(days=count)
    elif unit.startswith("we"):
        end = today + timedelta(weeks=count)
    else:
        end = add_months(today, count * (12 if unit.startswith("ja") else 1))
    return _Span(today, end, None)


_NUMBER = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_DAY_MONTH_1 = rf"(?:(?P<d1>[0-3]?[0-9])(?:\s+{_month('m1')})?|{_month('m1b', full_only=True)})"
_DAY_MONTH_2 = rf"(?:(?P<d2>[0-3]?[0-9])\s+)?{_month('m2')}"
# "voor" in the calendar rules, which carry the meaning of "before" themselves.
_BEFORE = (r"\b(?:v[oó][oó]r|voorafgaand\s+aan|in\s+de\s+aanloop\s+naar)\s+(?:aanvang\s+van\s+)?"
           r"(?:(?:de|het)\s+)?(?:(?:aanstaande|komende|eerstvolgende|volgende)\s+)?")
_RECESS = (r"(?P<rword>(?:zomer|kerst)(?:reces|vakantie|mis)?"
           r"|(?:krokus|voorjaars?|mei|herfst)(?:reces|vakantie)|reces)")
# Words before an occasion of the budget cycle; "voor" is found by _PREFIX.
_OCCASION = (r"\b(?:(?P<blead>bij|in|op|rond|omstreeks|tijdens|met)\s+)?(?:(?:het|de)\s+)?"
             r"(?:(?:(?:aan)?komende?|eerstvolgende|volgende)\s+)?")
# "de begroting van het Ministerie van Justitie en Veiligheid voor het jaar 2021"
_MINISTRY_SHORT = (r"(?:az|bz|buza|bzk|bhos|def|defensie|ez|ezk|ezk|fin|financi[eë]n|ienw|ienm"
                   r"|jenv|venj|lnv|ocw|szw|vws|kgg|vro|knr|hgis)")
_BUDGET_NAME = (r"(?:\s+(?:(?:van|voor)\s+(?:het\s+)?(?:ministerie\s+van\s+)?"
                rf"(?:[a-z&]+,?\s+){{0,6}}?|{_MINISTRY_SHORT}\s+)?"
                rf"(?:voor\s+)?(?:het\s+jaar\s+)?{_WHEN})?")

# At the same start position the longest match wins; on equal length the earlier rule. The last
# element of a rule is its trigger: words without which the rule cannot match, searched for first
# because that is much cheaper than the rule (a text names one or two expressions, not sixteen).
_ANY_MONTH = rf"{_MONTH_FULL}|{_MONTH_ABBR}"
_RULES: list[tuple[str, Callable[[re.Match[str], date], _Span | None], str]] = [
    (rf"{_BEFORE}{_RECESS}\b(?:{_SEP}{_WHEN})?", _before_recess, r"zomer|kerst|reces"),
    (rf"\bna\s+(?:afloop\s+van\s+)?(?:(?:de|het)\s+)?{_RECESS}\b(?:{_SEP}{_WHEN})?",
     _after_recess, r"\bna\s"),
    (rf"\b(?:binnen|(?<=uiterlijk\s)over|over\s+uiterlijk)\s+(?:(?P<half>(?:een\s+)?half)\s*"
     rf"|(?P<n>[0-9]{{1,3}}|{_NUMBER})\s+)"
     r"(?P<unit>werkdag(?:en)?|dag(?:en)?|weken|week|maand(?:en)?|jaar|jaren)\b", _within,
     r"binnen|uiterlijk"),
    (r"(?<![0-9])(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])"
     r"|(?<![0-9./-])(?P<d2>[0-9]{1,2})(?P<sep>[-/])(?P<m2>[0-9]{1,2})(?P=sep)(?P<y2>[0-9]{4})"
     r"(?![0-9])",
     _numeric_date, r"[0-9][-/]"),
    (rf"(?:\bvan\s+)?\b{_DAY_MONTH_1}\s*(?:t/m|t\.m\.|tot\s+en\s+met|[-–])\s*{_DAY_MONTH_2}"
     rf"{_YEAR_OR_MARK}", _range, r"t/m|t\.m\.|tot\s+en\s+met|[-–]"),
    (rf"{_LEAD}{_DAY}\s+{_month('month')}{_YEAR_OR_MARK}", _day, _ANY_MONTH),
    (rf"{_LEAD}(?:{_PART})?{_month('month')}{_YEAR_OR_MARK}", _month_expr, _ANY_MONTH),
    (rf"\b(?:het\s+)?q(?P<q>[1-4])(?:\s*-\s*|{_SEP}){_WHEN}", _quarter, r"q[1-4]"),
    (rf"{_LEAD}q(?P<q>[1-4])\b(?:(?:\s*-\s*|{_SEP}){_WHEN})?", _quarter_after_lead, r"q[1-4]"),
    (rf"{_LEAD}(?P<qw>eerste|tweede|derde|vierde|laatste|[1-4](?:e|ste|de))\s+kwartaal\b"
     rf"(?:{_SEP}{_WHEN})?", _quarter, r"kwartaal"),
    (rf"\bh(?P<h>[12])(?:\s*-\s*|{_SEP}){_WHEN}", _half, r"h[12]"),
    (rf"{_LEAD}(?P<hw>eerste|tweede|[12](?:e|ste|de))\s+(?:helft|halfjaar|half\s+jaar)\b"
     rf"(?:{_SEP}{_WHEN})?", _half, r"helft|halfjaar|half\s+jaar"),
    (rf"{_LEAD}(?:(?:komende?|aanstaande?|volgende?|(?P<this>dit|deze))\s+)?"
     rf"(?P<season>voorjaar|lente|zomer|najaar|herfst|winter)\b(?:{_SEP}{_WHEN})?", _season,
     r"voorjaar|lente|zomer|najaar|herfst|winter"),
    (rf"{_LEAD}{_PART}(?:{_WHEN}|(?P<thisyear>het\s+(?:kalender)?jaar\b))", _year_part,
     r"begin|medio|half|midden|eind|ultimo"),
    (rf"{_LEAD}(?:{_PART})?(?:(?:de|het)\s+)?(?P<mrel>deze|volgende|komende)\s+maand\b",
     _relative_month, r"maand"),
    (rf"{_OCCASION}(?:(?P<pday>prinsjesdag)|miljoenennota|belastingplan(?:nen)?)\b"
     rf"(?:{_SEP}{_WHEN})?", _prinsjesdag_expr, r"prinsjesdag|miljoenennota|belastingplan"),
    (rf"\b(?:in|met)\s+de\s+(?:[a-z]+-)?begroting(?:en)?\b(?:\s+voor)?(?:{_SEP}{_WHEN})",
     _prinsjesdag_expr, r"begroting"),
    (rf"{_OCCASION}(?:(?P<debate>(?:[a-z]+-)?(?:begrotingsbehandeling(?:en)?"
     r"|begrotingsdebat(?:ten)?)"
     r"|behandeling\s+van\s+de\s+(?:[a-z]+-?)?begroting(?:en)?)|(?:[a-z]+-?)?begroting(?:en)?)\b"
     rf"{_BUDGET_NAME}", _budget_debate, r"begroting"),
    (rf"{_OCCASION}(?:voorjaarsnota|voorjaarsbesluitvorming|voorjaarspakket)\b"
     rf"(?:{_SEP}{_WHEN})?", _voorjaarsnota, r"voorjaars"),
    (r"\b(?:(?P<rlead>bij|in|met|rond|tijdens|op)\s+)?(?:(?:het|de)\s+)?"
     r"(?:(?P<report>(?:financieel\s+)?jaarverslag(?:en)?)|verantwoordingsdag)\b"
     rf"(?:(?:{_SEP}|\s+over\s+){_WHEN})?", _verantwoordingsdag, r"jaarverslag|verantwoordingsdag"),
    (rf"{_LEAD}{_WHEN}", _year, r"[0-9]{4}|jaar"),
]  # fmt: skip


def _trigger(words: str) -> Callable[[str], bool]:
    """A test for a rule's trigger. Plain words are looked for with `in`, which is several times
    cheaper than a regular expression; at 20 rules a text that matters (10,000 texts: 0.3 s)."""
    if re.fullmatch(r"[a-z|]+", words):
        literals = tuple(words.split("|"))
        return lambda text: any(literal in text for literal in literals)
    return re.compile(words).search


_COMPILED = [(re.compile(pattern), handler, _trigger(trigger))
             for pattern, handler, trigger in _RULES]

# A start is no deadline: "na 2027", "vanaf 1 januari", "niet voor 2027"; nor is the year data
# are about ("cijfers over 2018").
_START = re.compile(
    r"\b(?P<word>na|vanaf|sinds|niet\s+v[oó][oó]r|niet\s+eerder\s+dan|pas\s+(?:na|vanaf)"
    r"|met\s+ingang\s+van|m\.i\.v\.|(?<!debat\s)over)\s+(?:het\s+jaar\s+)?$"
)
# "Motie ... over per 2026 meer prestatieafspraken", "over binnen een maand ... uitvoeren": "over"
# introduces a title, and the time has its own preposition; it is no "cijfers over 2018".
_OWN_PREPOSITION = re.compile(r"(?:in|op|per|binnen|uiterlijk|v[oó][oó]r|rond|omstreeks)\s")
# "te verlengen tot eind 2026", "tot en met 2027 voort te zetten": how long something lasts.
_UNTIL = re.compile(r"\b(?:tot(?:\s+(?:en\s+met|aan))?|t/m)$")
# "richting 2070", "op weg naar 2050", "een groeipad naar 3,5 % van het bbp in 2035": a horizon
# year, or the year of a level to grow towards. Not "richting de zomer" or "in de aanloop naar",
# which lead up to a time like "voor"; nor "naar 100 % uiterlijk in" or "naar 30 % binnen twee
# jaar" (a level to reach by a time).
_YEAR_AT = re.compile(r"(?:(?:begin|medio|eind)\s+)?(?:19[0-9]{2}|20[0-9]{2}|2100)\b")
_HORIZON = re.compile(
    r"\b(?:richting|in\s+de\s+richting\s+van|(?:op\s+weg|toe\s+te\s+werken|toewerken)\s+naar)"
    r"\s+$|\b(?P<level>naar)\s+(?:[a-z]+\s+){0,2}[0-9][0-9,.]*\s*(?:%|procent\b)"
    r"(?:(?!uiterlijk|v[oó][oó]r\b|binnen)[^,;:]){0,45}$")
# "toe te werken naar een verbod op consumentenvuurwerk uiterlijk in 2020", "aan te sturen op een
# reductie van antibioticagebruik van 90% in 2017": the year of the target the government is to
# work or steer towards, not a time to deliver by (only a year: a target's horizon; "toe te werken
# naar de top in juni 2025" names an occasion). Not after "voor" or "binnen" ("in te zetten op het
# verlagen van ... naar 30% binnen twee jaar"), nor when the request's own "te" verb follows ("...
# en de Kamer in 2025 te informeren": an "en" ends the target).
_TOWARDS_WORDS = ("werken", "sturen", "zetten", "streven", "koersen")
_TOWARDS = re.compile(
    r"\b(?:toe\s+te\s+werken|toewerken|aan\s+te\s+sturen|aansturen|in\s+te\s+zetten|inzetten"
    r"|te\s+streven|streven|te\s+koersen|koersen)\s+(?:naar|op)\s+"
    r"(?:(?!\bte\s|\ben\s)[^,;:()]){1,100}$")
_YEAR_ONLY = re.compile(r"(?:(?:in|per|rond|omstreeks)\s+)?(?:(?:begin|medio|eind)\s+)?"
                        r"(?:19[0-9]{2}|20[0-9]{2}|2100)")
# "voortaan op Prinsjesdag", "vanaf volgend jaar ... tijdens Prinsjesdag": a duty from now on,
# every time, in the same phrase (not after a comma or "en": "voortaan ..., en voor de zomer").
_STANDING_WORDS = ("voortaan", "vervolg", "vanaf", "ingang")
_STANDING = re.compile(
    r"\b(?:voortaan|in\s+het\s+vervolg|vanaf\s+nu"
    r"|(?:vanaf|met\s+ingang\s+van)\s+(?:[a-z]+\s+){0,2}?(?:jaar\b|[0-9]))")
_PHRASE_EDGE = re.compile(r"[,;:()]|\ben\b")
# Words one of which a text needs for any rule of _belongs_elsewhere ("%" aside): a set of words
# is cheaper than looking for each around every time (docs/PERFORMANCE.md).
_ELSEWHERE_WORDS = frozenset({
    "richting", "weg", "toewerken", "werken", "procent", "aansturen", "inzetten", "streven",
    "koersen", "voortaan", "vervolg", "vanaf", "ingang",
    "nemen", "opgenomen", "leggen", "vastgelegd", "spreken", "afgesproken", "verankeren",
    "verankerd", "eisen", "voorwaarde", "voorwaarden", "houden", "scenario", "scenario’s",
    "scenarios"})
# "op te nemen dat Tata Steel ... uiterlijk in 2037", "vast te houden aan de doelstelling om ...
# uiterlijk in 2033": the time is part of what the government is to lay down, demand or keep to
# (a target or condition for others), not when it must act. Not "ervoor te zorgen dat", which
# asks for the outcome itself, nor "het doel te stellen dat" (a labelled deadline), nor "op
# voorwaarde dat het kabinet voor 1 juli ...", a condition on the request itself.
_CONTENT_WORDS = ("te nemen", "opgenomen", "te leggen", "vastgelegd", "te spreken",
                  "afgesproken", "veranker", "te eisen", "voorwaarde", "vast te houden")
_CONTENT = re.compile(
    r"\b(?:(?:op\s+te\s+nemen|opgenomen|vast\s+te\s+leggen|vastgelegd|af\s+te\s+spreken"
    r"|afgesproken|te\s+verankeren|verankerd|te\s+eisen|voorwaarden?\s+te\s+stellen)\s+dat"
    r"|vast\s+te\s+houden\s+aan\b[^,;:]{0,80}?\b(?:om|dat))\b")
_REQUEST_EDGE = re.compile(r"[;:]|\ben\b")
# "een scenario uit te werken met ... vier kerncentrales in uiterlijk 2040": the scenario's year;
# not when a verb follows the time ("deze scenario's met ... uiterlijk 1 juli te sturen").
_SCENARIO = re.compile(r"\bscenario(?:'s|’s|s)?\b[^,;:]*?\b(?:met|waarin|waarbij|dat|die)\b")
_TO_VERB = re.compile(r"[^,;:]*?\bte\s")
# Negation is context: "niet te wachten tot het najaar". Not "niet later dan", which is a prefix.
_NEGATION = re.compile(r"\bniet\b(?:\s+\S+){0,3}\s+$")
_NOT_LATER = re.compile(r"niet\s+later\s+dan\b")  # "niet later dan (kort na) ...": "uiterlijk"
# A year after these words names the thing ("de begroting 2026", "het jaartal 2034"); the
# calendar rules read the ones that are occasions ("bij de begroting 2026").
_NAME_WORDS = re.compile(
    r"(?:begroting(?:en)?|voorjaarsnota|najaarsnota|jaarverslag(?:en)?|miljoenennota"
    r"|belastingplan(?:nen)?|\bjaartal|\bpeiljaar|\bprijspeil|\bbasisjaar|\breferentiejaar"
    r"|\bijkjaar)\s+$"
)
# "een EU-klimaatdoel voor 2040", "de doelstelling voor 2030": the year names the target, like
# "het 2030-doel"; it is no deadline to deliver anything by.
# "een perspectief voor 2050 te schetsen", "een visie voor 2030": the horizon a view looks to.
_TARGET = re.compile(r"(?:perspectief|\bvisie|toekomstvisie|toekomstbeeld|eindbeeld)\s+voor\s+$"
                     r"|(?:doel|doelen|doelstellingen|doelstelling|ambities?|streefcijfers?"
                     r"|streefwaarden?|targets?)\s+(?:(?:voor|in|van)\s+)?$")
# "als beleidsdoel te stellen dat alle gemeenten uiterlijk in 2030 ...": the year of a target the
# government is asked to set, as in "de doelstelling voor 2030", not a deadline to deliver by.
_GOAL = re.compile(
    r"\bals\s+(?:beleids)?doel(?:stelling)?\s+(?:te\s+)?(?:stellen|hanteren|formuleren|vastleggen"
    r"|nemen)\s+dat\b[^;:]*$"
)
_LAW = re.compile(r"\b(?:Wet|Besluit)\s+(?:[^\W\d_][\w-]*,?\s+){0,8}?([^\W\d_][\w-]*)\s+$")
_TIME_WORDS = {"voor", "vóór", "uiterlijk", "in", "op", "per", "na", "vanaf", "tot", "van",
               "sinds", "rond", "omstreeks", "begin", "medio", "eind", "einde", "halverwege",
               "en", "of", "dan", "jaar", "laatste"}  # fmt: skip
# "de in de Voorjaarsnota voorgestelde wijzigingen", "de naar verwachting eind dit jaar in werking
# tredende verordening": an article right before a time that starts with a preposition or a part
# of the year makes the words describe a noun that follows (a thing done or expected by others),
# not a deadline. Not "de in 2025 te nemen stappen", which are still to be done. "het" only after
# a preposition: "dat het voor de zomer mogelijk wordt" is the pronoun.
_ATTRIBUTIVE = re.compile(
    r"(?:\b(?:de|een)(?:\s+(?:v[oó][oó]r|uiterlijk))?"
    r"|\b(?:van|over|in|op|bij|met|aan|uit|naar|voor|door|om|tot)\s+het)\s+"
    r"(?:naar\s+verwachting\s+)?$"
)
# "op het niveau van dit jaar": the year is a measure, not a deadline.
_LEVEL = re.compile(r"(?:niveau|peil)\s+van\s+(?:v[oó][oó]r\s+)?$")
# "een dekkingsgraad van 105% voor het jaar 2022", "het budget voor de jaren 2020 en 2021": the
# year something is for (as "voor volgend jaar"), not a time to act before. (The budget "voor
# het jaar 2026" is left to the budget rules: "bij de aanbieding van de begroting ... voor het
# jaar 2026".)
_FOR_YEAR = re.compile(r"\b(?:voor|van)\s+(?:het\s+(?:kalender)?jaar|de\s+jaren)\s+"
                       r"(?:(?:19|20)[0-9]{2}\s*(?:,|en|of|t/m|tot(?:\s+en\s+met)?)\s*)*$")
# "afgelopen zomer", "vorige maand", "eerder dit jaar": a time that the words themselves put in
# the past. (Without them "zomer" would be read as the next one.)
_GONE = re.compile(r"\b(?:afgelopen|vorige?|voorbije|eerder)\s+$")
# "jaarlijks voor 1 juli", "elk jaar voor de zomer", "elke zomer": a time that comes back is a
# routine, not a deadline (the labelled sets give such clauses none).
_EVERY = re.compile(
    r"\b(?:(?:half|drie)?jaarlijks|(?:elk|ieder)e?\s+jaar|telkens|periodiek)\b,?[^,;]{0,25}$"
    r"|\b(?:elk|ieder)e?\s+$")  # "elke zomer", "ieder voorjaar"
# "in 2012 en volgende jaren", "vanaf 2026 en de jaren daarna": every year from then on.
_EVERY_AFTER = re.compile(r"\s+(?:van\s+)?(?:elk|ieder)e?\s+jaar\b|\s+en\s+(?:de\s+)?(?:(?:daarop)?"
                          r"volgende|latere|komende|verdere)\s+jaren\b|\s+en\s+de\s+jaren\s+daarna\b"
                          # "voor de begroting 2021 en volgende": "jaren" left out
                          r"|\s+en\s+(?:daarop)?volgende\b(?!\s+(?:week|maand|kwartaal|jaar|keer)\b)")
# "de brief van 12 maart", "de cijfers van 2023": a date that belongs to the thing before it.
# ("uit april", "uit de Miljoenennota": where something comes from.)
_OF_THING = re.compile(r"\b(?P<noun>[^\W\d_]+)\s+van\s+$")
# "voor het commissiedebat mestbeleid van 7 november": the date of the debate the request is before.
_OCCASION_BEFORE = re.compile(r"\b(?:v[oó][oó]r|uiterlijk|voorafgaand\s+aan|tijdens|bij)\s+"
                             r"(?:(?:de|het)\s+)?(?:[a-z]*debat\s+)?$")
_RANGE_END = re.compile(r"\s*(?:tot|t/m|naar|-|–)")  # "van 2025 tot 2028": a range
_DATE_START = re.compile(rf"[0-9]|(?:{_MONTH_FULL})\b")
_NOT_THINGS = {"einde", "eind", "begin", "loop", "midden", "helft", "kwartaal", "week", "maand",
               "deadline", "termijn", "datum", "streefdatum", "einddatum", "ingangsdatum",
               "jaar", "periode", "ingang", "voorjaar", "zomer", "najaar", "winter", "herfst",
               "tot", "vanaf", "en", "of"}
_VAGUE = re.compile(
    r"zo\s+(?:spoedig|snel)\s+mogelijk|binnenkort|te\s+zijner\s+tijd|op\s+(?:korte\s+)?termijn"
    r"|zsm|spoedig|zo\s+snel\s+als\s+(?:mogelijk|kan)"
)


class _Found(NamedTuple):
    start: int
    end: int
    order: int
    span: tuple[date, date] | None  # None: words that name no deadline, for `reason`
    reason: str = ""  # why the words name no deadline (Dutch), when span is None
    note: str = ""  # why the period is estimated (Dutch), when it is


def _with_prefix(
    text: str, start: int, span: _Span, today: date, *, is_debate: bool = False
) -> tuple[int, tuple[date, date], str]:
    """Apply "voor" (up to the day before) or "uiterlijk" (up to and including) written before
    the expression. Such a period runs from today, but never starts after it ends. Returns where
    the words start, the period, and why it is estimated ("" when it is not).

    "voor het debat over de Voorjaarsnota": the debate on a document comes after it, so up to
    the end of the document's period; unless the expression is a debate itself (`is_debate`:
    "voor het debat over de OCW-begroting" is before the budget debate)."""
    prefix = _prefix(text, start) if span.before is not None else None
    if prefix is None:
        end_of = (text.startswith("van ", start - 4) and span.before is not None
                  and _END_OF.search(text, max(0, start - 50), start))
        if end_of:
            return end_of.start(), (min(today, span.end), span.end), span.note
        return start, (span.start, span.end), span.note
    after_debate = ("debat" in prefix[0] or "behandeling" in prefix[0]) and not is_debate
    if after_debate or prefix["prefix"].split()[0] in ("uiterlijk", "niet", "ten"):
        return prefix.start(), (min(today, span.end), span.end), span.note
    return prefix.start(), (min(today, span.before), span.before), span.before_note


def _name_year(original: str, m: re.Match[str]) -> bool:
    """A year that belongs to a name: "het 2030-doel", "het jaartal 2034", "Belastingplan 2025",
    "het klimaatdoel voor 2040"."""
    window = m.string[max(0, m.start() - 200) : m.start()]
    if m["year"] and ("doel" in window or "ambitie" in window or "streef" in window
                      or "target" in window or "perspectief" in window or "visie" in window
                      or "beeld" in window) and (
        _TARGET.search(m.string, max(0, m.start() - 40), m.start())
        or _GOAL.search(m.string, max(0, m.start() - 200), m.start())
    ):
        return True
    if m["lead"] or not m["year"]:
        return False
    if re.match(r"-[^\W\d_]", original[m.end() :]) or _NAME_WORDS.search(m.string, 0, m.start()):
        return True
    if m.start("year") != m.start():
        return False
    # "Belastingplan 2025", and "het Bestuurlijk Overleg Leefomgeving van 2024": a capital that
    # does not begin a sentence starts a name, and the year after it (or after its "van") is part
    # of the name.
    before = re.search(r"(?<![.:;!?(])\s([^\W\d_][\w-]*)\s+(?:van\s+)?$",
                       original[max(0, m.start() - 40) : m.start()])
    if before and before[1][0].isupper():
        return True
    # "de Wet op de inlichtingen- en veiligheidsdiensten 2017": the year ends a law's title,
    # unless the word before it makes it a time ("de Wet open overheid voor 2026 evalueren").
    window = original[max(0, m.start() - 100) : m.start()]
    law = ("Wet" in window or "Besluit" in window) and _LAW.search(window)
    return bool(law and law[1].lower() not in _TIME_WORDS)


# A clause in the past tense tells what happened or was planned, not what is asked ("als dit
# voorjaar was beoogd", "In 2019 werden 6.629 incidenten geregistreerd"); so does a relative or
# "zoals" clause in the perfect ("het besluit dat in maart is genomen", "zoals in de
# Miljoenennota is aangekondigd"), but not one with a modal verb ("die in 2026 moeten zijn
# afgerond") nor a clause that asks for a state ("ervoor te zorgen dat in 2025 alle scholen zijn
# aangesloten").
_PAST_FORMS = (r"was|waren|werd|werden|had|hadden|zei|zeiden|sprak|spraken|kwam|kwamen|ging"
               r"|gingen|gaf|gaven|stond|stonden|liet|lieten|hield|hielden|bleef|bleven|schreef"
               r"|schreven|besloot|beloofde|beloofden|kondigde|kondigden|stelde|stelden"
               r"|presenteerde|publiceerde|verscheen|deed|deden|bracht|brachten|vond|vonden"
               r"|leek|leken|wilde|wilden|kon|konden|moest|moesten|zag|zagen")
_PAST = re.compile(rf"\b(?:{_PAST_FORMS})\b")
_PERFECT = re.compile(r"\b(?:is|zijn|heeft|hebben)\b")
# For a quick test whether a text holds any of these verbs at all: a set of words is several times
# cheaper than a regular expression of forty alternatives (docs/PERFORMANCE.md).
_TENSE_WORDS = frozenset(_PAST_FORMS.split("|") + ["is", "zijn", "heeft", "hebben"])
_PUNCTUATION = str.maketrans(",.;:()!?\"'«»", " " * 12)
# The auxiliary and the participle stand together at the end of a Dutch subordinate clause.
_PERFECT_VERBS = re.compile(
    rf"\b(?:is|zijn|heeft|hebben)\s+{_PARTICIPLE}\b|{_PARTICIPLE}\s+(?:is|zijn|heeft|hebben)\b")
_RELATIVE_CLAUSE = re.compile(
    r"\b(?:die|welke|waar(?:in|mee|bij|over|van|op|door|aan|uit|voor)|zoals|toen"
    r"|(?:het|een|dit)\s+[^\W\d_]+\s+dat)\b[^,;:()]*$")
_MODAL = re.compile(r"\b(?:moet|moeten|dient|dienen|zal|zullen|kan|kunnen|mag|mogen)\b")
# Where a clause ends: punctuation, "en", "om", or the infinitive of a request ("... te sturen en
# de Kamer in het voorjaar te informeren": a "was" before it is in another clause).
_CLAUSE_EDGE = re.compile(r"[,;:()]|\b(?:en|om|te)\s")
_DEADLINE_WORD = re.compile(r"(?:v[oó][oó]r|uiterlijk|binnen|voorafgaand|niet\s+later"
                            r"|ten\s+laatste|ter\s+voorbereiding|in\s+de\s+aanloop)\b")


def _told_as_past(text: str, start: int, end: int, *, past: bool) -> bool:
    """Whether the clause around the words from `start` to `end` is in the past tense, or in the
    perfect: a relative clause, or any clause when the time is `past` already ("in 2024 is
    besloten"). The words then say when something happened, not by when."""
    left = text[max(0, start - 150) : start]
    edges = [edge.end() for edge in _CLAUSE_EDGE.finditer(left)]
    left = left[edges[-1] if edges else 0 :]
    right = text[end : end + 150]
    edge = _CLAUSE_EDGE.search(right)
    # The verbs of the time's own clause stand after it (Dutch puts them last), or right before
    # it ("zoals werd aangekondigd in de Miljoenennota"); a verb further back may end a relative
    # clause of its own ("dat de middelen die waren toegezegd in 2025 beschikbaar komen"), which
    # matters only for a time still ahead.
    verbs = (left if past else left[-30:]) + " " + (right[: edge.start()] if edge else right)
    if _PAST.search(verbs):
        return True
    return bool(_PERFECT_VERBS.search(verbs) and (past or _RELATIVE_CLAUSE.search(left))
                and not _MODAL.search(left + verbs))


def _in_clause(pattern: re.Pattern[str], text: str, start: int, reach: int,
               edge: re.Pattern[str]) -> int | None:
    """Where `pattern` occurs in the `reach` characters before `start` after the last `edge`."""
    left = max(0, start - reach)
    edges = [found.end() for found in edge.finditer(text, left, start)]
    found = pattern.search(text, edges[-1] if edges else left, start)
    return found.start() if found else None


def _belongs_elsewhere(text: str, start: int, end: int) -> tuple[str, int]:
    """Why the time from `start` to `end` belongs to something other than the request's deadline
    ("" when it does not), and where the words that say so begin: a direction, a standing duty,
    what is to be laid down or kept, a scenario."""
    earlier = text[max(0, start - 60) : start]
    horizon = ("richting" in earlier or ("naar" in earlier and (
        "%" in earlier or "procent" in earlier or "weg" in earlier or "werken" in earlier))
    ) and _HORIZON.search(earlier)
    if horizon and not (_DEADLINE_WORD.match(text, start) if horizon["level"]
                        else not _YEAR_AT.match(text, start)):
        return "een richting of horizon, geen termijn", max(0, start - 60) + horizon.start()
    towards = text[max(0, start - 130) : start]
    if _YEAR_ONLY.fullmatch(text, start, end) and any(word in towards for word in _TOWARDS_WORDS):
        target = _TOWARDS.search(towards)
        lead = _prefix(text, start)
        if target and not (_DEADLINE_WORD.match(text, start) or _TO_VERB_IN_PHRASE.match(text, end)
                           or (lead and lead["prefix"] != "uiterlijk")):
            return "het jaar van een doel waar naartoe gewerkt wordt, geen termijn", start
    far = text[max(0, start - 150) : start]
    if any(word in far for word in _STANDING_WORDS):
        standing = _in_clause(_STANDING, text, start, 150, _PHRASE_EDGE)
        if standing is not None:
            return "geldt vanaf nu of vanaf een begin steeds, geen eenmalige termijn", standing
    if any(word in text[max(0, start - 400) : start] for word in _CONTENT_WORDS) and _in_clause(
            _CONTENT, text, start, 400, _REQUEST_EDGE) is not None:
        return ("hoort bij wat wordt vastgelegd, geëist of vastgehouden (een doel of voorwaarde),"
                " geen termijn voor de regering", start)
    if ("scenario" in far and _in_clause(_SCENARIO, text, start, 150, _PHRASE_EDGE) is not None
            and not _TO_VERB.match(text, end)):
        return "het jaartal van een scenario, geen termijn", start
    return "", start


# "het Bestuursakkoord ... 2022-2032", "binnen de fietsambitie 2022–2025": a span of years is the
# term or the name of a plan, not a time to deliver by.
_YEARS_BEFORE = re.compile(r"(?<![0-9])(?:19[0-9]{2}|20[0-9]{2}|2100)\s*[-–]\s*$")
_YEARS_AFTER = re.compile(r"\s*[-–]\s*(?:19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])")
# "af te zien van de geplande verhoging ... per 2027": the time of what is not to be done.
_FORGO = re.compile(r"\baf\s+te\s+zien\s+van\b")
# "de geplande verhoging van de vliegbelasting per 2027", "de voorgestelde ...verhoging voor 2027",
# "de geplande bouwprojecten voor 2023": the time of a plan, said to name the plan.
_PLANNED = re.compile(r"\b(?:geplande|voorgestelde|voorgenomen)\s+(?:[^\W\d_][\w-]*\s+){0,6}"
                      r"(?:v[oó][oó]r\s+)?$")
# "als de inspectie volgend jaar concludeert dat ...": the time of a condition, not of the request.
# Not "zodra ... later dit jaar gereed is" (as soon as: when it is expected), not "zowel ... als".
# The time may come first in the condition: "als in 2016 blijkt dat ..." (not "net als in 2016",
# "zo snel als", "zowel in 2025 als in 2026": comparisons).
_CONDITION = re.compile(r"(?<!zowel\s)(?<!\bnet\s)(?<!\bzo\s)(?<!\beven\s)"
                        r"\b(?:als|indien|mocht(?:en)?)\s+"
                        r"(?:(?:de|het|een|er|zij|hij|dit|deze|die|u|wij|we)\b[^,;:()]*)?$")
# "met het oog op het doel van 50% circulair in 2030", "het doel van 20% in 2030": a target's year.
_AIM = re.compile(r"\bmet\s+het\s+oog(?:\s+op\b[^,;:()]*)?\s*$"
                  r"|\bdoel(?:stelling)?\s+van\s+[0-9][^,;:()]{0,40}$")
# "de afspraak uit het Klimaatakkoord om in 2030 ... aardgasvrij gemaakt te hebben los te laten",
# "de belofte om de tekorten in 2022 tot nul terug te brengen niet te breken": the time is part
# of what an agreement, promise or intention holds (its "om te" clause, before its verb), not
# when the government must act on it.
_PROMISE_WORDS = ("afspra", "belofte", "voornemen", "ambitie", "streven", "intentie", "plan",
                  "doel")
_PROMISE = re.compile(
    r"\b(?:de|het|deze|dit|die|dat|haar|zijn|hun)\s+(?:[^\W\d_]+\s+)?"
    r"(?:afspra(?:ak|ken)|beloften?|beloftes|voornemens?|ambities?|streven|intenties?|plan(?:nen)?"
    r"|[^\W\d_]*doel(?:en|stellingen?)?)"
    r"(?:\s+(?!(?:is|zijn|was|waren|blijft|blijven)\b)[^\s,;:()]+){0,6}?\s+om\s+"
    r"(?:(?!\bte\s)[^,;:()])*$")
# "de ambitie te gaan hanteren dat in 2023 iedereen kan beschikken over ...", "een reductiedoel vast
# te stellen voor het volume (in kg) dat in 2030 ... wordt bereikt", "het doel om ... leidend te
# laten zijn in 2022": a time in the clause that says what a goal, target or ambition holds
# ("dat", "die", "om" after it) is the goal's year, not a time for the request. Not when the
# request's own "te" verb follows the time ("het doel te stellen dat de eerste SMR in 2035 ...
# wordt gerealiseerd en daarvoor in januari 2025 te starten"), nor after "voor" or "binnen"; and
# a goal named as a thing ("het doel", "een reductiedoel"), not the request's own purpose ("met
# als doel om deze te kunnen betrekken bij de voorjaarsbesluitvorming"); and no "en" between the
# goal and its clause ("het klimaatdoel te halen en een plan te maken dat in het voorjaar naar de
# Kamer gaat": the plan's time).
_GOAL_WORDS = ("doel", "ambiti", "streef", "target")
_GOAL_CONTENT = re.compile(
    r"\b(?:de|het|een|haar|zijn|hun|dit|deze|onze)\s+(?:[^\W\d_]+\s+){0,3}?[^\W\d_]*"
    r"(?:doel(?:en|stellingen?)?|ambities?|streefcijfers?|streefwaarden?|targets?)\b"
    r"(?:\s+(?!ervoor\b|zorgen\b|en\b)[^\s,;:]+){0,14}?\s+(?:dat|die|om)\s+[^,;:]*$")
# "te onderzoeken hoe ... kan plaatsvinden voor de invoering op 1 januari 2025", "een onderzoek
# naar de vraag of een extra windpark op zee voor 2023 ... mogelijk is": the time is part of the
# question to be studied, up to the question's own verb ("of X mogelijk is en de Kamer voor de
# zomer te informeren": after "is en" the request goes on; see also _OWN_VERB_AFTER).
_QUESTION_WORDS = ("onderz", "na te gaan", "bezien", "bekijken", "verkennen", "inventari",
                   "in kaart", "uit te zoeken", "vraag")
_QUESTION = re.compile(
    r"\b(?:onderzo(?:ek|eken|eksvraag)|na\s+te\s+gaan|te\s+(?:bezien|bekijken|verkennen"
    r"|inventariseren)|in\s+kaart\s+te\s+brengen|uit\s+te\s+zoeken|(?:de|het)\s+vraag(?:stuk)?)"
    r"\b(?:\s+[^\s,;:()]+){0,8}?\s+(?:of|hoe|welke|wat|waarom|wanneer|in\s+hoeverre"
    r"|op\s+welke\s+wijze)\s+(?:(?!\bte\s|\b(?:is|zijn|kan|kunnen|wordt|worden|moet|moeten|zal"
    r"|zullen|heeft|hebben|mag|mogen|gaat|gaan)\s*(?:,|\ben\b))[^;:()])*$")
# "de mogelijkheden te onderzoeken om het congres in 2020 in Nederland te organiseren", "de
# mogelijkheden in kaart te brengen om de productie uiterlijk in 2025 te stoppen": the time is
# part of what the possibilities studied are for, up to their "te" verb.
_POSSIBILITY = re.compile(
    r"\b(?:mogelijkhe(?:id|den)|opties?|manieren|wegen|scenario'?s)\b(?:\s+[^\s,;:()]+){0,4}?\s+"
    r"(?:te\s+(?:onderzoeken|bezien|bekijken|verkennen|inventariseren)|in\s+kaart\s+te\s+brengen"
    r"|na\s+te\s+gaan|uit\s+te\s+werken)\s+om\s+(?:(?!\bte\s)[^;:()])*$")
# "... en de Kamer hierover voor de zomer te informeren": a request's verb after the time (not
# one of "door kritisch te kijken", "om ... te"), so the question has ended before it.
_OWN_VERB_AFTER = re.compile(r"(?:(?!\b(?:door|om|zonder|teneinde)\s)[^,;:()])*?\bte\s+[^\W\d_]")
# "in het kader van de voorbereiding voor de infasering van de aanlandplicht in 2017 te
# bewerkstelligen dat ...": the time belongs to the frame the request is set in; not when it is
# the frame itself ("in het kader van de begrotingsbehandeling 2026": at that debate).
_FRAME = re.compile(r"\bin\s+het\s+kader\s+van\s+(?:(?:de|het)\s+)?[^\W\d_][\w-]*\s"
                    r"(?:(?!\bte\s)[^,;:()]){1,120}$")
# "na publicatie door het CBS op 13 maart ... in kaart te brengen": the time of the event the
# request waits for, like "na 2027" a start; not "na te gaan" (a verb), nor when the request's
# verb follows in the clause ("na overleg met de gemeenten in 2025 een regeling te treffen").
_AFTER_THING = re.compile(r"\bna\s+(?!te\b)(?:(?!\bte\s)[^,;:()]){1,60}$")
# "een plasticstrategie ... die in 2050 resulteert in", "de proef die in 2016 van start gaat": a
# relative clause in the present that says what something does, or when; not one with "te", a
# modal verb or a passive ("die later dit jaar naar de Kamer wordt gestuurd": that letter is the
# occasion).
_WHICH = re.compile(r"\b(?:die|welke)\s+(?:[^\W\d_]+\s+){0,2}$")
# "de uitval van mensen die per 1 januari 2014 hun pgb verliezen strak te volgen": "die" right
# after a noun starts a relative clause, which ends with its own verb before the request's "te"
# verb; not the pronoun "(en) die voor de zomer naar de Kamer te sturen" (nothing of its own
# between the time and "te" but the request's words).
_WHICH_AFTER_NOUN = re.compile(
    r"\b(?!(?:en|of|om|dat|te|maar|ook|want|zodat|door|dan|zij|wij)\b)[^\W\d_]{3,}\s+(?:die|welke)"
    r"\s+(?:[^\W\d_]+\s+){0,2}$")
_OWN_CLAUSE = re.compile(r"((?:\s+(?!te\b)[^\W\d_]+){2,8}?)\s+te\s")
_NOT_DESCRIPTION = re.compile(r"\b(?:te|moet|moeten|dient|dienen|zal|zullen|kan|kunnen|mag|mogen"
                              r"|wordt|worden)\b")
_YEAR_IN = re.compile(r"(?:19|20)[0-9]{2}")  # a year written out ("die dit jaar ..." is not)
_TO_VERB_IN_PHRASE = re.compile(r"(?:(?!\ben\b)[^,;:()])*?\bte\s")
_UNTIL_EDGE = re.compile(r"[^,;:()]*")
# The words one of which each rule of _not_the_request but the first needs: a set test on the
# words of the text, made once per text (docs/PERFORMANCE.md); then one search per time.
_NOT_THE_REQUEST_SET = frozenset({
    "zien", "geplande", "voorgestelde", "voorgenomen", "als", "indien", "mocht", "mochten", "oog",
    "doel", "doelstelling", "die", "welke", "om", "of", "hoe", "wat", "waarom", "wanneer",
    "hoeverre", "wijze", "kader", "na"})
_NOT_THE_REQUEST_WORDS = re.compile(
    "zien|gepland|voorgeste|voorgenomen|als|indien|mocht|oog|doel|die|welke|om|na")
_LAST_EDGE = re.compile(r"(?s).*(?:[,;:()•]|\ben\b)")


def _not_the_request(text: str, start: int, end: int, words: bool = True) -> tuple[str, int]:
    """Why the time from `start` to `end` is not when the request is to be done ("" when it
    may be): a span of years, what is not to be done, a plan's time, a condition, an aim, what a
    thing does. `words` is False when the text has none of _NOT_THE_REQUEST_WORDS."""
    if (_YEARS_AFTER.match(text, end) or _YEARS_BEFORE.search(text, max(0, start - 8), start)):
        return "een reeks jaren (de looptijd of naam van iets), geen termijn", start
    if not words:
        return "", start
    window = text[max(0, start - 150) : start]
    # The phrase the time stands in: after the last comma, colon, bracket or "en".
    edge = _LAST_EDGE.match(window)
    phrase = window[edge.end() :] if edge else window
    # Rules that reach past an "en" in the phrase: "hoe vereenvoudiging en versnelling kan ...".
    if any(word in window for word in _QUESTION_WORDS) and (
            (_QUESTION.search(window) and not _OWN_VERB_AFTER.match(text, end))
            # before the verb of what the possibilities are for (the "om" clause's "te")
            or (" om " in window and _POSSIBILITY.search(window))):
        return "hoort bij de vraag die onderzocht wordt, geen termijn", start
    # (Four tests with "in" rather than any() over _GOAL_WORDS: this runs for nearly every time.)
    if ("doel" in window or "ambiti" in window or "streef" in window or "target" in window) and (
            _GOAL_CONTENT.search(window)) and not (
            _OWN_VERB_AFTER.match(text, end) or _DEADLINE_WORD.match(text, start)
            or (_prefix(text, start) or {"prefix": "uiterlijk"})["prefix"] != "uiterlijk"):
        return "hoort bij wat een doel of ambitie inhoudt, geen termijn", start
    if "kader" in window and _FRAME.search(window) and not (
            _DEADLINE_WORD.match(text, start) or _prefix(text, start)):
        return "hoort bij het kader (in het kader van …), geen termijn", start
    if not _NOT_THE_REQUEST_WORDS.search(phrase):
        return "", start
    led = _DEADLINE_WORD.match(text, start) or _prefix(text, start)
    if "zien" in phrase and not led and _FORGO.search(phrase):
        return "de tijd van iets dat de regering niet moet doen, geen termijn", start
    to_verb = _TO_VERB_IN_PHRASE.match(text, end)
    planned = "gepland" in phrase or "voorgeste" in phrase or "voorgenomen" in phrase
    if planned and not to_verb and _PLANNED.search(phrase):
        return "de tijd van een plan, om het plan te noemen, geen termijn", start
    if ("als" in phrase or "indien" in phrase or "mocht" in phrase) and not led and not to_verb:
        condition = _CONDITION.search(window)
        # With the time first, "als dit voorjaar was beoogd" is "as was intended": no condition.
        if condition and not (condition.end() == len(window) and (
                "zowel" in phrase or _PAST.search(_UNTIL_EDGE.match(text, end)[0]))):
            return "hoort bij een voorwaarde (als …), geen termijn", max(0, start - 150) + (
                condition.start())
    if ("oog" in phrase or "doel" in phrase) and not led and _AIM.search(window):
        return "het jaar van een doel waar iets op gericht is, geen termijn", start
    if " om " in phrase and any(word in phrase for word in _PROMISE_WORDS) and _PROMISE.search(
            phrase):
        return ("hoort bij wat een afspraak, belofte of voornemen inhoudt, geen termijn voor de"
                " regering", start)
    if ("na" in phrase and not led and _AFTER_THING.search(phrase)
            and not _ASKED_VERB_AFTER.match(text, end)):
        return "de tijd van iets waarna gehandeld wordt (na …), geen termijn", start
    relative = "die" in phrase[-40:] or "welke" in phrase[-40:]
    if relative and not led and _WHICH.search(phrase) and _YEAR_IN.search(text, start, end):
        clause = _UNTIL_EDGE.match(text, end)[0]
        own = _OWN_CLAUSE.match(clause) if _WHICH_AFTER_NOUN.search(phrase) else None
        clause = own[1] if own else clause
        if not (_NOT_DESCRIPTION.search(clause) or _PAST.search(clause)):
            return "beschrijft wat iets doet of wanneer het begint, geen termijn", start
    return "", start


def _context(original: str, text: str, start: int, end: int,
             elsewhere: bool = True, others: bool = True) -> tuple[str, int]:
    """Why the words from `start` to `end` are context rather than a deadline ("" when they are
    not), and where the words that make them so begin. `text` is `original` case-folded;
    `elsewhere` is False when it has none of the words that _belongs_elsewhere needs, `others`
    when it has none that _not_the_request needs beyond a span of years."""
    negated = "niet" in text[max(0, start - 40) : start] and _NEGATION.search(
        text, max(0, start - 40), start)
    if negated and not _NOT_LATER.match(text, negated.start()):
        return "ontkend, dus geen termijn", negated.start()
    started = _START.search(text, max(0, start - 25), start)
    if started and not (started["word"] == "over" and _OWN_PREPOSITION.match(text, start)):
        return "een begin of grens, geen termijn om iets vóór te leveren", started.start()
    # How the words right before end decides whether the patterns below can match: cheaper.
    before = text[max(0, start - 30) : start].rstrip()
    if before.endswith(("tot", "met", "aan", "t/m")) and _UNTIL.search(before):
        return "zegt hoe lang iets duurt, geen termijn om iets vóór te doen", (
            max(0, start - 30) + _UNTIL.search(before).start())
    reason, begins = _belongs_elsewhere(text, start, end) if elsewhere else ("", start)
    if reason:
        return reason, begins
    if ("jaar" in before or "jaren" in before) and _FOR_YEAR.search(
            text, max(0, start - 50), start) and "begroting" not in text[max(0, start - 120):start]:
        return "het jaar waarvoor iets geldt, geen termijn", start
    if before.endswith(("van", "voor", "vóór")) and _LEVEL.search(text, max(0, start - 24), start):
        return "het niveau van dat jaar, geen termijn", start
    if before.endswith(("afgelopen", "vorig", "vorige", "voorbije", "eerder")):
        gone = _GONE.search(text, max(0, start - 20), start)
        if gone:
            return "een tijd die al voorbij is, geen termijn", gone.start()
    if before.endswith("uit") and re.search(r"\buit$", before):
        return "waar iets vandaan komt, geen termijn", start
    dated = before.endswith("van") and _DATE_START.match(text, start)
    if dated and not _RANGE_END.match(text, end):
        thing = _OF_THING.search(text, max(0, start - 30), start)
        # Not a name ("het Klimaatakkoord van 2019"): _name_year says why that is no deadline.
        # "voor het debat van 12 maart": the day of an occasion, the deadline itself.
        if (thing and thing["noun"] not in _NOT_THINGS and original[thing.start()].islower()
                and not _OCCASION_BEFORE.search(text, max(0, thing.start() - 30), thing.start())):
            return "de datum van iets anders, geen termijn", start
    earlier = text[max(0, start - 45) : start]
    if (("jaar" in earlier or "elk" in earlier or "ieder" in earlier or "telkens" in earlier
         or "periodiek" in earlier)
            and _EVERY.search(earlier)) or (("ja" in text[end : end + 30]
                                             or "volgende" in text[end : end + 20])
                                            and _EVERY_AFTER.match(text, end)):
        every = _EVERY.search(earlier)
        return "komt elk jaar terug, geen eenmalige termijn", (
            max(0, start - 45) + every.start() if every else start)
    if before.endswith(("de", "een", "het", "verwachting", "voor", "vóór", "uiterlijk")):
        described = _ATTRIBUTIVE.search(text, max(0, start - 30), start)
        if described and not re.match(r"\s+te\s", text[end:]):
            return "beschrijft iets dat erop volgt, geen termijn", described.start()
    return _not_the_request(text, start, end, others)


# A time already past when the words were said is a deadline typed late ("voor 1 juli 2020" typed
# in August: overdue) only when it is introduced as the request's deadline: by "voor",
# "uiterlijk", "binnen", "niet later dan" and the like, or by "in"/"op"/"per"/"bij"/... with the
# request's verb after it in the same clause ("in de begroting 1997 ruimte te maken") or right
# before it ("de Kamer te informeren in maart 2020"), or when it starts a text of at most 60
# characters (a deadline field's words). Any other past time is context: "bij brief
# van 3 april 2019" said in June 2019, "de basisbeurs zoals die tot 2015 bestond", "een nota van
# wijziging op het Belastingplan 2014" said in October 2013.
_ASKED_LEAD = re.compile(r"(?:in|op|per|bij|tijdens|met|rond|omstreeks)\s")
_ASKED_VERB_AFTER = re.compile(r"[^,;:()«»]*?\bte\s+[^\W\d_]")
_ASKED_VERB_BEFORE = re.compile(r"\bte\s+[^\W\d_]+\s+$")


# "de benoeming van een lid van de Eerste Kamer per 1 december 2021 ... af te wijzen": a past time
# right after an act named as a noun (with what it is of or by) is the date of that act.
_DATED_ACT = re.compile(r"\b(?:de|het)\s+[^\W\d_]*(?:ing|atie|tie)\s+(?:van|door)\s+"
                        r"(?:(?!\bte\s)[^,;:()]){0,60}$")
# The words of a deadline field: a short text whose time comes first, or a time with its year
# written after at most three words that are no clause ("naar verwachting 1 juni 2020",
# "streefdatum: Q2 2020", "(verwacht) juni 2020"); not "bij brief van 3 april 2019" (the date of a
# letter), "NOVA d.d. 12 januari 2009", "afgerond in juni 2020", "dezelfde periode vorig jaar", nor
# a year right after a word ("Kabinetsformatie 2021": a name).
_FIELD_WORDS = re.compile(r"(?:\(?[^\W\d_][\w.-]*\)?:?\s+){1,3}")
_NOT_FIELD = re.compile(rf"\b(?:van|te|d\.d\.)\s|{_PARTICIPLE}\s")


def _field(text: str, start: int, end: int) -> bool:
    """Whether `text` is the words of a deadline field and its time runs from `start` to `end`."""
    if len(text) > 60:
        return False
    words = text[:start].lstrip(" ,.;:(")
    return not words or bool(
        _FIELD_WORDS.fullmatch(words) and not _NOT_FIELD.search(words)
        and _YEAR_IN.search(text, start, end) and not _YEAR_IN.match(text, start))


def _asked(text: str, start: int, end: int) -> bool:
    """Whether the time from `start` to `end` is introduced as the request's deadline, or is the
    time of a short text (the words of a deadline field: "1 juli 2020 (verlengd)")."""
    if _DEADLINE_WORD.match(text, start) or _field(text, start, end):
        return True  # a deadline word, or the words of a deadline field ("1 juli 2020 (verlengd)")
    if not _ASKED_LEAD.match(text, start) or _DATED_ACT.search(text, max(0, start - 100), start):
        return False
    return bool(_ASKED_VERB_AFTER.match(text, end)
                or _ASKED_VERB_BEFORE.search(text, max(0, start - 40), start))


def _find(original: str, today: date) -> Iterator[_Found]:
    """Every expression in `original`, overlapping ones included."""
    text = original.translate(_FOLD)
    # One test here, so that _told_as_past runs only when the text has such a verb, and
    # _belongs_elsewhere only when it has one of the words its rules need.
    words = text.translate(_PUNCTUATION).split()
    tensed = not _TENSE_WORDS.isdisjoint(words)
    # "sturen" and "zetten" alone are common ("naar de Kamer te sturen"): their phrases here.
    elsewhere = "%" in text or not _ELSEWHERE_WORDS.isdisjoint(words) or (
        "aan te sturen" in text or "in te zetten op" in text)
    others = not _NOT_THE_REQUEST_SET.isdisjoint(words) or (
        "doel" in text or "ambiti" in text or "streef" in text or "target" in text)  # _GOAL_WORDS
    for order, (pattern, handler, trigger) in enumerate(_COMPILED):
        if not trigger(text):
            continue
        for m in pattern.finditer(text):
            reason, begins = _context(original, text, m.start(), m.end(), elsewhere, others)
            if reason:
                yield _Found(begins, m.end(), order, None, reason)
                continue
            if handler is _year and _name_year(original, m):
                suffix = re.match(r"-[^\W\d_]+", original[m.end() :])
                end = m.end() + (len(suffix[0]) if suffix else 0)
                yield _Found(m.start(), end, order, None, "het jaartal hoort bij een naam")
                continue
            try:
                span = handler(m, today)
                if span is None:
                    continue  # the words looked like an expression but are not one
                start, dates, note = _with_prefix(text, m.start(), span, today,
                                                  is_debate=handler is _budget_debate)
            except _NoDeadline as none:
                yield _Found(m.start(), m.end(), order, None, str(none))
                continue
            except (ValueError, OverflowError):
                # "31 februari 2021": the words are a date expression, but name no valid date.
                yield _Found(m.start(), m.end(), order, None, "geen bestaande datum")
                continue
            past = dates[1] < today
            if tensed and _told_as_past(text, m.start(), m.end(), past=past) and (
                past or not (start < m.start() or _DEADLINE_WORD.match(text, start))
            ):
                # A time in a past-tense clause is when something happened: context. With
                # "voor"/"uiterlijk"/"binnen" it is a promised time, still a deadline unless past.
                yield _Found(start, m.end(), order, None, "staat in de verleden tijd (wat toen"
                             " gebeurde of was beoogd), geen termijn")
                continue
            if past and not _asked(text, start, m.end()):
                yield _Found(start, m.end(), order, None, "lag al achter ons toen het gezegd werd"
                             " en wordt niet als termijn gevraagd: context, geen termijn")
                continue
            yield _Found(start, m.end(), order, dates, note=note)


def _expressions(text: str, today: date) -> list[_Found]:
    """The expressions of `text` that count, in order: overlapping ones dropped."""
    kept: list[_Found] = []
    taken_until = 0
    for found in sorted(_find(text, today), key=lambda f: (f.start, f.start - f.end, f.order)):
        if found.start < taken_until:
            continue  # overlaps an expression that starts earlier or is longer
        taken_until = found.end
        kept.append(found)
    return kept


def _choose(found: list[_Found], today: date) -> _Found | None:
    """The first period that has not ended by today; if all have, the first one (past periods
    not introduced as the request's deadline are already context: _asked)."""
    periods = [f for f in found if f.span is not None]
    return next((f for f in periods if f.span[1] >= today), periods[0] if periods else None)


def _clean(text: object, today: object) -> date | None:
    if not isinstance(text, str) or not isinstance(today, date):
        return None
    return today.date() if isinstance(today, datetime) else today  # a datetime ≠ a date


# The date of the ministry's own debate on its budget for a year, when the register holds it:
# set by parse_period's and explain_period's `budget_debate` for the length of one call.
_BUDGET_DEBATE: ContextVar[Callable[[int], date | None] | None] = ContextVar(
    "budget_debate", default=None)


def _expressions_with(text: str, today: date, budget_debate) -> list[_Found]:
    token = _BUDGET_DEBATE.set(budget_debate)
    try:
        return _expressions(text, today)
    finally:
        _BUDGET_DEBATE.reset(token)


def parse_period(text: str, today: date, *, budget_debate=None) -> Period | None:
    """The deadline period that `text` names, read on `today`; None when it names none.

    `budget_debate(year)` gives the date of the ministry's own debate on its budget for that
    year, or None: "voor de begrotingsbehandeling" ends the day before it (DESIGN.md)."""
    today = _clean(text, today)
    if today is None:
        return None
    chosen = _choose(_expressions_with(text, today, budget_debate), today)
    if chosen is None:
        return None
    return Period(*chosen.span, text=text[chosen.start : chosen.end], estimated=bool(chosen.note))


_MONTH_NAMES = _MONTH_FULL.split("|")


def dutch_date(day: date) -> str:
    """15 maart 2021."""
    return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


def explain_period(text: str, today: date, *, budget_debate=None) -> str:
    """In Dutch: which period `text` names, read on `today`, or why it names none."""
    today = _clean(text, today)
    if today is None:
        return "Geen termijn: geen tekst of geen datum waarop die gezegd is."
    found = _expressions_with(text, today, budget_debate)
    chosen = _choose(found, today)
    if chosen is None:
        reasons = [f for f in found if f.reason]
        if reasons:
            first = reasons[0]
            return f"‘{text[first.start : first.end].strip()}’: {first.reason}."
        vague = _VAGUE.search(text.translate(_FOLD))
        if vague:
            words = text[vague.start() : vague.end()]
            return f"‘{words}’: geen datum of periode, dus geen termijn."
        return "Geen termijn: de tekst noemt geen datum of periode."
    words = text[chosen.start : chosen.end].strip()
    start, end = chosen.span
    when = (f"op {dutch_date(start)}" if start == end
            else f"van {dutch_date(start)} tot en met {dutch_date(end)}")
    sentence = f"‘{words}’, gezegd op {dutch_date(today)}: {when}."
    if end < today:
        sentence += " Die datum lag toen al achter ons: context, geen latere termijn in de tekst."
    if chosen.note:
        sentence += f" Geschat: {chosen.note}; de periode wordt herberekend zodra die bekend zijn."
    return sentence
