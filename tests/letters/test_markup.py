"""The letter markup: each construct, footnotes numbered through a letter, references linked, and
nothing typed ever becoming markup."""

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letters.markup import Footnotes, plain_text, render_inline, render_markup, tie
from register.references import BASE_URL, parse_references

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% now %}")


class _Tags(HTMLParser):
    """The tags and attributes of an HTML fragment, and its text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


ALLOWED = {
    "p": set(), "h3": set(), "ul": set(), "li": set(), "table": {"class"}, "caption": set(),
    "thead": set(), "tbody": set(), "tr": set(), "th": {"class"}, "td": {"class"},
    "span": {"class"}, "sup": {"class", "id"}, "a": {"class", "href", "title"},
}  # fmt: skip


def assert_only_our_markup(html):
    for tag, attrs in _Tags(html).tags:
        assert tag in ALLOWED, tag
        assert set(attrs) <= ALLOWED[tag], (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith((BASE_URL, "#voetnoot-")), href


def render(text, **options):
    notes = Footnotes(**options)
    return str(render_markup(text, notes)), notes


# --- Blocks ----------------------------------------------------------------------------------


def test_blank_lines_separate_paragraphs_and_single_newlines_are_spaces():
    html, _ = render("Eerste regel\ntweede regel.\n\n\nNieuwe alinea.")
    assert html == "<p>Eerste regel tweede regel.</p>\n<p>Nieuwe alinea.</p>"


def test_windows_line_ends_and_whitespace_only_lines_separate_paragraphs_too():
    html, _ = render("Een.\r\n  \r\nTwee.")
    assert html == "<p>Een.</p>\n<p>Twee.</p>"


def test_heading_line_is_a_sub_heading_even_without_blank_line():
    html, _ = render("### Uitgaansdrugs en corona\nDe coronacrisis heeft invloed.")
    assert html == "<h3>Uitgaansdrugs en corona</h3>\n<p>De coronacrisis heeft invloed.</p>"


def test_bullets_with_both_markers_and_continuation_lines():
    html, _ = render("- In 2019 werden in totaal\n6.629 incidenten geregistreerd.\n• Ook in 2019.")
    assert html == (
        "<ul><li>In 2019 werden in totaal 6.629 incidenten geregistreerd.</li>"
        "<li>Ook in 2019.</li></ul>"
    )


def test_lead_in_line_before_bullets_is_a_paragraph():
    html, _ = render("De belangrijkste bevindingen zijn:\n• een\n• twee")
    assert html == "<p>De belangrijkste bevindingen zijn:</p>\n<ul><li>een</li><li>twee</li></ul>"


def test_bullets_separated_by_blank_lines_are_one_list():
    html, _ = render("• een\n\n• twee\n\nTekst.")
    assert html == "<ul><li>een</li><li>twee</li></ul>\n<p>Tekst.</p>"


def test_a_hyphen_inside_a_line_is_no_bullet():
    html, _ = render("wet- en regelgeving\n-geen bullet")
    assert "<ul>" not in html


TABLE = """\
Tabel 1. Percentage uitgaanders die in die betreffende periode 1 of meer keer een
bepaald middel hebben gebruikt
| | Q2 2019 | Q3 2019 | Q2 2020 | Q3 2020
| MDMA | 39,7 | 42,0 | 26,7 | 28,0
| Lachgas | 20,7 | 20,7 | 9,6 | 10,3 |
"""


def test_table_with_caption_header_row_and_numeric_cells_right_aligned():
    html, _ = render(TABLE)
    assert html.startswith(
        '<table class="letter-table keep-together"><caption>Tabel 1. Percentage uitgaanders die in '
        'die '
        "betreffende periode 1 of meer keer een bepaald middel hebben gebruikt</caption>"
        '<thead><tr><th></th><th class="num">Q2 2019</th><th class="num">Q3 2019</th>'
        '<th class="num">Q2 2020</th><th class="num">Q3 2020</th></tr></thead><tbody>'
    )
    assert '<tr><td>MDMA</td><td class="num">39,7</td><td class="num">42,0</td>' in html
    # The closing bar of the last row starts no empty cell.
    assert html.count("<td") == 10


def test_text_before_a_caption_stays_a_paragraph():
    html, _ = render("Zie de tabel.\nTabel 2. Aantallen\n| Jaar | Aantal\n| 2019 | 6.629")
    assert html.startswith('<p>Zie de tabel.</p>\n<table class="letter-table keep-together">'
                           '<caption>Tabel 2.')
    assert '<td class="num">6.629</td>' in html


def test_table_without_caption_rule_row_and_ragged_rows():
    html, _ = render("| Middel | Aandeel\n|---|---:|\n| GHB | 21%\n| 4-FA")
    assert "<caption>" not in html and "---" not in html
    assert '<td class="num">21%</td>' in html
    assert "<tr><td>4-FA</td><td></td></tr>" in html


def test_header_of_a_text_column_stays_left_aligned():
    html, _ = render("| Middel | Toelichting | Aandeel\n| GHB | 21 | 21%\n| 4-FA | zie noot | 2%")
    assert '<th>Middel</th><th>Toelichting</th><th class="num">Aandeel</th>' in html


def test_numbers_inside_words_are_not_numeric_cells():
    html, _ = render("| a | b | c\n| 4-FA | Q2 2019 | <1%")
    assert "<td>4-FA</td><td>Q2 2019</td>" in html
    assert '<td class="num">&lt;1%</td>' in html


# --- Footnotes -------------------------------------------------------------------------------


def test_footnotes_are_numbered_through_all_bodies_of_a_letter():
    notes = Footnotes(inline=False)
    render_markup("Eerste.[^Kamerstuk 24 077, nr. 456] Tweede.[^Raadpleegbaar]", notes)
    html = str(render_markup("### Kop\n\nDerde[^www.rijballonvrij.nl].", notes))
    assert [number for number, _ in notes.notes] == [1, 2, 3]
    assert str(notes.notes[2][1]) == "www.rijballonvrij.nl"
    assert '<a href="#voetnoot-3">3</a></sup>.' in html


def test_inline_footnotes_carry_their_text_at_the_call_for_the_pdf():
    html, notes = render("Tekst.[^Raadpleegbaar via\nwww.tweedekamer.nl] Verder.")
    assert html == (
        '<p>Tekst.<span class="footnote">Raadpleegbaar via www.tweedekamer.nl</span> Verder.</p>'
    )
    assert notes.notes == [(1, "Raadpleegbaar via www.tweedekamer.nl")]


def test_footnotes_in_list_items_table_cells_and_headings_count_in_order():
    notes = Footnotes()
    render_markup("### Kop[^een]\n- punt[^twee]\n\n| a | b[^drie]\n| c | d[^vier]", notes)
    assert [str(html) for _, html in notes.notes] == ["een", "twee", "drie", "vier"]


def test_unclosed_or_empty_footnote_stays_text():
    html, notes = render("Open [^haakje en leeg [^] blijven tekst.")
    assert html == "<p>Open [^haakje en leeg [^] blijven tekst.</p>"
    assert notes.notes == []


# --- References ------------------------------------------------------------------------------


def test_reference_in_running_text_is_linked_without_its_parentheses():
    html, notes = render("plaatsgevonden (Kamerstuk 24 077, nr. 426). In november 2019")
    assert html == (
        '<p>plaatsgevonden (<a class="reference" '
        'href="https://zoek.officielebekendmakingen.nl/kst-24077-426" '
        'title="Kamerstuk 24 077, nr. 426">Kamerstuk\u00a024\u00a0077, nr.\u00a0426</a>). '
        'In november 2019</p>'
    )
    assert [r.ident for r in notes.references] == ["kst-24077-426"]


def test_reference_broken_over_lines_is_linked_whole():
    html, _ = render("(Kamerstuk\n24 077, nr. 457) 2019")
    assert ">Kamerstuk\u00a024\u00a0077, nr.\u00a0457</a>) 2019" in html


def test_references_in_footnotes_are_linked_and_collected_in_order():
    notes = Footnotes()
    html = str(
        render_markup(
            "(Handelingen II 2019/20, nr. 38, item 5) aangenomen.[^Kamerstuk 24 077 nr. 453] "
            "ontwikkelen.[^Aanhangsel Handelingen II 2019/20, nr. 243]",
            notes,
        )
    )
    assert [r.ident for r in notes.references] == [
        "h-tk-20192020-38-5",
        "kst-24077-453",
        "ah-tk-20192020-243",
    ]
    assert 'href="https://zoek.officielebekendmakingen.nl/ah-tk-20192020-243"' in html
    assert '<span class="footnote"><a class="reference"' in html


def test_each_number_of_a_multiple_citation_links_its_own_paper():
    html, notes = render("Kamerstukken 24 077, nrs. 450, 453 en 457.")
    links = [attrs["href"] for tag, attrs in _Tags(html).tags if tag == "a"]
    assert links == [BASE_URL + "kst-24077-450", BASE_URL + "kst-24077-453",
                     BASE_URL + "kst-24077-457"]  # fmt: skip
    assert "".join(_Tags(html).text) == "Kamerstukken\u00a024\u00a0077, nrs.\u00a0450, 453 en 457."
    assert len(notes.references) == 3


def test_annex_citation_and_eerste_kamer_letter():
    _, notes = render("(Bijlage bij Kamerstuk 29 248, nr. 323); Kamerstukken I 2020/21, 35 570, A")
    assert [r.ident for r in notes.references] == ["kst-29248-323", "kst-35570-A"]


def test_links_can_be_switched_off_while_references_are_still_collected():
    html, notes = render("(Kamerstuk 24 077, nr. 450)", links=False)
    assert "<a" not in html
    assert [r.ident for r in notes.references] == ["kst-24077-450"]


def test_a_bare_number_or_plain_url_is_no_link():
    html, notes = render(
        "Nummer 24 077, nr. 450; www.rijballonvrij.nl en "
        "https://www.trimbos.nl/kennis/ijslands-preventie-model"
    )
    assert "<a" not in html and notes.references == []
    assert "https://www.trimbos.nl/kennis/ijslands-preventie-model" in html


def test_references_collected_are_those_of_the_parser():
    text = (
        "(Kamerstuk 24 077, nr. 450), 7 november (Kamerstuk\n24 077, nr. 457) 2019[^Kamerstuk "
        "24 077, nr. 456] (Handelingen II 2020/21, nr. 30, debat over de Begroting)"
    )
    _, notes = render(text)
    assert notes.references == parse_references(text.replace("[^", " ").replace("]", " "))


# --- Nothing typed becomes markup ------------------------------------------------------------


def test_payloads_in_text_footnotes_cells_and_headings_are_escaped():
    for payload in PAYLOADS:
        text = (
            f"### Kop {payload}\n\nTekst {payload}.[^Noot {payload}]\n\n- punt {payload}\n\n"
            f"Tabel 1. {payload}\n| {payload} | 1\n| {payload} | 2"
        )
        for inline in (True, False):
            html, notes = render(text, inline=inline)
            assert_only_our_markup(html)
            assert "<script" not in html and "<img" not in html
            assert "".join(_Tags(html).text).count(payload) == 7 - (not inline)
            assert payload in plain_text(text)


def test_template_syntax_stays_literal():
    html, _ = render("{{ 7*7 }} en {% now 'Y' %}")
    assert html == "<p>{{ 7*7 }} en {% now &#x27;Y&#x27; %}</p>"


def test_markup_like_text_cannot_make_links_or_images():
    html, _ = render(
        '[link](javascript:alert(1)) ![img](http://127.0.0.1:8000/x) <a href="https://x">x</a> '
        'Kamerstuk 24 077, nr. 450"><img src=x>'
    )
    assert_only_our_markup(html)
    assert html.count("<a ") == 1


TRICKY = st.sampled_from("ab <>&\"'[]^|#-•{}%/\n:0123456789Kamerstuk,. ")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=200))
def test_any_text_renders_only_our_markup(text):
    html, _ = render(text)
    assert_only_our_markup(html)
    inline = render_inline(text, Footnotes(inline=False))
    assert_only_our_markup(str(inline))


# --- Plain text ------------------------------------------------------------------------------


def test_plain_text_strips_the_marks():
    text = "### Kop\nTekst\nmet noot.[^Kamerstuk 24 077, nr. 456]\n\n- een\n• twee\n\n" + TABLE
    assert plain_text(text) == (
        "Kop\n\nTekst met noot. (Kamerstuk 24 077, nr. 456)\n\neen\ntwee\n\n"
        "Tabel 1. Percentage uitgaanders die in die betreffende periode 1 of meer keer een "
        "bepaald middel hebben gebruikt\n | Q2 2019 | Q3 2019 | Q2 2020 | Q3 2020\n"
        "MDMA | 39,7 | 42,0 | 26,7 | 28,0\nLachgas | 20,7 | 20,7 | 9,6 | 10,3"
    )


def test_empty_text_renders_nothing():
    assert render_markup("", Footnotes()) == ""
    assert render_markup("\n \n", Footnotes()) == ""
    assert plain_text("") == ""


@pytest.mark.parametrize(("typed", "printed"), [
    ("Kamerstuk 24 077, nr. 453", "Kamerstuk\u00a024\u00a0077, nr.\u00a0453"),
    ("op 26 november 2020", "op 26\u00a0november 2020"),
    ("Kamerstukken II 2020/21, 35 570 XVI, nr. 12",
     "Kamerstukken\u00a0II 2020/21, 35\u00a0570 XVI, nr.\u00a012"),
    ("Handelingen II 2019/20, nr. 38, item 5",
     "Handelingen\u00a0II 2019/20, nr.\u00a038, item\u00a05"),
    ("nrs. 450 en 457", "nrs.\u00a0450 en 457"),
    ("in 2020 123 mensen, 1 juli", "in 2020 123 mensen, 1\u00a0juli"),
])
def test_words_that_must_not_break_are_tied_with_no_break_spaces(typed, printed):
    assert tie(typed) == printed
    html, _ = render(typed, links=False)
    assert html == f"<p>{printed}</p>"
