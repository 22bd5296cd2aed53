"""The letter as the layout sees it (letter_content): sections followed by their items, the rappel
table, the annex, the sender; and everything a user types stays text, in the preview and the PDF."""

import datetime
import subprocess

import pytest
from django.urls import reverse

from letters.compose import letter_compose
from letters.content import letter_content, sender_of
from letters.layout import EERSTE_KAMER, TWEEDE_KAMER, render_letter_pdf
from letters.models import LetterKind
from register.history import save_with_history
from register.models import Ministry
from tests import factories
from tests.letters.conftest import commitment, item_for, reload
from tests.letters.test_layout import PAYLOADS, pdf_pages, squeezed


def section(content, title):
    return next(s for s in content.sections if s.title == title)


def test_each_section_is_its_text_then_its_items_with_their_progress_texts(draft, register_24077,
                                                                           letter_writer):
    first = draft.sections.get(title="Openstaande toezeggingen")
    first.body = "Eerst de eigen tekst van de sectie."
    save_with_history(first, by=letter_writer, reason="tekst")
    content = letter_content(reload(draft))
    assert [s.title for s in content.sections] == [
        "Afgedane en gewijzigde toezeggingen", "Openstaande toezeggingen", "Moties",
        "Wet- en regelgeving", "Afsluiting"]
    body = section(content, "Openstaande toezeggingen").body
    assert body.startswith("Eerst de eigen tekst van de sectie.\n\n### Persona onderzoek\n\nOp 7 "
                           "november 2019 heb ik toegezegd")
    assert content.addressee == TWEEDE_KAMER and content.sender == sender_of(draft.ministry)
    assert content.kind == "voortgangsbrief" and not content.rappel_rows


def test_an_item_without_progress_text_is_not_printed(draft, register_24077, letter_writer):
    item = item_for(draft, register_24077["motion"])
    item.progress_text = "   "
    save_with_history(item, by=letter_writer, reason="de sectie zegt het al")
    assert section(letter_content(reload(draft)), "Moties").body == ""


def test_the_annex_lists_the_dossiers_open_items_and_those_in_the_letter(draft, register_24077,
                                                                        letter_writer, clerk):
    item = item_for(draft, register_24077["open"])
    item.delivers = True
    save_with_history(item, by=letter_writer, reason="doet af")
    elsewhere = commitment(clerk, title="Elders", dossier=factories.dossier("29248"))
    annex = letter_content(reload(draft)).annex
    rows = {row.text: row for row in annex.rows}
    assert annex.title == "Toezeggingen en moties, Kamerstukdossier 24 077 Drugbeleid"
    assert rows["Persona onderzoek"].status == "Afgedaan"  # what the letter will make it
    assert rows["Persona onderzoek"].deadline == "in het voorjaar van 2021"
    assert rows["Persona onderzoek"].bewindspersoon == "P. Blokhuis"
    # In uitvoering is the ministry's word; the Kamer reads Openstaand.
    assert rows["Preventieaanpak cocaïne"].status == "Openstaand"
    assert rows["Oude toezegging"].status == "Vervallen"  # in the letter, so listed
    assert rows["Motie over drugsvrije schoolpleinen"].number == "24 077, nr. 453"
    assert elsewhere.title not in rows
    draft.annex = False
    assert letter_content(draft).annex is None


def test_the_annex_prints_no_relative_words_of_long_ago(draft, register_24077, clerk):
    # DESIGN.md "Letters": relative words resolved to the date they were spoken, in the annex
    # too ("komend jaar" said in 2020 is "in 2021" in a letter of 2026).
    spoken = commitment(clerk, title="Arabisch", made_on=datetime.date(2020, 12, 18),
                        deadline_text="komend jaar", dossier=register_24077["dossier"])
    rows = {row.text: row for row in letter_content(reload(draft)).annex.rows}
    assert rows[spoken.title].deadline == "in 2021"
    assert rows["Persona onderzoek"].deadline == "in het voorjaar van 2021"


