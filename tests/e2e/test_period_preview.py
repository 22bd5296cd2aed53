"""The deadline words' period shown as the clerk types, before anything is saved (issue 14)."""

import re

import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def test_clerk_sees_the_period_while_typing_and_when_the_date_changes(login):
    page = login("griffie")
    page.goto("/toezeggingen/nieuw/")
    page.get_by_label("Datum toezegging").fill("2025-10-01")
    page.get_by_label("Termijn (zoals gezegd)").press_sequentially("voor het kerstreces")
    preview = page.locator("#id_deadline_text-period")
    preview.filter(has_text="18 december 2025").wait_for()
    assert "van 1 oktober 2025 tot en met 18 december 2025" in preview.inner_text()

    # Said a year later, the same words name the next kerstreces.
    page.get_by_label("Datum toezegging").fill("2026-01-10")
    preview.filter(has_text="gezegd op 10 januari 2026").wait_for()

    page.get_by_label("Termijn (zoals gezegd)").fill("zo spoedig mogelijk")
    preview.filter(has_text="geen termijn").wait_for()
    screenshot(page, "period-preview-warning")
    # Nothing was saved: the page never left the form.
    assert re.search(r"/toezeggingen/nieuw/$", page.url)


def test_planning_words_of_a_stage_show_their_period(login):
    page = login("griffie")
    page.goto("/wetgeving/")
    page.locator("table a[href*='/wetgeving/']").first.click()
    page.locator("a[href*='/plannen/']").first.click()
    page.get_by_label("Gegeven op").fill("2025-07-02")
    page.get_by_label("Planning in woorden").fill("")
    page.get_by_label("Planning in woorden").press_sequentially("voor de zomer")
    page.locator(".period-preview").filter(has_text="3 juli 2025").wait_for()
    screenshot(page, "period-preview-stage")
