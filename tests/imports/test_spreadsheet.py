import datetime
import io
import re

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from commitments import exports
from commitments.models import Commitment, SpreadsheetUpload
from register.models import Committee, Directorate, Document, Party, Topic
from tests import factories
from tests.history_audit import history_audit
from tests.imports.helpers import plan_import, snapshot


@pytest.fixture
def existing(clerk):
    factories.ministry("VWS")
    return factories.commitment(clerk, title="Bestaand", deadline_text="in maart 2021")


def xlsx(rows):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def csv_bytes(text):
    return ("\ufeff" + text).encode("utf-8")


HEADER = "Titel;Tekst;Bewindspersoon;Ministerie;Datum toezegging;Termijn;Onderwerpen\n"


@pytest.fixture
def realistic(clerk, existing):
    """Commitments as the register holds them: done, partly done, delivered by TK letters known
    only by their DocumentNummer or title, a title the CSV export must quote, topics, owners."""
    party = Party.objects.create(abbreviation="SGP")
    committee = Committee.objects.create(abbreviation="VWS", name="Commissie VWS")
    directorate = Directorate.objects.create(abbreviation="VDG", name="Voeding, Gezondheid")
    common = {"owner": clerk, "to_party": party, "committee": committee,
              "directorate": directorate, "tk_number": "TZ202012-116", "tk_status": "Openstaand"}
    made = [factories.commitment(clerk, title=title, deadline_text="voor de zomer", **common)
            for title in ("Afgedaan met een Kamerstuk", "Deels afgedaan", "Afgedaan met een brief",
                          "Afgedaan met een brief zonder kenmerk", "-5% alcohol in de Kamer")]
    for commitment in made:
        commitment.topics.set(Topic.from_names(["lachgas", "preventie"]))
    made[0].change_status("done", by=clerk, reason="brief", document=factories.document("468"))
    made[1].change_status("partly_done", by=clerk, reason="deels", remaining="De tweede brief.",
                          on=datetime.date(2021, 3, 1))
    by_number = Document.objects.create(kind="brief", kenmerk="2024D40123",
                                        date=datetime.date(2024, 10, 1))
    by_title = Document.objects.create(kind="brief", title="Voortgangsbrief drugbeleid 2024")
    made[2].change_status("done", by=clerk, reason="brief", document=by_number)
    made[3].change_status("done", by=clerk, reason="brief", document=by_title,
                          on=datetime.date(2024, 11, 5))
    return Commitment.objects.all()


def csv_export(queryset):
    return "".join(exports.csv_lines(queryset)).encode("utf-8")


def xlsx_export(queryset):
    stream = io.BytesIO()
    exports.write_xlsx(queryset, stream, exports.COMMITMENTS)
    return stream.getvalue()


@pytest.mark.parametrize("name, export", [("export.xlsx", xlsx_export),
                                          ("export.csv", csv_export)])
def test_our_own_export_reads_back_unchanged(name, export, realistic, tmp_path):
    content = export(realistic)
    if name.endswith(".csv"):
        assert b";'-5% alcohol in de Kamer;" in content and b";2024D40123;" in content
    plan = plan_import(content, name)
    assert [(row.action, row.errors, row.changes) for row in plan.rows] == [
        ("unchanged", [], [])] * 6
    path = tmp_path / name
    path.write_bytes(content)
    before = snapshot()
    call_command("import_spreadsheet", str(path), user="griffie")
    assert snapshot() == before


