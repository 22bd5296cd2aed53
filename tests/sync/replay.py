"""A replay of the Kamer's OData service on 127.0.0.1, for the tests: never the internet.

It serves recorded records per entity set as the service does (DESIGN.md "Sync with the Tweede
Kamer"): ordered by ApiGewijzigdOp, only those changed since the `ApiGewijzigdOp ge …` of the
`$filter`, in pages of `page_size` with an `@odata.nextLink` that asks for the next with
`$skip`. Any other part of the filter (Soort) is not applied: the pages are played back as
recorded, mixed Soorts and tombstones included. A record's file (`Verslag(<Id>)/resource`, a
debate report's XML) is served as given.

Faults are served in the order they are queued, one per request, before the answer: a status
(429 with Retry-After, 500, 503), a pause longer than the client waits (a timeout), a page cut
off halfway (`truncate`), a connection dropped before any answer (`drop`). `stop()` makes the
server go away, and so does `gone_after` (after that many answers, mid-run); a new Replay on
another port can take over the same records.
"""

from __future__ import annotations

import bisect
import json
import re
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

PREFIX = "/OData/v4/2.0/"
_SINCE = re.compile(r"ApiGewijzigdOp ge ([0-9T:.\-]+Z?)")


def moment(text):
    """An ApiGewijzigdOp as a comparable datetime (seven decimals cut to six)."""
    text = re.sub(r"(\.[0-9]{6})[0-9]+", r"\1", text.replace("Z", "+00:00"))
    return datetime.fromisoformat(text)


class Replay:
    def __init__(self, page_size=250):
        self.page_size = page_size
        self.sets = {}
        self.resources = {}  # "Verslag(<Id>)/resource": (content type, bytes)
        self.sorted = {}  # name: (stamp, keys, records), see ordered()
        self.faults = []
        self.requests = []
        self.delay = 0.0  # seconds before each answer (a slow service)
        self.gone_after = None  # answer this many requests, then go away
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}{PREFIX}"

    def serve(self, name, records):
        """The records of entity set `name` (a list; change it between runs for a delta)."""
        self.sets[name] = records

    def serve_resource(self, path, body, content_type="application/xml"):
        """The file of a record, as the service gives it at `path` (`Verslag(<Id>)/resource`)."""
        self.resources[path] = (content_type, body)

    def fail(self, *faults):
        """Faults for the next requests, one each: ("status", 429, retry_after), ("status",
        500), ("timeout", seconds), ("truncate",), ("drop",), ("redirect", url): a 302 to `url`
        (the url given a "{path}" for the path and query asked for)."""
        with self.lock:
            self.faults.extend(faults)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def answer(self, path, query):
        """(status, headers, body) for a request."""
        name = unquote(path[len(PREFIX):]) if path.startswith(PREFIX) else None
        if name in self.resources:
            content_type, body = self.resources[name]
            return 200, {"Content-Type": content_type}, body
        if name not in self.sets:
            return 404, {}, json.dumps({"error": {"message": f"no entity set {name}"}}).encode()
        params = {key: values[-1] for key, values in parse_qs(query).items()}
        since = _SINCE.search(params.get("$filter", ""))
        keys, records = self.ordered(name)
        if since:
            records = records[bisect.bisect_left(keys, moment(since[1])):]
        skip = int(params.get("$skip", 0))
        page = {"@odata.context": f"{self.base_url}$metadata#{name}",
                "value": records[skip:skip + self.page_size]}
        if skip + self.page_size < len(records):
            following = {**params, "$skip": str(skip + self.page_size)}
            query = urlencode(following, safe="$")
            page["@odata.nextLink"] = f"{self.base_url}{name}?{query}"
        return 200, {"Content-Type": "application/json; odata.metadata=minimal"}, json.dumps(
            page, ensure_ascii=False).encode()

    def ordered(self, name):
        """(ApiGewijzigdOp of each, records) of a set in the order of their change; sorted again
        only when a record was added, removed or given another ApiGewijzigdOp (a page of 250
        from a set of 50,000 should not cost a sort of all of them)."""
        records = self.sets[name]
        stamp = [(id(record), record["ApiGewijzigdOp"]) for record in records]
        cached = self.sorted.get(name)
        if cached is None or cached[0] != stamp:
            pairs = sorted(((moment(r["ApiGewijzigdOp"]), n, r) for n, r in enumerate(records)),
                           key=lambda pair: pair[:2])
            cached = (stamp, [pair[0] for pair in pairs], [pair[2] for pair in pairs])
            self.sorted[name] = cached
        return cached[1], cached[2]

    def handler_class(self):
        replay = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (the name http.server calls)
                url = urlsplit(self.path)
                with replay.lock:
                    replay.requests.append(self.path)
                    fault = replay.faults.pop(0) if replay.faults else None
                    gone = replay.gone_after is not None and \
                        len(replay.requests) > replay.gone_after
                if gone:  # the server goes away: this connection dropped, no more answers
                    threading.Thread(target=replay.stop, daemon=True).start()
                    self.close_connection = True
                    self.connection.close()
                    return
                if replay.delay:
                    time.sleep(replay.delay)
                if fault and self.fault(fault):
                    return
                status, headers, body = replay.answer(url.path, url.query)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def fault(self, fault):
                """Serve the fault; True when that was the whole answer."""
                kind = fault[0]
                if kind == "timeout":
                    time.sleep(fault[1])
                    return False  # the answer comes, too late for the client
                if kind == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return True
                if kind == "status":
                    body = b'{"error": {"message": "busy"}}'
                    self.send_response(fault[1])
                    if len(fault) > 2:
                        self.send_header("Retry-After", str(fault[2]))
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return True
                if kind == "redirect":
                    self.send_response(302)
                    self.send_header("Location", fault[1].format(path=self.path))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return True
                if kind == "truncate":
                    url = urlsplit(self.path)
                    _status, _headers, body = replay.answer(url.path, url.query)
                    # No length given: the answer ends where the connection closes, halfway.
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[:len(body) // 2])
                    self.close_connection = True
                    return True
                raise ValueError(fault)

            def log_message(self, *args):
                pass

        return Handler
