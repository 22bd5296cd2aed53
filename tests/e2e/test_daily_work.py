"""Daily work in a real browser: My work, a correction, a bulk change with a refused record."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, format_violations, screenshot

pytestmark = pytest.mark.e2e


def test_an_owner_lands_on_my_work_and_finds_what_is_theirs(login):
    page = login("beleid", bypass_csp=True)  # the demo's VWS commitments are Bart Beleid's
    assert page.url.endswith("/mijn-werk/")
    assert page.get_by_role("heading", name="Mijn werk", level=1).is_visible()
    mine = page.locator("section", has=page.get_by_role("heading",
                                                        name="Mijn openstaande toezeggingen"))
    numbers = mine.locator("tbody td:first-child a").all_inner_texts()
    assert numbers and all(number.startswith("TZ-VWS-") for number in numbers)
    assert page.get_by_role("link", name="Mijn e-mails").is_visible()
    assert axe_violations(page) == [], format_violations(axe_violations(page))
    screenshot(page, "my-work")

    page.get_by_role("link", name="Mijn e-mails").click()
    page.get_by_label("Dagelijks overzicht").uncheck()
    page.get_by_role("button", name="Bewaren").click()
    expect(page.locator("main")).to_contain_text("Uw keuze is bewaard.")
    expect(page.get_by_label("Dagelijks overzicht")).not_to_be_checked()


def test_clerk_corrects_a_vote_date_and_sees_the_correction(login):
    page = login("griffie", bypass_csp=True)
    page.goto("/moties/")
    page.locator("main a", has_text=re.compile(r"nr\. \d+")).first.click()
    page.wait_for_url(re.compile(r"/moties/\d+/$"))
    page.get_by_role("link", name="Correctie").click()
    page.get_by_label("Datum uitslag").fill("1990-01-01")
    page.get_by_label("Reden van de correctie").fill("Stemmingsdatum verkeerd overgenomen")
    page.get_by_role("button", name="Correctie vastleggen").click()
    expect(page.locator("main")).to_contain_text("ligt vóór de indiening van de motie")
    assert axe_violations(page) == [], format_violations(axe_violations(page))
    filed = page.get_by_label("Datum uitslag")
    filed.fill("2019-12-18")
    page.get_by_role("button", name="Correctie vastleggen").click()
    page.wait_for_url(re.compile(r"/moties/\d+/$"))
    first = page.locator(".timeline-entry").first
    expect(first).to_contain_text("Correctie")
    expect(first).to_contain_text("Stemmingsdatum verkeerd overgenomen")
    screenshot(page, "motion-corrected")


def test_clerk_changes_two_statuses_at_once_and_one_is_refused(login):
    page = login("griffie", bypass_csp=True)
    page.goto("/toezeggingen/?per_page=100")
    page.get_by_label("Kies TZ-VWS-2020-007").check()  # open: may go to in progress
    page.get_by_label("Kies TZ-VWS-2019-004").check()  # partly done: may not
    page.get_by_role("button", name="Aangevinkte rijen").click()
    page.wait_for_url(re.compile(r"/toezeggingen/in-een-keer/"))
    expect(page.locator("main")).to_contain_text("2 toezeggingen gekozen.")
    assert axe_violations(page) == [], format_violations(axe_violations(page))
    page.get_by_label("Status wijzigen").check()
    page.get_by_label("Nieuwe status").select_option(label="In uitvoering")
    page.get_by_label("Reden").fill("Opdracht aan het Trimbos-instituut verstrekt")
    page.get_by_role("button", name="Controleren").click()
    check = page.locator("main")
    expect(check).to_contain_text("Worden geweigerd")
    expect(check).to_contain_text("TZ-VWS-2019-004")
    expect(check).to_contain_text("kan niet naar ‘In uitvoering’")
    assert axe_violations(page) == [], format_violations(axe_violations(page))
    page.get_by_role("button", name="Bevestigen: 1 wijzigen").click()
    expect(page.locator("main")).to_contain_text(
        "1 gewijzigd, 0 al zo, 1 geweigerd, 0 intussen door een ander gewijzigd")
    screenshot(page, "bulk-change-with-a-refusal")
    page.get_by_role("link", name=re.compile("TZ-VWS-2020-007")).first.click()
    page.wait_for_url(re.compile(r"/toezeggingen/\d+/$"))
    expect(page.locator(".timeline-entry").first).to_contain_text(
        "Opdracht aan het Trimbos-instituut verstrekt")


def test_the_status_date_shows_only_for_a_delivery_and_is_not_sent_when_hidden(login):
    page = login("griffie")
    page.goto("/toezeggingen/?per_page=100")
    page.get_by_role("link", name=re.compile(r"TZ-VWS-2020-007")).first.click()  # open
    page.wait_for_url(re.compile(r"/toezeggingen/\d+/$"))
    page.goto(page.url + "status/")
    date = page.get_by_label("Datum:", exact=True)
    expect(page.get_by_label("Wat resteert nog:")).to_be_visible()  # the page is there
    expect(date).to_be_hidden()
    page.get_by_label("Afgedaan", exact=True).check()
    expect(date).to_be_enabled()
    expect(date).to_be_visible()
    date.fill("2020-12-18")
    page.get_by_label("Vervallen", exact=True).check()
    expect(date).to_be_hidden()
    sent = "new FormData(document.querySelector('main form.stacked')).has('on')"
    assert page.evaluate(sent) is False
    page.get_by_label("Deels afgedaan", exact=True).check()
    expect(date).to_have_value("2020-12-18")  # what was typed comes back with the status
    assert page.evaluate(sent) is True
