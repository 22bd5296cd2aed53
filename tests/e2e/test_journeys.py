"""The people's journeys in a real browser (Debian chromium), against the served demo."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def choose(page, label, typed, option):
    """A searchable select, by keyboard: focus it, type part of the name, Enter on the match."""
    page.get_by_role("combobox", name=re.compile(re.escape(label))).focus()
    page.keyboard.type(typed)
    # The match is highlighted once the options are narrowed down to what was typed.
    page.locator(".ts-dropdown .option.active", has_text=option).wait_for()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def open_commitment(page, title):
    page.goto("/toezeggingen/")
    page.get_by_role("link", name=re.compile(r"^TZ-")).first.wait_for()
    row = page.locator("tr", has_text=title)
    row.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/toezeggingen/\d+/$"))


def open_section(page, holding):
    """On the letter's editor: open the section holding `holding` for editing (htmx swaps its
    block for the form); returns the block being edited."""
    page.locator("section.section-block", has_text=holding).get_by_role(
        "link", name=re.compile("^Bewerken")).click()
    block = page.locator("section.section-block.editing")
    block.wait_for()
    return block


def test_clerk_changes_a_status_and_sees_it_on_top_of_the_timeline(login):
    page = login("griffie")
    open_commitment(page, "Uitkomsten persona onderzoek")
    page.get_by_role("link", name="Status wijzigen").click()
    page.get_by_label("In uitvoering", exact=True).check()
    page.get_by_label("Reden").fill("Trimbos heeft de werksessies online hervat.")
    page.get_by_role("button", name="Vastleggen").click()
    page.wait_for_url(re.compile(r"/toezeggingen/\d+/$"))
    first = page.locator(".timeline-entry").first
    expect(first).to_contain_text("Trimbos heeft de werksessies online hervat.")
    expect(first).to_contain_text("In uitvoering")

    page.get_by_role("link", name="Status wijzigen").click()
    page.get_by_label("Afgedaan", exact=True).check()
    page.get_by_label("Reden").fill("Klaar")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("main")).to_contain_text("Bij ‘Afgedaan’ hoort het document")
    screenshot(page, "clerk-done-without-document")


def test_advisor_filters_shares_the_link_and_exports(login):
    page = login("beleid")
    page.goto("/toezeggingen/")
    page.get_by_role("checkbox", name=re.compile("Openstaand")).check()
    page.get_by_label("Te laat").select_option("1")
    choose(page, "Bewindspersoon", "Blokh", "P. Blokhuis")
    page.wait_for_url(re.compile(r"bewindspersoon=\d+"))  # htmx keeps the filter in the URL
    page.wait_for_load_state("networkidle")
    listed = page.locator("#results tbody tr td:first-child a").all_inner_texts()
    assert listed and all(number.startswith("TZ-VWS-") for number in listed)
    shared_url = page.url

    other = login("beleid")
    other.goto(shared_url)
    assert other.locator("#results tbody tr td:first-child a").all_inner_texts() == listed

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel (XLSX)").click()
    workbook = openpyxl.load_workbook(io.BytesIO(download_info.value.path().read_bytes()))
    rows = list(workbook.active.values)
    assert rows[0][0] == "Nummer"
    assert [row[0] for row in rows[1:]] == listed
    assert all(row[20] == "Openstaand" for row in rows[1:])
    assert all(isinstance(row[19], int) and row[19] > 0 for row in rows[1:])  # dagen te laat
    assert all(row[7] == "P. Blokhuis" for row in rows[1:])  # the bewindspersoon chosen
    # Overdue: a real date cell, before today.
    today = datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()  # the register's today
    assert all(isinstance(row[18], datetime.datetime) and row[18].date() < today
               for row in rows[1:])
    screenshot(page, "advisor-filtered-list")


def test_advisor_cannot_reach_the_status_form(login):
    page = login("beleid")
    open_commitment(page, "Uitkomsten persona onderzoek")
    assert page.get_by_role("link", name="Status wijzigen").count() == 0
    response = page.goto(page.url + "status/")
    assert response.status == 403
    assert "geen toegang" in page.locator("main").inner_text()
    screenshot(page, "advisor-refused-status-form")


def test_letter_staff_compose_approve_finalise_and_close_the_loop(login, tmp_path):
    import subprocess

    author = login("brieven")
    author.goto("/brieven/nieuw/")
    author.get_by_label("Voortgangsbrief", exact=True).check()
    author.get_by_label("Dossier").select_option("24077")
    author.get_by_role("button", name="Concept opstellen").click()
    author.wait_for_url(re.compile(r"/brieven/\d+/bewerken/$"))  # composing opens the editor
    letter_url = author.url.removesuffix("bewerken/")

    section = open_section(author, "Eindrapportage pilots")
    item = section.locator("fieldset.letter-item-form", has_text="Eindrapportage pilots")
    item.get_by_label("Voortgangstekst").fill(
        "De eindrapportage van de zes pilotgemeenten is in juni 2022 verschenen.")
    item.get_by_label("Doet de toezegging af").check()
    section.get_by_role("button", name="Opslaan").click()
    author.locator(".section-block .saved").wait_for()
    author.goto(letter_url)
    expect(author.locator("main")).to_contain_text(
        "De eindrapportage van de zes pilotgemeenten is in juni 2022 verschenen.")
    author.get_by_role("button", name="Ter goedkeuring aanbieden").click()
    expect(author.locator(".status-line")).to_contain_text("Ter goedkeuring")
    expect(author.get_by_role("button", name="Goedkeuren")).to_have_count(0)  # not their own

    approver = login("brieven2")
    approver.goto(letter_url)
    approver.get_by_role("button", name="Goedkeuren").click()
    expect(approver.locator(".status-line")).to_contain_text("Goedgekeurd")
    pdf_link = approver.get_by_role("link", name=re.compile("PDF")).get_attribute("href")
    download = approver.context.request.get(pdf_link)  # with the approver's session
    assert download.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "concept.pdf"
    pdf.write_bytes(download.body())
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "De eindrapportage van de zes pilotgemeenten" in text
    assert "Pagina 1 van" in text

    approver.get_by_role("link", name=re.compile("Vaststellen")).click()
    approver.wait_for_url(letter_url + "vaststellen/")
    expect(approver.locator("main")).to_contain_text(
        "Eindrapportage pilots IJslandse preventieaanpak")
    approver.get_by_role("button", name="Vaststellen").click()
    approver.wait_for_url(letter_url)
    open_commitment(approver, "Eindrapportage pilots IJslandse preventieaanpak")
    expect(approver.locator(".status-line")).to_contain_text("Afgedaan")
    expect(approver.locator(".timeline-entry").first).to_contain_text(
        "Afgedaan met de voortgangsbrief")
    screenshot(approver, "letter-delivered-commitment")


def test_advisor_cannot_reach_the_finalise_action(login):
    page = login("beleid")
    page.goto("/brieven/")
    page.get_by_role("link", name=re.compile("Voortgangsbrief")).first.click()
    page.wait_for_url(re.compile(r"/brieven/\d+/$"))
    assert page.get_by_role("link", name=re.compile("Vaststellen")).count() == 0
    response = page.goto(page.url + "vaststellen/")
    assert response.status == 403
    assert "geen toegang" in page.locator("main").inner_text()
    screenshot(page, "advisor-refused-finalise")
