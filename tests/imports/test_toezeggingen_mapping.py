"""import_tk_toezeggingen: every field of the Kamer's Toezegging records lands where it belongs."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment, Status
from register.history import ChangeSource
from register.models import Document, Ministry, Person
from tests import factories
from tests.history_audit import history_audit
from tests.imports.helpers import record, run, write


def aware(text):
    return datetime.datetime.fromisoformat(text)


@pytest.fixture
def imported(clerk, pages):
    with history_audit():
        output = run("import_tk_toezeggingen", *pages)
    return output, {c.tk_number: c for c in Commitment.objects.select_related(
        "bewindspersoon", "ministry", "delivered_by__dossier")}


def test_both_page_files_are_imported_and_the_deleted_record_is_not(imported):
    output, commitments = imported
    assert sorted(commitments) == ["TZ202410-201", "TZ202410-202", "TZ202411-045",
                                   "TZ202412-116", "TZ202412-117", "TZ202412-118",
                                   "TZ202412-119", "TZ202412-120"]
    assert "2 bestand(en), 9 records" in output
    assert "nieuw: 8" in output
    assert "verwijderd bij de Kamer en niet bij ons, overgeslagen: 1" in output


def test_an_open_record_maps_every_field(imported):
    commitment = imported[1]["TZ202412-116"]
    assert commitment.tk_id == "5f3c0e3a-7d1b-4a8e-9c62-0b1f7e2d4a11"
    assert commitment.text.startswith("De minister stuurt de Kamer in maart 2025 een brief")
    assert commitment.title == ("De minister stuurt de Kamer in maart 2025 een brief over de "
                                "voortgang van de aanpak van varend ontgassen")
    assert commitment.made_on == datetime.date(2024, 12, 10)
    assert (commitment.status, commitment.tk_status) == (Status.OPEN, "Openstaand")
    assert commitment.status_source == ChangeSource.IMPORT
    assert commitment.tk_activity_number == "2024A05766"
    assert commitment.tk_notes == ""
    assert commitment.tk_modified == aware("2024-12-12T09:14:03.127+01:00")
    assert commitment.delivered_on is None and commitment.delivered_by is None
    assert (commitment.deadline_text, commitment.deadline_start, commitment.deadline_end) == (
        "in maart 2025", datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    assert commitment.number == "TZ-IenW-2024-001"


def test_the_bewindspersoon_is_created_with_the_office_and_ministry(imported):
    commitment = imported[1]["TZ202412-116"]
    person = commitment.bewindspersoon
    assert (person.surname, person.initials, person.first_name, person.prefix) == (
        "Madlener", "B.", "Barry", "")
    office = person.offices.get()
    assert office.title == "Minister van Infrastructuur en Waterstaat"
    assert office.ministry == commitment.ministry
    assert (commitment.ministry.abbreviation, commitment.ministry.name) == (
        "IenW", "Ministerie van Infrastructuur en Waterstaat")
    # The second record of the same person reuses both.
    assert imported[1]["TZ202412-120"].bewindspersoon == person
    assert Person.objects.filter(surname="Madlener").count() == 1


def test_tussenvoegsel_and_name_from_naam_only(imported):
    hijum = imported[1]["TZ202411-045"].bewindspersoon
    assert (hijum.prefix, hijum.surname, hijum.full_name) == ("van", "Hijum", "Eddy van Hijum")
    keijzer = imported[1]["TZ202412-119"].bewindspersoon
    assert (keijzer.surname, keijzer.initials) == ("Keijzer", "M.C.G.")


def test_ministry_from_functie_when_ministerie_is_empty(imported):
    ministry = imported[1]["TZ202412-119"].ministry
    assert (ministry.abbreviation, ministry.name) == (
        "VRO", "Ministerie van Volkshuisvesting en Ruimtelijke Ordening")


def test_existing_people_and_ministries_are_matched_not_duplicated(clerk, pages, tmp_path):
    vws = factories.ministry("VWS")
    vws.name = "Ministerie van Volksgezondheid, Welzijn en Sport"
    vws.save()
    karremans = Person.objects.create(surname="Karremans", initials="V.P.G.")
    other = Person.objects.create(surname="Karremans", initials="A.")
    run("import_tk_toezeggingen", *pages)
    commitment = Commitment.objects.get(tk_number="TZ202412-117")
    assert commitment.bewindspersoon == karremans
    assert commitment.ministry == vws
    assert not other.commitments_made.exists()
    assert Ministry.objects.filter(name__icontains="Volksgezondheid").count() == 1


@pytest.mark.parametrize("number, status, word", [
    ("TZ202412-116", Status.OPEN, "Openstaand"),
    ("TZ202412-117", Status.DONE, "Afgedaan"),
    ("TZ202412-118", Status.PARTLY_DONE, "Deels Afgedaan"),
    ("TZ202411-045", Status.LAPSED, "Vervallen"),
    ("TZ202410-201", Status.DONE, "Voldaan"),
    ("TZ202410-202", Status.PARTLY_DONE, "Deels Voldaan"),
    ("TZ202412-119", Status.OPEN, ""),
])
def test_status_words_of_both_vocabularies_are_mapped_and_kept_verbatim(imported, number, status,
                                                                      word):
    commitment = imported[1][number]
    assert (commitment.status, commitment.tk_status) == (status, word)


def test_an_empty_status_is_open_with_a_warning(imported):
    output, _ = imported
    assert ("toezeggingen-page1.json, record 4 (TZ202412-119), veld Status: leeg; een nieuwe "
            "toezegging wordt Openstaand") in output


def test_afgedaan_with_an_expanded_kamerbrief_links_the_kamerstuk(imported):
    commitment = imported[1]["TZ202412-117"]
    assert commitment.delivered_on == datetime.date(2025, 2, 14)
    letter = commitment.delivered_by
    assert (letter.ident, letter.kind, letter.dossier.number, letter.number, letter.year) == (
        "kst-32793-789", "brief", "32793", "789", "2024/25")
    assert letter.title == "Onderzoek naar lachgasgebruik onder jongeren"
    assert letter.date == datetime.date(2025, 2, 14)
    assert letter.url == "https://zoek.officielebekendmakingen.nl/kst-32793-789"
    assert letter.history.get().change_source == ChangeSource.IMPORT
    assert commitment.tk_notes == "Afgedaan met de brief van 14 februari 2025."


def test_a_kamerbrief_as_plain_text_is_parsed_as_a_reference(imported):
    commitment = imported[1]["TZ202412-118"]
    assert commitment.delivered_by.ident == "kst-24077-530"
    assert commitment.delivered_on == datetime.date(2025, 3, 3)


def test_a_kamerbrief_known_only_by_documentnummer_is_keyed_by_kenmerk(imported):
    letter = imported[1]["TZ202410-201"].delivered_by
    assert (letter.kind, letter.kenmerk, letter.ident) == ("brief", "2024D40123",
                                                          "brief-2024D40123")


def test_afgedaan_without_letter_or_date_uses_the_date_the_kamer_changed_it(imported):
    output, commitments = imported
    commitment = commitments["TZ202412-120"]
    assert commitment.status == Status.DONE
    assert commitment.delivered_by is None
    assert commitment.delivered_on == datetime.date(2025, 1, 8)
    assert "veld DatumNakoming: Afgedaan zonder DatumNakoming" in output


def test_an_existing_document_is_reused(clerk, pages):
    existing = factories.document("530")  # Kamerstuk 24 077, nr. 530
    run("import_tk_toezeggingen", *pages)
    assert Commitment.objects.get(tk_number="TZ202412-118").delivered_by == existing
    assert Document.objects.filter(ident="kst-24077-530").count() == 1


def test_html_and_template_syntax_stay_text(imported, client_for, clerk):
    commitment = imported[1]["TZ202412-118"]
    assert commitment.text == ("<b>Minister</b> stuurt de Kamer een overzicht van {{ aantal }} "
                               "maatregelen & de kosten daarvan <script>alert(1)</script>.")
    page = client_for(clerk).get(reverse("commitments:detail", args=[commitment.pk]))
    html = page.content.decode()
    assert "&lt;b&gt;Minister&lt;/b&gt;" in html and "{{ aantal }}" in html
    assert "<script>alert(1)</script>" not in html


def test_empty_dates_are_no_dates(clerk, tmp_path):
    path = write(tmp_path, "leeg.json", [record("TZ202412-116", GewijzigdOp="0001-01-01T00:00:00Z",
                                                DatumNakoming=None)])
    run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get()
    assert commitment.tk_modified is None and commitment.delivered_on is None


def test_dates_are_days_in_dutch_time(clerk, tmp_path):
    path = write(tmp_path, "utc.json", [record("TZ202412-116", Aanmaakdatum="2024-12-09T23:00:00Z",
                                               GewijzigdOp="2024-12-12T08:15:10.3043248Z")])
    run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get()
    assert commitment.made_on == datetime.date(2024, 12, 10)
    assert commitment.tk_modified == datetime.datetime(2024, 12, 12, 8, 15, 10, 304324,
                                                       tzinfo=datetime.UTC)


def test_the_deadline_derives_the_same_when_saved_again(imported, clerk):
    for commitment in imported[1].values():
        before = (commitment.deadline_text, commitment.deadline_start, commitment.deadline_end)
        commitment.save()
        assert (commitment.deadline_text, commitment.deadline_start,
                commitment.deadline_end) == before
    # "voor de zomer", said on 11 December 2024: the day before the zomerreces of 4 July 2025
    commitment = imported[1]["TZ202412-117"]
    assert (commitment.deadline_text, commitment.deadline_start, commitment.deadline_end) == (
        "voor de zomer", datetime.date(2024, 12, 11), datetime.date(2025, 7, 3))


def test_numbers_continue_after_the_ones_we_hold(clerk, pages):
    ministry = factories.ministry("IenW")
    factories.commitment(clerk, ministry=ministry, made_on=datetime.date(2024, 5, 1))
    run("import_tk_toezeggingen", *pages)
    assert Commitment.objects.get(tk_number="TZ202412-116").number == "TZ-IenW-2024-002"
    assert Commitment.objects.get(tk_number="TZ202412-120").number == "TZ-IenW-2024-003"


def test_a_bare_list_and_a_single_page_work_alike(clerk, tmp_path):
    path = write(tmp_path, "lijst.json", [record("TZ202412-116")], wrap=False)
    run("import_tk_toezeggingen", path)
    assert Commitment.objects.get().tk_number == "TZ202412-116"


def test_imported_commitments_are_found_by_the_list_and_its_search(imported, client_for, clerk):
    client = client_for(clerk)
    assert "TZ-IenW-2024-001" in client.get(reverse("commitments:list")).content.decode()
    found = client.get(reverse("commitments:list"), {"q": "ontgassen"}).content.decode()
    assert "TZ-IenW-2024-001" in found and "TZ-VWS-2024-001" not in found


def test_history_rows_name_the_user_the_source_and_the_file(imported, clerk):
    for commitment in imported[1].values():
        row = commitment.history.get()
        assert row.history_user == clerk
        assert row.change_source == ChangeSource.IMPORT
        assert row.history_type == "+"
        assert row.history_change_reason.startswith("import TK toezeggingen-page")
        assert row.number == commitment.number and row.version == 1
    for model in (Person, Ministry, Document):
        for row in model.history.filter(change_source=ChangeSource.IMPORT):
            assert row.history_user == clerk
            assert row.history_change_reason.startswith("import TK toezeggingen-page")
    assert imported[1]["TZ202412-116"].history.get().history_date <= timezone.now()
