"""Letters: the Kamerbrief's HTML and PDF, the fetcher that serves only static files, and the
reference letter typed in the markup (register.demo_letter).

PDF pages are read with pdftotext (poppler-utils), one page at a time with -layout, so that a
footnote is checked to stand on the page of its call.
"""

import datetime
import http.server
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from register import demo_letter
from register.letter_layout import (
    EERSTE_KAMER,
    TWEEDE_KAMER,
    Annex,
    AnnexRow,
    LetterContent,
    RappelRow,
    Section,
    cited_references,
    dutch_date,
    html_to_pdf,
    letter_context,
    render_letter_body,
    render_letter_html,
    render_letter_pdf,
    static_url_fetcher,
)
from register.markup import plain_text
from register.references import parse_references

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}")


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, read with `pdftotext -f N -l N -layout`."""
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        for n in range(1, count + 1)
    ]  # fmt: skip


def squeezed(text: str) -> str:
    """Text without whitespace, so a string wrapped over lines is still found."""
    return re.sub(r"\s+", "", text)


def page_of(pages: list[str], pattern: str) -> list[int]:
    """The (1-based) pages on which `pattern` occurs."""
    return [n for n, page in enumerate(pages, 1) if re.search(pattern, page, re.M)]


def letter(**fields) -> LetterContent:
    defaults = {
        "kenmerk": "1781234-213567-VGP",
        "date": datetime.date(2020, 12, 18),
        "subject": "Voortgangsbrief drugsbeleid",
        "signatory_office": demo_letter.SIGNATORY_OFFICE,
        "signatory_name": demo_letter.SIGNATORY_NAME,
    }
    return LetterContent(**{**defaults, **fields})


@pytest.fixture(scope="module")
def module_tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("letters")


# --- Content ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (datetime.date(2020, 12, 18), "18 december 2020"),
        (datetime.date(2021, 3, 1), "1 maart 2021"),
        (datetime.date(2021, 5, 31), "31 mei 2021"),
    ],
)
def test_dates_are_written_in_dutch_whatever_the_locale(day, words):
    assert dutch_date(day) == words


def test_progress_letter_goes_to_the_tweede_kamer_and_a_rappel_answer_to_the_eerste_kamer():
    assert letter().addressee == TWEEDE_KAMER
    assert letter(kind="rappel").addressee == EERSTE_KAMER
    assert letter(kind="rappel", addressee=("Elders",)).addressee == ("Elders",)


def test_unknown_kind_of_letter_is_refused():
    with pytest.raises(ValueError, match="kind"):
        letter(kind="memo")


# --- HTML ------------------------------------------------------------------------------------


def test_preview_has_the_kamerbrief_blocks_in_order():
    html = render_letter_html(demo_letter.demo_content(), for_pdf=False)
    order = [
        "Ministerie van Volksgezondheid, Welzijn en Sport",
        "Postbus 20350",
        "www.rijksoverheid.nl",
        "Kenmerk",
        "1781234-213567-VGP",
        "Uw brief",
        "Bijlage(n)",
        "Correspondentie uitsluitend richten aan het retouradres met vermelding van de datum en "
        "het kenmerk van deze brief.",
        "De Voorzitter van de Tweede Kamer<br>der Staten-Generaal<br>Postbus 20018<br>"
        "2500 EA DEN HAAG",
        "Datum",
        "18 december 2020",
        "Betreft",
        "Voortgangsbrief drugsbeleid",
        "Geachte voorzitter,",
        "<h2>Situatie tijdens de coronacrisis</h2>",
        "<h3>Uitgaansdrugs en corona</h3>",
        "<caption>Tabel 1.",
        "<h2>Afsluiting</h2>",
        "De Staatssecretaris van Volksgezondheid, Welzijn en Sport,",
        "P. Blokhuis",
        'id="voetnoot-16"',
    ]
    position = html.index('<header class="letterhead">')
    for text in order:
        position = html.index(text, position)  # each after the one before
    assert html.count('href="https://zoek.officielebekendmakingen.nl/') == len(
        cited_references(demo_letter.demo_content())
    )
    assert '<link rel="stylesheet" href="/static/letters/letter.css">' in html


def test_preview_lists_the_footnotes_and_the_pdf_source_floats_them():
    content = letter(opening="Tekst.[^Kamerstuk 24 077, nr. 456]", closing="Slot.[^Noot twee]")
    preview = render_letter_html(content, for_pdf=False)
    call = '<sup class="footnote-ref" id="voetnootref-2"><a href="#voetnoot-2">2</a></sup>'
    assert call in preview
    assert '<li id="voetnoot-2" value="2">Noot twee' in preview
    source = render_letter_html(content, for_pdf=True)
    assert '<span class="footnote">Noot twee</span>' in source
    assert "voetnoot-" not in source
    assert '<link rel="stylesheet" href="letters/letter.css">' in source


def test_references_are_links_unless_switched_off():
    content = letter(opening="(Kamerstuk 24 077, nr. 450)")
    assert "kst-24077-450" in render_letter_html(content, for_pdf=False)
    assert "kst-24077-450" not in render_letter_html(content, for_pdf=False, preview_links=False)


def test_the_body_fragment_embeds_in_the_apps_layout():
    content = demo_letter.demo_content()
    fragment = str(render_letter_body(content))
    assert fragment.lstrip().startswith('<article class="kamerbrief')
    assert "<html" not in fragment
    request = RequestFactory().get("/brieven/1/")
    request.user = AnonymousUser()
    page = render_to_string("letters/preview.html", letter_context(content), request=request)
    assert "/static/css/app.css" in page and "/static/letters/letter.css" in page
    assert page.count('<article class="kamerbrief') == 1
    assert "<title>Voortgangsbrief drugsbeleid · Kamerregister</title>" in page


def test_rappel_answer_has_a_table_per_commitment():
    content = letter(
        kind="rappel",
        rappel_rows=(
            RappelRow(number="T02780", text="Lachgas op lijst II (Kamerstuk 24 077, nr. 465)",
                      status="Deels voldaan", explanation="Consultatie\n\n- toetsen lopen",
                      expected="voorjaar 2021"),
            RappelRow(number="T02781", text="NPS", status="Openstaand"),
        ),
    )  # fmt: skip
    html = render_letter_html(content, for_pdf=False)
    assert html.count('<table class="rappel-item">') == 2
    assert "De Voorzitter van de Eerste Kamer der Staten-Generaal<br>Postbus 20017" in html
    assert "<ul><li>toetsen lopen</li></ul>" in html
    assert [r.ident for r in cited_references(content)] == ["kst-24077-465"]


def test_payloads_everywhere_are_text_in_html():
    for payload in PAYLOADS:
        html = render_letter_html(hostile_letter(payload), for_pdf=False)
        assert "<script" not in html and "<img" not in html
        assert "49" not in html
        assert html.count("&lt;script&gt;" if "script" in payload else payload[:2]) >= 1


def hostile_letter(payload: str) -> LetterContent:
    return letter(
        kenmerk=f"K {payload}",
        subject=f"Betreft {payload}",
        uw_brief=payload,
        bijlagen=payload,
        salutation=f"Geachte {payload},",
        opening=f"Opening {payload}.[^Voetnoot {payload}]",
        sections=(
            Section(f"Titel {payload}", f"### Kop {payload}\n\nTabel 1. {payload}\n| a | b\n"
                                        f"| cel {payload} | 1"),
        ),
        closing=f"Slot {payload}",
        signatory_office=f"Ambt {payload}",
        signatory_name=f"Naam {payload}",
        rappel_rows=(RappelRow(number=payload, text=payload, status=payload),),
        annex=Annex(title=f"Bijlage {payload}", rows=(
            AnnexRow(number="1", text=payload, bewindspersoon=payload, deadline=payload,
                     status=payload),
        )),
    )  # fmt: skip


def test_payloads_everywhere_are_text_in_the_pdf(tmp_path):
    for payload in PAYLOADS:
        pages = pdf_pages(render_letter_pdf(hostile_letter(payload)), tmp_path)
        text = squeezed("".join(pages))
        for label in ("Betreft", "Opening", "Voetnoot", "Titel", "Kop", "Tabel1.", "cel", "Slot",
                      "Ambt", "Naam", "Bijlage"):  # fmt: skip
            assert squeezed(label + payload) in text, (label, payload)
        assert "49" not in text


# --- Only static files are fetched -----------------------------------------------------------


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b'body::after { content: "OPGEHAALD" }')

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    """A web server on 127.0.0.1 that counts the requests it gets."""
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    _CountingHandler.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], _CountingHandler.requests
    server.shutdown()
    server.server_close()


@pytest.fixture
def static_copy(tmp_path, settings):
    """A copy of the static folder to play with, with a secret file next to it (outside)."""
    root = tmp_path / "static"
    shutil.copytree(Path(django_settings.BASE_DIR) / "static" / "letters", root / "letters")
    (tmp_path / "geheim.css").write_text('body::after { content: "GEHEIMSTUK" }')
    (root / "letters" / "toegestaan.css").write_text('body::after { content: "TOEGESTAAN" }')
    settings.STATICFILES_DIRS = [root]
    return root


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/x",
        "http://localhost:8000/static/letters/letter.css",
        "https://www.rijksoverheid.nl/",
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "data:text/css,body{color:red}",
        "ftp://127.0.0.1/x",
    ],
)
def test_fetcher_refuses_anything_but_static_files(url):
    with pytest.raises(ValueError, match="Refused"):
        static_url_fetcher(url)


def test_fetcher_serves_the_letter_stylesheet():
    css = Path(django_settings.BASE_DIR) / "static" / "letters" / "letter.css"
    response = static_url_fetcher(css.as_uri())
    assert response.read() == css.read_bytes()
    assert response.content_type == "text/css"


def test_fetcher_refuses_dot_dot_and_symlinks_out_of_the_static_folder(static_copy):
    (static_copy / "letters" / "link.css").symlink_to(static_copy.parent / "geheim.css")
    (static_copy / "uit").symlink_to(static_copy.parent, target_is_directory=True)
    for url in (
        (static_copy / "letters" / "link.css").as_uri(),
        (static_copy / "uit" / "geheim.css").as_uri(),
        static_copy.as_uri() + "/letters/../../geheim.css",
        static_copy.as_uri() + "/letters/%2e%2e/%2e%2e/geheim.css",
        static_copy.as_uri() + "/letters/",
    ):
        with pytest.raises(ValueError, match="Refused"):
            static_url_fetcher(url)
    assert static_url_fetcher((static_copy / "letters" / "toegestaan.css").as_uri()).read()


def test_refused_resources_do_not_stop_the_render(static_copy, local_server, tmp_path):
    port, requests = local_server
    (static_copy / "letters" / "link.css").symlink_to(static_copy.parent / "geheim.css")
    html = f"""<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="letters/letter.css">
      <link rel="stylesheet" href="letters/toegestaan.css">
      <link rel="stylesheet" href="letters/link.css">
      <link rel="stylesheet" href="../geheim.css">
      <link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">
      <style>@import url("http://localhost:{port}/y.css");
        body {{ background: url("http://127.0.0.1:{port}/bg.png") }}</style>
      </head><body><p>De brief wordt toch gemaakt.</p>
      <img src="http://127.0.0.1:{port}/x.png" alt="">
      <img src="file:///etc/passwd" alt=""><img src="../../../../etc/passwd" alt="">
      <img src="data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22"
        alt=""></body></html>"""
    pdf = html_to_pdf(html)
    assert pdf.startswith(b"%PDF")
    text = "".join(pdf_pages(pdf, tmp_path))
    assert "De brief wordt toch gemaakt." in text
    assert "TOEGESTAAN" in text  # static files are served...
    assert "GEHEIMSTUK" not in text and "OPGEHAALD" not in text  # ...and nothing else
    assert requests == []


# --- PDF layout ------------------------------------------------------------------------------


def _code(n: int) -> str:
    """A word without digits for footnote n ("ab", "ac", ...), so its call number stands out."""
    return "ab"[n % 2] + "abcdefghijklmnopqrstuvwxyz"[n // 2 % 26] + "xyz"[n // 52]


def long_letter() -> tuple[LetterContent, int]:
    filler = (
        "Dit is een alinea van een lange brief die de pagina vult met gewone lopende tekst over de "
        "voortgang van het beleid en de toezeggingen aan uw Kamer. "
    )
    sections, n = [], 0
    for s in range(6):
        paragraphs = []
        for _ in range(6):
            n += 1
            paragraphs.append(f"{filler * 2}Kenwoord{_code(n)}[^Voetnoot {_code(n)} bij de tekst, "
                              f"zie Kamerstuk 24 077, nr. {400 + n}] {filler}")  # fmt: skip
        body = "\n\n".join(paragraphs)
        if s == 2:
            rows = "\n".join(f"| Rij {i:02d} | {i},5 | {i * 3},0" for i in range(1, 61))
            body += f"\n\nTabel 1. Een lange tabel\n| Kolomkop Alfa | Kolomkop Beta | Gamma\n{rows}"
        sections.append(Section(f"Sectie {s + 1}", body))
    annex_rows = tuple(
        AnnexRow(number=f"{i}", text=f"Toezegging {i} met een wat langere omschrijving van wat er "
                 "is toegezegd", bewindspersoon="P. Blokhuis", deadline="voorjaar 2021",
                 status="Openstaand")
        for i in range(1, 41)
    )  # fmt: skip
    return letter(
        opening="Hierbij informeer ik u.",
        sections=tuple(sections),
        closing="Tot zover.",
        annex=Annex(title="Overzicht", rows=annex_rows),
    ), n


@pytest.fixture(scope="module")
def long_pdf(module_tmp):
    content, notes = long_letter()
    return pdf_pages(render_letter_pdf(content), module_tmp), notes


def test_each_footnote_is_on_the_page_of_its_call(long_pdf):
    pages, notes = long_pdf
    assert notes == 36
    for n in range(1, notes + 1):
        call = page_of(pages, rf"Kenwoord{_code(n)}{n}(?![0-9])")
        note = page_of(pages, rf"^\s*{n}\s+Voetnoot {_code(n)} bij de tekst")
        assert len(call) == 1 and call == note, (n, call, note)


def test_every_page_says_pagina_x_van_y_and_the_kenmerk(long_pdf):
    pages, _ = long_pdf
    assert len(pages) >= 8
    for n, page in enumerate(pages, 1):
        assert f"Pagina {n} van {len(pages)}" in page
        assert "1781234-213567-VGP" in page


def test_first_page_has_sender_address_date_and_subject(long_pdf):
    pages, _ = long_pdf
    first = pages[0]
    for text in ("De Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018",
                 "2500 EA DEN HAAG", "Ministerie van Volksgezondheid,", "Postbus 20350",
                 "Kenmerk", "Uw brief", "Bijlage(n)", "Correspondentie uitsluitend richten aan",
                 "Geachte voorzitter,"):  # fmt: skip
        assert text in first, text
    assert re.search(r"Datum\s+18 december 2020", first)
    assert re.search(r"Betreft\s+Voortgangsbrief drugsbeleid", first)
    assert all("Postbus 20018" not in page for page in pages[1:])


def test_table_header_row_repeats_when_the_table_crosses_a_page(long_pdf):
    pages, _ = long_pdf
    with_rows = page_of(pages, r"^\s*Rij \d\d\s")
    assert len(with_rows) >= 2
    for n in with_rows:
        assert re.search(r"Kolomkop Alfa\s+Kolomkop Beta\s+Gamma", pages[n - 1]), n
    assert page_of(pages, r"Tabel 1\. Een lange tabel") == with_rows[:1]


def test_annex_starts_on_its_own_page_and_repeats_its_header(long_pdf):
    pages, _ = long_pdf
    signed = page_of(pages, r"^\s*P\. Blokhuis\s*$")
    annex = page_of(pages, r"Toezegging \d+ met")
    assert signed and annex and annex[0] == signed[-1] + 1
    assert len(annex) >= 2
    for n in annex:
        assert re.search(r"Nr\.\s+Omschrijving\s+Bewindspersoon\s+Termijn\s+Status", pages[n - 1])
    assert "Bijlage" in pages[annex[0] - 1]


# --- The reference letter --------------------------------------------------------------------

FOOTNOTES = [
    # (the words just before the call, the footnote's text)
    ("19 december 2019", "Kamerstuk 24 077, nr. 456"),
    ("als bijlage bij deze brief", "Raadpleegbaar via www.tweedekamer.nl"),
    ("rapporteert deze jaarlijks", "Raadpleegbaar via www.tweedekamer.nl"),
    ("onderzoek en preventie.", "Kamerstuk 24 077 nr. 426"),
    ("dit jaar is uitgevoerd", "Raadpleegbaar via www.tweedekamer.nl"),
    ("bijgaande factsheet", "Raadpleegbaar via www.tweedekamer.nl"),
    ("treft u bijgaand aan", "Raadpleegbaar via www.tweedekamer.nl"),
    ("Drugspreventiebrief van april 2019", "Kamerstuk 24 077, nr. 426"),
    ("niet-westerse migratieachtergrond", "Raadpleegbaar via www.tweedekamer.nl"),
    ("gevolgen van lachgas op.", "CAM, Risicobeoordeling lachgas (2019)"),
    ("naar acties» geactualiseerd", "Raadpleegbaar via www.tweedekamer.nl"),
    ("in het verkeer te ontwikkelen.", "Aanhangsel Handelingen II 2019/20, nr. 243"),
    ("De campagne is 19 november gestart.", "www.rijballonvrij.nl"),
    ("opengestaan voor internetconsultatie.", "Kamerstuk 24 077, nr. 465"),
    ("drugsvrije schoolpleinen aangenomen.", "Kamerstuk 24 077 nr. 453"),
    ("spreekt me zeer aan.", "https://www.trimbos.nl/kennis/ijslands-preventie-model"),
]
SECTION_TITLES = [
    "Situatie tijdens de coronacrisis",
    "Onderzoeken en monitors",
    "Wetsvoorstel verbod groepen NPS (nieuwe psychoactieve stoffen)",
    "Motie drugsvrije schoolpleinen",
    "Platform tegengaan stijging drugsgebruik",
    "LADIS",
    "Afsluiting",
]
SUB_HEADINGS = [
    "Uitgaansdrugs en corona",
    "Harm reduction en verslavingszorg",
    "Monitor Drugs Incidenten 2019",
    "Verkennend onderzoek naar gebruikers van cocaïne in Nederland",
    "EXPLORE-onderzoek naar middelengebruik onder scholieren in het praktijkonderwijs en "
    "voorgezet onderwijs",
    "Inzet van ervaringsdeskundigen",
    "Persona onderzoek",
    "Lachgas",
]


def demo_text() -> str:
    return "\n\n".join([demo_letter.OPENING] + [body for _, body in demo_letter.SECTIONS])


def test_demo_letter_has_the_reference_letters_structure():
    assert [title for title, _ in demo_letter.SECTIONS] == SECTION_TITLES
    headings = re.findall(r"^### (.+)$", demo_text(), re.M)
    assert headings == SUB_HEADINGS
    assert datetime.date(2020, 12, 18) == demo_letter.DATE
    assert demo_letter.SUBJECT == "Voortgangsbrief drugsbeleid"
    assert demo_letter.SIGNATORY_NAME == "P. Blokhuis"


def test_demo_letter_footnotes_stand_at_their_calls():
    calls = re.findall(r"(\S+(?:\s+\S+){0,5}?)\[\^([^\]]+)\]", demo_text())
    texts = [re.sub(r"\s+", " ", note) for _, note in calls]
    assert texts == [note for _, note in FOOTNOTES]
    flat = re.sub(r"\s+", " ", demo_text())
    for before, note in FOOTNOTES:
        assert f"{before}[^{note}]" in flat, before


def test_demo_letter_is_dehyphenated_but_keeps_real_hyphens():
    text = plain_text(demo_text())
    for word in ("coronamonitors", "samenwerking", "psychedelica", "gezondheidsincidenten",
                 "corona-crisis", "Trimbos-instituut", "EHBO-posten", "niet-westerse"):  # fmt: skip
        assert word in text, word
    # A hyphen before a space is a shared part ("alcohol- en drugsgebruik"), never a split word.
    assert set(re.findall(r"\w- (\w+)", text)) == {"en"}


def test_demo_letter_table_1():
    table = demo_letter.CORONACRISIS[demo_letter.CORONACRISIS.index("Tabel 1.") :]
    assert "| | Q2 2019 | Q3 2019 | Q2 2020 | Q3 2020\n" in table
    assert "| MDMA | 39,7 | 42,0 | 26,7 | 28,0\n" in table
    assert "| Amfetamine | 15,9 | 19,8 | 9,6 | 12,1\n| Lachgas | 20,7 | 20,7 | 9,6 | 10,3" in table


def test_demo_letter_cites_the_papers_of_the_reference_letter():
    idents = [r.ident for r in cited_references(demo_letter.demo_content())]
    assert idents == [
        "kst-24077-450", "kst-24077-457", "kst-24077-456", "kst-24077-453", "kst-24077-426",
        "kst-29248-323", "kst-24077-426", "ah-tk-20192020-243", "h-tk-20202021-30",
        "kst-24077-465", "h-tk-20192020-38-5", "kst-24077-453", "kst-24077-426",
    ]  # fmt: skip
    assert idents == [r.ident for r in parse_references(plain_text(demo_text()))]


@pytest.fixture(scope="module")
def demo_pdf(module_tmp):
    content = demo_letter.demo_content(annex=demo_letter.DEMO_ANNEX)
    return pdf_pages(render_letter_pdf(content), module_tmp)


def test_demo_letter_pdf_has_every_footnote_on_the_page_of_its_call(demo_pdf):
    pages = demo_pdf
    for n, (before, note) in enumerate(FOOTNOTES, 1):
        last_word = re.escape(before.split()[-1])
        call = page_of(pages, rf"{last_word}{n}(?![0-9])")
        foot = page_of(pages, rf"^\s*{n}\s+{re.escape(note)}")
        assert len(call) == 1 and call == foot, (n, call, foot)


def test_demo_letter_pdf_has_sections_table_and_page_numbers(demo_pdf):
    pages = demo_pdf
    text = "".join(pages)
    for title in SECTION_TITLES + SUB_HEADINGS[:4]:
        assert squeezed(title) in squeezed(text), title
    assert re.search(r"Tabel 1\. Percentage uitgaanders", text)
    (table_page,) = page_of(pages, r"Q2 2019\s+Q3 2019\s+Q2 2020\s+Q3 2020")
    assert re.search(r"MDMA\s+39,7\s+42,0\s+26,7\s+28,0", pages[table_page - 1])
    assert re.search(r"Lachgas\s+20,7\s+20,7\s+9,6\s+10,3", pages[table_page - 1])
    for n, page in enumerate(pages, 1):
        assert f"Pagina {n} van {len(pages)}" in page
    assert "De Voorzitter van de Tweede Kamer" in pages[0]
    assert page_of(pages, r"^\s*P\. Blokhuis\s*$") == [len(pages) - 1]
