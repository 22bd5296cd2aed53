"""A run killed halfway (SIGKILL, as an operator or the OOM killer would) and started again loses
and duplicates nothing: the command runs as a process of its own, on a database in a file."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.sync import data
from tests.sync.replay import Replay

ROOT = Path(__file__).resolve().parents[2]


def command(*args, env, check=True):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=check,
                          capture_output=True, text=True, timeout=300)


def count(db, sql):
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchone()[0]


def test_a_run_killed_halfway_and_started_again_loses_and_duplicates_nothing(tmp_path):
    db = tmp_path / "register.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "register.settings", "DEMO_MODE": "1",
           "DEBUG": "0", "SECRET_KEY": "kill-test", "DATABASE_URL": f"sqlite:///{db}",
           "ONLY_DB_TESTS": ""}
    command("migrate", "--verbosity=0", env=env)
    command("shell", "-c", "from django.contrib.auth.models import User; "
                           "User.objects.create(username='griffie')", env=env)
    replay = Replay(page_size=50)
    for name, records in data.service().items():
        replay.serve(name, records)
    replay.delay = 0.15  # a service of some speed: the kill comes while pages are written
    sync = [sys.executable, "manage.py", "sync_tk", "--user=griffie",
            f"--base-url={replay.base_url}", "--entity=Document", "--entity=Zaak"]
    try:
        process = subprocess.Popen(sync, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while count(db, "SELECT count(*) FROM commitments_motion") < 150:
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed_at = count(db, "SELECT count(*) FROM commitments_motion")
        assert 150 <= killed_at < 549

        again = subprocess.run(sync, cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=300)
        assert again.returncode == 0, again.stderr
    finally:
        replay.stop()
    assert count(db, "SELECT count(*) FROM commitments_motion") == 549
    assert count(db, "SELECT count(DISTINCT tk_id) FROM commitments_motion "
                     "WHERE tk_id <> ''") == 500
    assert count(db, "SELECT count(DISTINCT tk_zaak_id) FROM commitments_motion "
                     "WHERE tk_zaak_id <> ''") == 49
    # Every motion created once, with one history row of its creation; none twice.
    assert count(db, "SELECT count(*) FROM commitments_historicalmotion "
                     "WHERE history_type = '+'") == 549
    assert count(db, "SELECT count(*) FROM (SELECT motion_id, person_id FROM "
                     "commitments_historicalmotionsubmitter WHERE history_type = '+' "
                     "GROUP BY motion_id, person_id HAVING count(*) > 1)") == 0
    assert count(db, "SELECT count(*) FROM commitments_motionvote") == 2
    # The killed run is marked as such; the second went on from the cursor.
    assert count(db, "SELECT outcome FROM commitments_syncrun ORDER BY id LIMIT 1") == \
        "interrupted"
    assert count(db, "SELECT count(*) FROM commitments_syncrunentity e JOIN "
                     "commitments_syncrun r ON r.id = e.run_id WHERE r.outcome = 'succeeded' "
                     "AND e.entity = 'Document' AND e.cursor_from IS NOT NULL") == 1
