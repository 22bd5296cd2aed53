"""Benchmark of sync_tk: 50,000 records from the replay server against the file import of the same
records, and the delta run after 1% of them changed; then the peak memory of a 90 MB file.

    .venv/bin/python bench/sync_tk.py [--records 50000] [--repeat 2] [--delta 0.01] [--big-mb 90]
    scripts/with-postgres --durable .venv/bin/python bench/sync_tk.py …     # on PostgreSQL

The records are the Kamer's 500 real Motie Documents (tests/data/tk/real) multiplied: each copy
with its own Id, DocumentNummer, Volgnummer and ApiGewijzigdOp, half of them with an expanded
Kamerstukdossier (400 dossiers), 1% tombstones and 2% Documents of another Soort, as a page of
the service holds them. The replay server of the tests (tests/sync/replay.py) serves them on
127.0.0.1 in pages of 250 with @odata.nextLink, from this process; the commands run as processes
of their own, each on an empty register of its own, and each one's wall time and peak RSS (from
wait4, in a small process that starts it) are measured. The registers are SQLite files copied
from one migrated file, or, with DATABASE_URL pointing at PostgreSQL (`scripts/with-postgres
--durable`, as `make bench` runs it), databases created from one migrated template database on
that server (CREATE DATABASE … TEMPLATE …), dropped at the end:

- file: `import_tk_moties` of one file holding the same records, into an empty register;
- sync: `sync_tk --entity Document` from the replay server, into an empty register;
  file and sync alternate, the side that goes first changing every round (--repeat rounds);
- delta: 1% of the records changed at the Kamer (a later ApiGewijzigdOp; the dossier now
  expanded), `sync_tk` again on the synced register; against it the file re-import of the whole
  changed file, which is what a register fed by files does;
- big file: `import_tk_moties` of a file of --big-mb MB (peak RSS; the issue's file peaked at
  1.2 GB when JSON was parsed whole).

Goals (issue 15): a full run under 2 minutes, peak RSS under 200 MB, a delta of 1% under 10 s.
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import describe, load  # noqa: E402
from tests.sync.replay import Replay  # noqa: E402

REAL = ROOT / "tests" / "data" / "tk" / "real"


BASE = datetime.datetime(2025, 1, 1)


def records(count):
    """`count` Document records made from the real ones, in the order of their change."""
    real = json.loads((REAL / "document_motie_page.json").read_text(encoding="utf-8"))["value"]
    tombstone = json.loads((REAL / "document_tombstones.json").read_text(encoding="utf-8"))[0]
    made = []
    for n in range(count):
        # The Kamer writes seven decimals.
        modified = f"{BASE + datetime.timedelta(milliseconds=n):%Y-%m-%dT%H:%M:%S.%f}0Z"
        if n % 100 == 99:
            made.append({**tombstone, "Id": str(uuid.UUID(int=n + 1)),
                         "ApiGewijzigdOp": modified})
            continue
        record = dict(real[n % len(real)])
        record.update(Id=str(uuid.UUID(int=n + 1)), DocumentNummer=f"2025D{n:06d}",
                      Volgnummer=n + 1, ApiGewijzigdOp=modified, Titel=f"Dossier {n % 400}")
        if n % 50 == 7:
            record["Soort"] = "Bijlage" if n % 2 else "Brief regering"
        if n % 2 == 0:
            record["Kamerstukdossier"] = [dossier(n % 400)]
        made.append(record)
    return made


def dossier(n):
    return {"Id": str(uuid.UUID(int=10**9 + n)), "Nummer": 36000 + n, "Toevoeging": None,
            "Titel": f"Dossier {n}", "Verwijderd": False}


def changed(made, share):
    """1% of the records changed at the Kamer: later, and the dossier now given."""
    step = round(1 / share)
    for n in range(1, len(made), step):  # odd: records whose dossier was not given
        record = made[n]
        if record.get("Verwijderd"):
            continue
        later = BASE + datetime.timedelta(days=365, milliseconds=n)
        made[n] = {**record, "ApiGewijzigdOp": f"{later:%Y-%m-%dT%H:%M:%S.%f}0Z",
                   "Kamerstukdossier": [dossier(n % 400)]}
    return len(range(1, len(made), step))


# Starts the command and reports its rusage. A child's peak RSS on Linux counts the memory of
# the process it was forked from, up to its exec: started straight from this process (which
# holds the 50,000 records) every command would show this process's size. So a small process
# starts it and reports what wait4 says of it.
MEASURE = """
import json, os, subprocess, sys
process = subprocess.Popen(sys.argv[2:])
_pid, status, usage = os.wait4(process.pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime,
               usage.ru_maxrss], out)
