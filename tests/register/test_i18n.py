"""The interface in English for whoever chooses it (the language cookie), in Dutch for everyone
else; the letters to the Kamer, the export and the history stay Dutch whichever language the
screens are in. And the English catalogue is complete, and compiled."""

import ast
import datetime
import gettext
import re
import subprocess

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from commitments.models import Commitment
from legislation.models import LawTrack
from letters.compose import letter_compose
from register.history import save_with_history
from tests import factories

D = datetime.date
MESSAGES = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """A request activates its language in the test's thread; the next test expects Dutch."""
    yield
    translation.deactivate()


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_words(html, present, absent):
    for words in present:
        assert words in html, words
    for words in absent:
        assert words not in html, words


@pytest.fixture
def working(clerk):
    """A commitment in progress, with a deadline that has passed."""
    commitment = factories.commitment(clerk, title="Preventieaanpak cocaïne",
                                      made_on=D(2020, 1, 10),
                                      deadline_text="in het voorjaar van 2020")
    commitment.change_status("in_progress", by=clerk, reason="Trimbos is begonnen")
    return commitment


# --- The screens -------------------------------------------------------------------------------


def test_dashboard_in_english(english, clerk, working):
    english.force_login(clerk)
    html = page(english, reverse("commitments:dashboard"))
    assert '<html lang="en">' in html
    assert_words(html, ["Longest overdue", "open commitments", "By minister", "Log out",
                        "Commitments", "Legislation", "Next Senate reminder list"],
                 ["Het langst te laat", "open toezeggingen", "Per bewindspersoon", "Uitloggen",
                  "Toezeggingen", "Wetgeving", "rappellijst"])


def test_commitment_list_filters_and_statuses_in_english(english, clerk, working):
    english.force_login(clerk)
    html = page(english, reverse("commitments:list"))
    assert_words(html, ["Search", "Sort by", "Deadline ends", "More filters", "Clear filters",
                        "Open", "In progress", "Partly fulfilled", "Fulfilled", "Lapsed",
                        "1 commitment<", "overdue"],
                 ["Zoeken", "Sorteren", "Termijn loopt af", "Meer filters", "Wis filters",
                  "Openstaand", "In uitvoering", "Deels afgedaan", "Afgedaan", "Vervallen",
                  "te laat"])


def test_commitment_detail_in_english(english, clerk, working):
    english.force_login(clerk)
    html = page(english, working.get_absolute_url())
    assert_words(html, ["Change status", "History", "Deadline", "Minister", "In progress",
                        "The ministry is working on it", "Overdue: the deadline ended on",
                        "31 May 2020"],
                 ["Status wijzigen", "Geschiedenis", "Termijn", "Bewindspersoon",
                  "In uitvoering", "Het ministerie werkt eraan", "31 mei 2020"])
    # What people typed stays as typed.
    assert "Trimbos is begonnen" in html


def test_a_status_change_without_reason_is_refused_in_english(english, clerk, working):
    english.force_login(clerk)
    url = reverse("commitments:change-status", args=[working.pk])
    response = english.post(url, {"new": "open", "reason": "", "version": working.version})
    html = response.content.decode()
    assert response.status_code == 200
    assert_words(html, ["This field is required.", "New status", "Reason", "Record"],
                 ["Dit veld is verplicht.", "Nieuwe status", "Vastleggen"])
    response = english.post(url, {"new": "done", "reason": "Brief verstuurd",
                                  "version": working.version})
    assert "‘Fulfilled’ needs the document with which the commitment was fulfilled" in \
        response.content.decode()
    working.refresh_from_db()
    assert working.status == "in_progress"


def test_the_models_refuse_in_the_readers_language(clerk, working):
    with translation.override("en"), pytest.raises(Exception, match="Give a reason"):
        working.change_status("open", by=clerk, reason=" ")
    with translation.override("nl"), pytest.raises(Exception, match="Geef een reden"):
        working.change_status("open", by=clerk, reason=" ")


