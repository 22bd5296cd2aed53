"""The backup format: export → import → export gives an identical file, across databases.

The first export is made by a separate process on its own SQLite database with the whole demo
(commitments, motions, law tracks, the final reference letter and its PDF, users, a saved view,
a feed token). The import goes into this test run's database: SQLite in the first pass of
`make test`, PostgreSQL in the second — so the second pass proves SQLite → PostgreSQL.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.models import Commitment
from register.models import ProgressLetter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sqlite_export(tmp_path_factory):
    var = tmp_path_factory.mktemp("backup-source")
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update({"VAR_DIR": str(var), "MEDIA_ROOT": str(var / "media"), "DEMO_MODE": "1",
                "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "register.settings"})
    script = """
from django.contrib.auth.models import Group, User
from register.models import FeedToken, SavedView
beleid = User.objects.get(username="beleid")
SavedView.objects.create(kind="commitments", name="Open", query="status=open", owner=beleid,
                         group=Group.objects.get(name="beleid"))
FeedToken.objects.create(user=beleid, token="t" * 43)
"""
    for args in (["migrate"], ["demo_users"], ["load_demo", "--user", "griffie"],
                 ["shell", "--no-imports", "-c", script],
                 ["export_register", "--output", str(var / "first.json")]):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=600)
    return var / "first.json"


def test_export_import_export_is_identical(sqlite_export, db, tmp_path, settings):
    call_command("import_register", str(sqlite_export))
    second = tmp_path / "second.json"
    call_command("export_register", output=str(second))
    assert second.read_bytes() == sqlite_export.read_bytes()


def test_restored_register_is_complete(sqlite_export, db, settings):
    call_command("import_register", str(sqlite_export))
    data = json.loads(sqlite_export.read_text())
    labels = {block["model"] for block in data["models"]}
    assert {"auth.user", "commitments.historicalcommitment", "legislation.stage",
            "register.savedview", "register.progressletter"} <= labels
    letter = ProgressLetter.objects.get(status="final")
    assert letter.pdf.read()[:5] == b"%PDF-"
    commitment = Commitment.objects.get(title__startswith="In gesprek met de spoedeisende")
    assert commitment.history.count() == 3
    assert commitment.history.earliest().history_user.username == "griffie"
    from django.contrib.auth.models import User

    user = User.objects.get(username="beleid")
    assert user.groups.get().name == "beleid"
    assert user.password.startswith("pbkdf2_sha256$")  # the hash itself, not a new password


def test_restore_refuses_a_database_that_is_not_empty(sqlite_export, db):
    call_command("import_register", str(sqlite_export))
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("import_register", str(sqlite_export))


@pytest.mark.parametrize("content, message", [
    ('{"format": "kamerregister-backup", "version": 1, "models": [', "geen geldige JSON"),
    ('{"value": []}', "geen back-up"),
    ('{"format": "kamerregister-backup", "version": 99}', "Onbekende versie"),
])
def test_bad_backup_files_are_refused_with_a_message(content, message, tmp_path, db):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_register", str(path))


def test_new_records_after_a_restore_get_fresh_ids(sqlite_export, db):
    from django.contrib.auth.models import User

    from tests import factories

    call_command("import_register", str(sqlite_export))
    highest = Commitment.objects.order_by("-pk").first().pk
    assert factories.commitment(User.objects.get(username="griffie")).pk > highest
