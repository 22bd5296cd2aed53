"""Benchmark of the Tweede Kamer import: 10,000 generated Toezegging records.

    .venv/bin/python bench/import_tk.py [--records 2000,10000] [--repeat 3] [--seed 7]

Sets up Django itself (DJANGO_SETTINGS_MODULE=tests.settings) on a throwaway SQLite file, or on
PostgreSQL when DATABASE_URL is set (a test database next to it, dropped afterwards). It
measures, in one run:

- baseline: the same records created one by one, as a naive import would — each mapped, then
  `Commitment.save()` with its history row through `save_with_history`, in one transaction;
- import: `import_toezeggingen` on the file (bulk writes, history rows included);
- re-import: the same file again, which must change nothing;
- peak memory of the import (tracemalloc, in a separate pass: tracing slows Python down).

Baseline and import alternate, the same number of runs each (--repeat), each from an empty
register, and the medians are compared; at 2,000 and 10,000 records by default, so that a ratio
that grows with the size (a cost per save that grows with the register) shows. It prints the
ratios. Targets: import at least 10× faster than the baseline; the re-import under a
third of the import.
"""

import argparse
import datetime
import json
import os
import random
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import describe, load  # noqa: E402

# (Achternaam, Tussenvoegsel, Initialen, Voornaam, Functie, Ministerie)
PEOPLE = [
    ("Madlener", "", "B.", "Barry", "Minister van Infrastructuur en Waterstaat",
     "Infrastructuur en Waterstaat"),
    ("Jansen", "", "C.A.", "Chris", "Staatssecretaris van Infrastructuur en Waterstaat",
     "Infrastructuur en Waterstaat"),
    ("Agema", "", "M.", "Fleur", "Minister van Volksgezondheid, Welzijn en Sport",
     "Volksgezondheid, Welzijn en Sport"),
    ("Karremans", "", "V.P.G.", "Vincent", "Staatssecretaris van Volksgezondheid, Welzijn en "
     "Sport", "Volksgezondheid, Welzijn en Sport"),
    ("Bruins", "", "E.E.W.", "Eppo", "Minister van Onderwijs, Cultuur en Wetenschap",
     "Onderwijs, Cultuur en Wetenschap"),
    ("Hijum", "van", "Y.J.", "Eddy", "Minister van Sociale Zaken en Werkgelegenheid",
     "Sociale Zaken en Werkgelegenheid"),
    ("Keijzer", "", "M.C.G.", "Mona", "Minister van Volkshuisvesting en Ruimtelijke Ordening",
     "Volkshuisvesting en Ruimtelijke Ordening"),
    ("Weel", "van", "D.M.", "David", "Minister van Justitie en Veiligheid",
     "Justitie en Veiligheid"),
    ("Heinen", "", "E.", "Eelco", "Minister van Financiën", "Financiën"),
    ("Veldkamp", "", "C.C.J.", "Caspar", "Minister van Buitenlandse Zaken", "Buitenlandse Zaken"),
    ("Blokhuis", "", "P.", "Paul", "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
     "Volksgezondheid, Welzijn en Sport"),
    ("Harbers", "", "M.G.J.", "Mark", "Minister van Infrastructuur en Waterstaat",
     "Infrastructuur en Waterstaat"),
    ("Graaf", "de", "D.", "Dick", "Minister van Economische Zaken en Klimaat",
     "Economische Zaken en Klimaat"),
    ("Adema", "", "P.", "Piet", "Minister van Landbouw, Natuur en Voedselkwaliteit",
     "Landbouw, Natuur en Voedselkwaliteit"),
    ("Brekelmans", "", "R.P.", "Ruben", "Minister van Defensie", "Defensie"),
]
WHO = ["De minister", "De staatssecretaris", "De bewindspersoon"]
DOES = ["stuurt de Kamer", "informeert de Kamer", "zegt toe de Kamer te informeren over",
        "komt terug op", "geeft de Kamer inzicht in"]
WHAT = ["de voortgang van het programma", "de uitkomsten van het onderzoek naar {topic}",
        "een brief over {topic}", "de evaluatie van de aanpak van {topic}",
        "de reactie van de sector op {topic}", "een overzicht van de kosten van {topic}"]
TOPICS = ["varend ontgassen", "lachgas", "de kostendelersnorm", "walstroom", "de stayrate",
          "internationale studenten", "de woningbouwafspraken", "de jeugdzorg", "stikstof",
          "de Waddenzee", "netcongestie", "de Opiumwet", "de inburgering", "het studievoorschot"]
