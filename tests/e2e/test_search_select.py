"""Searchable selects by keyboard alone (issue 17, item 5): a clerk registers a commitment
choosing the bewindspersoon among the select's own options and the member from the server."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, format_violations, screenshot
from tests.e2e.test_journeys import choose

pytestmark = pytest.mark.e2e


def test_clerk_registers_a_commitment_with_the_keyboard(login):
    page = login("griffie", bypass_csp=True)  # axe is injected as a script
    page.goto("/toezeggingen/nieuw/")
    page.get_by_label("Korte titel").fill("Brief over de evaluatie")
    page.get_by_label("Tekst van de toezegging").fill("Ik stuur de Kamer voor de zomer een brief.")
    choose(page, "Bewindspersoon", "blokh", "P. Blokhuis")
    page.get_by_label("Ministerie").select_option(label="VWS")
    page.get_by_label("Datum toezegging").fill("2021-02-03")
    # The member is found on the server: "graaf" finds Van der Graaf, not a minister.
    member = page.get_by_role("combobox", name=re.compile(r"Toegezegd aan \(lid\)"))
    member.focus()
    page.keyboard.type("graaf")
    try:
        expect(page.locator(".ts-dropdown:visible .option")).to_have_text(["Van der Graaf"])
        page.locator(".ts-dropdown .option.active", has_text="Van der Graaf").wait_for()
    finally:
        screenshot(page, "clerk-member-search")
    expect(member).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    screenshot(page, "clerk-searchable-selects")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(re.compile(r"/toezeggingen/\d+/$"))
    facts = page.locator("main").inner_text()
    assert "Van der Graaf" in facts and "P. Blokhuis" in facts


def member_search(page):
    page.goto("/toezeggingen/nieuw/")
    page.get_by_role("combobox", name=re.compile(r"Toegezegd aan \(lid\)")).focus()
    return page.locator(".ts-dropdown:visible .option")


def test_a_slow_typist_sees_only_what_the_whole_word_finds(login):
    """Each pause asks the server ("g", "gr", ...); "g" also finds Edgar Mulder. What is shown
    is the answer to what is typed now, not every answer so far."""
    page = login("griffie")
    options = member_search(page)
    page.keyboard.type("graaf", delay=400)
    expect(options).to_have_text(["Van der Graaf"])
    page.wait_for_timeout(500)
    expect(options).to_have_text(["Van der Graaf"])
    page.keyboard.press("Backspace")  # "graa": asked again, not taken from a cache
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")  # "g"
    expect(options).to_contain_text(["Edgar Mulder"])


def test_a_late_answer_to_an_earlier_search_is_not_shown(login):
    """The server answers "g" after "graaf" (a slow request): the list keeps the answer to
    what is typed."""
    page = login("griffie")
    held = []

    def hold_g(route):
        if route.request.url.endswith("q=g"):
            held.append(route)  # answered below, once "graaf" is shown
        else:
            route.continue_()

    page.route("**/keuzes/**", hold_g)
    options = member_search(page)
    with page.expect_request(lambda request: request.url.endswith("q=g")):
        page.keyboard.type("g")
    page.keyboard.type("raaf")
    expect(options).to_have_text(["Van der Graaf"])
    # tom-select marks the field "loading" until every search it sent is answered: the
    # answer to "g" is still to come, and once it has been read the mark goes.
    member = page.locator(".ts-wrapper", has=page.get_by_role(
        "combobox", name=re.compile(r"Toegezegd aan \(lid\)")))
    expect(member).to_have_class(re.compile(r"\bloading\b"))
    held[0].continue_()
    expect(member).not_to_have_class(re.compile(r"\bloading\b"))
    expect(options).to_have_text(["Van der Graaf"])
    expect(page.locator(".ts-dropdown:visible .option.active")).to_have_text("Van der Graaf")


def test_a_search_the_server_cannot_answer_says_so(login):
    """A failed search is not "Niets gevonden": the clerk would think the member is unknown."""
    page = login("griffie")
    page.route("**/keuzes/**", lambda route: route.fulfill(status=502, body="Bad Gateway"))
    member_search(page)
    page.keyboard.type("graaf")
    page.locator(".ts-dropdown .no-results", has_text="Zoeken lukt nu niet").wait_for()
    page.unroute("**/keuzes/**")
    page.keyboard.type("x")
    page.keyboard.press("Backspace")
    expect(page.locator(".ts-dropdown:visible .option")).to_have_text(["Van der Graaf"])


def test_a_search_that_finds_nothing_says_so(login):
    page = login("griffie")
    page.goto("/toezeggingen/nieuw/")
    page.get_by_role("combobox", name=re.compile(r"Toegezegd aan \(lid\)")).focus()
    page.keyboard.type("zzzz")
    page.locator(".ts-dropdown .no-results", has_text="Niets gevonden").wait_for()


def test_clerk_records_todays_debate_without_leaving_the_form(login):
    """"+ nieuw debat" opens a dialog; the debate is created, chosen, and the form keeps what
    the clerk typed before."""
    page = login("griffie")
    page.goto("/toezeggingen/nieuw/")
    page.get_by_label("Korte titel").fill("Blijft staan")
    page.get_by_role("button", name="+ nieuw debat").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_label("Soort").select_option("committee")
    dialog.get_by_label("Titel").fill("Commissiedebat drugsbeleid")
    dialog.get_by_label("Datum").fill("2021-02-03")
    dialog.get_by_role("button", name="Vastleggen").click()
    dialog.wait_for(state="hidden")
    chosen = page.eval_on_selector("select[name=debate]", "s => s.options[s.selectedIndex].text")
    assert chosen == "commissiedebat Commissiedebat drugsbeleid (3 februari 2021)"
    assert page.get_by_label("Korte titel").input_value() == "Blijft staan"
