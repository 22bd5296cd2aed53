"""Offices, ministries and committees on the English screens: in English as the Government of
the Netherlands writes them ("State Secretary for Health, Welfare and Sport", "Minister for
Medical Care and Sport", "Ministry of Justice and Security"), while the records, the letters and
the exports keep the Dutch names."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from commitments.models import Commitment
from legislation.models import LawTrack
from letters.compose import letter_compose
from register.history import save_with_history
from register.models import Committee, Ministry, Office, Person
from register.offices import official_name
from tests import factories

# The Dutch words of an office, a ministry or a committee, wherever the screen shows one.
DUTCH_OFFICE = re.compile(r"Staatssecretaris|Minister (?:van|voor)|Minister-[Pp]resident|"
                          r"Ministerie|Vaste commissie|Volksgezondheid|Justitie en Veiligheid|"
                          r"Medische Zorg|Algemene Zaken")


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    yield
    translation.deactivate()


@pytest.mark.parametrize("dutch, english", [
    ("Staatssecretaris van Volksgezondheid, Welzijn en Sport",
     "State Secretary for Health, Welfare and Sport"),
    ("Minister van Justitie en Veiligheid", "Minister of Justice and Security"),
    ("minister van Binnenlandse Zaken en Koninkrijksrelaties",
     "Minister of the Interior and Kingdom Relations"),
    ("Minister voor Medische Zorg en Sport", "Minister for Medical Care and Sport"),
    ("Minister-President, Minister van Algemene Zaken",
     "Prime Minister, Minister of General Affairs"),
    ("Minister-president", "Prime Minister"),
    ("Staatssecretaris van VWS", "State Secretary for Health, Welfare and Sport"),
    ("Ministerie van Infrastructuur en Waterstaat",
     "Ministry of Infrastructure and Water Management"),
    ("Vaste commissie voor Volksgezondheid, Welzijn en Sport",
     "Standing Committee on Health, Welfare and Sport"),
    # A portfolio not in the table stays as recorded: no half translation.
    ("Staatssecretaris voor Wonen en Rijksdienst", "Staatssecretaris voor Wonen en Rijksdienst"),
])
def test_official_names_in_english(dutch, english):
    with translation.override("en"):
        assert official_name(dutch) == english
    with translation.override("nl"):
        assert official_name(dutch) == dutch


@pytest.fixture
def cabinet(clerk):
    """Commitments by bewindspersonen known by name and by office only, a committee, a law track
    of two ministries: every place a screen names an office, a ministry or a committee."""
    vws = save_with_history(Ministry(abbreviation="VWS",
                                     name="Ministerie van Volksgezondheid, Welzijn en Sport"),
                            by=clerk, reason="x")
    jenv = save_with_history(Ministry(abbreviation="JenV",
                                      name="Ministerie van Justitie en Veiligheid"),
                             by=clerk, reason="x")
    blokhuis = Person.objects.create(initials="P.", surname="Blokhuis")
    Office.objects.create(person=blokhuis, ministry=vws, start=datetime.date(2017, 10, 26),
                          title="Staatssecretaris van Volksgezondheid, Welzijn en Sport")
    for title, ministry in [("Minister voor Medische Zorg en Sport", vws),
                            ("Minister van Justitie en Veiligheid", jenv),
                            ("Minister-President, Minister van Algemene Zaken", None)]:
        Office.objects.create(person=Person.objects.create(), title=title, ministry=ministry)
    committee = Committee.objects.create(
        abbreviation="VWS", name="Vaste commissie voor Volksgezondheid, Welzijn en Sport")
    for person in Person.objects.all():
        factories.commitment(clerk, bewindspersoon=person, ministry=vws, committee=committee,
                             deadline_text="in het voorjaar van 2021")
    track = save_with_history(LawTrack(title="Lachgas op lijst II", short_name="Lachgasbesluit",
                                       instrument="amvb", ministry=vws), by=clerk, reason="x")
    track.co_ministries.add(jenv)
    return track


def visible_text(html):
    """What the reader sees, less the letter's own text (it goes to the Kamer, in Dutch)."""
    html = re.sub(r'<article class="kamerbrief.*?</article>', " ", html, flags=re.DOTALL)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]*>", " ", html)


def english_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_no_dutch_office_words_on_the_english_screens(client, clerk, cabinet):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(clerk)
    commitment = Commitment.objects.filter(committee__isnull=False).first()
    urls = [reverse("commitments:dashboard"), reverse("commitments:list"),
            reverse("commitments:list") + "?status=open&sort=deadline",
            commitment.get_absolute_url(), reverse("commitments:edit", args=[commitment.pk]),
            reverse("commitments:create"), reverse("legislation:list"),
            cabinet.get_absolute_url(), reverse("legislation:edit", args=[cabinet.pk])]
    for url in urls:
        found = DUTCH_OFFICE.findall(visible_text(english_page(client, url)))
        assert found == [], (url, found)
    detail = english_page(client, cabinet.get_absolute_url())
    assert "Ministry of Health, Welfare and Sport, together with Ministry of Justice and " \
           "Security" in detail
    listing = english_page(client, reverse("commitments:list"))
    for words in ["P. Blokhuis (State Secretary for Health, Welfare and Sport)",
                  "Minister for Medical Care and Sport", "Minister of Justice and Security",
                  "Prime Minister, Minister of General Affairs",
                  "Standing Committee on Health, Welfare and Sport"]:
        assert words in listing, words


def test_the_letter_and_the_records_keep_the_dutch_names(client, clerk, letter_writer, cabinet):
    with translation.override("en"):
        letter = letter_compose(dossier=factories.dossier(), by=letter_writer,
                                today=datetime.date(2021, 1, 15))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(letter_writer)
    html = english_page(client, reverse("letters:detail", args=[letter.pk]))
    article = html.split('<article class="kamerbrief', 1)[1].split("</article>", 1)[0]
    assert "Staatssecretaris van Volksgezondheid, Welzijn en Sport" in article
    assert "State Secretary" not in article
    assert DUTCH_OFFICE.findall(visible_text(html)) == []
    assert DUTCH_OFFICE.findall(visible_text(english_page(client, reverse("letters:compose")))) \
        == []
    # The editor shows the letter's own prose, in Dutch; the signatory to choose, in English.
    editor = english_page(client, reverse("letters:edit", args=[letter.pk]))
    assert "heeft de Minister van Justitie en Veiligheid toegezegd" in editor
    assert ">Prime Minister, Minister of General Affairs<" in editor
    assert set(Office.objects.values_list("title", flat=True)) >= {
        "Minister voor Medische Zorg en Sport", "Minister van Justitie en Veiligheid"}
