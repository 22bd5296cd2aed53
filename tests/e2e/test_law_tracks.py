"""A law track in a real browser: re-planning a stage past a later one warns, offers to shift
the later stage along, and both re-plans are in the track's history (issue 17 item 6)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, format_violations, screenshot

pytestmark = pytest.mark.e2e

REASON = "Voorhang uitgesteld tot na de evaluatie"


def stage_row(page, name):
    return page.locator("table.stages tbody tr", has=page.get_by_role("rowheader", name=name))


def test_clerk_replans_a_stage_and_shifts_the_later_one(login):
    page = login("griffie", bypass_csp=True)
    page.goto("/wetgeving/")
    page.get_by_role("link", name="Lachgasbesluit").click()
    page.wait_for_url(re.compile(r"/wetgeving/\d+/$"))
    track_url = page.url
    entry = stage_row(page, re.compile("Inwerkingtreding"))
    assert "in de tweede helft van 2021" in entry.inner_text()

    stage_row(page, re.compile("Voorhang")).get_by_role("link", name="Herplannen").click()
    page.get_by_label("Planning in woorden").fill("2027")
    page.get_by_label("Reden").fill(REASON)
    page.get_by_role("button", name="Vastleggen").click()

    # The warning names the later stage and offers its plan moved along, changing nothing yet.
    expect(page.locator("main")).to_contain_text(
        "De nieuwe planning ligt na die van latere fasen: Inwerkingtreding")
    shifted = page.get_by_label("Inwerkingtreding")
    # Moved by whole half years, as it was planned: past the new plan's end.
    suggestion = shifted.input_value()
    assert suggestion == "de tweede helft van 2028"
    assert axe_violations(page) == [], format_violations(axe_violations(page))
    screenshot(page, "stage-shift-warning")

    page.get_by_role("button", name="Herplannen en latere fasen verschuiven").click()
    page.wait_for_url(re.compile(re.escape(track_url) + r"(#fase-\d+)?$"))
    assert "2027" in stage_row(page, re.compile("Voorhang")).inner_text()
    assert suggestion in stage_row(page, re.compile("Inwerkingtreding")).inner_text()
    # Both re-plans are in the history, each with the reason given once.
    history = page.locator(".track-history .timeline-entry")
    latest = history.nth(0).inner_text() + history.nth(1).inner_text()
    assert "Voorhang" in latest and "Inwerkingtreding" in latest
    assert latest.count(REASON) == 2
    moves = page.locator(".plan-moves").inner_text()
    assert f"‘in de tweede helft van 2021’ → ‘{suggestion}’" in moves
    assert axe_violations(page) == [], format_violations(axe_violations(page))
    screenshot(page, "stage-shift-done")
