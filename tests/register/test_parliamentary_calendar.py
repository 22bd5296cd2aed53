"""The parliamentary calendar as data, `explain_period`, the labelled real deadline clauses of the
development set, and the properties DESIGN.md "The parliamentary calendar" asks for."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register import parliamentary_calendar as kamer
from register.periods import _COMPILED, explain_period, parse_period

d = date
DATA = Path(__file__).resolve().parents[1] / "data" / "language"


# --- The data ------------------------------------------------------------------------------------


def test_every_published_recess_names_its_source_and_runs_forward():
    raw = json.loads(kamer.DATA_FILE.read_text(encoding="utf-8"))
    for item in raw["recesses"]:
        assert item["source"] in raw["sources"], item
        if item["start"] and item["end"]:
            assert item["start"] <= item["end"], item
    assert kamer.data_years() == (2016, 2026)


def test_the_estimation_rule_reproduces_the_published_dates_but_two():
    raw = json.loads(kamer.DATA_FILE.read_text(encoding="utf-8"))
    misses = []
    for item in raw["recesses"]:
        if item["name"] not in kamer.RECESS_NAMES or item.get("note"):
            continue
        estimate = kamer._estimate(item["name"], item["year"])
        for field, day in zip(("start", "end"), estimate, strict=True):
            if item[field] and date.fromisoformat(item[field]) != day:
                misses.append((item["name"], item["year"], field))
    # zomerreces 2021 (the move to the temporary building), voorjaarsreces 2021 (elections)
    assert misses == [("voorjaarsreces", 2021, "start"), ("zomerreces", 2021, "end")]


def test_published_dates_win_and_estimates_say_so():
    published = kamer.recess("zomerreces", 2025)
    assert (published.start, published.end, published.estimated) == (
        d(2025, 7, 4), d(2025, 9, 1), False)
    assert "isTweedeKamerInReces" in published.source
    estimated = kamer.recess("kerstreces", 2031)
    assert (estimated.start, estimated.end, estimated.estimated) == (
        d(2031, 12, 19), d(2032, 1, 12), True)
    half = kamer.recess("kerstreces", 2020)  # its start was reported, its end not
    assert (half.estimated_start, half.estimated_end) == (False, True)


def test_fixed_days_of_the_budget_cycle():
    assert kamer.prinsjesdag(2025) == d(2025, 9, 16)
    assert kamer.prinsjesdag(2020) == d(2020, 9, 15)
    assert kamer.verantwoordingsdag(2026) == d(2026, 5, 20)
    assert kamer.verantwoordingsdag(2024) == d(2024, 5, 15)


def test_next_recess_of_any_kind():
    assert kamer.next_recess(None, d(2024, 3, 1)).name == "meireces"
    assert kamer.next_recess("zomerreces", d(2024, 7, 5)).year == 2025  # it had started


# --- Periods from estimates ----------------------------------------------------------------------


def test_a_period_from_an_estimate_says_so_and_one_from_data_does_not():
    assert parse_period("voor het kerstreces", d(2030, 6, 1)).estimated
    assert not parse_period("voor het kerstreces", d(2025, 6, 1)).estimated
    # "voor de begrotingsbehandeling" ends on 31 October, whatever the kerstreces
    assert not parse_period("voor de begrotingsbehandeling", d(2030, 6, 1)).estimated
    assert parse_period("bij de begrotingsbehandeling", d(2030, 6, 1)).estimated


# --- explain_period ------------------------------------------------------------------------------

EXPLANATIONS = [
    ("voor het kerstreces", d(2025, 7, 2),
     "‘voor het kerstreces’, gezegd op 2 juli 2025: van 2 juli 2025 tot en met 18 december 2025."),
    ("voor het kerstreces van 2031", d(2025, 7, 2),
     "‘voor het kerstreces van 2031’, gezegd op 2 juli 2025: van 2 juli 2025 tot en met "
     "18 december 2031. Geschat: geen recesdata voor 2031 bekend; de periode wordt herberekend "
     "zodra die bekend zijn."),
    ("Prinsjesdag 2025", d(2025, 1, 1), "‘Prinsjesdag 2025’, gezegd op 1 januari 2025: op "
     "16 september 2025."),
    ("Wij hoeven niet te wachten tot het najaar", d(2025, 1, 1),
     "‘niet te wachten tot het najaar’: ontkend, dus geen termijn."),
    ("na 2027", d(2025, 1, 1), "‘na 2027’: een begin of grens, geen termijn om iets vóór te "
     "leveren."),
    ("het 2030-doel", d(2025, 1, 1), "‘het 2030-doel’: het jaartal hoort bij een naam."),
    ("31 februari 2026", d(2025, 1, 1), "‘31 februari 2026’: geen bestaande datum."),
    ("zo spoedig mogelijk", d(2025, 1, 1),
     "‘zo spoedig mogelijk’: geen datum of periode, dus geen termijn."),
    ("Ik kom erop terug.", d(2025, 1, 1), "Geen termijn: de tekst noemt geen datum of periode."),
    ("voor 16 juni", d(2025, 6, 22), "‘voor 16 juni’, gezegd op 22 juni 2025: op 15 juni 2025. "
     "Die datum lag toen al achter ons: context, geen latere termijn in de tekst."),
]  # fmt: skip


@pytest.mark.parametrize(("text", "today", "sentence"), EXPLANATIONS)
def test_explain_period(text, today, sentence):
    assert explain_period(text, today) == sentence


# --- The labelled development clauses ------------------------------------------------------------

DEV = json.loads((DATA / "deadlines_dev.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", DEV, ids=lambda case: case["text"][:40])
def test_labelled_real_clauses(case):
    period = parse_period(case["text"], date.fromisoformat(case["said_on"]))
    found = [str(period.start), str(period.end)] if period else None
    assert found == case["expected"], case["why"]


# --- Properties ----------------------------------------------------------------------------------

WORDS = ["voor", "na", "uiterlijk", "de", "het", "bij", "tijdens", "zomer", "kerst", "reces",
         "zomerreces", "meireces", "Prinsjesdag", "Miljoenennota", "Voorjaarsnota", "begroting",
         "begrotingsbehandeling", "jaarverslag", "Verantwoordingsdag", "niet", "vanaf", "van",
         "2025", "2031", "-doel", "maart", "kwartaal", "binnen", "drie", "weken", ","]  # fmt: skip
phrases = st.lists(st.sampled_from(WORDS), max_size=10).map(" ".join)
days = st.dates(d(1990, 1, 1), d(2099, 12, 31))


@given(phrases, days)
def test_start_is_never_after_end(text, today):
    period = parse_period(text, today)
    if period is not None:
        assert period.start <= period.end and period.text in text
    assert explain_period(text, today)


@given(phrases)
def test_no_rule_matches_without_its_trigger(text):
    folded = text.lower()
    for pattern, _handler, trigger in _COMPILED:
        if not trigger(folded):
            assert pattern.search(folded) is None, pattern.pattern


NAMES = ["het {year}-doel", "de {year}-doelstelling", "het jaartal {year}", "cijfers over {year}",
         "het Belastingplan {year}", "de Monitor Drugs {year}", "na {year}", "vanaf {year}",
         "niet voor {year}", "de Voorjaarsnota {year}", "bij het jaarverslag {year}",
         "de begroting {year}"]  # fmt: skip


@given(st.sampled_from(NAMES), st.integers(1990, 2090), days)
def test_a_year_in_a_name_never_becomes_the_deadline_year(name, year, today):
    period = parse_period(f"Wij noemen {name.format(year=year)}.", today)
    assert period is None or (period.start, period.end) != (d(year, 1, 1), d(year, 12, 31))


@given(st.sampled_from(["voor de zomer", "voor het kerstreces", "voor het meireces",
                        "voor het herfstreces", "voor het reces"]), days)
def test_before_a_recess_ends_the_day_before_one_that_has_not_started(words, today):
    period = parse_period(words, today)
    assert period.start == today < period.end + date.resolution
    assert re.match(r"voor", period.text)
