"""Bad input never hurts: a clear Dutch message, a non-zero exit, and nothing written."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, execute_from_command_line

from commitments.models import Commitment
from tests.imports.helpers import record, records, run, run_skipping, snapshot, write


def refused(*files, command="import_tk_toezeggingen", **options):
    """The error message of a refused import; asserts that nothing was written."""
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(command, *files, **options)
    assert snapshot() == before
    message = str(error.value)
    assert message.startswith("Import geweigerd; er is niets opgeslagen.")
    return message


@pytest.fixture
def good(tmp_path, clerk):
    return write(tmp_path, "goed.json", records())


def test_a_file_over_the_size_limit_is_refused_before_reading(good, tmp_path, monkeypatch):
    big = write(tmp_path, "groot.json", records() * 3)
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit")
                        if self.name == "groot.json" else read_bytes(self))
    message = refused(good, big, max_bytes=big.stat().st_size - 1)
    assert "groot.json: het bestand is " in message
    assert "meer dan de grens van" in message and "--max-bytes" in message


def test_the_size_limit_comes_from_the_setting(good, settings):
    settings.TK_IMPORT_MAX_BYTES = 100
    message = refused(good)
    assert "goed.json: het bestand is" in message and "TK_IMPORT_MAX_BYTES" in message


@pytest.mark.parametrize("limit, shown", [(100, "100 bytes"), (2_500, "2,5 kB"),
                                          (3_000_000, "3,0 MB")])
def test_a_small_size_limit_is_shown_in_bytes_or_kilobytes(tmp_path, clerk, limit, shown):
    path = tmp_path / "groot.json"
    path.write_bytes(b" " * (limit + 1))
    message = refused(path, max_bytes=limit)
    assert f"meer dan de grens van {shown} " in message
    assert "0,0 MB" not in message


def test_a_refusal_suggests_skip_invalid_only_when_that_would_import_something(tmp_path, clerk):
    path = tmp_path / "pagina.json"
    path.write_text("<html>503</html>", encoding="utf-8")
    assert "--skip-invalid" not in refused(path)
    assert "--skip-invalid" not in refused(write(tmp_path, "fout.json", [
        record("TZ202412-117", Status="Gedeeltelijk")]))
    assert "Herstel het bestand en start de import opnieuw." in refused(path)
    good = write(tmp_path, "goed.json", records())
    assert "--skip-invalid" in refused(good, path)


def test_skip_invalid_exits_with_3_when_anything_was_skipped(tmp_path, clerk):
    path = write(tmp_path, "gemengd.json", [record("TZ202412-116"),
                                            record("TZ202412-117", Status="Gedeeltelijk")])
    output = run_skipping("import_tk_toezeggingen", path)  # CommandError(returncode=3)
    assert output.endswith("1 ongeldige record(s) of bestand(en) overgeslagen; de geldige "
                           "records zijn geïmporteerd (afsluitcode 3).")
    assert Commitment.objects.get().tk_number == "TZ202412-116"


def test_skip_invalid_exits_with_0_when_nothing_was_skipped(good):
    assert "ongeldig" not in run("import_tk_toezeggingen", good, skip_invalid=True)


def test_the_help_names_the_exit_code(capsys):
    with pytest.raises(SystemExit):
        execute_from_command_line(["manage.py", "import_tk_moties", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "exits 3 when anything was skipped" in help_text and "Afsluitcode 0" in help_text


def test_a_file_under_the_limit_is_imported(good):
    run("import_tk_toezeggingen", good, max_bytes=good.stat().st_size)
    assert Commitment.objects.count() == 5


def test_a_file_that_is_not_utf8_is_refused(tmp_path, clerk):
    path = write(tmp_path, "latin1.json", [record("TZ202412-116", Tekst="Überprüfung café")],
                 encoding="latin-1")
    message = refused(path)
    assert "latin1.json: het bestand is niet in UTF-8 gecodeerd (byte 0xDC op regel 1)" in message


def test_a_truncated_file_is_refused(good, tmp_path):
    text = good.read_text(encoding="utf-8")
    path = tmp_path / "afgebroken.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    message = refused(good, path)
    assert "afgebroken.json: het bestand houdt midden in de JSON op" in message
    assert "afgebroken" in message


def test_a_file_that_is_not_json_is_refused(tmp_path, clerk):
    path = tmp_path / "pagina.json"
    path.write_text("<html><body>503 Service Unavailable</body></html>", encoding="utf-8")
    message = refused(path)
    assert "pagina.json: geen geldige JSON: Expecting value op regel 1, kolom 1" in message


@pytest.mark.parametrize("content", ["", "   \n", "{}", "42", '{"value": 42}'])
def test_empty_or_shapeless_files_are_refused(tmp_path, clerk, content):
    path = tmp_path / "vorm.json"
    path.write_text(content, encoding="utf-8")
    message = refused(path)
    assert "vorm.json: " in message


def test_a_missing_file_is_refused(tmp_path, clerk):
    message = refused(tmp_path / "bestaat-niet.json")
    assert "bestaat-niet.json: kan het bestand niet lezen" in message


def test_document_records_given_to_the_toezeggingen_import_are_refused(moties_sample, clerk):
    message = refused(moties_sample)
    assert "moties-2023-01-sample.json: dit zijn geen Toezegging-records: de velden Nummer, " \
           "Tekst ontbreken" in message
    assert "import_tk_moties" in message


def test_toezeggingen_given_to_the_moties_import_are_refused(pages, clerk):
    message = refused(pages[0], command="import_tk_moties")
    assert "dit zijn geen Document (motie)-records" in message
    assert "import_tk_toezeggingen" in message


def test_an_unknown_status_is_refused_with_file_record_and_field(tmp_path, clerk):
    path = write(tmp_path, "status.json", [record("TZ202412-116"),
                                           record("TZ202412-117", Status="Gedeeltelijk")])
    message = refused(path)
    assert ("status.json, record 2 (TZ202412-117), veld Status: onbekende status ‘Gedeeltelijk’; "
            "bekend zijn Openstaand, Afgedaan, Deels Afgedaan, Vervallen") in message
    assert "--skip-invalid" in message


def test_duplicate_numbers_in_one_file_are_refused(tmp_path, clerk):
    twin = record("TZ202412-116", Id="99999999-0000-4000-8000-000000000000")
    path = write(tmp_path, "dubbel.json", [record("TZ202412-116"), twin])
    message = refused(path)
    assert ("dubbel.json, record 2 (TZ202412-116), veld Nummer: Nummer TZ202412-116 komt twee "
            "keer voor (ook dubbel.json, record 1)") in message


def test_duplicate_ids_are_refused(tmp_path, clerk):
    path = write(tmp_path, "dubbel.json", [record("TZ202412-116"),
                                           record("TZ202412-116", Nummer="TZ202412-999")])
    assert "veld Id: Id 5f3c0e3a-7d1b-4a8e-9c62-0b1f7e2d4a11 komt twee keer voor" in refused(path)


@pytest.mark.parametrize("field, value, expected", [
    ("Tekst", "", "veld Tekst: ontbreekt of is leeg"),
    ("Tekst", {"nl": "x"}, "veld Tekst: verwacht tekst, gevonden een object"),
    ("Aanmaakdatum", "0001-01-01T00:00:00Z", "veld Aanmaakdatum: ontbreekt"),
    ("Aanmaakdatum", "10-12-2024", "veld Aanmaakdatum: ‘10-12-2024’ is geen datum"),
    ("Id", None, "veld Id: ontbreekt of is leeg"),
    ("Nummer", "TZ" + "9" * 30, "veld Nummer: is 32 tekens lang; er passen er 20"),
    ("Verwijderd", "misschien", "veld Verwijderd: verwacht true of false"),
    ("KamerbriefNakoming", 12, "veld KamerbriefNakoming: verwacht een document of tekst"),
    ("ToegezegdAan", "PVV", "veld ToegezegdAan: verwacht een object met Fractie en Persoon"),
    ("ToegezegdAan", {"Persoon": {"Achternaam": "x" * 101}},
     "veld ToegezegdAan/Persoon/Achternaam: is 101 tekens lang; er passen er 100"),
    ("ToegezegdAan", {"Fractie": "PVV"}, "veld ToegezegdAan/Fractie: verwacht een object"),
    ("IsHerhalingVan", 12, "veld IsHerhalingVan: verwacht toezeggingen (met Id) of Id's"),
    ("IsWijzigingVan", [{"Nummer": "TZ202412-117"}], "veld IsWijzigingVan/Id: ontbreekt"),
    ("IsAanvullingOp", [" "], "veld IsAanvullingOp: ‘’ is geen Id van een toezegging"),
])
def test_invalid_fields_are_refused_by_name(tmp_path, clerk, field, value, expected):
    path = write(tmp_path, "velden.json", [record("TZ202412-116", **{field: value})])
    message = refused(path)
    assert "velden.json, record 1 (" in message and expected in message


def test_a_record_without_ministry_or_bewindspersoon_is_refused(tmp_path, clerk):
    path = write(tmp_path, "wie.json", [
        record("TZ202412-116", Ministerie=None, Functie="Staatssecretaris voor Jeugd"),
        record("TZ202412-117", Naam=None, Achternaam=None, Functie=None)])
    message = refused(path)
    assert "record 1 (TZ202412-116), veld Ministerie: ontbreekt" in message
    assert "record 2 (TZ202412-117), veld Naam: geen bewindspersoon" in message


def test_a_record_that_is_no_object_is_refused(tmp_path, clerk):
    path = write(tmp_path, "lijst.json", [record("TZ202412-116"), "TZ202412-117"])
    assert "lijst.json, record 2: is geen JSON-object" in refused(path)


def test_errors_in_several_files_are_all_listed(tmp_path, clerk, moties_sample):
    bad = write(tmp_path, "status.json", [record("TZ202412-117", Status="??")])
    message = refused(bad, moties_sample)
    assert "2 problemen:" in message
    assert "status.json, record 1" in message and "moties-2023-01-sample.json:" in message


def test_skip_invalid_imports_the_valid_records_and_reports_the_rest(tmp_path, clerk):
    path = write(tmp_path, "gemengd.json", [record("TZ202412-116"),
                                            record("TZ202412-117", Status="Gedeeltelijk"),
                                            record("TZ202412-118")])
    truncated = tmp_path / "afgebroken.json"
    truncated.write_text('{"value": [{"Id": "x"', encoding="utf-8")
    output = run_skipping("import_tk_toezeggingen", path, truncated)
    assert set(Commitment.objects.values_list("tk_number", flat=True)) == {"TZ202412-116",
                                                                           "TZ202412-118"}
    assert "ongeldig, overgeslagen: 2" in output
    assert "Overgeslagen (2):" in output
    assert "gemengd.json, record 2 (TZ202412-117), veld Status: onbekende status" in output
    assert "afgebroken.json: het bestand houdt midden in de JSON op" in output


def test_skip_invalid_leaves_out_both_duplicates(tmp_path, clerk):
    twin = record("TZ202412-116", Id="99999999-0000-4000-8000-000000000000")
    path = write(tmp_path, "dubbel.json", [record("TZ202412-116"), twin, record("TZ202412-117")])
    run_skipping("import_tk_toezeggingen", path)
    assert list(Commitment.objects.values_list("tk_number", flat=True)) == ["TZ202412-117"]


def test_an_unknown_user_is_refused(good, clerk):
    with pytest.raises(CommandError, match="Unknown user"):
        run("import_tk_toezeggingen", good, user="niemand")


def test_a_non_positive_max_bytes_is_refused(good):
    with pytest.raises(CommandError, match="--max-bytes moet een positief"):
        run("import_tk_toezeggingen", good, max_bytes=-1)


def test_nested_json_bombs_are_refused(tmp_path, clerk):
    path = tmp_path / "diep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "diep.json: " in refused(path)


def test_the_command_output_of_a_refusal_is_valid_for_each_error(tmp_path, clerk):
    path = write(tmp_path, "veel.json", [record("TZ202412-116", Nummer=f"TZ2024-{n}",
                                                Id=f"id-{n}", Status="x") for n in range(300)])
    message = refused(path)
    assert "300 problemen" in message and "… en nog 200" in message
    json.dumps(message)  # plain text, printable


def write_raw(folder, name, records_, replace):
    """A file as the Kamer's service could send it: JSON text with `replace` applied, so that it
    holds what json.dumps would never write (a lone surrogate escape, a huge number, NaN)."""
    text = json.dumps({"value": records_})
    for old, new in replace.items():
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("field", ["Tekst", "Nummer", "Achternaam"])
def test_a_lone_surrogate_is_refused_by_field(tmp_path, clerk, field):
    path = write_raw(tmp_path, "surrogaat.json", [record("TZ202412-116", **{field: "MARK"})],
                     {'"MARK"': '"ab\\ud800cd"'})
    message = refused(path)
    assert "surrogaat.json, record 1" in message and "\ud800" not in message
    assert f"veld {field}: bevat een ongeldig teken (U+D800, een losse helft" in message


def test_a_lone_surrogate_in_a_motion_is_refused(tmp_path, clerk, moties_sample):
    (motie,) = json.loads(moties_sample.read_text(encoding="utf-8"))["value"][:1]
    path = write_raw(tmp_path, "motie.json", [{**motie, "Onderwerp": "MARK"}],
                     {'"MARK"': '"Motie van het lid \\udfff over iets"'})
    message = refused(path, command="import_tk_moties")
    assert "motie.json, record 1" in message
    assert "veld Onderwerp: bevat een ongeldig teken (U+DFFF, een losse helft" in message


def test_an_integer_of_5000_digits_is_refused(tmp_path, clerk):
    path = write_raw(tmp_path, "getal.json", [record("TZ202412-116", Nummer="MARK")],
                     {'"MARK"': "9" * 5000})
    message = refused(path)
    assert "getal.json: een getal van meer dan 4300 cijfers" in message


@pytest.mark.parametrize("number", ["1e400", "-1e400", "NaN", "Infinity"])
def test_a_number_that_is_no_number_is_refused_not_read_as_inf(tmp_path, clerk, number):
    path = write_raw(tmp_path, "inf.json", [record("TZ202412-116", Nummer="MARK")],
                     {'"MARK"': number})
    message = refused(path)
    assert "inf.json, record 1" in message
    assert "veld Nummer: verwacht tekst, gevonden een getal dat niet eindig is" in message