"""


def command_env(url):
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "register.settings", "DEMO_MODE": "1",
            "DEBUG": "0", "SECRET_KEY": "bench", "DATABASE_URL": url}


def run(args, url, folder, user=True):
    """(wall seconds, CPU seconds, peak RSS in MB, output) of a manage.py command on the
    database at `url`; CPU is the command's own (user + system), which the machine's load moves
    less. On PostgreSQL the server's CPU is not in it: compare wall times there."""
    measured = folder / "rusage.json"
    command = [sys.executable, "manage.py", *args] + (["--user=bench"] if user else [])
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, str(measured), *command], cwd=ROOT,
                          env=command_env(url), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, check=True)
    wall = time.perf_counter() - start
    code, cpu, rss_kb = json.loads(measured.read_text())
    output = done.stdout.decode()
    if code not in (0, 3):
        raise SystemExit(f"{args[0]} failed:\n{output}")
    return wall, cpu, rss_kb / 1024, output


def migrate(url):
    """The register's tables and the user the commands run as."""
    subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity=0"], cwd=ROOT,
                   env=command_env(url), check=True)
    subprocess.run([sys.executable, "manage.py", "shell", "-c", "from django.contrib.auth."
                    "models import User; User.objects.create(username='bench')"], cwd=ROOT,
                   env=command_env(url), check=True, stdout=subprocess.DEVNULL)


class SqliteRegisters:
    """Empty registers as SQLite files, each a copy of one migrated file (`prepare` makes
    it; a test passes a lighter one)."""

    def __init__(self, folder, prepare=migrate):
        self.folder = folder
        self.template = folder / "template.sqlite3"
        prepare(f"sqlite:///{self.template}")

    def fresh(self, name):
        path = self.folder / f"{name}.sqlite3"
        shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def drop(self):
        pass  # the folder goes


class PostgresRegisters:
    """Empty registers as databases on the server of `url`, each created from one migrated
    template database: CREATE DATABASE … TEMPLATE copies it file by file, as copying the SQLite
    file does, so neither side pays for migrations. The databases are named after this process
    (never a name someone else's data could have) and dropped at the end."""

    def __init__(self, url, prepare=migrate):
        import psycopg

        self.url = url
        self.prefix = f"bench_sync_{os.getpid()}"
        self.made = []
        # Autocommit: CREATE and DROP DATABASE refuse to run inside a transaction.
        self.server = psycopg.connect(url, autocommit=True)
        self.template = self.create("template")
        prepare(database_url(url, self.template))

    def create(self, name, template=None):
        from psycopg import sql

        database = f"{self.prefix}_{name}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database))
        if template:
            # The template must have no open connection; the commands have exited by now.
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self.server.execute(statement)
        self.made.append(database)
        return database

    def fresh(self, name):
        return database_url(self.url, self.create(name, template=self.template))

    def drop(self):
        from psycopg import sql

        for database in reversed(self.made):
            self.server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(
                sql.Identifier(database)))
        self.server.close()


def database_url(url, name):
    """`url` with its database name replaced by `name` (host, socket and user kept)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def registers(folder):
    """Where the empty registers come from: PostgreSQL when DATABASE_URL names it, else
    SQLite files in `folder`."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return PostgresRegisters(url)
    return SqliteRegisters(folder)


def file_of(made, path):
    path.write_text(json.dumps({"value": made}, ensure_ascii=False), encoding="utf-8")
    return path


def full_runs(records, source, sync_args, databases, folder, repeat):
    """File import and sync of all records, each into an empty register, alternating; returns
    their (wall, CPU, RSS) and the URL of the last synced register."""
    times, synced = {"file": [], "sync": []}, None
    for round_ in range(repeat):
        for side in ["file", "sync"] if round_ % 2 == 0 else ["sync", "file"]:
            url = databases.fresh(f"{side}_{round_}")
            args = ["import_tk_moties", str(source)] if side == "file" else sync_args
            wall, cpu, rss, _output = run(args, url, folder)
            times[side].append((wall, cpu, rss))
            print(f"round {round_ + 1}: {side:4} {wall:7.2f} s ({cpu:6.2f} s CPU), "
                  f"{records / wall:6.0f} records/s ({records / cpu:6.0f} per CPU second), "
                  f"peak RSS {rss:6.1f} MB (load {load()})")
            if side == "sync":
                synced = url
    return times, synced


