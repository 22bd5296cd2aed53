"""What the eye sees on a laptop screen: no page scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e


def test_no_main_page_scrolls_sideways(login):
    """The dashboard's chart table, hidden for the eye but not for screen readers, was 20 px
    wider than a 1280 px window."""
    page = login("griffie")
    for path in ["/", "/mijn-werk/", "/toezeggingen/", "/moties/", "/wetgeving/", "/brieven/"]:
        page.goto(path)
        wide = page.evaluate("document.documentElement.scrollWidth")
        window = page.evaluate("document.documentElement.clientWidth")
        if wide > window:
            screenshot(page, "scrolls-sideways")
        assert wide <= window, f"{path}: {wide} px wide in a {window} px window"


def test_a_final_letters_history_does_not_scroll_sideways(login):
    """The history's table of changes held the PDF's SHA-256 (64 characters without a break):
    the final letter's page was 1637 px wide in a 1280 px window."""
    page = login("griffie")
    page.goto("/brieven/")
    page.locator("main a", has_text="Voortgangsbrief drugsbeleid").first.click()
    page.get_by_text("SHA-256 van de PDF").first.wait_for()
    wide = page.evaluate("document.documentElement.scrollWidth")
    window = page.evaluate("document.documentElement.clientWidth")
    screenshot(page, "final-letter-history")
    assert wide <= window, f"{wide} px wide in a {window} px window"


@pytest.mark.parametrize("user", ["griffie", "brieven", "beleid"])
def test_the_header_buttons_do_not_wrap_at_1280_px_in_either_language(login, user):
    """The English header's "Nederlands" button broke over two lines at 1280 px: a button's
    words stay on one line, and it stays in the header's row of buttons."""
    page = login(user)
    for language in ("en", "nl"):
        page.goto("/")
        page.locator(f'.language-switch button[value="{language}"]').click()
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.wait_for_load_state()
        screenshot(page, f"header-{user}-{language}")
        for button in page.locator(".site-header button").all():
            lines = button.evaluate("b => { const r = document.createRange(); "
                                    "r.selectNodeContents(b); return r.getClientRects().length; }")
            assert lines == 1, f"{button.inner_text()!r} is on {lines} lines ({language})"
        brand = page.locator(".brand").bounding_box()
        for button in (".user-menu button", ".language-switch button"):
            box = page.locator(button).bounding_box()
            middle, brand_middle = box["y"] + box["height"] / 2, brand["y"] + brand["height"] / 2
            assert abs(middle - brand_middle) < 4, f"{button} is below the menu's row ({language})"
