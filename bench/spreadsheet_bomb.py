"""The spreadsheet bomb: a small XLSX whose sheet unpacks to hundreds of megabytes.

    .venv/bin/python bench/spreadsheet_bomb.py             # 8 million rows, about 400 MB unpacked

The register must refuse such a file quickly and in little memory, from the command line and on
the web (issue 12, item 9): its declared dimension or its unpacked size says it is too large
before a row is read, and the rows are read streaming and no further than the row limit when it
says neither. The script builds the bomb in a temporary folder and measures, each in a fresh
process, wall time and peak resident memory (ru_maxrss) of:

- baseline: `import_spreadsheet --dry-run` of a small ordinary file (one row), the cost of
  starting Django and reading any spreadsheet at all;
- the bomb as the operator gets it (`import_spreadsheet`), with and without the dimension;
- the bomb uploaded and previewed on the web (the upload view and the preview, Django's test
  client on a throwaway SQLite database).
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Toezeggingen" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
HEADER = '<row><c t="inlineStr"><is><t>Titel</t></is></c></row>'
ROW = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'  # 50 bytes


def write_bomb(path, rows, *, dimension=True):
    """An XLSX of one sheet with a header and `rows` rows of one cell, written streaming (the
    sheet never exists unpacked, here or anywhere); returns the unpacked size of the sheet."""
    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main">'
            + (f'<dimension ref="A1:A{rows + 1}"/>' if dimension else "") + "<sheetData>"
            + HEADER)
    tail = "</sheetData></worksheet>"
    block = (ROW * 10_000).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode())
            written = len(head)
            for _ in range(rows // 10_000):
                sheet.write(block)
            sheet.write((ROW * (rows % 10_000)).encode())
            sheet.write(tail.encode())
        return written + len(ROW) * rows + len(tail)


def write_small(path):
    """The baseline: an ordinary file of one commitment in our export's layout."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Titel", "Tekst", "Bewindspersoon", "Ministerie", "Datum toezegging"])
    workbook.active.append(["Brief", "Ik stuur de Kamer een brief.", "P. Blokhuis", "VWS",
                            "18-12-2020"])
    workbook.save(path)


def write_export_like(path, rows=20_000):
    """The largest file the register takes: the row limit, in our export's 26 columns, written
    as our export writes (write-only: no dimension, strings inline), a long text in each row."""
    from openpyxl import Workbook

    from commitments.columns import COMMITMENT_COLUMNS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Toezeggingen")
    sheet.append([header for _key, header in COMMITMENT_COLUMNS])
    text = "Ik zal de Kamer voor de zomer informeren over de voortgang van het onderzoek. " * 8
    for number in range(rows):
        values = {"title": f"Toezegging {number}", "text": text, "bewindspersoon": "P. Blokhuis",
                  "ministry": "VWS", "made_on": "18-12-2020", "deadline_text": "voor de zomer"}
        sheet.append([values.get(key, "") for key, _header in COMMITMENT_COLUMNS])
    workbook.save(path)


def measure(way, path):
    """Run in a fresh process: one way of refusing (or reading) `path`; prints seconds, peak
    resident memory in MB and what the register answered."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.test import Client
    from django.urls import reverse

    from commitments.models import SpreadsheetUpload

    user = User.objects.get(username="griffie")
    start = time.perf_counter()
    if way == "command":
        try:
            call_command("import_spreadsheet", str(path), user="griffie", dry_run=True,
                         stdout=open(os.devnull, "w"))  # noqa: SIM115
            answer = "read, nothing written (--dry-run)"
        except CommandError as error:
            answer = str(error).rpartition(": ")[2]
    else:
        client = Client()
        client.force_login(user)
        if way == "upload":
            with open(path, "rb") as stream:
                response = client.post(reverse("commitments:spreadsheet-upload"),
                                       {"file": stream})
        else:  # the preview of an upload stored before the checks at upload existed
            SpreadsheetUpload.objects.filter(filename=Path(path).name).delete()
            stored = SpreadsheetUpload.objects.create(user=user, filename=Path(path).name,
                                                      content=Path(path).read_bytes())
            start = time.perf_counter()
            response = client.get(reverse("commitments:spreadsheet-preview", args=[stored.pk]))
        kept = SpreadsheetUpload.objects.filter(filename=Path(path).name).count()
        answer = f"HTTP {response.status_code}, {kept} kept"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.3f} {peak:.0f} {answer}")


def run(env, way, path):
    output = subprocess.run([sys.executable, __file__, "--measure", way, str(path)], env=env,
                            cwd=ROOT, check=True, capture_output=True, text=True, timeout=900)
    seconds, peak, answer = output.stdout.strip().splitlines()[-1].split(" ", 2)
    return float(seconds), float(peak), answer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=8_000_000)
    parser.add_argument("--measure", nargs=2, metavar=("WAY", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(*args.measure)
    folder = Path(tempfile.mkdtemp(prefix="kamerregister-bomb-"))
    env = {**os.environ, "VAR_DIR": str(folder), "DJANGO_SETTINGS_MODULE": "tests.settings"}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "shell", "-c", (
        "from django.contrib.auth.models import Group, User; "
        "from register.models import Ministry, Office, Person; "
        "u = User.objects.create_user('griffie'); u.groups.add(Group.objects.get(name='griffie'));"
        "m = Ministry.objects.create(abbreviation='VWS', name='Ministerie van VWS'); "
        "p = Person.objects.create(surname='Blokhuis', initials='P.'); "
        "Office.objects.create(person=p, title='Staatssecretaris van VWS', ministry=m)"
    )], cwd=ROOT, env=env, check=True)
    small = folder / "gewoon.xlsx"
    write_small(small)
    files = {"baseline (1 row)": small}
    largest = folder / "export-20000.xlsx"
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django

    django.setup()
    write_export_like(largest)
    files[f"20,000 rows as our export, {largest.stat().st_size / 1e6:.1f} MB"] = largest
    for rows, dimension in ((args.rows, True), (args.rows, False), (args.rows * 3 // 8, True),
                            (args.rows * 3 // 8, False)):
        path = folder / f"bom-{rows}-{'dim' if dimension else 'nodim'}.xlsx"
        unpacked = write_bomb(path, rows, dimension=dimension)
        files[f"{rows:,} rows, {'declared' if dimension else 'no'} dimension, "
              f"{path.stat().st_size / 1e6:.1f} MB → {unpacked / 1e6:.0f} MB"] = path
    print(f"== spreadsheet bomb: refused how fast, in how much memory "
          f"(load {os.getloadavg()[0]:.2f})")
    print(f"{'file':<56} {'way':<8} {'s':>7} {'× base':>7} {'peak MB':>8}  answer")
    baseline = {}
    for label, path in files.items():
        for way in ("command", "upload", "preview"):
            seconds, peak, answer = run(env, way, path)
            baseline.setdefault(way, seconds)
            print(f"{label:<56} {way:<8} {seconds:7.2f} {seconds / baseline[way]:7.1f} "
                  f"{peak:8.0f}  {answer[:70]}")
    print(f"(load after: {os.getloadavg()[0]:.2f}; goal: refused in under 2 s, peak under 150 MB)")


if __name__ == "__main__":
    main()
