"""Benchmark: the commitments list and search against the stock Django admin changelist.

    .venv/bin/python bench/list_search.py            # SQLite (a temporary file)
    scripts/with-postgres .venv/bin/python bench/list_search.py   # PostgreSQL

Generates 10,000 and then 100,000 commitments (spread over dossiers, people, statuses and
deadlines, with history), and measures in the same run, in process through Django's test client
(server time: middleware, queries and templates, no network), the median of repeated requests,
the two pages' requests alternating, on our list page and on a stock admin changelist registered
on the same model with list filters and search_fields on title and text:

  (a) a selective filter: open, one bewindspersoon, one dossier (a few dozen rows at 100k);
  (c) an unselective one: open and overdue (about a fifth of the rows);
  (d) no filter at all: the list as it first opens;
  (b) free-text searches.

Both pages show the same rows at the same page size: 25 (our default) and 100 (the admin's
default), BENCH_PER_PAGE=100 for one of them. Our page also counts every status, "overdue" and
due window next to the filters; those counts are part of its time. The admin's overdue filter is
the lookup `deadline_end__lt=<today>` in its URL, which it allows on any field.
Also the XLSX export of 10,000 rows against openpyxl writing the same rows from memory.

    BENCH_SIZES=100000 BENCH_REPEAT=11 .venv/bin/python bench/list_search.py   # a quicker run
"""

import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib import admin  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.generate import generate_commitments  # noqa: E402
from bench.machine import describe, load  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "21"))
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "10000,100000").split(",")]
PAGE_SIZES = [int(size) for size in os.environ.get("BENCH_PER_PAGE", "25,100").split(",")]


class StockCommitmentAdmin(admin.ModelAdmin):
    """What a team would register first: list filters and search on title and text."""

    list_display = ["number", "title", "status", "bewindspersoon", "deadline_end"]
    list_filter = ["status", "bewindspersoon", "dossier"]
    search_fields = ["title", "text"]


# One stock admin per page size: ModelAdmin.list_per_page is its only page size.
stock_sites = {size: admin.AdminSite(name=f"stock{size}") for size in PAGE_SIZES}


def query_count(client, url):
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper survives the reconnects between requests; CaptureQueriesContext does not.
    with connection.execute_wrapper(count):
        assert client.get(url).status_code == 200, url
    return len(queries)


def timed(client, url):
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, url
    return elapsed


def compare(client, label, ours, stock):
    """Median milliseconds of REPEAT requests each (after two warm-ups), and the query counts.

    The two pages' requests alternate, each going first in every other round, so that a change
    in the machine's speed during the run (these machines are shared) hits both alike.
    """
    for _warm_up in range(2):
        timed(client, ours), timed(client, stock)
    counts = [query_count(client, url) for url in (ours, stock)]
    ours_times, stock_times = [], []
    for round_ in range(REPEAT):
        if round_ % 2:
            stock_times.append(timed(client, stock))
            ours_times.append(timed(client, ours))
        else:
            ours_times.append(timed(client, ours))
            stock_times.append(timed(client, stock))
    ours_ms, stock_ms = statistics.median(ours_times), statistics.median(stock_times)
    print(f"  {label:<40} ours {ours_ms:7.1f} ms {counts[0]:3d} q | admin {stock_ms:7.1f} ms "
          f"{counts[1]:3d} q | ours/admin = {ours_ms / stock_ms:.2f}")
    return ours_ms, stock_ms


def export_figures(client):
    from openpyxl import Workbook

    from commitments.exports import rows as export_rows
    from commitments.models import Commitment

    rows = list(export_rows(Commitment.objects.all()))
    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    with tempfile.TemporaryFile() as stream:
        workbook.save(stream)
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    response = client.get("/toezeggingen/export.xlsx")
    ours = time.perf_counter() - start
    assert response.status_code == 200
    print(f"  XLSX export, 10,000 rows: {ours:.2f} s; bare openpyxl on the same rows in memory "
          f"{baseline:.2f} s; ratio {ours / baseline:.2f}")


def main():
    import register.urls
    from commitments.models import Commitment

    for size, site in stock_sites.items():
        site.register(Commitment, type("StockAdmin", (StockCommitmentAdmin,),
                                       {"list_per_page": size}))
        register.urls.urlpatterns.append(path(f"stock{size}/", site.urls))
    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import User

    user = User.objects.create_superuser("bench", "bench@example.nl", "pw")
    client = Client()
    client.force_login(user)
    print(f"== list and search benchmark on {connection.vendor} ({REPEAT} requests per figure, "
          f"median, alternating with the admin)")
    print(describe())
    rng = random.Random(42)
    total = 0
    for size in SIZES:
        start = time.perf_counter()
        person, dossier = generate_commitments(size - total, rng=rng, by=user)
        total = size
        if connection.vendor == "postgresql":
            # What autovacuum does soon after a bulk load: the planner's statistics, and the
            # visibility map that lets a count read an index alone. Both pages get it.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        print(f"-- {size:,} commitments (generated in {time.perf_counter() - start:.0f} s); "
              f"load {load()}")
        for per_page in PAGE_SIZES:
            print(f"   page size {per_page} on both")
            for label, ours, stock, rows in cases(person, dossier):
                compare(client, f"{label} [{rows.count():,} rows]",
                        f"/toezeggingen/?{ours}&per_page={per_page}",
                        f"/stock{per_page}/commitments/commitment/?{stock}")
        if size == 10_000:
            export_figures(client)
    print(f"load at the end {load()}")


def cases(person, dossier):
    """(label, our query, the admin's query for the same rows, those rows)."""
    from commitments.models import Commitment

    today = timezone.localdate()
    rows = Commitment.objects.all()
    return [
        ("(a) open, person, dossier",
         f"status=open&bewindspersoon={person.pk}&dossier={dossier.number}",
         f"status__exact=open&bewindspersoon__id__exact={person.pk}"
         f"&dossier__id__exact={dossier.pk}",
         rows.filter(status="open", bewindspersoon=person, dossier=dossier)),
        ("(c) open and overdue", "status=open&overdue=1",
         f"status__exact=open&deadline_end__lt={today.isoformat()}",
         rows.filter(status="open", deadline_end__lt=today)),
        ("(d) no filter", "", "", rows),
        ("(b) search 'lachgas jongeren'", "q=lachgas+jongeren", "q=lachgas+jongeren",
         rows.filter(search_text__contains=" lachgas").filter(search_text__contains=" jongeren")),
        ("(b) search 'cocaine'", "q=cocaine", "q=cocaine",
         rows.filter(search_text__contains=" cocaine")),
    ]


if __name__ == "__main__":
    main()
