"""A document stored before the Kamer's document number was kept (register migration 0018) gets
it from the next import or sync that names it, so a clerk can paste its tweedekamer.nl address;
a different number we hold is kept and reported."""

import datetime

import pytest

from register.forms import DocumentInputMixin
from register.history import ChangeSource
from register.models import Document
from register.references import reference_from_input
from tests import factories
from tests.imports.helpers import record, records, run, write
from tests.imports.test_real_records import kamerstukdossier

ADDRESS = "https://www.tweedekamer.nl/kamerstukken/detail?id=2025D11111"


def delivered(**letter):
    """TZ202412-116 as the Kamer marks it afgedaan: delivered by Kamerstuk 31 409, nr. 412,
    DocumentNummer 2025D11111 (the record tests/imports/test_toezeggingen_rules.py uses)."""
    return record("TZ202412-116", Status="Afgedaan", DatumNakoming="2025-03-20T00:00:00+01:00",
                  GewijzigdOp="2025-03-21T10:00:00+01:00",
                  KamerbriefNakoming=[{"Soort": "Brief regering", "DocumentNummer": "2025D11111",
                                       "Onderwerp": "Varend ontgassen", "Volgnummer": 412,
                                       "Datum": "2025-03-20T00:00:00+01:00",
                                       "Vergaderjaar": "2024-2025",
                                       "Kamerstukdossier": {"Nummer": 31409, "Toevoeging": None,
                                                            "Titel": "Zee- en binnenvaart"},
                                       **letter}])


@pytest.fixture
def held(clerk):
    """Kamerstuk 31 409, nr. 412 as stored before the number was kept."""
    return Document.objects.create(kind="brief", dossier=factories.dossier("31409"), number="412",
                                   date=datetime.date(2025, 3, 20))


def test_the_import_fills_in_a_missing_number_once(held, clerk, tmp_path):
    assert not DocumentInputMixin(data={"document_reference": ADDRESS}).is_valid()
    rows = held.history.count()
    path = write(tmp_path, "toezeggingen-2025-03.json", [delivered()])
    run("import_tk_toezeggingen", path)
    held.refresh_from_db()
    assert held.tk_document_number == "2025D11111"
    assert Document.objects.filter(ident="kst-31409-412").count() == 1
    assert held.history.count() == rows + 1
    latest = held.history.first()
    assert (latest.history_user, latest.change_source) == (clerk, ChangeSource.IMPORT)
    assert latest.history_change_reason.endswith(
        "bij toezegging TZ202412-116 (documentnummer van de Kamer)")
    form = DocumentInputMixin(data={"document_reference": ADDRESS})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["document"] == held

    run("import_tk_toezeggingen", path)
    assert held.history.count() == rows + 1


def test_a_different_number_is_kept_and_reported(held, tmp_path):
    Document.objects.filter(pk=held.pk).update(tk_document_number="2025D99999")
    rows = held.history.count()
    path = write(tmp_path, "toezeggingen-2025-03.json", [delivered()])
    output = run("import_tk_toezeggingen", path)
    held.refresh_from_db()
    assert held.tk_document_number == "2025D99999" and held.history.count() == rows
    assert ("toezeggingen-2025-03.json, record 1 (TZ202412-116), veld KamerbriefNakoming: "
            "Kamerstuk 31 409, nr. 412 heeft bij ons documentnummer 2025D99999, bij de Kamer "
            "2025D11111; het onze blijft") in output


def test_a_dry_run_fills_in_nothing(held, tmp_path):
    path = write(tmp_path, "toezeggingen-2025-03.json", [delivered()])
    run("import_tk_toezeggingen", path, dry_run=True)
    held.refresh_from_db()
    assert held.tk_document_number == ""


# --- A motion's own Kamerstuk, from the real records (tests/data/tk/real) ----------------------

REAL = "real/document_motie_page.json"


def motion_paper(clerk):
    """Kamerstuk 36 410, nr. 89 as a clerk typed it, before the number was kept."""
    return Document.objects.from_reference(reference_from_input("Kamerstuk 36 410, nr. 89"),
                                           by=clerk, reason="Getypt")[0]


def placed(**changes):
    """Real record 0 (DocumentNummer 2025D15879, Volgnummer 89) with its dossier expanded."""
    return {**records(REAL)[0], "Kamerstukdossier": kamerstukdossier(), **changes}


def test_the_motion_import_fills_in_its_papers_number(clerk, tmp_path):
    paper = motion_paper(clerk)
    rows = paper.history.count()
    path = write(tmp_path, "uitgeklapt.json", [placed()])
    run("import_tk_moties", path)
    paper.refresh_from_db()
    assert paper.tk_document_number == "2025D15879" and paper.history.count() == rows + 1
    assert paper.history.first().history_change_reason == (
        "import TK uitgeklapt.json: motie 36410-89 (documentnummer van de Kamer)")
    form = DocumentInputMixin(data={
        "document_reference": "https://www.tweedekamer.nl/kamerstukken/moties/detail"
                              "?id=2025Z06478&did=2025D15879"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["document"] == paper
    run("import_tk_moties", path)
    assert paper.history.count() == rows + 1


def test_the_motion_import_keeps_and_reports_another_number(clerk, tmp_path):
    paper = motion_paper(clerk)
    Document.objects.filter(pk=paper.pk).update(tk_document_number="2025D00001")
    output = run("import_tk_moties", write(tmp_path, "uitgeklapt.json", [placed()]))
    paper.refresh_from_db()
    assert paper.tk_document_number == "2025D00001"
    assert ("veld DocumentNummer: Kamerstuk 36 410, nr. 89 heeft bij ons documentnummer "
            "2025D00001, bij de Kamer 2025D15879; het onze blijft") in output