WHEN = ["in maart {y}", "voor de zomer", "na het zomerreces", "in het eerste kwartaal van {y}",
        "voor het einde van het jaar", "binnen drie maanden", "in het voorjaar van {y}",
        "begin {y}", "medio {y}", "zo spoedig mogelijk", "", "voor Prinsjesdag", "eind {y}"]
STATUSES = [("Openstaand", 55), ("Afgedaan", 30), ("Deels Afgedaan", 8), ("Vervallen", 5),
            ("", 2)]


def moment(day, hour=0):
    return f"{day.isoformat()}T{hour:02d}:00:00+01:00"


def generate(count, seed):
    """Records shaped like the Kamer's: statuses of both weights, empty dates, letters, notes."""
    rng = random.Random(seed)
    letters = [{"Soort": "Brief regering", "DocumentNummer": f"2024D{40000 + n}",
                "Onderwerp": f"Voortgangsbrief {rng.choice(TOPICS)}",
                "Datum": moment(datetime.date(2023, 1, 1) + datetime.timedelta(days=n * 2)),
                "Vergaderjaar": "2023-2024", "Volgnummer": 100 + n,
                "Kamerstukdossier": [{"Nummer": rng.choice([24077, 31288, 32793, 35570]),
                                      "Toevoeging": None, "Titel": "Dossier"}]}
               for n in range(400)]
    words, weights = zip(*STATUSES, strict=True)
    records = []
    for n in range(count):
        person = rng.choice(PEOPLE)
        made = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
        status = rng.choices(words, weights)[0]
        delivered = made + datetime.timedelta(days=rng.randrange(10, 400))
        text = " ".join([rng.choice(WHO), rng.choice(DOES),
                         rng.choice(WHAT).format(topic=rng.choice(TOPICS)),
                         rng.choice(WHEN).format(y=made.year + 1)]).strip() + "."
        if rng.random() < 0.3:
            text += f" Daarbij betrekt zij het advies over {rng.choice(TOPICS)}."
        records.append({
            "Id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "Aanmaakdatum": moment(made), "Nummer": f"TZ{made:%Y%m}-{n:05d}",
            "ActiviteitNummer": f"{made.year}A{rng.randrange(1, 9999):05d}",
            "Naam": f"{person[0]}, {person[2]}" + (f" {person[1]}" if person[1] else ""),
            "Achternaam": person[0], "Tussenvoegsel": person[1] or None,
            "Initialen": person[2], "Voornaam": person[3], "Achtervoegsel": None,
            "Titulatuur": None, "Functie": person[4], "Ministerie": person[5],
            "Status": status,
            "DatumNakoming": moment(delivered) if status in ("Afgedaan", "Deels Afgedaan")
            else "0001-01-01T00:00:00Z",
            "Tekst": text, "Notities": rng.choice([None, None, "", "Zie de voortgangsbrief."]),
            "Verwijderd": rng.random() < 0.01,
            "GewijzigdOp": moment(delivered if status else made, 12),
            "ApiGewijzigdOp": f"{delivered.isoformat()}T11:00:00.1234567Z",
            "KamerbriefNakoming": [rng.choice(letters)]
            if status == "Afgedaan" and rng.random() < 0.6 else [],
        })
    return {"value": records}


def setup_django(database):
    """Django on a throwaway database: a temporary SQLite file, or with DATABASE_URL pointing at
    PostgreSQL a test database created next to the named one (and dropped afterwards), so that
    flushing between measurements never touches real data. Returns the teardown."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0)
        return lambda: None
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return lambda: connection.creation.destroy_test_db(name, verbosity=0)


def empty_database():
    """Start each measurement from the same empty register (one user)."""
    from django.contrib.auth.models import User
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    return User.objects.create(username="bench")


def baseline(path, user):
    """The naive import: parse as the import does, then one save with history per record."""
    from django.db import transaction

    from commitments import tk_import
    from commitments.models import Commitment
    from register.history import ChangeSource, save_with_history

    report = tk_import.ImportReport(entity="Toezeggingen")
    items = [tk_import.parse_toezegging(record, path.name, index, report) for index, record
             in enumerate(tk_import.file_records(path, max_bytes=10**10), 1)]
    with transaction.atomic():
        work = tk_import.ToezeggingImport(report, user)
        live = [item for item in items if not item.deleted]
        work.resolve(live)
        work.pending.save()
        work.letters.write(by=user)
        for item in live:
            person, ministry, document = work.resolved(item)
            commitment = Commitment(
                title=tk_import.short_title(item.text), text=item.text, bewindspersoon=person,
                ministry=ministry, made_on=item.made_on,
                deadline_text=tk_import.deadline_words(item.text, item.made_on),
                status_source=ChangeSource.IMPORT, **item.kamer)
            work.apply_status(commitment, item, document)
            save_with_history(commitment, by=user, reason=f"import TK {path.name}",
                              source=ChangeSource.IMPORT)
    return len(live)


def timed(function, *args, **kwargs):
    """(wall seconds, CPU seconds of this process, result)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, time.process_time() - cpu, result