def test_letters_list_in_english(english, letter_writer, letter):
    english.force_login(letter_writer)
    html = page(english, reverse("letters:list"))
    assert_words(html, ["Letters to the House", "New progress letter", "Subject", "Reference",
                        "Draft"],
                 ["Brieven aan de Kamer", "Nieuwe voortgangsbrief", "Betreft", "Kenmerk",
                  "Concept<"])


def test_law_track_stages_in_english_while_their_stored_names_stay_dutch(english, clerk):
    track = save_with_history(LawTrack(title="Lachgas op lijst II", short_name="Lachgasbesluit",
                                       instrument="amvb", ministry=factories.ministry()),
                              by=clerk, reason="Geregistreerd")
    with translation.override("en"):
        track.add_template_stages(by=clerk, reason="Sjabloon")
    assert list(track.stages.values_list("name", flat=True)[:2]) == ["Ontwerp",
                                                                    "Internetconsultatie"]
    english.force_login(clerk)
    html = page(english, track.get_absolute_url())
    assert_words(html, ["Internet consultation", "Order in council", "Current stage", "Stages"],
                 ["Internetconsultatie", "Huidige fase", "Fasen"])


def test_without_the_cookie_everything_is_dutch(client, clerk, letter_writer, working, letter):
    client.force_login(clerk)
    html = page(client, reverse("commitments:dashboard"))
    assert '<html lang="nl">' in html
    assert_words(html, ["Het langst te laat", "Per bewindspersoon", "Uitloggen"],
                 ["Longest overdue", "By minister", "Log out"])
    assert_words(page(client, reverse("commitments:list")),
                 ["Zoeken", "Openstaand", "Deels afgedaan", "Meer filters"],
                 ["Search", "Partly fulfilled", "More filters"])
    assert_words(page(client, working.get_absolute_url()),
                 ["Status wijzigen", "Geschiedenis", "Het ministerie werkt eraan"],
                 ["Change status", "History", "The ministry is working on it"])
    client.force_login(letter_writer)
    assert_words(page(client, reverse("letters:list")), ["Brieven aan de Kamer", "Kenmerk"],
                 ["Letters to the House", "Reference"])


# --- What stays Dutch ----------------------------------------------------------------------------


@pytest.fixture
def letter(clerk, letter_writer, working):
    """A progress letter composed by someone reading the screens in English."""
    motion = factories.motion(clerk, filed_on=D(2019, 12, 11))
    motion.record_vote("adopted", by=clerk, reason="Stemmingen", on=D(2019, 12, 17))
    motion.change_status("in_progress", by=clerk, reason="Contact met het Trimbos-instituut")
    with translation.override("en"):
        return letter_compose(dossier=factories.dossier(), by=letter_writer,
                              today=D(2021, 1, 15))


def test_prefilled_progress_texts_are_dutch_under_english_screens(letter):
    texts = {item.subject_kind: item.progress_text for item in letter.items.all()}
    assert texts["commitment"].endswith("is verstreken; hieraan wordt nog gewerkt.")
    assert texts["motion"].endswith("Aan de uitvoering wordt gewerkt.")
    assert "in progress" not in " ".join(texts.values()).lower()


def test_letter_preview_is_dutch_inside_an_english_page(english, letter_writer, letter):
    english.force_login(letter_writer)
    html = page(english, reverse("letters:detail", args=[letter.pk]))
    chrome, rest = html.split('<article class="kamerbrief', 1)
    article, after = rest.split("</article>", 1)
    assert_words(chrome + after, ["Preview of the letter", "Submit for approval", "Items",
                                  "History", "Letter drafted from the register"],
                 ["Voorbeeld van de brief", "Ter goedkeuring aanbieden", "Onderdelen"])
    assert_words(article, ["Geachte voorzitter,", "hieraan wordt nog gewerkt", "Bijlage",
                           "Openstaand", "In uitvoering", "Betreft", "januari"],
                 ["In progress", "Open<", "Subject", "January", "Dear"])


