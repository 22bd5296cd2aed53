"""Property tests of the importers (issue 12, "Also"): real records, and records mutated at
random, given to each importer. Whatever comes in, the importer imports it correctly or answers
with a clear Dutch message — never a traceback, never half an import.

The real records are the Kamer's (tests/data/tk/real/, copied from shared/data/real/tk-opendata,
and the sample of shared/data/tk-opendata in tests/data/tk); Toezegging records are our fixture
pages (the shared data holds no real ones, only the schema). Hypothesis mutates them: a field
set to any JSON value (text with a lone surrogate, huge or infinite numbers, nesting, lists),
taken out, or added; records mixed from several entities. The example count is kept small so
that `make test` stays quick; HYPOTHESIS_PROFILE=thorough runs many more.
"""

import copy
import csv
import io
import json
import os
import re

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from commitments.models import Commitment, Motion
from tests import factories
from tests.imports.helpers import DATA, snapshot

settings.register_profile("default", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")


def values(name):
    payload = json.loads((DATA / name).read_text(encoding="utf-8"))
    return payload["value"] if isinstance(payload, dict) else payload


TOEZEGGINGEN = values("toezeggingen-page1.json") + values("toezeggingen-page2.json")
MOTIES = values("moties-2023-01-sample.json") + values("real/document_motie_page.json")[:60]
OTHERS = values("real/document_tombstones.json") + values("real/zaak_page_mixed.json")[:40]

AWKWARD = ["\ud800", "ab\udfffcd", "x" * 300, "", " ", "\x00", "0001-01-01T00:00:00Z",
           "2024-13-45T00:00:00Z", "2024-12-10T00:00:00.1234567+01:00", "Afgedaan",
           "Deels Afgedaan", "Vervallen", "TZ202412-116", "<img src=x onerror=alert(1)>",
           "Kamerstuk 24 077, nr. 468", "kst-36600-XVI-42", 10**30, -1, 0, 1e400, -1e400,
           float("nan"), True, False]
# Text of letters, digits, punctuation, spaces, control characters and lone surrogates (which
# JSON can carry as escapes, and no database can store).
TEXT = st.text(st.characters(categories=["L", "N", "P", "Z", "Cc", "Cs"]), max_size=40)
LEAVES = (st.none() | st.booleans() | st.integers() | st.floats() | TEXT
          | st.sampled_from(AWKWARD))
# Mostly single awkward values (what a field really gets wrong), sometimes nested ones.
JSON_VALUES = st.one_of(st.sampled_from(AWKWARD), LEAVES, st.recursive(
    LEAVES, lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=12), inner, max_size=3), max_leaves=6))


def mutations(fields):
    # Mostly one field set to an awkward value, so that the rest of the record stays valid and
    # the value gets as far as the database.
    return st.lists(st.one_of(
        st.tuples(st.just("set"), st.sampled_from(fields), JSON_VALUES),
        st.tuples(st.just("set"), st.sampled_from(fields), JSON_VALUES),
        st.tuples(st.just("drop"), st.sampled_from(fields), st.none()),
        st.tuples(st.just("add"), st.text(min_size=1, max_size=12), JSON_VALUES),
    ), min_size=1, max_size=2)


def mutated(pool, others=()):
    fields = sorted({name for record in pool for name in record})
    record = st.tuples(st.sampled_from(pool), mutations(fields)).map(apply)
    foreign = st.sampled_from(list(others) or pool).map(copy.deepcopy)
    return st.lists(st.one_of(record, record, record, foreign, JSON_VALUES), min_size=1,
                    max_size=2)


def apply(pair):
    record, changes = copy.deepcopy(pair[0]), pair[1]
    for what, name, value in changes:
        if what == "drop":
            record.pop(name, None)
        else:
            record[name] = value
    return record


def file_of(tmp_path, records, shape):
    payload = {"value": records} if shape == "page" else records
    path = tmp_path / "pagina.json"
    # ensure_ascii: a lone surrogate is written as the escape the Kamer's service would send.
    path.write_text(json.dumps(payload, ensure_ascii=True), encoding="utf-8")
    return path


def outcome(command, path, **options):
    """("imported", output) or ("refused", message); anything else fails the test. In a
    transaction rolled back afterwards, so that every example starts from the same database."""
    before = snapshot()
    with transaction.atomic():
        out = io.StringIO()
        try:
            call_command(command, str(path), user="griffie", stdout=out, stderr=io.StringIO(),
                         **options)
        except CommandError as error:
            message = str(error)
            assert snapshot() == before, "a refused import wrote"
            result = ("refused", message)
        else:
            result = ("imported", out.getvalue(), import_checks(command, before))
        transaction.set_rollback(True)
    event(result[0])
    return result


def import_checks(command, before):
    """What a correct import leaves: each new record with exactly one history row, by the
    import's user, marked as an import."""
    model = Commitment if command == "import_tk_toezeggingen" else Motion
    for record in model.objects.all():
        rows = list(record.history.all())
        assert rows, f"{record} has no history"
        assert all(row.history_user.username == "griffie" and row.change_source == "import"
                   for row in rows)
    return model.objects.count() - before[model.__name__][0]


def assert_clear(message):
    """One of the importers' messages: Dutch, naming what is wrong; no Python in it."""
    assert message.startswith(("Import geweigerd; er is niets opgeslagen.",
                               "import_tk")) or "overgeslagen" in message, message
    assert not re.search(r"Traceback|Error\b|object at 0x", message), message