def import_twice(path):
    """A first import into an empty register, then the same file again."""
    from commitments.models import Commitment
    from commitments.tk_import import import_toezeggingen

    user = empty_database()
    first = timed(import_toezeggingen, [path], by=user)
    history = Commitment.history.count()
    again = timed(import_toezeggingen, [path], by=user)
    assert Commitment.history.count() == history, "the re-import wrote history"
    assert not again[2].created and not again[2].updated, "the re-import changed records"
    return first, again, history


def median_run(runs):
    """The run with the median wall time (runs is a list of timed() results)."""
    return sorted(runs, key=lambda run: run[0])[len(runs) // 2]


def measure(path, repeat):
    """Baseline and import alternately, `repeat` runs each, each from an empty register; the
    side that goes first changes every round, so a change in the shared machine's speed during
    the run falls on both alike."""
    from commitments.models import Commitment

    bases, firsts, agains = [], [], []
    for round_ in range(repeat):
        for side in ("baseline", "import") if round_ % 2 == 0 else ("import", "baseline"):
            if side == "baseline":
                bases.append(timed(baseline, path, empty_database()))
                base_history = Commitment.history.count()
            else:
                first, again, history = import_twice(path)
                firsts.append(first)
                agains.append(again)
    assert base_history == history, (base_history, history)
    return bases, firsts, agains, history


def report(records, size, repeat, bases, firsts, agains, history):
    base, first, again = median_run(bases), median_run(firsts), median_run(agains)
    print(f"-- {records:,} records, file {size / 1e6:.1f} MB; median of {repeat} runs each, "
          f"alternating; load {load()}")
    print(f"{'measurement':<44}{'wall s':>8}{'CPU s':>8}{'records/s':>11}{'vs baseline':>13}"
          f"  all runs (wall s)")
    rows = [("baseline: one by one, save() + history", base, base[2], bases),
            ("import_toezeggingen (bulk, with history)", first, len(first[2].created), firsts),
            ("re-import of the same file (no changes)", again, again[2].unchanged, agains)]
    for label, (wall, cpu, _result), count, runs in rows:
        print(f"{label:<44}{wall:>8.2f}{cpu:>8.2f}{count / wall:>11.0f}"
              f"{base[0] / wall:>12.1f}×  {' '.join(f'{run[0]:.2f}' for run in runs)}")
    print(f"history rows: {history} both ways, re-import +0")
    print(f"import speed-up: {base[0] / first[0]:.1f}× wall, {base[1] / first[1]:.1f}× CPU "
          f"(target ≥ 10×); re-import / import: {again[0] / first[0]:.2f} (target < 0.33)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", default="2000,10000",
                        help="comma-separated sizes of the generated file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each side (baseline, import and re-import); the median "
                             "counts")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-tk-") as folder:
        folder = Path(folder)
        teardown = setup_django(folder / "bench.sqlite3")
        from django.db import connection

        from commitments.tk_import import import_toezeggingen

        print(f"== Tweede Kamer import benchmark on {connection.vendor}")
        print(describe())
        for records in (int(size) for size in options.records.split(",")):
            path = folder / f"toezeggingen-{records}.json"
            path.write_text(json.dumps(generate(records, options.seed), ensure_ascii=False),
                            encoding="utf-8")
            report(records, path.stat().st_size, options.repeat,
                   *measure(path, options.repeat))
        user = empty_database()
        tracemalloc.start()
        import_toezeggingen([path], by=user)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = path.stat().st_size
        teardown()
    print(f"peak traced memory of the import of {records:,} records: {peak / 1e6:.1f} MB "
          f"({peak / size:.1f}× the file size)")
    print(f"load at the end {load()}")


if __name__ == "__main__":
    main()
