"""Benchmark: the commitments list and search against the stock Django admin changelist.

    .venv/bin/python bench/list_search.py            # SQLite (a temporary file)
    scripts/with-postgres .venv/bin/python bench/list_search.py   # PostgreSQL

Generates 10,000 and then 100,000 commitments (spread over dossiers, people, statuses and
deadlines, with history), and measures in the same run, in process through Django's test client
(server time: middleware, queries and templates, no network), the median of repeated requests:
(a) a list with three filters and (b) a free-text search, on our list page and on a stock admin
changelist registered on the same model with list filters and search_fields on title and text.
Also the XLSX export of 10,000 rows against openpyxl writing the same rows from memory.
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

from bench.generate import generate_commitments  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "21"))


class StockCommitmentAdmin(admin.ModelAdmin):
    """What a team would register first: list filters and search on title and text."""

    list_display = ["number", "title", "status", "bewindspersoon", "deadline_end"]
    list_filter = ["status", "bewindspersoon", "dossier"]
    search_fields = ["title", "text"]


stock_site = admin.AdminSite(name="stock")


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
    client.get(url)
    return (time.perf_counter() - start) * 1000


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
    print(f"  {label:<28} ours {ours_ms:7.1f} ms {counts[0]:3d} q | admin {stock_ms:7.1f} ms "
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

    stock_site.register(Commitment, StockCommitmentAdmin)
    register.urls.urlpatterns.append(path("stock/", stock_site.urls))
    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import User

    user = User.objects.create_superuser("bench", "bench@example.nl", "pw")
    client = Client()
    client.force_login(user)
    vendor = connection.vendor
    print(f"== list and search benchmark on {vendor} ({REPEAT} requests per figure, median)")
    rng = random.Random(42)
    total = 0
    for size in (10_000, 100_000):
        start = time.perf_counter()
        person, dossier = generate_commitments(size - total, rng=rng, by=user)
        total = size
        print(f"-- {size:,} commitments (generated in {time.perf_counter() - start:.0f} s)")
        filters = f"status=open&bewindspersoon={person.pk}&dossier={dossier.number}"
        stock_filters = (f"status__exact=open&bewindspersoon__id__exact={person.pk}"
                         f"&dossier__id__exact={dossier.pk}")
        compare(client, "(a) three filters", f"/toezeggingen/?{filters}",
                f"/stock/commitments/commitment/?{stock_filters}")
        compare(client, "(b) search 'lachgas jongeren'", "/toezeggingen/?q=lachgas+jongeren",
                "/stock/commitments/commitment/?q=lachgas+jongeren")
        compare(client, "(b) search 'cocaine'", "/toezeggingen/?q=cocaine",
                "/stock/commitments/commitment/?q=cocaine")
        if size == 10_000:
            export_figures(client)


if __name__ == "__main__":
    main()
