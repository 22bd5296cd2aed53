"""Spreadsheets that would take the register down: refused quickly, in little memory, and gone.

The bomb is the one of issue 12: an XLSX of about 1 MB whose sheet unpacks to 392 MB (8 million
rows). Time and peak memory are measured by bench/spreadsheet_bomb.py (docs/PERFORMANCE.md);
these tests check that each way of refusing works and that reading stops early, by the memory it
takes (tracemalloc) and by what it reads.
"""

import io
import tracemalloc
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from bench.spreadsheet_bomb import write_bomb
from commitments import spreadsheet
from commitments.models import SpreadsheetUpload

MB = 2**20


def traced_peak(function, *args):
    """(result or exception, peak traced Python memory in MB) of function(*args)."""
    tracemalloc.start()
    try:
        try:
            result = function(*args)
        except Exception as error:  # noqa: BLE001 (returned to the test)
            result = error
        return result, tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


def test_the_bomb_is_refused_from_its_unpacked_size(tmp_path):
    path = tmp_path / "bom.xlsx"
    unpacked = write_bomb(path, 8_000_000)
    assert path.stat().st_size < 2_000_000 and unpacked > 390_000_000
    refused, peak = traced_peak(spreadsheet.read_sheet, path.read_bytes(), "bom.xlsx")
    assert isinstance(refused, spreadsheet.SheetError), refused
    assert "uitgepakt 392 MB" in str(refused)
    assert peak < 20


def test_a_smaller_bomb_is_refused_from_its_declared_dimension(tmp_path):
    path = tmp_path / "bom.xlsx"
    write_bomb(path, 3_000_000)
    refused, peak = traced_peak(spreadsheet.read_sheet, path.read_bytes(), "bom.xlsx")
    assert isinstance(refused, spreadsheet.SheetError), refused
    assert "3.000.001 rijen, meer dan 20.000" in str(refused)
    assert peak < 20


def test_without_a_dimension_the_rows_are_counted_no_further_than_the_limit(tmp_path):
    """Our own exports declare no dimension: openpyxl would read the whole sheet to size it."""
    path = tmp_path / "bom.xlsx"
    write_bomb(path, 3_000_000, dimension=False)
    refused, peak = traced_peak(spreadsheet.read_sheet, path.read_bytes(), "bom.xlsx")
    assert isinstance(refused, spreadsheet.SheetError), refused
    assert "Meer dan 20.000 rijen" in str(refused)
    assert peak < 20


def test_rows_are_read_streaming_and_no_further_than_the_limit(tmp_path):
    """A dimension that says less than there is: reading stops after the row limit."""
    path = tmp_path / "lang.xlsx"
    write_bomb(path, 1_000_000)
    replace_sheet(path, read_part(path).replace(b'ref="A1:A1000001"', b'ref="A1:A10"'))
    refused, peak = traced_peak(spreadsheet.read_sheet, path.read_bytes(), "lang.xlsx")
    assert isinstance(refused, spreadsheet.SheetError), refused
    assert "Meer dan 20.000 rijen" in str(refused)
    assert peak < 20


def read_part(path, name="xl/worksheets/sheet1.xml"):
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_a_file_that_is_no_zip_or_has_a_doctype_is_unreadable(tmp_path):
    path = tmp_path / "lijst.xlsx"
    write_bomb(path, 30_000, dimension=False)
    replace_sheet(path, b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + read_part(path))
    with pytest.raises(spreadsheet.SheetError, match="geen leesbaar Excel-bestand"):
        spreadsheet.read_sheet(path.read_bytes(), "lijst.xlsx")


def test_a_row_far_below_the_others_does_not_make_a_million_empty_rows(tmp_path):
    path = tmp_path / "gat.xlsx"
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Titel</t></is></c></row>'
             '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
             '</sheetData></worksheet>')
    replace_sheet(write_small(path), sheet)
    refused, peak = traced_peak(spreadsheet.read_sheet, path.read_bytes(), "gat.xlsx")
    assert isinstance(refused, spreadsheet.SheetError), refused
    assert peak < 20


