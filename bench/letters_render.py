"""Benchmark: a progress letter from the database to PDF bytes, against bare WeasyPrint.

    .venv/bin/python bench/letters_render.py            # SQLite (a temporary file)
    scripts/with-postgres .venv/bin/python bench/letters_render.py   # PostgreSQL

Builds three letters in the database — about 3, 15 (with a 100-row annex) and 50 pages, with
sub-headings, footnotes, references, a table and items with progress texts — and measures in the
same run, as the median of BENCH_REPEAT runs, alternating so that both see the same machine:

  (a) our pipeline: the letter read from the database → letter_content → HTML → PDF bytes
      (and, apart, the part before WeasyPrint: the database → HTML);
  (b) bare WeasyPrint on the same HTML: HTML(string=…, base_url=static, url_fetcher=ours)
      .write_pdf(pdf_variant="pdf/a-2a"), with the same URL fetcher and PDF variant as (a); the
      ratio (a)/(b) is what the register adds (goal: at most 1.15);
  (c) a final letter's download through the view (GET /brieven/<id>/pdf, the stored bytes),
      against rendering that letter; the ratio says how much cheaper serving from storage is;
  (d) the peak RSS of a separate process that renders the 50-page letter (goal: under 250 MB),
      with that process's RSS before rendering for scale;
  (e) what the tags cost: the same letter's HTML rendered tagged and archivable (PDF/UA-1 and
      PDF/A-2a, as every letter is) and untagged (`html_to_pdf(html, tagged=False)`), for the
      ~15- and ~50-page letters (goal: tagged at most 1.3 × untagged);
  (f) the Word export of the 50-page letter (the database → letter_content → DOCX bytes, as
      /brieven/<id>/docx does it), against bare python-docx writing the same paragraphs as
      plain text (Document(), add_paragraph per paragraph, save), and against the PDF pipeline.
"""

import gc
import io
import os
import statistics
import subprocess
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
# Stored PDFs go to a throwaway folder, never to var/.
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-media-"))

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")
django.setup()

from bench.machine import describe, load  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
PARAGRAPH = (
    "Het Trimbos-instituut heeft met financiering van het Ministerie van VWS onderzoek gedaan naar "
    "het gebruik van lachgas onder jongeren en de gevolgen daarvan voor hun gezondheid. De "
    "resultaten laten zien dat het gebruik sinds de coronamaatregelen is gedaald, maar dat een "
    "kleine groep juist vaker gebruikt (Kamerstuk 24 077, nr. {ref}). Ik ga met gemeenten, "
    "handhavers en preventiewerkers in gesprek over de aanpak die daarbij past, en informeer uw "
    "Kamer over de uitkomsten.[^Kamerstuk 24 077, nr. {note}] Daarnaast wordt het bestaande "
    "preventiemateriaal vertaald en verspreid via scholen en jongerenwerk."
)
TABLE = ("Tabel {n}. Percentage uitgaanders dat in die periode een middel gebruikte\n"
         "| | Q2 2019 | Q3 2019 | Q2 2020 | Q3 2020\n| MDMA | 39,7 | 42,0 | 26,7 | 28,0\n"
         "| Amfetamine | 15,9 | 19,8 | 9,6 | 12,1\n| Lachgas | 20,7 | 20,7 | 9,6 | 10,3")


def body(paragraphs, start):
    parts = []
    for n in range(paragraphs):
        if n % 4 == 0:
            parts.append(f"### Onderwerp {start + n}")
        parts.append(PARAGRAPH.format(ref=100 + (start + n) % 800, note=200 + (start + n) % 700))
        if n % 12 == 11:
            parts.append(TABLE.format(n=start + n))
    return "\n\n".join(parts)


