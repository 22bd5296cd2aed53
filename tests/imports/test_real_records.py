"""The Kamer's records as its OData service really returns them (issue 15).

The records are real (tests/data/tk/real, copied unchanged from shared/data/real/tk-opendata):
500 Documents of Soort Motie without $expand, tombstones, and one page of 250 Zaak records of
every Soort. Where a test needs a record the service returns expanded, it is built from a real
one in the shape of the service's schema: `Kamerstukdossier` is a collection of
Kamerstukdossier entities (Nummer an Edm.Int32, Toevoeging and Titel strings), as the
`$metadata` document of /OData/v4/2.0/ declares it (a copy: api_metadata.xml in the public
repository tommyvanderwal/motiematcher).
"""

import datetime

import pytest
from django.core.management import CommandError
from django.utils import timezone

from commitments.models import Motion
from register.history import ChangeSource
from register.models import Dossier
from tests import factories
from tests.imports.helpers import DATA, records, run, snapshot, write

REAL = DATA / "real" / "document_motie_page.json"
TOMBSTONES = DATA / "real" / "document_tombstones.json"
ZAKEN = DATA / "real" / "zaak_page_mixed.json"


def real(number=0, **changes):
    return {**records("real/document_motie_page.json")[number], **changes}


def test_all_500_real_motion_documents_are_imported_to_be_completed(clerk):
    output = run("import_tk_moties", REAL)
    assert "nieuw: 500" in output and "ongeldig" not in output
    assert Motion.objects.count() == 500
    # Without $expand no record names its dossier: every one waits for a clerk.
    assert Motion.objects.dossier_missing().count() == 500
    motion = Motion.objects.get(tk_document_number="2025D15879")
    assert (motion.number, motion.tk_dossier_title, motion.filed_on) == (
        "89", "China", datetime.date(2025, 4, 9))
    assert motion.title == ("meer sancties voor de plegers van mensenrechtenschendingen tegen "
                            "Oeigoeren")
    assert [row.person.full_name for row in motion.submitter_rows.all()] == [
        "Van Baarle", "Paternotte"]
    row = motion.history.get()
    assert (row.history_user, row.change_source) == (clerk, ChangeSource.IMPORT)


def test_the_real_page_again_changes_nothing(clerk):
    run("import_tk_moties", REAL)
    before = snapshot()
    assert "ongewijzigd: 500" in run("import_tk_moties", REAL)
    assert snapshot() == before


def test_real_tombstones_are_skipped_and_counted_not_refused(clerk):
    output = run("import_tk_moties", TOMBSTONES)
    assert "verwijderd bij de Kamer en niet bij ons, overgeslagen: 10" in output
    assert not Motion.objects.exists()


def test_a_tombstone_marks_the_motion_we_hold_as_withdrawn_at_the_kamer(clerk, tmp_path):
    tombstone = records("real/document_tombstones.json")[0]
    motion = factories.motion(clerk, number="12")
    Motion.objects.filter(pk=motion.pk).update(tk_id=tombstone["Id"])
    path = write(tmp_path, "weg.json", [tombstone, real(0)])
    output = run("import_tk_moties", path)
    motion.refresh_from_db()
    assert motion.tk_deleted_at == datetime.datetime(2025, 6, 12, 10, 55, 35, 251487,
                                                     tzinfo=datetime.UTC)
    row = motion.history.latest()
    assert row.history_change_reason == (f"import TK weg.json: verwijderd bij de Kamer "
                                         f"({tombstone['Id']}); onze motie blijft")
    assert (row.history_user, row.change_source) == (clerk, ChangeSource.IMPORT)
    assert "Verwijderd bij de Kamer (de onze blijft; zie /verschillen/) (1):" in output
    assert Motion.objects.count() == 2  # the live record beside it is imported
    assert "ongewijzigd: 1" in run("import_tk_moties", TOMBSTONES)


def test_the_real_zaak_page_given_to_the_motion_import_says_it_is_a_zaak(clerk):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run("import_tk_moties", ZAKEN)
    assert snapshot() == before
    message = str(error.value)
    assert "zaak_page_mixed.json: dit zijn geen Document (motie)-records (gevonden: " in message
    assert "Dit zijn Zaak-records; een motie als Zaak" in message and "sync_tk" in message


def test_zaak_records_given_to_the_toezegging_import_miss_only_what_they_miss(clerk):
    with pytest.raises(CommandError) as error:
        run("import_tk_toezeggingen", ZAKEN)
    message = str(error.value)
    assert "dit zijn geen Toezegging-records: het veld Tekst ontbreekt (gevonden:" in message
    assert "Nummer, Tekst ontbreken" not in message
    assert "Dit zijn Zaak-records" in message