@pytest.mark.django_db
@pytest.mark.parametrize("command, records", [
    ("import_tk_toezeggingen", mutated(TOEZEGGINGEN, OTHERS)),
    ("import_tk_moties", mutated(MOTIES, OTHERS))], ids=["toezeggingen", "moties"])
@settings(settings.get_profile(PROFILE))
@given(data=st.data(), shape=st.sampled_from(["page", "list"]))
def test_tk_import_or_say_why(command, records, data, shape, clerk, tmp_path):
    result = outcome(command, file_of(tmp_path, data.draw(records), shape))
    if result[0] == "refused":
        assert_clear(result[1])
    else:
        created = re.search(r"nieuw: (\d+)", result[1])
        assert result[2] == (int(created[1]) if created else 0)


def test_the_real_motion_records_all_import(clerk, tmp_path):
    """The Kamer's real Documents and tombstones as the service returns them: nothing refused
    (issue 15; before, every record without $expand was refused)."""
    pool = MOTIES + values("real/document_tombstones.json")
    out = io.StringIO()
    call_command("import_tk_moties", str(file_of(tmp_path, pool, "page")), user="griffie",
                 stdout=out)
    assert "ongeldig" not in out.getvalue()
    assert import_checks("import_tk_moties", {"Motion": (0, 0)}) == len(MOTIES)


def test_the_real_records_import_or_are_refused_by_field(clerk, tmp_path):
    """The unmutated pages with --skip-invalid: the valid records imported (each with its
    history), every other one named with file, record and field."""
    for command, pool in (("import_tk_toezeggingen", TOEZEGGINGEN + OTHERS),):
        out = io.StringIO()
        with pytest.raises(CommandError) as skipped:
            call_command(command, str(file_of(tmp_path, pool, "page")), user="griffie",
                         skip_invalid=True, stdout=out, verbosity=2)
        assert skipped.value.returncode == 3
        count = int(re.search(r"ongeldig, overgeslagen: (\d+)", out.getvalue())[1])
        section = out.getvalue().split(f"Overgeslagen ({count}):\n")[1].split("\n")[:count]
        assert all(re.match(r"  pagina\.json, record \d+( \(.*?\))?(, veld \S+)?: .+", line)
                   for line in section), section
        assert import_checks(command, {"Commitment": (0, 0), "Motion": (0, 0)}) > 0


# --- Spreadsheets --------------------------------------------------------------------------

HEADER = ["Titel", "Tekst", "Bewindspersoon", "Ministerie", "Datum toezegging", "Termijn",
          "Status", "Onderwerpen"]
ROW = ["Brief over lachgas", "Ik stuur de Kamer een brief.", "P. Blokhuis", "VWS",
       "18-12-2020", "voor de zomer", "Openstaand", "lachgas"]
CELLS = (st.text(max_size=30) | st.sampled_from(
    ["", "31-02-2021", "2020-12-18", "Afgedaan", "Deels afgedaan", "bogus", "Onbekend Persoon",
     "XYZ", "=1+1", "'=SUM(A1)", "x" * 600, "24 077", "Kamerstuk 24 077, nr. 468", "-5%"])
         | st.integers() | st.floats(allow_nan=False, allow_infinity=False))


@st.composite
def sheets(draw):
    header = list(HEADER)
    rows = [list(ROW) for _ in range(draw(st.integers(1, 3)))]
    for _ in range(draw(st.integers(0, 4))):
        row, column = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, len(header) - 1))
        rows[row][column] = draw(CELLS)
    if draw(st.booleans()):
        dropped = draw(st.integers(0, len(header) - 1))
        header.pop(dropped)
        for row in rows:
            row.pop(dropped)
    return header, rows, draw(st.sampled_from(["csv", "xlsx"]))


def sheet_file(tmp_path, header, rows, kind):
    path = tmp_path / f"lijst.{kind}"
    if kind == "csv":
        stream = io.StringIO()
        csv.writer(stream, delimiter=";").writerows([header, *rows])
        path.write_bytes(("\ufeff" + stream.getvalue()).encode("utf-8", "surrogatepass"))
    else:
        workbook = openpyxl.Workbook()
        for row in [header, *rows]:
            workbook.active.append([
                re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", "", cell)
                if isinstance(cell, str) else cell for cell in row])
        workbook.save(path)
    return path


@pytest.mark.django_db
@settings(settings.get_profile(PROFILE))
@given(sheet=sheets())
def test_spreadsheet_import_or_say_why(sheet, clerk, tmp_path):
    factories.bewindspersoon()  # P. Blokhuis, VWS
    header, rows, kind = sheet
    path = sheet_file(tmp_path, header, rows, kind)
    before = snapshot()
    with transaction.atomic():
        try:
            call_command("import_spreadsheet", str(path), user="griffie", stdout=io.StringIO(),
                         stderr=io.StringIO())
        except CommandError as error:
            assert snapshot() == before, "a refused spreadsheet wrote"
            assert str(error).startswith(str(path)) and "Traceback" not in str(error)
            event("refused")
        else:
            event("imported")
            created = Commitment.objects.count() - before["Commitment"][0]
            assert created == len(rows)
            for commitment in Commitment.objects.all():
                assert commitment.history.filter(history_user=clerk).exists()
        transaction.set_rollback(True)