def test_a_rappel_answer_is_a_table_per_commitment(clerk, letter_writer):
    made = commitment(clerk, title="Lachgas", text="Lachgas op lijst II.\nSnel.",
                      deadline_text="voor 1 juli 2020", made_on=datetime.date(2020, 1, 6),
                      ek_number="T02780")
    made.change_status("partly_done", by=clerk, reason="Consultatie gedaan",
                       remaining="Het besluit.")
    letter = letter_compose(kind=LetterKind.RAPPEL, reference_date=datetime.date(2021, 1, 1),
                            by=letter_writer)
    item = letter.items.get()
    item.new_expected = "voorjaar 2021"
    save_with_history(item, by=letter_writer, reason="datum")
    content = letter_content(reload(letter))
    (row,) = content.rappel_rows
    assert (row.number, row.text, row.status, row.expected) == (
        "T02780", "Lachgas op lijst II. Snel.", "Deels voldaan", "voorjaar 2021")
    # What remains, not the reason typed at the status change (internal).
    assert row.explanation == "Het besluit."
    assert content.addressee == EERSTE_KAMER and content.annex is None


def test_a_ministry_without_a_known_address_is_named_without_one(draft):
    draft.ministry = Ministry.objects.create(abbreviation="BZK", name="Ministerie van BZK")
    sender = letter_content(draft).sender
    assert sender.ministry == "Ministerie van BZK" and sender.postal_lines == ()


# --- Nothing typed becomes markup -----------------------------------------------------------


def hostile(letter, payload, by):
    """The payload in every field a user types."""
    letter.subject = f"Betreft {payload}"
    letter.opening = f"Opening {payload}.[^Voetnoot {payload}]"
    letter.closing = f"Slot {payload}"
    letter.signatory_office = f"Ambt {payload}"
    letter.signatory_name = f"Naam {payload}"
    letter.uw_brief = f"Uwbrief {payload}"
    letter.kenmerk = f"K-{payload}"[:50]  # its field's length, which PostgreSQL enforces
    save_with_history(letter, by=by, reason="payload")
    for number, section_ in enumerate(letter.sections.all()):
        section_.title = f"Titel{number} {payload}"
        section_.body = f"Tekst{number} {payload}\n\n| kop | {payload}\n| cel | 1"
        save_with_history(section_, by=by, reason="payload")
    for item in letter.items.all():
        item.progress_text = f"Voortgang {payload}"
        save_with_history(item, by=by, reason="payload")
    return reload(letter)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_typed_text_is_text_in_the_preview(draft, letter_writer, client_for, payload):
    letter = hostile(draft, payload, letter_writer)
    page = client_for(letter_writer).get(reverse("letters:detail", args=[letter.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<script>alert" not in html and "<img src=x" not in html
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")
    for label in ("Betreft", "Opening", "Voetnoot", "Slot", "Ambt", "Naam", "Titel0", "Tekst0",
                  "Voortgang"):
        assert f"{label} {escaped}" in html, label
    article = html.split('<article class="kamerbrief')[1].split("</article>")[0]
    assert "{{ 7*7 }}" not in payload or ("49" not in article and "Opening {{ 7*7 }}" in article)


def raw_text(pdf, tmp_path):
    """The PDF's text in the order it was written (-raw): columns side by side do not mix."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_typed_text_is_text_in_the_pdf(draft, letter_writer, tmp_path):
    payload = " ".join(PAYLOADS)
    letter = hostile(draft, payload, letter_writer)
    pdf = render_letter_pdf(letter_content(letter))
    assert len(pdf_pages(pdf, tmp_path)) >= 2
    text = squeezed(raw_text(pdf, tmp_path))
    for label in ("Betreft", "Opening", "Voetnoot", "Slot", "Ambt", "Naam", "Titel0", "Tekst0",
                  "Voortgang"):
        assert squeezed(f"{label} {payload}") in text, label
    assert "49" not in text.replace("2021", "")


def test_nothing_typed_makes_the_renderer_fetch_anything(draft, letter_writer, counting_server,
                                                         tmp_path):
    port, requests = counting_server
    for target in (f"http://127.0.0.1:{port}/x.png", "file:///etc/passwd", "../../etc/passwd"):
        payload = (f'<img src="{target}"> <link rel="stylesheet" href="{target}"> '
                   f'<style>@import url("{target}");</style> {target}')
        letter = hostile(draft, payload, letter_writer)
        pdf = render_letter_pdf(letter_content(letter))
        assert squeezed(f"Opening {payload}") in squeezed(raw_text(pdf, tmp_path))
    assert requests == []
