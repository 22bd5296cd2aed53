"""The letter's editor one section at a time, in a real browser: a section opened and saved in
place (htmx), an item moved up, and two people saving the same section (issue 16, item 7)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, format_violations, screenshot

pytestmark = pytest.mark.e2e


def compose(page):
    page.goto("/brieven/nieuw/")
    page.get_by_label("Voortgangsbrief", exact=True).check()
    page.get_by_label("Dossier").select_option("24077")
    page.get_by_role("button", name="Concept opstellen").click()
    page.wait_for_url(re.compile(r"/brieven/\d+/bewerken/$"))
    return page.url


def item_titles(block):
    return [text.split(" — ", 1)[1].strip()
            for text in block.locator(".item-head").all_inner_texts()]


def block_of(page, title):
    """The editor's block of the section titled `title` (read or being edited)."""
    return page.locator("section.section-block", has=page.get_by_role(
        "heading", name=re.compile(re.escape(title) + "(’ bewerken)?$")))


def open_block(page, title):
    """Open the section in place (htmx swaps its block for the form); the block being edited."""
    page.get_by_role("link", name=re.compile(rf"^Bewerken\W+{re.escape(title)}$")).click()
    block = page.locator("section.section-block.editing")
    block.wait_for()
    return block


def test_letter_staff_edit_one_section_move_an_item_and_meet_a_concurrent_edit(login):
    author = login("brieven", bypass_csp=True)
    editor = compose(author)
    assert not axe_violations(author), format_violations(axe_violations(author))
    # A section with at least two items (what the demo proposes depends on the journeys before).
    blocks = author.locator("section.section-block")
    title = next(blocks.nth(n).locator("h3").inner_text() for n in range(blocks.count())
                 if blocks.nth(n).locator(".section-item").count() > 1)

    # One section opens in place: the page stays the editor, the other sections stay as they are.
    section = open_block(author, title)
    assert author.url == editor
    assert author.locator("section.section-block").count() > 1
    textarea = section.locator("textarea").first
    assert "monospace" not in textarea.evaluate("el => getComputedStyle(el).fontFamily")
    section.locator("fieldset.letter-item-form").nth(1).get_by_label("Voortgangstekst").fill(
        "De eindrapportage is in juni 2022 verschenen.")
    screenshot(author, "letter-editor-section-open")
    assert not axe_violations(author), format_violations(axe_violations(author))
    section.get_by_role("button", name="Opslaan").click()
    saved = author.locator("section.section-block", has_text="Opgeslagen.")
    expect(saved).to_contain_text("De eindrapportage is in juni 2022 verschenen.",
                                  use_inner_text=True)
    assert author.url == editor

    # The second item one place up, with the button.
    before = item_titles(block_of(author, title))
    with author.expect_navigation():
        block_of(author, title).locator(".section-item").nth(1).get_by_role(
            "button", name=re.compile("^omhoog")).click()
    after = item_titles(block_of(author, title))
    assert after[:2] == [before[1], before[0]] and after[2:] == before[2:]
    screenshot(author, "letter-editor")

    # Two people open the same section; the second save is refused and keeps what was typed.
    colleague = login("brieven2", bypass_csp=True)
    colleague.goto(editor)
    theirs = open_block(colleague, title)
    mine = open_block(author, title)
    theirs.locator("textarea").first.fill("De inleiding van Bram.")
    theirs.get_by_role("button", name="Opslaan").click()
    colleague.locator("section.section-block", has_text="Opgeslagen.").wait_for()
    mine.locator("textarea").first.fill("De inleiding van Bea.")
    mine.get_by_role("button", name="Opslaan").click()
    conflict = author.locator("section.conflict")
    conflict.wait_for()
    text = conflict.inner_text()
    assert "Intussen gewijzigd door een ander" in text and "De inleiding van Bram." in text
    assert author.locator("section.section-block.editing textarea").first.input_value() == \
        "De inleiding van Bea."
    screenshot(author, "letter-editor-conflict")
    assert not axe_violations(author), format_violations(axe_violations(author))
    author.locator("section.conflict").get_by_label(re.compile("De inleiding van Bea")).check()
    author.locator("section.section-block.editing").get_by_role("button", name="Opslaan").click()
    # Saved: no section is being edited any more, and the text is shown.
    expect(author.locator("section.section-block.editing")).to_have_count(0)
    author.locator("section.section-block", has_text="Opgeslagen.").wait_for()
    expect(author.locator("#letter-sections")).to_contain_text("De inleiding van Bea.",
                                                               use_inner_text=True)


def test_the_section_editor_works_without_javascript(login):
    author = login("brieven", java_script_enabled=False)
    editor = compose(author)
    author.get_by_role("link", name=re.compile(r"^Bewerken\W+Afsluiting")).click()
    author.wait_for_url(re.compile(r"/secties/\d+/$"))
    author.locator("#section-form textarea").first.fill("Tot zover mijn brief.")
    author.get_by_role("button", name="Opslaan").click()
    author.wait_for_url(re.compile(re.escape(editor) + r"\?opgeslagen=\d+"))
    assert "Tot zover mijn brief." in author.locator("#letter-sections").inner_text()
