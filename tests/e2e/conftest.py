"""Browser journeys: the app served by gunicorn on localhost with the demo data, driven by
Playwright in Debian's chromium. Nothing downloads a browser: the executable is /usr/bin/chromium.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "var" / "e2e"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# E2E_CPU_THROTTLE=4 runs every page's scripts four times slower (Chrome's CPU throttling), as on
# a slow, loaded machine: a journey that reads the page before it has settled fails there.
CPU_THROTTLE = float(os.environ.get("E2E_CPU_THROTTLE") or 1)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Migrate a fresh SQLite database, load the demo, serve it with gunicorn; yield the URL."""
    var = tmp_path_factory.mktemp("e2e-var")
    port = free_port()
    env = {**{key: value for key, value in os.environ.items()
              if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")},
           "VAR_DIR": str(var), "STATIC_ROOT": str(var / "static"), "DEMO_MODE": "1",
           "DEBUG": "0", "SECRET_KEY": "e2e-" + "s" * 60, "ALLOW_PLAIN_HTTP_ON_LOCALHOST": "1",
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "DJANGO_SETTINGS_MODULE": "register.settings"}
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "demo_users")
    manage(env, "load_demo", "--user", "griffie")
    log = open(var / "gunicorn.log", "w")  # noqa: SIM115 (closed at teardown)
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "register.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)  # noqa: S310 (our own server)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError((var / "gunicorn.log").read_text())
    passwords = dict(line.split(" ", 1) for line in (var / "demo-passwords.txt").read_text()
                     .splitlines())
    yield {"url": url, "passwords": passwords, "var": var}
    # gunicorn finishes the requests in hand first; on a loaded machine that may take longer
    # than a test should wait, and the journeys are done: then it is stopped outright.
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def login(browser, server):
    """login("griffie") -> a page logged in as that demo user, in a fresh browser context."""
    contexts = []

    def open_as(username, **context_options):
        context = browser.new_context(base_url=server["url"], accept_downloads=True,
                                      viewport={"width": 1280, "height": 900},
                                      **context_options)
        contexts.append(context)
        page = context.new_page()
        if CPU_THROTTLE > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                               {"rate": CPU_THROTTLE})
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", server["passwords"][username])
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        return page

    yield open_as
    for context in contexts:
        context.close()


def screenshot(page, name):
    """The journey's last step, kept under var/e2e/ as a test artifact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page):
    """Serious and critical accessibility violations found by axe-core on the current page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": violation["id"], "impact": violation["impact"],
             "nodes": [node["target"] for node in violation["nodes"]][:5]}
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")]


def format_violations(violations):
    return json.dumps(violations, indent=1, ensure_ascii=False)