def test_a_sheet_wider_than_any_export_is_refused(tmp_path):
    path = tmp_path / "breed.xlsx"
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<dimension ref="A1:XFD20"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
             '<t>Titel</t></is></c></row></sheetData></worksheet>')
    replace_sheet(write_small(path), sheet)
    with pytest.raises(spreadsheet.SheetError, match="16.384 kolommen"):
        spreadsheet.read_sheet(path.read_bytes(), "breed.xlsx")


def write_small(path):
    write_bomb(path, 1)
    return path


def replace_sheet(path, xml):
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = xml.encode() if isinstance(xml, str) else xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def test_the_command_refuses_the_bomb_with_one_message(tmp_path, clerk):
    path = tmp_path / "bom.xlsx"
    write_bomb(path, 8_000_000)
    with pytest.raises(CommandError, match="bom.xlsx: .*uitgepakt 392 MB"):
        call_command("import_spreadsheet", str(path), user="griffie", stdout=io.StringIO())


def upload(client, path):
    with open(path, "rb") as stream:
        return client.post(reverse("commitments:spreadsheet-upload"), {"file": stream})


def test_the_web_refuses_the_bomb_at_upload_and_keeps_nothing(tmp_path, client_for, clerk):
    path = tmp_path / "bom.xlsx"
    write_bomb(path, 8_000_000)
    response = upload(client_for(clerk), path)
    assert response.status_code == 200
    assert "uitgepakt 392 MB" in response.content.decode()
    assert not SpreadsheetUpload.objects.exists()


def test_a_stored_upload_that_is_refused_is_deleted(tmp_path, client_for, clerk):
    """An upload kept from before these checks: its preview refuses it once, then it is gone."""
    path = tmp_path / "bom.xlsx"
    write_bomb(path, 8_000_000)
    stored = SpreadsheetUpload.objects.create(user=clerk, filename="bom.xlsx",
                                              content=path.read_bytes())
    client = client_for(clerk)
    url = reverse("commitments:spreadsheet-preview", args=[stored.pk])
    response = client.get(url, follow=True)
    assert "uitgepakt 392 MB" in response.content.decode()
    assert not SpreadsheetUpload.objects.exists()
    assert client.get(url).status_code == 404


def test_the_preview_reads_the_upload_once_per_request(client_for, clerk, monkeypatch):
    factories_header = "Titel;Tekst;Bewindspersoon;Ministerie;Datum toezegging\n"
    content = ("\ufeff" + factories_header + "Nieuw;Tekst;P. Blokhuis;VWS;18-12-2020\n")
    stored = SpreadsheetUpload.objects.create(user=clerk, filename="lijst.csv",
                                              content=content.encode())
    reads = []
    real = spreadsheet.read_csv
    monkeypatch.setattr(spreadsheet, "read_csv", lambda data: reads.append(1) or real(data))
    response = client_for(clerk).get(reverse("commitments:spreadsheet-preview",
                                             args=[stored.pk]))
    assert response.status_code == 200
    assert len(reads) == 1


@pytest.mark.parametrize("name", ["lijst.csv", "lijst.txt"])
def test_a_csv_cell_over_128_kb_is_refused_with_a_message(name, tmp_path, clerk):
    path = tmp_path / name
    path.write_text("Titel;Tekst\nLang;" + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="rij 2: een cel is langer dan 128 kB"):
        call_command("import_spreadsheet", str(path), user="griffie", stdout=io.StringIO())


def test_a_csv_cell_over_128_kb_on_the_web_is_a_message_not_a_500(tmp_path, client_for, clerk):
    path = tmp_path / "lijst.csv"
    path.write_text("Titel;Tekst\nLang;" + "x" * 200_000 + "\n", encoding="utf-8")
    client = client_for(clerk)
    response = upload(client, path)
    assert response.status_code == 200
    assert "langer dan 128 kB" in response.content.decode()
    assert not SpreadsheetUpload.objects.exists()
    stored = SpreadsheetUpload.objects.create(user=clerk, filename="lijst.csv",
                                              content=path.read_bytes())
    url = reverse("commitments:spreadsheet-preview", args=[stored.pk])
    assert "langer dan 128 kB" in client.get(url, follow=True).content.decode()
    assert client.get(url).status_code == 404
