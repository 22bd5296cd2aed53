"""An OData v4 client for the Kamer's open-data service, as sync_tk needs it: pages read as they
arrive, `@odata.nextLink` followed, and a service that is slow, busy or gone waited for within
a bounded time.

Each page is read as a stream and decoded record by record (`tk_import.stream`), so memory holds
one page however long the run. A timeout, a refused or dropped connection, a 429 (Too Many
Requests: its Retry-After is honoured), a 5xx, and a page that stops halfway or is no JSON are
tried again after a growing pause (1, 2, 4, … seconds, at most a minute); once the pauses of
one request add up to `max_wait`, the run gives up with `ServiceFailed`, whose message says what
the service did. What was applied until then stays (the caller writes page by page).
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from commitments.tk_import.reading import FileRefused
from commitments.tk_import.stream import JsonRecords

USER_AGENT = "Kamerregister sync_tk (open data of the Tweede Kamer; httpx)"
# Larger than any page of 250 expanded records; a page past it is refused, not read into memory.
MAX_PAGE_BYTES = 64 * 1024 * 1024


class ServiceFailed(Exception):
    """The service did not answer usably within the time allowed; the message says how."""


@dataclass
class Page:
    url: str
    records: list
    next_link: str | None


class ODataClient:
    def __init__(self, base_url, *, timeout=60.0, max_wait=900.0, first_pause=1.0,
                 max_pause=60.0, transport=None, sleep=time.sleep):
        self.base_url = base_url.rstrip("/") + "/"
        self.max_wait, self.first_pause, self.max_pause = max_wait, first_pause, max_pause
        self.sleep = sleep
        # Redirects are followed on the service's own server only: httpx calls the request
        # hook before each request it sends, the redirected ones included.
        self.http = httpx.Client(timeout=httpx.Timeout(timeout), transport=transport,
                                 headers={"Accept": "application/json",
                                          "User-Agent": USER_AGENT},
                                 follow_redirects=True,
                                 event_hooks={"request": [self.redirected_on_service]})

    def close(self):
        self.http.close()

    def pages(self, path, params):
        """Each page of `path` with `params` ($filter, $expand, $orderby), following the
        service's next links."""
        url = str(httpx.URL(self.base_url + path, params=params))
        while url:
            page = self.page(url)
            yield page
            url = page.next_link and self.on_service(page.next_link)

    def on_service(self, url):
        """A next link on the service's own server. One elsewhere (an address inside the
        ministry's network) is not asked for: the service's answers are data, not addresses
        for our server to visit."""
        if not self.is_service(httpx.URL(url)):
            raise ServiceFailed(f"de open-datadienst van de Kamer wees voor de volgende pagina "
                                f"naar een andere server ({server(url)}); die wordt niet "
                                f"gevraagd")
        return url

    def redirected_on_service(self, request):
        """A redirect (HTTP 301, 302, 307 …) is followed on the service's own server; one to
        another server is not, for the reason of on_service."""
        if not self.is_service(request.url):
            raise ServiceFailed(f"de open-datadienst van de Kamer stuurde het verzoek door "
                                f"naar een andere server ({server(request.url)}); die wordt "
                                f"niet gevraagd")

    def is_service(self, url):
        base = httpx.URL(self.base_url)
        return (url.scheme, url.host, url.port) == (base.scheme, base.host, base.port)

    def page(self, url):
        """One page, tried again while the service fails and the time allowed lasts."""
        return self.retrying(url, self.fetch)

    def resource(self, path):
        """The file of a record (`Verslag(<Id>)/resource`: a debate report's XML), as bytes,
        tried again like a page."""
        return self.retrying(self.base_url + path, self.fetch_bytes)

    def retrying(self, url, fetch):
        waited, pause, tries = 0.0, self.first_pause, 0
        while True:
            tries += 1
            try:
                return fetch(url)
            except Retry as retry:
                wait = retry.after if retry.after is not None else pause
                if waited + wait > self.max_wait:
                    raise ServiceFailed(
                        f"de open-datadienst van de Kamer gaf na {tries} pogingen in "
                        f"{seconds(waited)} nog steeds geen bruikbaar antwoord op {url}: "
                        f"{retry.reason}") from None
                self.sleep(wait)
                waited += wait
                pause = min(pause * 2, self.max_pause)

    def fetch(self, url):
        def read(response):
            stream = JsonRecords(limited(response.iter_bytes(), url), "pagina")
            records = list(stream)
            return Page(url, records, stream.next_link)

        return self.get(url, read)

    def fetch_bytes(self, url):
        return self.get(url, lambda response: b"".join(limited(response.iter_bytes(), url)),
                        accept="*/*")

    def get(self, url, read, accept="application/json"):
        try:
            with self.http.stream("GET", url, headers={"Accept": accept}) as response:
                if response.status_code == 429 or response.status_code >= 500:
                    raise Retry(f"HTTP {response.status_code} {response.reason_phrase}",
                                retry_after(response))
                if response.status_code != 200:
                    raise ServiceFailed(f"de open-datadienst van de Kamer antwoordde HTTP "
                                        f"{response.status_code} {response.reason_phrase} op "
                                        f"{url}; controleer --base-url en de filter")
                return read(response)
        except httpx.TimeoutException:
            raise Retry("geen antwoord binnen de wachttijd (timeout)") from None
        except httpx.TransportError as error:
            raise Retry(f"verbinding mislukt of verbroken ({type(error).__name__})") from None
        except FileRefused as refused:
            # A page that stops halfway (a dropped connection) or is no JSON (a proxy's error
            # page): asked for again.
            raise Retry(f"onbruikbare pagina: {refused.issue.message}") from None


class Retry(Exception):
    def __init__(self, reason, after=None):
        super().__init__(reason)
        self.reason, self.after = reason, after


def retry_after(response):
    """Seconds to wait from a Retry-After header: a number, or an HTTP date (None: not said)."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def limited(chunks, url):
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_PAGE_BYTES:
            raise ServiceFailed(f"de pagina {url} is groter dan {MAX_PAGE_BYTES // 2**20} MB")
        yield chunk


def server(url):
    url = httpx.URL(str(url))
    return f"{url.scheme}://{url.host}" + (f":{url.port}" if url.port else "")


def seconds(value):
    return f"{value:.0f} s" if value < 120 else f"{value / 60:.0f} min"
