"""What a clerk types or pastes into a document field (issue 14, "Every citation form"): the
Kamerstuk without its word or punctuation, other words before it, a tweedekamer.nl address; and
what is refused, with what was typed and a form that is accepted."""

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from commitments.models import Commitment
from register.forms import DocumentInputMixin
from register.models import Document
from register.references import kamer_document_number, parse_references, reference_from_input
from tests import factories

DATA = Path(__file__).resolve().parents[1] / "data"
NBSP = "\u00a0"
BRIEF = ("https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2020Z24162"
         "&did=2020D51587")


@pytest.mark.parametrize(
    "value",
    [
        # without punctuation, or "kst" without its dot
        "Kst 24077 nr 480", "KST 24 077, nr. 480", "kst 24077-480", "Kst 24077-480",
        # without the word "Kamerstuk": the whole field is one reference
        "24 077, nr. 480", "24077, nr. 480", "24077 nr 480", "24077-480", "24 077-480",
        "24.077 nr 480", "Kamerstuk 24 077-480",
        # another word before it
        "TK 24 077-480", "TK 24077 nr 480", "Tweede Kamer 24 077, nr. 480",
        # a non-breaking space where a space was, punctuation around it
        f"24{NBSP}077, nr.{NBSP}480", f"Kst{NBSP}24077{NBSP}nr{NBSP}480", "24 077, nr. 480.",
        "(24077-480)", "‘24 077, nr. 480’;", "Kst 24077 nr 480,",
    ],
)  # fmt: skip
def test_a_typed_kamerstuk_is_accepted(value):
    assert reference_from_input(value).ident == "kst-24077-480"


@pytest.mark.parametrize(
    ("value", "ident"),
    [
        ("kamerstuk 24077 nr 480", "kst-24077-480"),
        ("Kamerstukken II 2020/21, 24 077, nr. 480", "kst-24077-480"),
        (f"Kamerstuk{NBSP}24{NBSP}077,{NBSP}nr.{NBSP}480", "kst-24077-480"),
        ("Kamerstuk 24 077, nr. 480.", "kst-24077-480"),
        ("35 570 XVI, nr. 12", "kst-35570-XVI-12"),
        ("35570-XVI-12", "kst-35570-XVI-12"),
        ("21501-20-1234", "kst-21501-20-1234"),
        ("21 501-20, nr. 1234", "kst-21501-20-1234"),
    ],
)  # fmt: skip
def test_other_typed_forms(value, ident):
    assert reference_from_input(value).ident == ident


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("24077 480", "Geen verwijzing herkend in ‘24077 480’. Schrijf bijvoorbeeld ‘Kamerstuk "
                      "24 077, nr. 468’"),
        ("nr. 480", "Geen verwijzing herkend in ‘nr. 480’"),
        ("2020", "Geen verwijzing herkend in ‘2020’"),
        ("2020, nr. 12", "Geen verwijzing herkend in ‘2020, nr. 12’"),
        ("2019-2020", "Geen verwijzing herkend in ‘2019-2020’"),
        ("24 077", "‘24 077’ is een dossier, geen Kamerstuk: typ ook het nummer van het stuk, "
                   "bijvoorbeeld ‘Kamerstuk 24 077, nr. 468’."),
        ("Kamerstuk 21501-20", "‘Kamerstuk 21501-20’ is een dossier, geen Kamerstuk"),
        ("de brief 24077 nr 480 van maandag", "Geen verwijzing herkend in ‘de brief 24077 nr 480 "
                                              "van maandag’"),
        (BRIEF, f"‘{BRIEF}’ noemt alleen het documentnummer van de Tweede Kamer (2020D51587), "
                "niet het Kamerstuk, en het register kent geen document met dat nummer. Typ het "
                "Kamerstuknummer dat bovenaan het document staat, bijvoorbeeld ‘Kamerstuk 24 077, "
                "nr. 468’."),
        ("2020d51587", "‘2020d51587’ noemt alleen het documentnummer van de Tweede Kamer "
                       "(2020D51587)"),
        ("https://www.tweedekamer.nl/kamerstukken/detail?id=2020Z24162",
         "Uit het adres ‘https://www.tweedekamer.nl/kamerstukken/detail?id=2020Z24162’ blijkt niet "
         "welk Kamerstuk het is. Typ het Kamerstuknummer dat bovenaan het document staat, "
         "bijvoorbeeld ‘Kamerstuk 24 077, nr. 468’."),
    ],
)  # fmt: skip
def test_a_refusal_says_what_was_typed_and_what_is_accepted(value, says):
    with pytest.raises(ValueError) as refused:
        reference_from_input(value)
    assert says in str(refused.value)
    assert "‘Kamerstuk 24 077, nr. 468’" in str(refused.value)


@pytest.mark.parametrize(
    ("value", "number"),
    [
        (BRIEF, "2020D51587"),
        ("https://www.tweedekamer.nl/kamerstukken/detail?id=2020D51587", "2020D51587"),
        ("tweedekamer.nl/kamerstukken/kamervragen/detail?did=2025D04328&id=2025D04328",
         "2025D04328"),
        ("https://www.tweedekamer.nl/downloads/document?id=2020D51587", "2020D51587"),
        (" 2020d51587 ", "2020D51587"),
        ("https://www.tweedekamer.nl/kamerstukken/detail?id=2020Z24162", None),
        ("https://example.org/?did=2020D51587", None),
        ("kst-24077-480", None),
    ],
)  # fmt: skip
def test_the_kamer_document_number_of_an_address(value, number):
    assert kamer_document_number(value) == number