def test_csv_creates_and_updates_with_history_naming_the_file(clerk, existing, tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_bytes(csv_bytes(
        "Nummer;" + HEADER
        + ";Nieuw;Ik stuur een brief.;P. Blokhuis;VWS;18-12-2020;in het voorjaar van 2021;lachgas\n"
        + f"{existing.number};Bestaand;Andere tekst;P. Blokhuis;VWS;18-12-2020;in maart 2021;\n"))
    call_command("import_spreadsheet", str(path), user="griffie")
    new = Commitment.objects.get(title="Nieuw")
    assert new.deadline_end.isoformat() == "2021-05-31"
    assert [t.name for t in new.topics.all()] == ["lachgas"]
    record = new.history.get()
    assert (record.history_user, record.change_source, record.history_change_reason) == (
        clerk, "import", "import spreadsheet lijst.csv")
    existing.refresh_from_db()
    assert existing.text == "Andere tekst"


@pytest.mark.parametrize("row, column, message", [
    (";;P. Blokhuis;VWS;18-12-2020;;", "Titel", "Verplicht"),
    ("Titel;Tekst;Onbekend Persoon;VWS;18-12-2020;;", "Bewindspersoon", "onbekend"),
    ("Titel;Tekst;P. Blokhuis;XYZ;18-12-2020;;", "Ministerie", "onbekend"),
    ("Titel;Tekst;P. Blokhuis;VWS;31-02-2020;;", "Datum toezegging", "geen datum"),
])
def test_every_error_is_reported_per_row_and_column_and_nothing_is_written(
        row, column, message, clerk, existing, tmp_path):
    path = tmp_path / "fout.csv"
    path.write_bytes(csv_bytes(HEADER + "Goed;Tekst;P. Blokhuis;VWS;18-12-2020;;\n" + row + "\n"))
    with pytest.raises(CommandError, match="1 rij"):
        call_command("import_spreadsheet", str(path), user="griffie")
    assert Commitment.objects.count() == 1


def test_skip_invalid_writes_the_good_rows(clerk, existing, tmp_path, capsys):
    path = tmp_path / "half.csv"
    path.write_bytes(csv_bytes(HEADER + "Goed;Tekst;P. Blokhuis;VWS;18-12-2020;;\n"
                               + "Fout;Tekst;Niemand;VWS;18-12-2020;;\n"))
    with pytest.raises(CommandError, match="1 rij\\(en\\) met fouten overgeslagen") as error:
        call_command("import_spreadsheet", str(path), "--skip-invalid", user="griffie")
    assert error.value.returncode == 3
    assert Commitment.objects.filter(title="Goed").exists()
    assert "row 3: ERROR kolom Bewindspersoon" in capsys.readouterr().out


def test_other_column_orders_through_a_mapping(clerk, existing, tmp_path):
    path = tmp_path / "anders.xlsx"
    path.write_bytes(xlsx([["Onderwerp", "Toezegging", "Wie", "Dep", "Wanneer"],
                           ["Van elders", "Tekst", "P. Blokhuis", "VWS", "2020-12-18"]]))
    with pytest.raises(CommandError):
        call_command("import_spreadsheet", str(path), user="griffie")
    call_command("import_spreadsheet", str(path), "--map", "title=Onderwerp",
                 "--map", "text=Toezegging", "--map", "bewindspersoon=Wie",
                 "--map", "ministry=Dep", "--map", "made_on=Wanneer", user="griffie")
    assert Commitment.objects.get(title="Van elders").made_on.isoformat() == "2020-12-18"


def test_status_change_that_is_not_allowed_is_an_error(clerk, existing, tmp_path):
    existing.change_status("lapsed", by=clerk, reason="ingehaald")
    path = tmp_path / "status.csv"
    path.write_bytes(csv_bytes(f"Nummer;Status\n{existing.number};Afgedaan\n"))
    with pytest.raises(CommandError):
        call_command("import_spreadsheet", str(path), user="griffie")


@pytest.mark.parametrize("name, content, message", [
    ("lijst.csv", "Titel;Tekst\nCafé;x\n".encode("latin-1"), "niet in UTF-8"),
    ("lijst.xlsx", b"PK\x03\x04 not really", "geen leesbaar Excel-bestand"),
    ("lijst.pdf", b"%PDF", "Alleen .xlsx"),
    ("leeg.csv", b"", "leeg"),
])
def test_unreadable_files_are_refused_with_a_message(name, content, message, clerk, tmp_path):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_spreadsheet", str(path), user="griffie")


def test_the_screens_preview_before_anything_is_written(client_for, clerk, existing):
    client = client_for(clerk)
    upload = io.BytesIO(csv_bytes(HEADER + "Nieuw;Tekst;P. Blokhuis;VWS;18-12-2020;;\n"))
    upload.name = "lijst.csv"
    response = client.post(reverse("commitments:spreadsheet-upload"), {"file": upload})
    preview_url = response["Location"]
    page = client.get(preview_url).content.decode()
    assert "nieuw" in page and "Bevestig en lees in" in page
    assert Commitment.objects.count() == 1
    with history_audit():
        confirmed = client.post(preview_url, {"confirm": "1", "seen": seen(page)})
    assert confirmed.status_code == 302
    assert Commitment.objects.filter(title="Nieuw").exists()
    assert not SpreadsheetUpload.objects.exists()


def seen(page):
    return re.search(r'name="seen" value="([0-9a-f]+)"', page)[1]


def test_the_screens_confirm_only_what_the_preview_showed(client_for, clerk, existing):
    client = client_for(clerk)
    upload = SpreadsheetUpload.objects.create(
        user=clerk, filename="lijst.csv",
        content=csv_bytes(f"Nummer;Tekst\n{existing.number};Nieuwe tekst\n"))
    preview_url = reverse("commitments:spreadsheet-preview", args=[upload.pk])
    page = client.get(preview_url).content.decode()
    existing.text = "Intussen door een collega gewijzigd"
    existing.title = "Andere titel"
    existing.save()
    refused = client.post(preview_url, {"confirm": "1", "seen": seen(page)})
    assert "Het register is veranderd sinds het voorbeeld" in refused.content.decode()
    existing.refresh_from_db()
    assert existing.text == "Intussen door een collega gewijzigd"


def test_the_screens_remap_columns(client_for, clerk, existing):
    client = client_for(clerk)
    upload = io.BytesIO(xlsx([["Onderwerp", "Toezegging", "Wie", "Dep", "Wanneer"],
                              ["Van elders", "Tekst", "P. Blokhuis", "VWS", "18-12-2020"]]))
    upload.name = "anders.xlsx"
    preview_url = client.post(reverse("commitments:spreadsheet-upload"),
                              {"file": upload})["Location"]
    assert "Verbeter eerst de fouten" in client.get(preview_url).content.decode()
    client.post(preview_url, {"title": "0", "text": "1", "bewindspersoon": "2",
                              "ministry": "3", "made_on": "4"})
    assert "Bevestig en lees in" in client.get(preview_url).content.decode()


def test_advisors_cannot_import(client_for, advisor):
    assert client_for(advisor).get(reverse("commitments:spreadsheet-upload")).status_code == 403


def test_uploads_belong_to_their_uploader(client_for, clerk, existing):
    from tests.conftest import make_user

    upload = SpreadsheetUpload.objects.create(user=clerk, filename="x.csv", content=b"a;b\n")
    other = client_for(make_user("griffie2", "griffie"))
    assert other.get(reverse("commitments:spreadsheet-preview", args=[upload.pk])
                     ).status_code == 404


def test_the_preview_shows_the_period_of_new_and_changed_deadline_words(client_for, clerk,
                                                                         existing):
    content = csv_bytes(
        "Nummer;Titel;Tekst;Bewindspersoon;Ministerie;Datum toezegging;Termijn\n"
        ";Nieuw;Tekst;P. Blokhuis;VWS;01-10-2025;voor het kerstreces\n"
        ";Vaag;Tekst;P. Blokhuis;VWS;01-10-2025;zo spoedig mogelijk\n"
        f"{existing.number};Bestaand;{existing.text};P. Blokhuis;VWS;"
        f"{existing.made_on:%d-%m-%Y};in maart 2021\n")
    upload = SpreadsheetUpload.objects.create(user=clerk, filename="lijst.csv", content=content)
    page = client_for(clerk).get(reverse("commitments:spreadsheet-preview", args=[upload.pk]))
    html = page.content.decode()
    assert "van 1 oktober 2025 tot en met 18 december 2025" in html
    assert "‘zo spoedig mogelijk’: geen datum of periode, dus geen termijn" in html
    assert html.count('class="period-preview"') == 2  # the unchanged row's words are not new