def build_letter(*, by, dossier_number, paragraphs, annex_rows, items):
    """A letter with `paragraphs` paragraphs over sections, `items` items with a progress text,
    and, when `annex_rows`, an annex of that many commitments (all the dossier's)."""
    import datetime

    from commitments.models import Commitment
    from letters.models import LetterItem, LetterSection, ProgressLetter
    from register.history import save_with_history
    from register.models import Dossier, Ministry, Office, Person

    reason = "benchmark"
    ministry = Ministry.objects.get_or_create(abbreviation="VWS", defaults={
        "name": "Ministerie van Volksgezondheid, Welzijn en Sport"})[0]
    person = Person.objects.filter(surname="Blokhuis").first()
    if person is None:
        person = Person.objects.create(initials="P.", surname="Blokhuis")
        Office.objects.create(person=person, ministry=ministry,
                              title="Staatssecretaris van Volksgezondheid, Welzijn en Sport")
    dossier = Dossier.objects.create(number=dossier_number, title="Drugbeleid")
    made_on = datetime.date(2020, 3, 1)
    commitments = [save_with_history(Commitment(
        title=f"Toezegging {n} over preventie en monitoring van drugsgebruik onder jongeren",
        text="Ik informeer uw Kamer over de uitkomsten van het onderzoek.", made_on=made_on,
        bewindspersoon=person, ministry=ministry, dossier=dossier,
        deadline_text="in het voorjaar van 2021" if n % 3 else "voor de zomer"),
        by=by, reason=reason) for n in range(max(annex_rows, items))]
    letter = save_with_history(ProgressLetter(
        dossier=dossier, subject="Voortgangsbrief drugbeleid", kenmerk=f"BENCH-{dossier_number}",
        date=datetime.date(2020, 12, 18), ministry=ministry, signatory=person,
        signatory_office="De Staatssecretaris van Volksgezondheid, Welzijn en Sport,",
        signatory_name="P. Blokhuis", opening=body(1, 0), annex=annex_rows > 0, author=by),
        by=by, reason=reason)
    sections = max(1, paragraphs // 10)
    for s in range(sections):
        section = save_with_history(LetterSection(
            letter=letter, order=s, title=f"Sectie {s + 1}",
            body=body(paragraphs // sections, s * 100)), by=by, reason=reason)
        for n in range(s, items, sections):
            save_with_history(LetterItem(
                letter=letter, section=section, order=n, commitment=commitments[n],
                progress_text=f"Op 1 maart 2020 is toegezegd: {commitments[n].text} Stand van "
                              "zaken: in uitvoering; het onderzoek loopt."), by=by, reason=reason)
    return letter


def letter_html(pk):
    """Our part of (a): the letter from the database to the HTML WeasyPrint gets."""
    from letters.content import letter_content
    from letters.layout import render_letter_html
    from letters.models import ProgressLetter

    letter = ProgressLetter.objects.select_related("dossier", "ministry", "directorate").get(pk=pk)
    return render_letter_html(letter_content(letter), for_pdf=True)


def pipeline(pk):
    """(a) From the database to PDF bytes, as the view and finalising do it."""
    from letters.layout import html_to_pdf

    html = letter_html(pk)
    return html, html_to_pdf(html)


def bare(html):
    """(b) WeasyPrint alone on the same HTML, with the same URL fetcher as ours (it serves the
    stylesheet from the static folder) and the same PDF variant (tagged, PDF/A-2a), so the two
    sides differ only by our own work."""
    from weasyprint import HTML

    from letters.layout import PDF_VARIANT, static_base_url, static_url_fetcher

    return HTML(string=html, base_url=static_base_url(),
                url_fetcher=static_url_fetcher).write_pdf(pdf_variant=PDF_VARIANT)


def timed(function, *args):
    # Neither side inherits the other's garbage: the collector runs before the clock starts.
    gc.collect()
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def pages_of(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True)
    return int(next(line.split()[1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def compare(label, pk, repeat):
    html, pdf = pipeline(pk)  # warm-up: fonts, templates, stylesheet
    bare(html)
    ours, theirs, own_part = [], [], []
    for run in range(repeat):
        # Alternating which goes first: the second of a pair may pay for the first's garbage.
        if run % 2:
            ours.append(timed(pipeline, pk)[0])
            theirs.append(timed(bare, html)[0])
        else:
            theirs.append(timed(bare, html)[0])
            ours.append(timed(pipeline, pk)[0])
        own_part.append(timed(letter_html, pk)[0])
    a, b, part = (statistics.median(t) for t in (ours, theirs, own_part))
    # Each pair ran back to back: the median of their ratios is less moved by the machine's
    # speed changing during the run than the ratio of the medians.
    paired = statistics.median(mine / bare_ for mine, bare_ in zip(ours, theirs, strict=True))
    print(f"  {label:<26} {pages_of(pdf):3d} pages | (a) ours {a:6.3f} s | (b) bare WeasyPrint "
          f"{b:6.3f} s | (a)/(b) = {a / b:.3f}, per pair {paired:.3f} | of which database → "
          f"HTML {part * 1000:5.0f} ms = {part / b:.1%} of (b)")
    return a


def alternating(first, second, repeat):
    """Medians of `first()` and `second()` timed in turns (each going first every other
    round), and the median of their ratio per pair."""
    ones, twos = [], []
    for run in range(repeat):
        if run % 2:
            ones.append(timed(first)[0])
            twos.append(timed(second)[0])
        else:
            twos.append(timed(second)[0])
            ones.append(timed(first)[0])
    paired = statistics.median(one / two for one, two in zip(ones, twos, strict=True))
    return statistics.median(ones), statistics.median(twos), paired


def compare_tagged(label, pk, repeat):
    """(e) The same HTML, tagged (PDF/UA-1 + PDF/A-2a) and untagged."""
    from letters.layout import html_to_pdf

    html = letter_html(pk)
    html_to_pdf(html, tagged=True)  # warm-up
    html_to_pdf(html, tagged=False)
    tagged, untagged, paired = alternating(lambda: html_to_pdf(html, tagged=True),
                                           lambda: html_to_pdf(html, tagged=False), repeat)
    print(f"  (e) {label:<26} tagged (PDF/UA-1 + PDF/A-2a) {tagged:6.3f} s | untagged "
          f"{untagged:6.3f} s | tagged/untagged = {tagged / untagged:.3f}, per pair "
          f"{paired:.3f} (goal ≤ 1.3)")


def docx_export(pk):
    """(f) From the database to DOCX bytes, as the view does it."""
    from letters.content import letter_content
    from letters.models import ProgressLetter
    from letters.word import render_letter_docx

    letter = ProgressLetter.objects.select_related("dossier", "ministry", "directorate").get(pk=pk)
    return render_letter_docx(letter_content(letter))


def bare_docx(paragraphs):
    """python-docx alone: the same paragraphs as plain text, no styles, tables or footnotes."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def compare_docx(label, pk, repeat, pdf_seconds):
    import docx

    ours = docx_export(pk)  # warm-up, and the paragraphs the baseline writes
    body = docx.Document(io.BytesIO(ours)).element.body
    paragraphs = ["".join(p.itertext()) for p in body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]
    bare_docx(paragraphs)
    export, bare_, paired = alternating(lambda: docx_export(pk), lambda: bare_docx(paragraphs),
                                        repeat)
    print(f"  (f) {label:<26} DOCX export {export:6.3f} s ({len(ours) / 1024:.0f} KB, "
          f"{len(paragraphs)} paragraphs) | bare python-docx, same paragraphs {bare_:6.3f} s | "
          f"export/bare = {export / bare_:.2f}, per pair {paired:.2f} | the PDF pipeline "
          f"{pdf_seconds:6.3f} s, DOCX/PDF = {export / pdf_seconds:.3f}")


def download_figures(pk, render_seconds, by):
    from django.contrib.auth.models import User
    from django.test import Client

    from letters.models import ProgressLetter
    from letters.services import finalise, letter_approve, letter_submit

    # Submitted by its author and approved by someone else, as the services demand.
    approver = User.objects.create_superuser("bench-approver", "approver@example.nl", "pw")
    letter = letter_submit(letter=ProgressLetter.objects.get(pk=pk), by=by)
    letter = letter_approve(letter=letter, by=approver)
    finalise(letter, by=by)
    client = Client()
    client.force_login(by)
    url = f"/brieven/{pk}/pdf"
    timings = []
    for _run in range(max(REPEAT * 4, 20)):
        start = time.perf_counter()
        response = client.get(url)
        size = len(b"".join(response.streaming_content))
        timings.append(time.perf_counter() - start)
    served = statistics.median(timings)
    print(f"  (c) final letter download, served from storage: {served * 1000:.1f} ms for "
          f"{size / 1024:.0f} KB; rendering it: {render_seconds:.3f} s; download/render = "
          f"{served / render_seconds:.4f} (rendering is {render_seconds / served:.0f}× slower)")


def high_water_kb():
    """This process's peak RSS (VmHWM). Not ru_maxrss: Linux carries that over from the parent
    across fork and exec, so a child started by a big parent would report the parent's peak."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines()
                    if line.startswith("VmHWM:")))


def child(pk):
    """(d) In a process of its own: render one letter, report RSS before and after."""
    before = high_water_kb()
    _html, pdf = pipeline(pk)
    print(f"{before} {high_water_kb()} {pages_of(pdf)}")


def peak_rss(pk):
    result = subprocess.run([sys.executable, __file__, "--child", str(pk)], capture_output=True,
                            text=True, check=True, env=os.environ)
    before, peak, pages = (int(word) for word in result.stdout.split()[-3:])
    print(f"  (d) peak RSS rendering the {pages}-page letter in its own process: "
          f"{peak / 1024:.0f} MB (goal < 250 MB); the same process before rendering: "
          f"{before / 1024:.0f} MB")


def main():
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection

    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(int(sys.argv[2]))
        return
    call_command("migrate", verbosity=0)
    user = User.objects.create_superuser("bench", "bench@example.nl", "pw")
    print(f"== letter rendering benchmark on {connection.vendor} (median of {REPEAT} runs, "
          f"alternating)")
    print(describe())
    small = build_letter(by=user, dossier_number="90001", paragraphs=7, annex_rows=0, items=3)
    medium = build_letter(by=user, dossier_number="90002", paragraphs=30, annex_rows=100,
                          items=20)
    large = build_letter(by=user, dossier_number="90003", paragraphs=198, annex_rows=0, items=40)
    compare("~3 pages", small.pk, REPEAT)
    medium_seconds = compare("~15 pages, 100-row annex", medium.pk, REPEAT)
    large_seconds = compare("~50 pages", large.pk, max(3, REPEAT // 2 + 1))
    compare_tagged("~15 pages, 100-row annex", medium.pk, REPEAT)
    compare_tagged("~50 pages", large.pk, max(3, REPEAT // 2 + 1))
    compare_docx("~50 pages", large.pk, REPEAT, large_seconds)
    download_figures(medium.pk, medium_seconds, user)
    peak_rss(large.pk)
    print(f"load at the end {load()}")


if __name__ == "__main__":
    main()