def test_a_zaak_among_documents_is_refused_by_record(clerk, tmp_path):
    zaak = records("real/zaak_page_mixed.json")[0]
    path = write(tmp_path, "gemengd.json", [real(0), zaak])
    with pytest.raises(CommandError, match="record 2 .*: is een Zaak-record, geen Document"):
        run("import_tk_moties", path)


@pytest.mark.parametrize("shape", ["list", "page", "next-link", "entity"])
def test_every_shape_the_service_answers_is_read(clerk, tmp_path, shape):
    payload = {
        "list": [real(0), real(1)],
        "page": {"@odata.context": "…/$metadata#Document", "value": [real(0), real(1)]},
        # A page of many: the file holds one page, the link names the next.
        "next-link": {"value": [real(0), real(1)], "@odata.nextLink":
                      "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document?$skip=250"},
        # GET …/Document(<id>) answers the entity itself.
        "entity": {"@odata.context": "…/$metadata#Document/$entity", **real(0)},
    }[shape]
    run("import_tk_moties", write(tmp_path, "vorm.json", payload, wrap=False))
    assert Motion.objects.count() == (1 if shape == "entity" else 2)


def kamerstukdossier(**changes):
    """An expanded Kamerstukdossier as the schema gives it (a collection); the number is an
    example, the record around it is real."""
    return [{"Id": "5b1a0c3e-0000-4000-8000-000000036410", "Titel": "China", "Citeertitel": None,
             "Alias": None, "Nummer": 36410, "Toevoeging": None, "HoogsteVolgnummer": 95,
             "Afgesloten": False, "Kamer": "Tweede Kamer", "Verwijderd": False, **changes}]


def test_an_expanded_kamerstukdossier_places_the_motion(clerk, tmp_path):
    run("import_tk_moties", write(tmp_path, "uitgeklapt.json", [
        real(0, Kamerstukdossier=kamerstukdossier())]))
    motion = Motion.objects.get()
    assert (motion.dossier.number, motion.dossier.title, motion.number) == ("36410", "China",
                                                                            "89")
    assert motion.tk_dossier_title == ""


def test_the_kamer_naming_the_dossier_later_completes_the_motion(clerk, tmp_path):
    run("import_tk_moties", REAL)
    motion = Motion.objects.get(tk_document_number="2025D15879")
    output = run("import_tk_moties", write(tmp_path, "later.json", [
        real(0, Kamerstukdossier=kamerstukdossier())]))
    motion.refresh_from_db()
    assert (motion.dossier.number, motion.tk_dossier_title) == ("36410", "")
    assert Motion.objects.count() == 500
    row = motion.history.latest()
    assert row.history_change_reason == "import TK later.json: motie 36410-89: aangevuld (dossier)"
    assert "bijgewerkt: 1" in output


@pytest.mark.parametrize("field, text", [
    ("text", "Tweede Kamer, vergaderjaar 2024–2025, 36 410, nr. 89\n\nkst-36410-89"),
    ("Citeertitel", "Motie (Kamerstuk 36410-89)"),
])
def test_the_kamerstuk_named_in_text_or_citation_places_the_motion(clerk, tmp_path, field,
                                                                    text):
    run("import_tk_moties", write(tmp_path, "genoemd.json", [real(0, **{field: text})]))
    assert Motion.objects.get().dossier.number == "36410"


def test_another_kamerstuk_in_the_text_is_a_warning_not_a_refusal(clerk, tmp_path):
    output = run("import_tk_moties", write(tmp_path, "ander.json", [
        real(0, text="zie kst-36410-12")]))
    assert Motion.objects.get().dossier is None
    assert "de tekst noemt Kamerstuk 36410-12, niet nr. 89; het dossier is nog aan te vullen" \
        in output


def test_one_dossier_created_for_many_motions(clerk, tmp_path):
    path = write(tmp_path, "twee.json", [real(0, Kamerstukdossier=kamerstukdossier()),
                                         real(1, Kamerstukdossier=kamerstukdossier())])
    run("import_tk_moties", path)
    assert Dossier.objects.get().motions.count() == 2


def test_a_dry_run_of_the_real_page_writes_nothing(clerk):
    before = snapshot()
    output = run("import_tk_moties", REAL, dry_run=True)
    assert snapshot() == before
    assert "nieuw: 500" in output and "er is niets opgeslagen" in output


def test_a_withdrawn_motion_the_kamer_has_again_is_no_longer_withdrawn(clerk, tmp_path):
    run("import_tk_moties", write(tmp_path, "een.json", [real(0)]))
    Motion.objects.update(tk_deleted_at=timezone.now())
    run("import_tk_moties", write(tmp_path, "een.json", [real(0)]))
    assert Motion.objects.get().tk_deleted_at is None
