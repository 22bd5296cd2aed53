"""A long import does not lock the web app out on SQLite (issue 12, item 7).

SQLite lets one writer in at a time. The import parses and matches without taking the write
lock, and writes in short transactions; a dry run writes nothing and takes no lock. The probe
(tests/imports/sqlite_lock_probe.py) changes a status through the web over and over while the
import runs, waiting at most 5 seconds for the lock each time (the app waits 20): a change that
would have waited longer fails with "database is locked".
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECORDS = 10_000  # about 8 MB; the import takes several seconds


def probe(folder, *options):
    result = subprocess.run([sys.executable, "-m", "tests.imports.sqlite_lock_probe",
                             str(folder), str(RECORDS), *options], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("options", [(), ("--dry-run",)], ids=["import", "dry-run"])
def test_status_changes_get_through_during_a_large_import(tmp_path, options):
    outcome = probe(tmp_path, *options)
    assert outcome["import_exit"] == 0, outcome["import_output"]
    assert outcome["failures"] == [], outcome
    assert outcome["changes"] >= 5, outcome  # the changes overlapped the import
    assert outcome["history_of_ours"] == 1 + outcome["accepted"]
    if options:
        assert outcome["imported"] == 0, "the dry run wrote"
    else:
        assert outcome["imported"] > 9_000


WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "BEGIN", "COPY")


@pytest.mark.parametrize("command, fixture", [
    ("import_tk_toezeggingen", "pages"), ("import_tk_moties", "moties_sample")])
def test_a_dry_run_sends_no_write_and_opens_no_transaction(command, fixture, request, clerk):
    """Not even one rolled back: on SQLite a transaction takes the write lock when it begins."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.imports.helpers import run, snapshot

    files = request.getfixturevalue(fixture)
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        output = run(command, *(files if isinstance(files, list) else [files]), dry_run=True)
    assert "Proefrun (--dry-run): er is niets opgeslagen." in output
    assert "nieuw:" in output
    sent = [query["sql"] for query in queries.captured_queries]
    assert [sql for sql in sent if sql.lstrip().upper().startswith(WRITES)] == []
    assert snapshot() == before
