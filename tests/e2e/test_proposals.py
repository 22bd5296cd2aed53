"""The clerk reviews the commitments read out in a real committee debate (issue 14)."""

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import screenshot
from tests.e2e.test_journeys import choose

pytestmark = pytest.mark.e2e
REPORT = Path(__file__).resolve().parents[1] / "data" / "vlos" / (
    "verslag_f001a349-4315-43f6-a818-54b711d8e588_d7068c60-1780-41c9-8636-3900dd3305cd.xml")


def test_clerk_uploads_a_report_accepts_one_and_rejects_one(login):
    page = login("griffie")
    page.goto("/toezeggingen/voorstellen/")
    page.get_by_label("Verslag (VLOS-XML)").set_input_files(str(REPORT))
    page.get_by_role("button", name="Verslag inlezen").click()
    page.get_by_text("staan klaar om te beoordelen").wait_for()
    screenshot(page, "proposals-list")
    # Other journeys may have put a final letter's promises in the review too.
    from_report = page.locator("article.proposal").filter(has_text="Staat van de Economie")
    first = from_report.first
    first.get_by_label("Reden van afwijzing").fill("Dubbel met een eerdere toezegging.")
    first.get_by_role("button", name="Afwijzen").click()
    page.get_by_text("Het voorstel is afgewezen.").wait_for()

    from_report.first.get_by_role("link", name="Overnemen…").click()
    page.wait_for_url(re.compile(r"/overnemen/$"))
    page.get_by_label("Korte titel").fill("Brief over het ondernemerspact")
    choose(page, "Bewindspersoon", "Karrem", "Karremans")  # searchable, as on the commitment form
    page.get_by_label("Ministerie").select_option(index=1)
    # "Voor de zomer" said on 2 July 2025: before the recess of 4 July, not a year later.
    page.get_by_label("Termijn (zoals gezegd)").fill("")
    page.get_by_label("Termijn (zoals gezegd)").press_sequentially("voor de zomer")
    page.locator(".period-preview").filter(has_text="tot en met 3 juli 2025").wait_for()
    screenshot(page, "proposal-accept")
    page.get_by_role("button", name="Overnemen", exact=True).click()
    page.get_by_text("is geregistreerd").wait_for()
    assert "Brief over het ondernemerspact" in page.locator("table").last.inner_text() or \
        "overgenomen" in page.locator("main").inner_text()
