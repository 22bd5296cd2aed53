import io

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from commitments import exports
from commitments.models import Commitment, SpreadsheetUpload
from tests import factories
from tests.history_audit import history_audit


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


def test_our_own_export_reads_back_unchanged(client_for, clerk, existing, tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(exports.xlsx_bytes(Commitment.objects.all()))
    call_command("import_spreadsheet", str(path), user="griffie")
    assert Commitment.objects.get().history.count() == 1


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
    call_command("import_spreadsheet", str(path), "--skip-invalid", user="griffie")
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
        confirmed = client.post(preview_url, {"confirm": "1"})
    assert confirmed.status_code == 302
    assert Commitment.objects.filter(title="Nieuw").exists()
    assert not SpreadsheetUpload.objects.exists()


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
