"""The backup format: export → import → export gives an identical file, across databases.

The first export is made by a separate process on its own SQLite database with the whole demo
(commitments, motions, law tracks, the final reference letter and its PDF, users, a saved view,
a feed token). The import goes into this test run's database: SQLite in the first pass of
`make test`, PostgreSQL in the second — so the second pass proves SQLite → PostgreSQL.
"""

import base64
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.models import Commitment
from letters.models import ProgressLetter

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
            "register.savedview", "letters.progressletter"} <= labels
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


# --- Bad backups: one Dutch line, a non-zero exit, nothing written -----------------------------


def block(data, label):
    return next(b for b in data["models"] if b["model"] == label)


def first_fields(data, label):
    return block(data, label)["rows"][0]["fields"]


def set_models(data, value):
    data["models"] = value


def drop(mapping, key):
    del mapping[key]


def older_schema(data):
    """A field added by a later migration is not in a file written before it."""
    data["version"] = 1
    del data["schema"]
    for row in block(data, "commitments.commitment")["rows"]:
        del row["fields"]["deadline_overridden"]


def other_schema(data):
    data["schema"]["commitments"] = "0001_initial"


def same_pk(data):
    rows = block(data, "register.dossier")["rows"]
    rows[1]["pk"] = rows[0]["pk"]


def same_number(data):
    rows = block(data, "register.dossier")["rows"]
    rows[1]["fields"]["number"] = rows[0]["fields"]["number"]


def files_as(content):
    def change(data):
        data["files"] = dict.fromkeys(data["files"], content)
    return change


BAD = {
    # The ten tracebacks of issue 12, and what else was accepted.
    "TypeError: models is no list": (lambda d: set_models(d, 5), "geen lijst ‘models’"),
    "TypeError: rows is text": (lambda d: d["models"][1].update(rows="abc"),
                                "Blok 2 van ‘models’ is geen"),
    "AttributeError: fields is a list": (
        lambda d: block(d, "register.dossier")["rows"][0].update(fields=[]),
        "register.dossier, rij 1: geen"),
    "KeyError: a block without rows": (lambda d: drop(d["models"][1], "rows"),
                                       "Blok 2 van ‘models’ is geen"),
    "DeserializationError: a date that is none": (
        lambda d: first_fields(d, "commitments.commitment").update(made_on="gisteren"),
        "veld made_on: ‘gisteren’ is geen geldige waarde"),
    "DeserializationError: a primary key that is text": (
        lambda d: block(d, "register.dossier")["rows"][0].update(pk="x"),
        "primaire sleutel 'x' is geen geheel getal"),
    "FieldDoesNotExist": (lambda d: first_fields(d, "commitments.commitment").update(bogus=1),
                          "onbekend veld ‘bogus’"),
    "IntegrityError: a reference to nothing": (
        lambda d: first_fields(d, "commitments.commitment").update(bewindspersoon=999),
        "veld bewindspersoon: register.person pk 999 staat niet in de back-up"),
    "IntegrityError: a unique number twice": (same_number, "komt twee keer voor"),
    "binascii.Error: invalid base64": (files_as("abc"), "geen geldige base64"),
    "status bogus": (
        lambda d: first_fields(d, "commitments.commitment").update(status="bogus"),
        "veld status: ‘bogus’ is geen van de mogelijke waarden"),
    "duplicate primary keys": (same_pk, "register.dossier: primaire sleutel 1 komt twee keer"),
    "older schema": (older_schema, "het veld ‘deadline_overridden’ ontbreekt; de back-up is van "
                                   "een ouder schema"),
    "other schema": (other_schema, "De back-up is van een ander databaseschema (commitments: "
                                   "0001_initial in de back-up"),
    "base64 that decodes to nothing": (files_as("!!!!"), "geen geldige base64"),
    "a PDF that is not the one stored": (
        files_as(base64.b64encode(b"%PDF-1.7 another letter").decode()),
        "de SHA-256 verschilt"),
    "a missing PDF": (lambda d: d.update(files={}), "ontbreekt in de back-up"),
    "an unknown user in the history": (
        lambda d: first_fields(d, "commitments.historicalcommitment").update(
            history_user=["niemand"]),
        "veld history_user: auth.user ['niemand'] bestaat niet"),
    "a model missing": (lambda d: d["models"].pop(), "ontbreekt in de back-up; ze is van een "
                                                      "ouder schema"),
    "a value too long": (
        lambda d: first_fields(d, "register.dossier").update(number="1" * 300),
        "300 tekens, er passen er"),
    "text where a number belongs": (
        lambda d: first_fields(d, "commitments.commitment").update(title=["lijst"]),
        "veld title: verwacht tekst"),
}


def assert_nothing_restored():
    from register.backup import backup_models

    assert [m for m in backup_models() if m._default_manager.exists()] == []
    assert stored_files() == []


def stored_files():
    from django.core.files.storage import default_storage

    root = Path(default_storage.location)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize("name", BAD)
def test_a_bad_backup_is_refused_with_one_dutch_line(name, sqlite_export, tmp_path, db):
    change, message = BAD[name]
    data = json.loads(sqlite_export.read_text())
    change(data)
    path = tmp_path / "slecht.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("import_register", str(path))
    assert message in str(refused.value)
    assert "\n" not in str(refused.value) and str(refused.value).startswith(str(path))
    assert_nothing_restored()


def test_a_json_bomb_is_refused_with_one_line(tmp_path, db):
    path = tmp_path / "diep.json"
    path.write_text('{"format": "kamerregister-backup", "models": ' + "[" * 100_000
                    + "]" * 100_000 + "}")
    with pytest.raises(CommandError, match="te diep genest"):
        call_command("import_register", str(path))


def test_files_written_before_the_database_failed_are_removed(sqlite_export, db, monkeypatch):
    from django.db import DatabaseError

    def failing(models_filled):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr("register.backup.reset_sequences", failing)
    with pytest.raises(CommandError, match="Terugzetten mislukt, er is niets teruggezet: disk "
                                           "I/O error"):
        call_command("import_register", str(sqlite_export))
    assert_nothing_restored()


def test_the_export_carries_its_format_version_and_schema(sqlite_export):
    data = json.loads(sqlite_export.read_text())
    assert data["version"] == 2
    assert set(data["schema"]) == {"auth", "commitments", "legislation", "letters", "register"}


def test_the_export_is_readable_by_its_owner_only(db, tmp_path):
    path = tmp_path / "register.json"
    path.write_text("old, readable by all")
    path.chmod(0o644)
    call_command("export_register", output=str(path), stdout=io.StringIO())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["format"] == "kamerregister-backup"
