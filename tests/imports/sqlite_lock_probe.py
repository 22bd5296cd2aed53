"""Run by tests/imports/test_import_locking.py in a process of its own, on a SQLite file.

    python -m tests.imports.sqlite_lock_probe FOLDER RECORDS [--dry-run]

Migrates a fresh SQLite database in FOLDER, writes RECORDS generated Toezegging records (as the
import benchmark makes them), starts `import_tk_toezeggingen` on them in a second process, and
meanwhile changes the status of a commitment through the web (Django's test client) again and
again until the import has finished. This process waits at most 5 seconds for SQLite's write
lock (the busy timeout; the app waits 20, register/settings.py), so a change that would have to
wait longer fails with "database is locked". (2 seconds failed once in CI, with the other
xdist worker writing to its own database at the same time; it passed alone and under CPU load.)
Prints one JSON object: the changes made during the import, the failures, the import's exit
code and output, and what the import wrote.
"""

import json
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK_WAIT = 5  # seconds


def main():
    folder, records = Path(sys.argv[1]), int(sys.argv[2])
    dry_run = "--dry-run" in sys.argv
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'register.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "tests.settings", "VAR_DIR": str(folder)}
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from bench.import_tk import generate
    from commitments.models import Commitment
    from tests import factories

    call_command("migrate", verbosity=0)
    clerk = User.objects.create_user("griffie")
    clerk.groups.add(Group.objects.get(name="griffie"))
    ours = factories.commitment(clerk, title="Door een griffier gewijzigd",
                                bewindspersoon=factories.bewindspersoon("Griffiestatus"))
    path = folder / "toezeggingen.json"
    path.write_text(json.dumps(generate(records, 7)), encoding="utf-8")
    connection.close()
    connection.settings_dict["OPTIONS"]["timeout"] = LOCK_WAIT

    client = Client()
    client.force_login(clerk)
    command = [sys.executable, "manage.py", "import_tk_toezeggingen", str(path), "--user",
               "griffie", *(["--dry-run"] if dry_run else [])]
    started = time.monotonic()
    importer = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    changes, accepted, failures, waits = 0, 0, [], []
    while importer.poll() is None:
        start = time.monotonic()
        try:
            status = change_status(client, reverse, ours.pk)
        except Exception as error:  # noqa: BLE001 (reported to the test)
            failures.append(f"{type(error).__name__}: {error}"
                            + "".join(traceback.format_exception_only(error))[:300])
        else:
            if status != 302:
                failures.append(f"HTTP {status}")
            else:
                accepted += 1
                changes += importer.poll() is None
        waits.append(time.monotonic() - start)
        time.sleep(0.05)
    output, errors = importer.communicate()
    print(json.dumps({
        "changes": changes, "accepted": accepted, "failures": failures,
        "import_exit": importer.returncode,
        "import_output": (output + errors)[-2000:], "import_seconds": time.monotonic() - started,
        "longest_change": max(waits[1:], default=0),  # the first request warms Django up
        "imported": Commitment.objects.exclude(pk=ours.pk).count(),
        "history_of_ours": Commitment.history.filter(id=ours.pk).count(),
    }))


def change_status(client, reverse, pk):
    from commitments.models import Commitment

    current = Commitment.objects.get(pk=pk)
    new = "in_progress" if current.status == "open" else "open"
    response = client.post(reverse("commitments:change-status", args=[pk]), {
        "new": new, "reason": "Griffie werkt door tijdens de import",
        "version": current.version})
    return response.status_code


if __name__ == "__main__":
    main()
