"""Each main page passes axe-core with zero serious or critical violations."""

import re

import pytest
from playwright.sync_api import expect

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
    ("beleid", "/mijn-werk/"),
    ("beleid", "/account/e-mail/"),
    ("griffie", "first-commitment+correctie/"),
    ("griffie", "first-motion+correctie/"),
    ("griffie", "/debatten/nieuw/"),
    ("griffie", "/personen/nieuw/"),
    # Forms: "list+suffix" appends to the first record's address, "list@pattern" follows the
    # first link on the record's page that matches.
    ("griffie", "first-commitment+bewerken/"),
    ("beleid", "first-commitment+op-datum/?on=2020-07-01"),
    ("griffie", "first-motion+bewerken/"),
    ("griffie", "first-motion+uitvoering/"),
    ("griffie", "first-motion+stemming/"),
    ("griffie", "/moties/nieuw/"),
    ("griffie", "first-law-track+bewerken/"),
    ("griffie", "first-law-track+fasen/nieuw/"),
    ("griffie", r"first-law-track@/fasen/\d+/plannen/$"),
    ("griffie", r"first-law-track@/fasen/\d+/afronden/$"),
]


def resolve(page, path):
    """Some pages are reached by following the first link of a list."""
    lists = {"first-commitment": ("/toezeggingen/", r"/toezeggingen/\d+/$"),
             "first-commitment-status": ("/toezeggingen/", r"/toezeggingen/\d+/$"),
             "first-motion": ("/moties/", r"/moties/\d+/$"),
             "first-law-track": ("/wetgeving/", r"/wetgeving/\d+/$"),
             "first-letter": ("/brieven/", r"/brieven/\d+/$")}
    match = re.fullmatch(r"([a-z-]+)([+@])(.*)", path)
    name, how, rest = match.groups() if match else (path, "+", "")
    if name not in lists:
        return path
    href = first_link(page, *lists[name])
    if how == "@":
        return first_link(page, href, rest)
    return href + ("status/" if name.endswith("-status") else rest)


def first_link(page, address, pattern):
    page.goto(address)
    links = [link.get_attribute("href") for link in page.locator("main a").all()]
    return next(link for link in links if link and re.search(pattern, link))


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


def test_letter_screens_are_accessible(login):
    """The editor, the advisors' texts page and the finalise confirmation of a new letter."""
    author = login("brieven", bypass_csp=True)
    author.goto("/brieven/nieuw/")
    author.get_by_label("Voortgangsbrief", exact=True).check()
    author.get_by_label("Dossier").select_option("24077")
    author.get_by_role("button", name="Concept opstellen").click()
    author.wait_for_url(re.compile(r"/brieven/\d+/bewerken/$"))
    letter_url = author.url.removesuffix("bewerken/")
    checked = [author.url]
    assert not axe_violations(author), format_violations(axe_violations(author))

    advisor = login("beleid", bypass_csp=True)
    advisor.goto(letter_url + "teksten/")
    checked.append(advisor.url)
    assert not axe_violations(advisor), format_violations(axe_violations(advisor))

    author.goto(letter_url)
    author.get_by_role("button", name="Ter goedkeuring aanbieden").click()
    expect(author.locator(".status-line")).to_contain_text("Ter goedkeuring")
    approver = login("brieven2", bypass_csp=True)
    approver.goto(letter_url)
    approver.get_by_role("button", name="Goedkeuren").click()
    expect(approver.locator(".status-line")).to_contain_text("Goedgekeurd")
    response = approver.goto(letter_url + "vaststellen/")
    assert response.status == 200
    checked.append(approver.url)
    assert not axe_violations(approver), format_violations(axe_violations(approver))
    assert len(checked) == 3