def delta_run(made, share, source, sync_args, synced, databases, folder):
    """1% changed at the Kamer: sync on the synced register, against the file re-import of the
    whole changed file into an empty one; returns the sync's wall time."""
    count = changed(made, share)
    file_of(made, source)
    delta_wall, delta_cpu, delta_rss, output = run(sync_args, synced, folder)
    reimport_wall, reimport_cpu, _rss, _output = run(
        ["import_tk_moties", str(source)], databases.fresh("reimport"), folder)
    print(f"delta: {count} records changed; sync {delta_wall:.2f} s ({delta_cpu:.2f} s CPU, "
          f"peak RSS {delta_rss:.1f} MB); file import of the whole changed file "
          f"{reimport_wall:.2f} s ({reimport_cpu:.2f} s CPU); sync / re-import "
          f"{delta_wall / reimport_wall:.3f} (load {load()})")
    idle_wall, idle_cpu, _rss, _output = run(["check"], synced, folder, user=False)
    print(f"for scale: `manage.py check` (Django starting, nothing done) {idle_wall:.2f} s "
          f"({idle_cpu:.2f} s CPU)")
    print("\n".join(line for line in output.splitlines() if line.startswith("Document:")))
    return delta_wall


def summary(records, times, delta_wall):
    file_wall, file_cpu = (statistics.median(row[i] for row in times["file"]) for i in (0, 1))
    sync_wall, sync_cpu = (statistics.median(row[i] for row in times["sync"]) for i in (0, 1))
    sync_rss = max(row[2] for row in times["sync"])
    print(f"\nmedians: file {file_wall:.2f} s ({file_cpu:.2f} s CPU, {records / file_wall:.0f} "
          f"records/s), sync {sync_wall:.2f} s ({sync_cpu:.2f} s CPU, "
          f"{records / sync_wall:.0f} records/s); **sync / file {sync_wall / file_wall:.2f}** "
          f"({sync_cpu / file_cpu:.2f} in CPU); peak RSS file "
          f"{max(row[2] for row in times['file']):.1f} MB, sync {sync_rss:.1f} MB")
    print(f"goals: full run {sync_wall:.0f} s < 120 s: {'met' if sync_wall < 120 else 'MISSED'}; "
          f"peak RSS {sync_rss:.0f} MB < 200 MB: {'met' if sync_rss < 200 else 'MISSED'}; "
          f"delta {delta_wall:.1f} s < 10 s: {'met' if delta_wall < 10 else 'MISSED'}; delta / "
          f"full {delta_wall / sync_wall:.3f}")


def big_file(megabytes, databases, folder):
    """Peak RSS of the file import of a file of `megabytes` MB."""
    big = folder / "groot.json"
    copies, n = [], 0
    size = 0
    while size < megabytes * 1_000_000:
        chunk = records(5000)
        for record in chunk:
            record["Id"] = str(uuid.UUID(int=10**12 + n))
            record["DocumentNummer"] = f"2026D{n:07d}"
            record["Volgnummer"] = n + 1
            n += 1
        text = json.dumps(chunk, ensure_ascii=False)
        copies.append(text[1:-1])
        size += len(text.encode())
    big.write_text('{"value": [' + ",\n".join(copies) + "]}", encoding="utf-8")
    wall, cpu, rss, _output = run(["import_tk_moties", str(big), f"--max-bytes={10**9}"],
                                  databases.fresh("big"), folder)
    print(f"big file: {big.stat().st_size / 1e6:.1f} MB, {n} records: {wall:.1f} s "
          f"({cpu:.1f} s CPU), "
          f"peak RSS {rss:.1f} MB (goal < 200 MB: {'met' if rss < 200 else 'MISSED'})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--delta", type=float, default=0.01)
    parser.add_argument("--big-mb", type=int, default=90)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()  # for the machine line (the commands run with their own settings)
    from django.db import connection

    print(f"== sync_tk benchmark on {connection.vendor}")
    print(describe())
    connection.close()
    print(f"load before: {load()}")
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    made = records(options.records)
    source = file_of(made, folder / "documenten.json")
    print(f"{options.records} records, {source.stat().st_size / 1e6:.1f} MB as one file")
    databases = registers(folder)
    replay = Replay()
    replay.serve("Document", made)
    sync_args = ["sync_tk", "--entity=Document", f"--base-url={replay.base_url}"]
    try:
        times, synced = full_runs(options.records, source, sync_args, databases, folder,
                                  options.repeat)
        delta_wall = delta_run(made, options.delta, source, sync_args, synced, databases,
                               folder)
        summary(options.records, times, delta_wall)
        if options.big_mb:
            big_file(options.big_mb, databases, folder)
    finally:
        replay.stop()
        databases.drop()
        shutil.rmtree(folder)
    print(f"load after: {load()}")


if __name__ == "__main__":
    main()
