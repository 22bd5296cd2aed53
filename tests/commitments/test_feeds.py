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
    asked = client.post(reverse("feed-revoke"))
    assert "Feedsleutel intrekken?" in asked.content.decode()
    assert FeedToken.active_for(advisor) == token  # asked first, nothing revoked yet
    client.post(reverse("feed-revoke"), {"confirmed": "1"})
    assert FeedToken.active_for(advisor) is None
    assert client.get(reverse("feed-renew")).status_code == 405


def test_the_first_key_does_not_speak_of_old_addresses(client_for, advisor):
    client = client_for(advisor)
    first = client.post(reverse("feed-renew"), follow=True).content.decode()
    assert "Uw feedadressen zijn gemaakt." in first and "oude adressen werken" not in first
    second = client.post(reverse("feed-renew"), follow=True).content.decode()
    assert "de oude adressen werken niet meer" in second


def test_feed_settings_offer_copy_and_webcal(client_for, advisor, token):
    html = client_for(advisor).get(reverse("feed-settings")).content.decode()
    assert f'href="webcal://testserver/feeds/{token.token}/deadlines.ics"' in html
    assert 'data-copy="ics-url"' in html and 'id="ics-url"' in html


def test_ics_feed_has_open_items_only_by_default(client, token, commitments, clerk):
    delivered = factories.commitment(clerk, title="Geleverd", deadline_text="voor de zomer 2021")
    delivered.change_status("done", by=clerk, reason="brief", document=factories.document())
    url = reverse("commitments:feed-ics", args=[token.token])
    summaries = [str(e["summary"]) for e in Calendar.from_ical(client.get(url).content)
                 .walk("VEVENT")]
    assert summaries == [f"Termijn {commitments.number}: Persona"]
    chosen = Calendar.from_ical(client.get(url, {"status": "done"}).content).walk("VEVENT")
    assert [str(e["summary"]) for e in chosen] == [f"Termijn {delivered.number}: Geleverd"]


def test_ics_event_has_an_alarm_a_week_before(client, token, commitments):
    url = reverse("commitments:feed-ics", args=[token.token])
    event = Calendar.from_ical(client.get(url).content).walk("VEVENT")[0]
    alarm = event.walk("VALARM")[0]
    assert alarm.decoded("trigger") == -datetime.timedelta(days=7)
    assert str(alarm["action"]) == "DISPLAY"


def test_ics_calendar_is_named_after_the_selection(client, token, commitments):
    url = reverse("commitments:feed-ics", args=[token.token])
    named = Calendar.from_ical(client.get(url, {"naam": "Mijn directie"}).content)
    assert str(named["x-wr-calname"]) == "Kamerregister: Mijn directie"
    filtered = Calendar.from_ical(client.get(url, {"status": "in_progress"}).content)
    assert str(filtered["x-wr-calname"]) == "Kamerregister: Status: In uitvoering"
    plain = Calendar.from_ical(client.get(url).content)
    assert str(plain["x-wr-calname"]) == "Kamerregister: termijnen van toezeggingen"


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


def test_ics_calendar_of_a_search_names_its_words(client, token, commitments):
    """"?q=lachgas" was named "termijnen van toezeggingen", and "?status=open&q=lachgas" like
    every other selection of open commitments: two subscriptions, one name in Outlook."""
    url = reverse("commitments:feed-ics", args=[token.token])
    searched = Calendar.from_ical(client.get(url, {"q": "lachgas"}).content)
    assert str(searched["x-wr-calname"]) == "Kamerregister: Zoeken: lachgas"
    both = Calendar.from_ical(client.get(url, {"q": "lachgas", "status": "open"}).content)
    assert str(both["x-wr-calname"]) == "Kamerregister: Zoeken: lachgas; Status: Openstaand"