def test_a_pasted_tweedekamer_address_finds_the_document_synced_with_that_number(db):
    synced = Document.objects.create(kind="brief", kenmerk="2020D51587",
                                     title="Voortgangsbrief drugsbeleid")
    for value in (BRIEF, "https://www.tweedekamer.nl/kamerstukken/detail?id=2020D51587",
                  "2020D51587"):
        form = DocumentInputMixin(data={"document_reference": value})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["document"] == synced
        assert form.resolve_document(by=None, reason="x") == synced
    assert Document.objects.count() == 1


def test_a_pasted_tweedekamer_address_finds_a_synced_kamerstuk_by_its_kamer_number(db):
    synced = Document.objects.from_reference(reference_from_input("Kamerstuk 24 077, nr. 481"),
                                             by=None, reason="import",
                                             tk_document_number="2020D51587")[0]
    form = DocumentInputMixin(data={"document_reference": BRIEF})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["document"] == synced
    assert form.resolve_document(by=None, reason="x").ident == "kst-24077-481"


def test_a_pasted_tweedekamer_address_of_an_unknown_document_is_refused(db):
    form = DocumentInputMixin(data={"document_reference": BRIEF})
    assert not form.is_valid()
    assert "noemt alleen het documentnummer van de Tweede Kamer (2020D51587)" in str(form.errors)


# --- In a form --------------------------------------------------------------------------------


@pytest.fixture
def commitment(clerk):
    return factories.commitment(clerk, deadline_text="in het voorjaar van 2021")


def test_done_with_a_kamerstuk_typed_without_its_word(client_for, clerk, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {
        "new": "done", "reason": "Afgedaan met de brief", "version": commitment.version,
        "document_reference": "24 077, nr. 480"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.status, commitment.delivered_by.ident) == ("done", "kst-24077-480")
    assert commitment.history.latest().history_change_reason == "Afgedaan met de brief"


def test_done_with_the_tweedekamer_address_of_a_synced_document(client_for, clerk, commitment):
    synced = Document.objects.create(kind="brief", kenmerk="2020D51587", title="Brief")
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {
        "new": "done", "reason": "Afgedaan met de brief", "version": commitment.version,
        "document_reference": BRIEF})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.status, commitment.delivered_by) == ("done", synced)
    assert Document.objects.count() == 1


@pytest.mark.parametrize("value", [BRIEF, "24077 480"])
def test_a_refused_reference_loses_nothing_typed(client_for, clerk, commitment, value):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {
        "new": "done", "reason": "Afgedaan met de brief van 18 december",
        "on": "2020-12-18", "version": commitment.version, "document_reference": value})
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["form"].errors["document_reference"]
    assert "Kamerstuk 24 077, nr. 468" in page
    assert f'value="{value}"'.replace("&", "&amp;") in page
    assert "Afgedaan met de brief van 18 december" in page and 'value="2020-12-18"' in page
    assert Commitment.objects.get().status == "open"
    assert Document.objects.count() == 0


# --- Real texts -------------------------------------------------------------------------------

CITATION_WORD = re.compile(r"kamerst|handeling|aanhangsel|\bkst[.-]|\b(?:ah|h)-[te]k-", re.I)
# "(29924 , nr. 274)", "(t.v.v. 30597, nr. 402)", "(36 600-A, nr. 35)": real bare citations
BARE = re.compile(r"\((?:t\.v\.v\.\s*)?\s*([0-9]{2}\s?[0-9]{3}(?:-[A-Z]{1,4})?\s*,\s*nr\.\s*"
                  r"[0-9]{1,4})\s*\)")


def real_texts(*, whole_reports=False):
    """Onderwerp, Titel and Citeertitel of the real records; the reports' lines, or each report
    as one text (an agenda item's citation is spread over several elements)."""
    texts = []
    for name in ("document_motie_page.json", "zaak_page_mixed.json"):
        records = json.loads((DATA / "tk" / "real" / name).read_text(encoding="utf-8"))["value"]
        texts += [record[field] for record in records for field in ("Onderwerp", "Titel",
                                                                    "Citeertitel")
                  if isinstance(record.get(field), str)]
    for report in sorted((DATA / "vlos").glob("*.xml")):
        text = re.sub(r"<[^>]+>", " " if whole_reports else "\n",
                      report.read_text(encoding="utf-8"))
        texts += [text] if whole_reports else text.split("\n")
    return [text for text in texts if text.strip()]


def test_no_ident_in_real_texts_without_a_citation_word():
    texts = [text for text in real_texts() if not CITATION_WORD.search(text)]
    assert len(texts) > 2000
    assert [(text, parse_references(text)) for text in texts if parse_references(text)] == []


def test_real_bare_citations_pasted_into_a_field_give_their_kamerstuk():
    bare = [m[1] for text in real_texts(whole_reports=True) for m in BARE.finditer(text)]
    assert len(bare) >= 40
    for citation in bare:
        dossier, number = re.fullmatch(r"([0-9 ]+(?:-[A-Z]+)?)\s*,\s*nr\.\s*([0-9]+)",
                                       citation).groups()
        expected = f"kst-{dossier.replace(' ', '')}-{number}"
        assert reference_from_input(citation).ident == expected
        assert reference_from_input(f"({citation})").ident == expected


def test_every_example_of_the_fields_help_text_is_accepted():
    """The help text shows the forms a clerk may type; each of them is one the field takes."""
    help_text = str(DocumentInputMixin.base_fields["document_reference"].help_text)
    examples = re.findall(r"‘([^’]+)’", help_text)
    assert len(examples) == 3
    for example in examples:
        assert reference_from_input(example).ident == "kst-24077-468"
    address = "https://zoek.officielebekendmakingen.nl/kst-24077-468.html"
    assert "officielebekendmakingen.nl" in help_text
    assert reference_from_input(address).ident == "kst-24077-468"
