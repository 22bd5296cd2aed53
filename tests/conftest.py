import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences",
               "django_db_serialized_rollback", "live_server"}


def pytest_configure(config):
    """Missing Debian packages (pdftotext, chromium, …) stop the run before the first test, with
    what to install, instead of as failures one by one. The list is scripts/system-packages'."""
    if hasattr(config, "workerinput"):  # an xdist worker: the controller has checked
        return
    check = subprocess.run([ROOT / "scripts" / "system-packages", "--check", "test"],
                           capture_output=True, text=True)
    if check.returncode != 0:
        pytest.exit("\n" + check.stderr + check.stdout, returncode=pytest.ExitCode.USAGE_ERROR)


def pytest_collection_modifyitems(config, items):
    """With ONLY_DB_TESTS=1 (the PostgreSQL pass of `make test`), keep the database tests."""
    if os.environ.get("ONLY_DB_TESTS") != "1":
        return
    selected, deselected = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") or DB_FIXTURES & set(item.fixturenames)
        (selected if uses_db else deselected).append(item)
    config.hook.pytest_deselected(items=deselected)
    items[:] = selected


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Stored files (letter PDFs) go to a throwaway folder, never to var/."""
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "media")}}}


def make_user(username, role=None, **fields):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, f"{username}@example.nl", "pw", **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def clerk(db):
    return make_user("griffie", "griffie", first_name="Gerda", last_name="Griffier")


@pytest.fixture
def advisor(db):
    return make_user("beleid", "beleid", first_name="Bart", last_name="Beleid")


@pytest.fixture
def letter_writer(db):
    return make_user("brieven", "brieven", first_name="Bea", last_name="Brieven")


@pytest.fixture
def letter_writer2(db):
    return make_user("brieven2", "brieven", first_name="Bram", last_name="Brieven")


@pytest.fixture
def superuser(db):
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def norole(db):
    return make_user("zonderrol")


@pytest.fixture
def demo(clerk):
    """The reference letter's demo data, loaded as `load_demo` does."""
    from register import demo as register_demo

    return register_demo.load_all(by=clerk)


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client
    return login


def pytest_report_header(config):
    from django.conf import settings

    return f"database backend: {settings.DATABASES['default']['ENGINE']}"
