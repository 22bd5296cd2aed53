"""The OData client against the replay server: pages and next links, and a service that is
slow, busy, broken or gone (DESIGN.md "Sync with the Tweede Kamer")."""

import httpx
import pytest

from commitments.tk_sync.client import ODataClient, ServiceFailed
from tests.sync.replay import Replay


def records(count):
    return [{"Id": f"id-{n}", "ApiGewijzigdOp": f"2025-01-01T00:00:{n:02d}.1234567Z"}
            for n in range(count)]


@pytest.fixture
def replay():
    server = Replay(page_size=4)
    server.serve("Document", records(10))
    yield server
    server.stop()


def client(replay, **options):
    slept = []
    options = {"timeout": 0.5, "max_wait": 30, "first_pause": 1.0, "sleep": slept.append,
               **options}
    return ODataClient(replay.base_url, **options), slept


def ids(pages):
    return [record["Id"] for page in pages for record in page.records]


def test_pages_follow_the_next_link(replay):
    odata, _slept = client(replay)
    pages = list(odata.pages("Document", {"$orderby": "ApiGewijzigdOp"}))
    assert [len(page.records) for page in pages] == [4, 4, 2]
    assert ids(pages) == [f"id-{n}" for n in range(10)]
    assert pages[0].next_link.endswith("$skip=4") and pages[-1].next_link is None
    assert len(replay.requests) == 3


def test_records_changed_since_a_moment(replay):
    odata, _slept = client(replay)
    pages = odata.pages("Document", {"$filter": "ApiGewijzigdOp ge 2025-01-01T00:00:07Z"})
    assert ids(pages) == ["id-7", "id-8", "id-9"]


def test_429_waits_as_long_as_retry_after_says(replay):
    replay.fail(("status", 429, 7))
    odata, slept = client(replay)
    assert len(ids(odata.pages("Document", {}))) == 10
    assert slept == [7.0]


@pytest.mark.parametrize("fault", [("status", 500), ("status", 503), ("timeout", 4),
                                   ("truncate",), ("drop",)])
def test_a_failing_answer_is_asked_for_again(replay, fault):
    replay.fail(fault, fault)
    # A wait long enough that a good answer is never taken for a timeout on a loaded machine
    # (that would be one more attempt); the timeout fault waits longer still.
    odata, slept = client(replay, timeout=1.5)
    assert ids(odata.pages("Document", {})) == [f"id-{n}" for n in range(10)]
    assert slept == [1.0, 2.0]  # the pause doubles


def test_the_pause_grows_to_at_most_a_minute(replay):
    replay.fail(*[("status", 500)] * 9)
    odata, slept = client(replay, max_wait=1000)
    list(odata.pages("Document", {}))
    assert slept == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_service_that_stays_away_is_given_up_with_a_message(replay):
    replay.fail(*[("status", 503)] * 20)
    odata, slept = client(replay, max_wait=10)
    with pytest.raises(ServiceFailed) as failed:
        list(odata.pages("Document", {}))
    assert sum(slept) <= 10
    message = str(failed.value)
    assert "gaf na 4 pogingen in 7 s nog steeds geen bruikbaar antwoord" in message
    assert "HTTP 503 Service Unavailable" in message


def test_a_server_that_went_away_is_given_up(replay):
    odata, _slept = client(replay, max_wait=3)
    replay.stop()
    with pytest.raises(ServiceFailed, match="verbinding mislukt of verbroken"):
        list(odata.pages("Document", {}))


def test_a_wrong_address_is_no_reason_to_wait(replay):
    odata, slept = client(replay)
    with pytest.raises(ServiceFailed, match="HTTP 404 Not Found .*controleer --base-url"):
        list(odata.pages("Dokument", {}))
    assert slept == []


def test_a_next_link_to_another_server_is_not_followed():
    """The service's answer says where the next page is: an address inside our network (a
    cloud's metadata service, say) was asked for as if it were the Kamer's."""
    asked = []

    def answer(request):
        asked.append(str(request.url))
        if request.url.host != "gegevensmagazijn.tweedekamer.nl":
            return httpx.Response(200, json={"value": []})
        return httpx.Response(200, json={
            "value": records(2), "@odata.nextLink": "http://169.254.169.254/latest/meta-data/"})

    odata = ODataClient("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/",
                        transport=httpx.MockTransport(answer))
    pages = odata.pages("Verslag", {})
    assert ids([next(pages)]) == ["id-0", "id-1"]
    with pytest.raises(ServiceFailed, match=r"andere server \(http://169.254.169.254\)"):
        next(pages)
    assert asked == ["https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Verslag"]


def test_a_redirect_on_the_services_own_server_is_followed(replay):
    odata, _slept = client(replay)
    host, port = replay.server.server_address
    replay.fail(("redirect", f"http://{host}:{port}{{path}}"))
    assert ids(odata.pages("Document", {})) == [f"id-{n}" for n in range(10)]
    assert len(replay.requests) == 1 + 3  # the redirect, then the three pages


def test_a_redirect_to_another_server_is_not_followed(replay):
    """A redirect is an address in the service's answer too: the Kamer's service (or whatever
    answers in its name) sending us to an address inside our network is not obeyed."""
    elsewhere = Replay(page_size=4)
    elsewhere.serve("Document", records(10))
    try:
        odata, slept = client(replay)
        host, port = elsewhere.server.server_address
        replay.fail(("redirect", f"http://{host}:{port}{{path}}"))
        with pytest.raises(ServiceFailed, match=rf"stuurde het verzoek door naar een andere "
                                                rf"server \(http://{host}:{port}\); die wordt "
                                                rf"niet gevraagd"):
            list(odata.pages("Document", {}))
        assert elsewhere.requests == [] and slept == []
    finally:
        elsewhere.stop()
