"""Documents that are no parliamentary paper (consultation page, advice, Staatsblad) on a stage."""

import pytest
from django.urls import reverse

from legislation.forms import official_publication
from legislation.models import Stage
from register.models import Document
from tests.legislation.builders import law_track

CONSULTATION = ("Internetconsultatie Besluit lachgas", "https://www.internetconsultatie.nl/lachgas")
BAD_URL = "Geef een webadres dat begint met https:// of http://"


@pytest.fixture
def track(clerk):
    return law_track(clerk, short_name="Lachgasbesluit", instrument="amvb")


@pytest.fixture
def consultation(track):
    return track.stages.get(kind="consultation")


def edit(client, stage, **fields):
    stage = Stage.objects.get(pk=stage.pk)
    data = {"name": stage.name, "kind": stage.kind, "note": stage.note, "version": stage.version,
            "documents": [document.pk for document in stage.documents.all()],
            "reason": "Voortgangsbrief van 18 december 2020", **fields}
    return client.post(reverse("legislation:stage-edit", args=[stage.track_id, stage.pk]), data)


def test_clerk_links_a_consultation_page(client_for, clerk, consultation):
    title, url = CONSULTATION
    response = edit(client_for(clerk), consultation, web_title=title, web_url=url,
                    reason="Consultatiepagina")
    assert response.status_code == 302
    document = Document.objects.get(url=url)
    assert (document.kind, document.title, document.ident[:4]) == ("other", title, "web-")
    assert list(consultation.documents.all()) == [document]
    assert consultation.history.latest().history_change_reason == (
        "Consultatiepagina (documenten: + Internetconsultatie Besluit lachgas)")
    created = document.history.get()
    assert (created.history_user, created.history_change_reason) == (clerk, "Consultatiepagina")


def test_the_page_is_a_link_on_the_track_page(client_for, clerk, advisor, track, consultation):
    edit(client_for(clerk), consultation, web_title=CONSULTATION[0], web_url=CONSULTATION[1])
    page = client_for(advisor).get(track.get_absolute_url()).content.decode()
    assert ('<a href="https://www.internetconsultatie.nl/lachgas" rel="noopener noreferrer">'
            'Internetconsultatie Besluit lachgas</a></li>') in page


def test_an_advice_and_a_reference_in_one_edit(client_for, clerk, track):
    council = track.stages.get(kind="council_advice")
    edit(client_for(clerk), council, web_title="Advies Raad van State W13.20.0123/III",
         web_url="https://www.raadvanstate.nl/adviezen/W13.20.0123", document_reference=(
             "Kamerstuk 24 077, nr. 468"))
    assert sorted(str(document) for document in council.documents.all()) == [
        "Advies Raad van State W13.20.0123/III", "Kamerstuk 24 077, nr. 468"]


@pytest.mark.parametrize(("typed", "title", "url"), [
    ("Staatsblad 2021, 150", "Staatsblad 2021, 150", "stb-2021-150"),
    ("Stb. 2021, 150", "Staatsblad 2021, 150", "stb-2021-150"),
    ("stb 2021 nr. 150", "Staatsblad 2021, 150", "stb-2021-150"),
    ("Stcrt. 2020, 12345", "Staatscourant 2020, 12345", "stcrt-2020-12345"),
    ("Staatscourant 2020, nr. 12345", "Staatscourant 2020, 12345", "stcrt-2020-12345"),
])
def test_official_publications_are_recognised(typed, title, url):
    assert official_publication(typed) == (title,
                                           f"https://zoek.officielebekendmakingen.nl/{url}")


def test_not_an_official_publication():
    assert official_publication("Advies Raad van State W13.20.0123/III") is None
    assert official_publication("Staatsblad") is None


def test_a_staatsblad_gets_its_official_address_and_is_stored_once(client_for, clerk, track):
    client = client_for(clerk)
    publication = track.stages.get(kind="adoption_publication")
    entry = track.stages.get(kind="entry_into_force")
    assert edit(client, publication, web_title="Stb. 2021, 150").status_code == 302
    assert edit(client, entry, web_title="Staatsblad 2021, 150").status_code == 302
    document = Document.objects.get(kind="other")
    assert (document.title, document.url) == (
        "Staatsblad 2021, 150", "https://zoek.officielebekendmakingen.nl/stb-2021-150")
    assert list(entry.documents.all()) == list(publication.documents.all()) == [document]


def test_the_same_title_and_address_are_stored_once(client_for, clerk, track, consultation):
    client = client_for(clerk)
    title, url = CONSULTATION
    edit(client, consultation, web_title=title, web_url=url)
    edit(client, consultation, web_title=f"  {title} ", web_url=url, reason="Nogmaals")
    edit(client, track.stages.get(kind="draft"), web_title=title, web_url=url)
    assert Document.objects.filter(kind="other").count() == 1
    assert consultation.documents.count() == 1


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript://x.nl/%0Aalert(1)",
                                 "ftp://example.nl/advies.pdf", "data:text/html,<b>x</b>",
                                 "geen adres"])
def test_an_address_that_is_no_web_page_is_refused(client_for, clerk, consultation, url):
    response = edit(client_for(clerk), consultation, web_title="Advies", web_url=url)
    assert response.status_code == 200
    assert response.context["form"].errors["web_url"] == [
        "Geef een webadres dat begint met https:// of http://, bijvoorbeeld "
        "https://www.internetconsultatie.nl/lachgas."]
    assert BAD_URL in response.content.decode()
    assert not Document.objects.exists() and not consultation.documents.exists()


def test_a_title_needs_an_address_and_an_address_a_title(client_for, clerk, consultation):
    client = client_for(clerk)
    no_url = edit(client, consultation, web_title="Advies Raad van State W13.20.0123/III")
    assert "Geef het webadres van ‘Advies Raad van State W13.20.0123/III’." in (
        no_url.context["form"].errors["web_url"])
    no_title = edit(client, consultation, web_url="https://www.raadvanstate.nl/")
    assert "web_title" in no_title.context["form"].errors
    assert not Document.objects.exists()


def test_an_address_without_scheme_becomes_https(client_for, clerk, consultation):
    edit(client_for(clerk), consultation, web_title=CONSULTATION[0],
         web_url="www.internetconsultatie.nl/lachgas")
    assert Document.objects.get().url == CONSULTATION[1]


def test_title_and_address_are_escaped_on_the_track_page(client_for, clerk, track,
                                                         consultation):
    edit(client_for(clerk), consultation, web_title="<script>alert(1)</script>",
         web_url='https://example.nl/?q="><script>alert(2)</script>')
    page = client_for(clerk).get(track.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert ('href="https://example.nl/?q=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"'
            in page)
