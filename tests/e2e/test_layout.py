"""What the eye sees on a laptop screen: no page scrolls sideways."""

import pytest

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
