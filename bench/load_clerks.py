"""Load and concurrency: simulated clerks changing statuses while advisors load filtered lists.

    scripts/with-postgres .venv/bin/python bench/load_clerks.py        # gunicorn, 4 workers
    .venv/bin/python bench/load_clerks.py --sqlite                     # make run mode

PostgreSQL mode: gunicorn with 4 workers in production settings (plain HTTP on localhost), 20
clerks for 60 seconds — half on the same 10 commitments, half spread over the others — and 20
advisors loading filtered lists. SQLite mode: `manage.py runserver` as `make run` serves it,
with 5 clerks and 5 advisors. Client, server and database share this machine's cores, so the
figures are a floor, not a capacity.

Afterwards it proves that no update was lost: every accepted change has its history row with
the clerk as user, every refused change got the conflict message, each commitment's final state
equals its last accepted change, and no request failed with a server error.
"""

import argparse
import http.cookiejar
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CONFLICT = "Iemand anders heeft dit record intussen gewijzigd"
PASSWORD = "load-test-password-1"  # noqa: S105 (throwaway users of a throwaway database)


def setup_django(env):
    os.environ.update(env)
    import django

    django.setup()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One simulated person: a cookie jar, a CSRF token, timings per kind of request."""

    def __init__(self, base, timings, errors):
        self.base, self.timings, self.errors = base, timings, errors
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

    def request(self, kind, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        start = time.perf_counter()
        try:
            with self.opener.open(self.base + path, body, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        self.timings[kind].append(time.perf_counter() - start)
        if status >= 500:
            self.errors.append((kind, path, status, text[:300]))
        return status, text

    def csrf(self, text):
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        return found.group(1) if found else None

    def login(self, username):
        _status, page = self.request("login", "/accounts/login/")
        status, _text = self.request("login", "/accounts/login/", {
            "csrfmiddlewaretoken": self.csrf(page), "username": username, "password": PASSWORD})
        assert status == 302, f"login of {username} failed: {status}"


class Clock:
    """Everyone logs in first (password hashing is deliberately slow); then the clock runs."""

    def __init__(self, parties, seconds):
        self.barrier = threading.Barrier(parties, action=self.begin)
        self.seconds = seconds

    def begin(self):
        self.until = time.perf_counter() + self.seconds

    def start(self):
        self.barrier.wait()
        return self.until


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def clerk(browser, username, targets, clock, outcome):
    browser.login(username)
    until = clock.start()
    counter = 0
    while time.perf_counter() < until:
        pk = random.choice(targets)
        status, form = browser.request("status form", f"/toezeggingen/{pk}/status/")
        version = re.search(r'name="version" value="(\d+)"', form)
        if status != 200 or version is None or browser.csrf(form) is None:
            # Not the status form: an error of the run, never a reason to stop counting.
            outcome["other"].append((pk, "status form", status, form[:200]))
            continue
        version = version.group(1)
        new = "in_progress" if 'value="in_progress"' in form else "open"
        counter += 1
        reason = f"load {username} #{counter}"
        status, text = browser.request("status change", f"/toezeggingen/{pk}/status/", {
            "csrfmiddlewaretoken": browser.csrf(form), "new": new, "reason": reason,
            "version": version})
        if status == 302:
            outcome["accepted"].append((pk, reason, new, int(version)))
        elif CONFLICT in text:
            outcome["refused"].append((pk, reason))
        else:
            outcome["other"].append((pk, reason, status, text[:200]))


def guarded(target, errors, clock, *args):
    """`target(*args)` in a thread: an exception is an error of the run (a person who stops
    early would leave the figures of the others looking fine), and the start barrier is broken
    so that nobody waits for a person who will never come."""

    def run():
        try:
            target(*args)
        except Exception as error:  # noqa: BLE001 (whatever it was, the run has failed)
            errors.append(("thread", target.__name__, 0, f"{type(error).__name__}: {error}"))
            clock.barrier.abort()

    return run


def advisor(browser, username, people, clock):
    browser.login(username)
    until = clock.start()
    queries = ["status=open&overdue=1", "status=open&status=in_progress&due=quarter",
               "q=lachgas+jongeren", "q=cocaine&status=open", "sort=-changed"]
    while time.perf_counter() < until:
        query = random.choice(queries)
        if random.random() < 0.5:
            query += f"&bewindspersoon={random.choice(people)}"
        browser.request("filtered list", f"/toezeggingen/?{query}")


def prepare(clerks, advisors, size):
    """Users with known passwords, the demo data and `size` generated commitments."""
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from bench.generate import generate_commitments
    from commitments.models import Commitment

    call_command("migrate", verbosity=0)
    for prefix, count, role in (("clerk", clerks, "griffie"), ("advisor", advisors, "beleid")):
        for index in range(count):
            user = User.objects.create_user(f"{prefix}{index}", password=PASSWORD,
                                            first_name=prefix, last_name=str(index))
            user.groups.add(Group.objects.get(name=role))
    by = User.objects.get(username="clerk0")
    person, _dossier = generate_commitments(size, rng=random.Random(7), by=by)
    open_ids = list(Commitment.objects.filter(status="open").values_list("pk", flat=True))
    people = list(Commitment.objects.values_list("bewindspersoon", flat=True).distinct())
    return open_ids, people


def start_server(mode, env, port):
    if mode == "postgres":
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                       cwd=ROOT, env=env, check=True)
        command = [str(Path(sys.executable).parent / "gunicorn"), "register.wsgi",
                   "--workers", "4", "--bind", f"127.0.0.1:{port}"]
    else:
        command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return process, log
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(Path(log.name).read_text())


def verify(outcome, errors, log_path):
    """No lost update: compare what the clients saw with the database and its history.

    A lost update is two changes accepted from the same version of a record: each would still
    get a history row, so besides "every accepted change has exactly one history row" the check
    is that every accepted change started from a different version of its commitment, and that
    each history row carries the version after the one its change started from.
    """
    from commitments.models import Commitment

    history = list(Commitment.history.model.objects.filter(
        history_change_reason__startswith="load ").select_related("history_user")
        .order_by("history_date", "history_id"))
    recorded = Counter((row.id, row.history_change_reason, row.status, row.version,
                        row.history_user.username) for row in history)
    accepted = Counter((pk, reason, new, version + 1, reason.split()[1])
                       for pk, reason, new, version in outcome["accepted"])
    problems = []
    if recorded != accepted:
        difference = (recorded - accepted) + (accepted - recorded)
        problems.append(f"history differs from accepted changes: {sum(difference.values())} rows")
    started_from = Counter((pk, version) for pk, _reason, _new, version in outcome["accepted"])
    if duplicates := [key for key, count in started_from.items() if count > 1]:
        problems.append(f"{len(duplicates)} versions were the start of two accepted changes")
    refused_reasons = {reason for _pk, reason in outcome["refused"]}
    if refused_reasons & {row.history_change_reason for row in history}:
        problems.append("a refused change has a history row")
    last = {row.id: (row.status, row.version) for row in history}
    final = dict(Commitment.objects.filter(pk__in=last).values_list("pk", "status"))
    versions = dict(Commitment.objects.filter(pk__in=last).values_list("pk", "version"))
    for pk, (status, version) in last.items():
        if (final[pk], versions[pk]) != (status, version):
            problems.append(f"commitment {pk}: final state is not the last accepted change")
    locked = Path(log_path).read_text().count("database is locked")
    if locked:
        problems.append(f"'database is locked' {locked} times in the server log")
    return problems, locked


def percentile(ordered, fraction):
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def report(mode, clerks, advisors, seconds, timings, outcome, errors, problems, locked):
    print(f"== load test on {mode}: {clerks} clerks and {advisors} advisors for {seconds} s")
    for kind, values in sorted(timings.items()):
        if kind == "login":
            continue
        values = sorted(values)
        print(f"  {kind:<16} {len(values):6d} requests {len(values) / seconds:7.1f}/s   "
              f"p50 {percentile(values, 0.5):7.1f} ms  p95 {percentile(values, 0.95):7.1f} ms  "
              f"p99 {percentile(values, 0.99):7.1f} ms")
    print(f"  status changes: {len(outcome['accepted'])} accepted, {len(outcome['refused'])} "
          f"refused with the conflict message, {len(outcome['other'])} other")
    print(f"  server errors (5xx) and stopped threads: {len(errors)}; 'database is locked' in "
          f"the log: {locked}")
    for error in errors[:5]:
        print("  error:", error)
    print("  no lost update: " + ("yes — every accepted change has exactly one history row with "
                                 "the next version, no two started from the same version, no "
                                 "refused one has a row, final states equal the last accepted "
                                 "change"
                                 if not problems else "NO: " + "; ".join(problems)))
    for other in outcome["other"][:5]:
        print("  unexpected answer:", other)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", action="store_true", help="make run mode on SQLite")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--size", type=int, default=5000, help="generated commitments")
    args = parser.parse_args()
    mode = "sqlite" if args.sqlite else "postgres"
    clerks = advisors = 5 if args.sqlite else 20
    if mode == "postgres" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("PostgreSQL mode needs DATABASE_URL (use scripts/with-postgres), or --sqlite.")
    var = tempfile.mkdtemp(prefix="kamerregister-load-")
    env = {**os.environ, "VAR_DIR": var, "STATIC_ROOT": f"{var}/static",
           "SECRET_KEY": "load-" + "k" * 60, "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "ALLOW_PLAIN_HTTP_ON_LOCALHOST": "1", "DJANGO_SETTINGS_MODULE": "register.settings",
           "DEBUG": "1" if args.sqlite else "0", "DEMO_MODE": "1" if args.sqlite else "0",
           "LOGIN_FAILURE_LIMIT": "1000"}
    if args.sqlite:
        env.pop("DATABASE_URL", None)
    setup_django(env)
    open_ids, people = prepare(clerks, advisors, args.size)
    contested, spread = open_ids[:10], open_ids[10:]
    port = free_port()
    process, log = start_server(mode, env, port)
    timings, errors = defaultdict(list), []
    outcome = {"accepted": [], "refused": [], "other": []}
    clock = Clock(clerks + advisors, args.seconds)
    threads = [threading.Thread(target=guarded(
        clerk, errors, clock, Browser(f"http://127.0.0.1:{port}", timings, errors),
        f"clerk{index}", contested if index % 2 == 0 else spread, clock, outcome))
        for index in range(clerks)]
    threads += [threading.Thread(target=guarded(
        advisor, errors, clock, Browser(f"http://127.0.0.1:{port}", timings, errors),
        f"advisor{index}", people, clock)) for index in range(advisors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    process.terminate()
    process.wait(timeout=20)
    problems, locked = verify(outcome, errors, log.name)
    report(mode, clerks, advisors, args.seconds, timings, outcome, errors, problems, locked)
    if failed(outcome, errors, problems):
        sys.exit(1)


def failed(outcome, errors, problems):
    """The run fails on a lost update, a server error, a thread that stopped, or any answer
    that was neither the accepted change nor the conflict message."""
    return bool(problems or errors or outcome["other"])


if __name__ == "__main__":
    main()

