"""The letterhead is configuration (DESIGN.md "Letters"): the logo and fonts from settings, the
sender column from the Ministry and Directorate records; the renderer reads the configured files
and nothing else outside the static folders; a wrong configuration is a system check error."""

import datetime

import pytest

from letters.checks import letterhead_files
from letters.content import letter_content, sender_of
from letters.layout import render_letter_html, static_path
from register.history import save_with_history
from register.models import Directorate, Ministry


@pytest.fixture
def ministry(clerk):
    ministry = Ministry.objects.filter(abbreviation="VWS").first() or Ministry(abbreviation="VWS")
    ministry.name = "Ministerie van Volksgezondheid, Welzijn en Sport"
    ministry.visiting_address = "Parnassusplein 5\n2511 VX Den Haag"
    ministry.postal_address = "Postbus 20350, 2500 EJ Den Haag"  # typed on one line
    return save_with_history(ministry, by=clerk, reason="Adressen")


@pytest.fixture
def directorate(clerk, ministry):
    return save_with_history(Directorate(
        abbreviation="VGP", ministry=ministry, unit="Directoraat-generaal Volksgezondheid",
        name="Directie Voeding, Gezondheidsbescherming en Preventie",
        contact="T 070 340 79 11\nvgp@example.org"), by=clerk, reason="Contact")


def test_the_sender_column_comes_from_the_ministry_and_directorate_records(ministry, directorate):
    sender = sender_of(ministry, directorate)
    assert sender.visiting_lines == ("Parnassusplein 5", "2511 VX Den Haag")
    assert sender.postal_lines == ("Postbus 20350", "2500 EJ Den Haag")  # typed on one line
    assert (sender.unit, sender.directorate) == ("Directoraat-generaal Volksgezondheid",
                                                 "Directie Voeding, Gezondheidsbescherming en "
                                                 "Preventie")
    assert sender.contact_lines == ("T 070 340 79 11", "vgp@example.org")
    assert sender.website == "www.rijksoverheid.nl"


def test_a_letter_prints_the_sender_column_of_its_records(draft, ministry, directorate,
                                                           letter_writer):
    draft.ministry, draft.directorate = ministry, directorate
    save_with_history(draft, by=letter_writer, reason="Afzender")
    html = render_letter_html(letter_content(draft), for_pdf=True)
    for words in ("Bezoekadres", "Parnassusplein 5", "Postadres", "Postbus 20350",
                  "Directoraat-generaal Volksgezondheid", "Contact", "vgp@example.org",
                  "&gt; Retouradres Postbus 20350 2500 EJ Den Haag"):
        assert words in html, words
    ministry.postal_address = "Postbus 1\n2500 AA Den Haag"
    save_with_history(ministry, by=letter_writer, reason="Verhuisd")
    draft.refresh_from_db()
    assert "Postbus 1" in render_letter_html(letter_content(draft), for_pdf=True)


def test_the_demo_ships_a_neutral_mark_and_the_preview_shows_it_inline(draft):
    html = render_letter_html(letter_content(draft), for_pdf=False)
    assert '<div class="logo"><img src="data:image/svg+xml;base64,' in html
    pdf_html = render_letter_html(letter_content(draft), for_pdf=True)
    assert 'static/letters/placeholder-mark.svg"' in pdf_html


def test_the_renderer_reads_the_configured_files_and_no_other(settings, tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    secret = tmp_path / "secret.txt"
    secret.write_text("nee")
    settings.LETTERHEAD = {**settings.LETTERHEAD, "logo": logo}
    assert static_path(logo.as_uri()) == str(logo.resolve())
    with pytest.raises(ValueError, match="not a file in a static folder"):
        static_path(secret.as_uri())


@pytest.mark.parametrize(("change", "error"), [
    ({"logo": "/nergens/logo.svg"}, "letters.E001"),
    ({"logo": "static/css/app.css"}, "letters.E002"),
    ({"font_files": {"zwaar": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}}, "letters.E003"),
    ({"font_files": {"bold": "/nergens/Huisletter-Bold.ttf"}}, "letters.E004"),
])
def test_a_wrong_letterhead_configuration_is_a_system_check_error(settings, change, error):
    settings.LETTERHEAD = {**settings.LETTERHEAD, **change}
    assert [e.id for e in letterhead_files(None)] == [error]


def test_the_default_configuration_passes_the_checks():
    assert letterhead_files(None) == []


def test_the_signature_field_refuses_someone_not_in_office_on_the_letters_date(draft):
    from letters.forms import LetterForm

    person = draft.signatory
    office = person.offices.get()
    office.end = datetime.date(2022, 1, 9)
    office.save()
    data = {**{name: value for name, value in LetterForm(instance=draft).initial.items()
               if value is not None}, "date": "2026-06-01", "version": draft.version}
    form = LetterForm(data, instance=draft)
    assert not form.is_valid()
    assert "was op 1 juni 2026 geen bewindspersoon" in form.errors["signatory"][0]
