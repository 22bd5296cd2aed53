"""Each main page passes axe-core with zero serious or critical violations."""

import re

import pytest

from tests.e2e.conftest import axe_violations, format_violations

pytestmark = pytest.mark.e2e

PAGES = [
    ("beleid", "/"),
    ("beleid", "/toezeggingen/"),
    ("beleid", "/toezeggingen/?status=open&overdue=1"),
    ("beleid", "first-commitment"),
    ("griffie", "first-commitment-status"),
    ("griffie", "/toezeggingen/nieuw/"),
    ("beleid", "/moties/"),
    ("beleid", "first-motion"),
    ("beleid", "/wetgeving/"),
    ("beleid", "first-law-track"),
    ("beleid", "/verschillen/"),
    ("beleid", "/brieven/"),
    ("beleid", "first-letter"),
    ("brieven", "/brieven/nieuw/"),
    ("griffie", "/toezeggingen/importeren/"),
    ("beleid", "/account/feeds/"),
]


def resolve(page, path):
    """Some pages are reached by following the first link of a list."""
    lists = {"first-commitment": ("/toezeggingen/", r"/toezeggingen/\d+/$"),
             "first-commitment-status": ("/toezeggingen/", r"/toezeggingen/\d+/$"),
             "first-motion": ("/moties/", r"/moties/\d+/$"),
             "first-law-track": ("/wetgeving/", r"/wetgeving/\d+/$"),
             "first-letter": ("/brieven/", r"/brieven/\d+/$")}
    if path not in lists:
        return path
    list_path, pattern = lists[path]
    page.goto(list_path)
    links = [link.get_attribute("href") for link in page.locator("main a").all()]
    href = next(link for link in links if link and re.search(pattern, link))
    return href + ("status/" if path.endswith("-status") else "")


@pytest.mark.parametrize("username, path", PAGES)
def test_page_has_no_serious_accessibility_violations(username, path, login):
    page = login(username, bypass_csp=True)  # axe is injected as a script
    response = page.goto(resolve(page, path))
    assert response.status == 200
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_login_page_is_accessible(browser, server):
    context = browser.new_context(base_url=server["url"], bypass_csp=True)
    page = context.new_page()
    page.goto("/accounts/login/")
    violations = axe_violations(page)
    context.close()
    assert not violations, format_violations(violations)