def test_letter_pdf_is_dutch_when_asked_for_in_english(english, letter_writer, letter, tmp_path):
    english.force_login(letter_writer)
    response = english.get(reverse("letters:pdf", args=[letter.pk]))
    assert response.status_code == 200
    path = tmp_path / "brief.pdf"
    path.write_bytes(response.content)
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert_words(text, ["Geachte voorzitter,", "Pagina 1 van", "hieraan wordt nog gewerkt",
                        "In uitvoering", "Openstaand", "15 januari 2021"],
                 ["In progress", "Page 1", "January"])


def test_history_reasons_are_stored_dutch_and_shown_in_english(english, letter_writer, letter):
    english.force_login(letter_writer)
    response = english.post(reverse("letters:submit", args=[letter.pk]),
                            {"version": letter.version})
    assert response.status_code == 302
    assert letter.history.latest("history_date").history_change_reason == \
        "Ter goedkeuring aangeboden"
    html = page(english, reverse("letters:detail", args=[letter.pk]))
    assert "Submitted for approval" in html and "Ter goedkeuring aangeboden" not in html


def test_the_export_is_a_dutch_file_the_import_reads_back(english, clerk, working):
    english.force_login(clerk)
    response = english.get(reverse("commitments:export-csv"))
    csv = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = csv.splitlines()[:2]
    assert header.startswith("Nummer;Nummer Tweede Kamer;") and "Bewindspersoon" in header
    assert ";In uitvoering;" in row and "In progress" not in row
    assert Commitment.objects.count() == 1


# --- The catalogue -------------------------------------------------------------------------------


def po_entries(path):
    """The entries of a .po file as dicts: msgid, msgid_plural, msgstr (a list) and flags.

    Enough of the format for ours (no msgctxt, no obsolete entries); strings are C-quoted,
    which Python reads the same for the escapes gettext writes.
    """
    entries, entry, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry and "msgid" in entry:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry or {"flags": set(), "msgstr": []}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if key == "msgstr":
                entry["msgstr"][-1] += ast.literal_eval(line)
            else:
                entry[key] += ast.literal_eval(line)
        else:
            key, _space, value = line.partition(" ")
            if key.startswith("msgstr"):
                key = "msgstr"
                entry["msgstr"].append(ast.literal_eval(value))
            else:
                entry[key] = ast.literal_eval(value)
    return entries


@pytest.fixture(scope="module")
def catalogue():
    entries = po_entries(MESSAGES / "django.po")
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    return header, messages


def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    header, messages = catalogue
    assert len(messages) > 800
    assert "fuzzy" not in header["flags"]
    assert "Language: en" in header["msgstr"][0]
    assert [m["msgid"] for m in messages if "fuzzy" in m["flags"]] == []
    assert [m["msgid"] for m in messages if not all(s.strip() for s in m["msgstr"])] == []
    assert [m["msgid"] for m in messages if len(m["msgstr"]) != (2 if "msgid_plural" in m
                                                                   else 1)] == []


def test_translations_keep_the_placeholders(catalogue):
    _header, messages = catalogue
    for message in messages:
        if "msgid_plural" in message:
            one, many = message["msgstr"]
            # The singular may spell the count out ("replanned once").
            assert set(PLACEHOLDER.findall(one)) <= set(PLACEHOLDER.findall(message["msgid"]))
            assert set(PLACEHOLDER.findall(many)) == set(
                PLACEHOLDER.findall(message["msgid_plural"])), message["msgid_plural"]
        else:
            assert set(PLACEHOLDER.findall(message["msgstr"][0])) == set(
                PLACEHOLDER.findall(message["msgid"])), message["msgid"]


def test_the_compiled_catalogue_matches_the_po_file(catalogue):
    """CI has no gettext tools, so the .mo is committed: it must be compiled from this .po."""
    _header, messages = catalogue
    with open(MESSAGES / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for message in messages:
        if "msgid_plural" in message:
            forms = [compiled.ngettext(message["msgid"], message["msgid_plural"], n)
                     for n in (1, 2)]
            assert forms == message["msgstr"], message["msgid"]
        else:
            assert compiled.gettext(message["msgid"]) == message["msgstr"][0], message["msgid"]
