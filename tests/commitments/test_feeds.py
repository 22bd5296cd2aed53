import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from register.models import FeedToken
from tests import factories


@pytest.fixture
def token(advisor):
    return FeedToken.renew(advisor)


@pytest.fixture
def commitments(clerk):
    spring = factories.commitment(clerk, title="Persona", deadline_text="in het voorjaar van 2021")
    factories.commitment(clerk, title="Zonder termijn")
    spring.change_status("in_progress", by=clerk, reason="Trimbos is begonnen")
    return spring


def test_tokens_are_long_and_random(advisor):
    first, second = FeedToken.renew(advisor).token, FeedToken.renew(advisor).token
    assert len(first) >= 43 and first != second


def test_ics_feed_has_the_deadlines_without_login(client, token, commitments):
    response = client.get(reverse("commitments:feed-ics", args=[token.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [
        f"Termijn {commitments.number}: Persona"]
    assert events[0].decoded("dtstart") == datetime.date(2021, 5, 31)


def test_ics_feed_takes_the_list_filter(client, token, commitments):
    url = reverse("commitments:feed-ics", args=[token.token])
    assert b"VEVENT" not in client.get(url, {"status": "done"}).content


def test_atom_feed_lists_status_changes(client, token, commitments):
    response = client.get(reverse("commitments:feed-atom", args=[token.token]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<feed" in content
    assert f"{commitments.number}: Openstaand → In uitvoering" in content
    assert "Trimbos is begonnen" in content


@pytest.mark.parametrize("name", ["commitments:feed-ics", "commitments:feed-atom"])
def test_revoked_token_gets_404(name, client, token, advisor, commitments):
    url = reverse(name, args=[token.token])
    assert client.get(url).status_code == 200
    FeedToken.revoke(advisor)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["commitments:feed-ics", "commitments:feed-atom"])
def test_renewing_retires_the_old_address(name, client, token, advisor):
    FeedToken.renew(advisor)
    assert client.get(reverse(name, args=[token.token])).status_code == 404


def test_unknown_token_and_user_without_role_get_404(client, norole, commitments):
    assert client.get(reverse("commitments:feed-ics", args=["x" * 43])).status_code == 404
    stranger = FeedToken.renew(norole)
    assert client.get(reverse("commitments:feed-ics", args=[stranger.token])).status_code == 404


def test_feed_settings_page_renews_and_revokes(client_for, advisor):
    client = client_for(advisor)
    assert "Maak mijn feedadressen" in client.get(reverse("feed-settings")).content.decode()
    client.post(reverse("feed-renew"))
    token = FeedToken.active_for(advisor)
    assert token.token in client.get(reverse("feed-settings")).content.decode()
    client.post(reverse("feed-revoke"))
    assert FeedToken.active_for(advisor) is None
    assert client.get(reverse("feed-renew")).status_code == 405


@pytest.mark.parametrize("name", ["commitments:feed-ics", "commitments:feed-atom"])
def test_an_invalid_filter_in_a_feed_says_what_is_wrong(name, client, token, commitments):
    response = client.get(reverse(name, args=[token.token]), {"due_from": "morgen"})
    assert response.status_code == 400
    assert "Dit filter klopt niet: due_from" in response.content.decode()


ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_sends_user_text_as_text_never_as_markup(client, token, clerk):
    """A feed reader renders type="html" content as markup: user text must go out as text."""
    from xml.etree import ElementTree

    attack = '<img src=x onerror="alert(1)">'
    commitment = factories.commitment(clerk, title=f"Titel {attack}")
    commitment.change_status("in_progress", by=clerk, reason=f"Reden {attack}")
    clerk.first_name = f"Gerda {attack}"
    clerk.save()
    response = client.get(reverse("commitments:feed-atom", args=[token.token]))
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own feed)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    texts = [element for element in feed.iter() if element.text and "<img" in element.text]
    assert {element.tag for element in texts} >= {f"{ATOM}summary", f"{ATOM}name"}
    for element in feed.iter():
        # Atom: no type attribute means text; "html" and "xhtml" are markup.
        assert element.get("type", "text") == "text", element.tag
    summary = entries[0].find(f"{ATOM}summary")
    assert summary.text == f"Titel {attack}. Reden {attack} (Gerda {attack} Griffier)"
