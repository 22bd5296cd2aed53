"""import_tk_moties on the Kamer's real records (January 2023)."""

import datetime

import pytest
from django.core.management import CommandError

from commitments.models import Motion
from register.history import ChangeSource
from register.models import Dossier, Person
from tests import factories
from tests.history_audit import history_audit
from tests.imports.helpers import records, run, snapshot, write

SAMPLE = "moties-2023-01-sample.json"


def submitters(motion):
    return [row.person.full_name for row in motion.submitter_rows.select_related("person")]


@pytest.fixture
def imported(clerk, moties_sample):
    with history_audit() as rows:
        output = run("import_tk_moties", moties_sample)
    assert rows
    return output, {(m.dossier.number, m.number): m
                    for m in Motion.objects.select_related("dossier")}


def test_the_five_motions_with_their_dossiers_and_numbers(imported):
    output, motions = imported
    assert sorted(motions) == [("31288", "1013"), ("31288", "1019"), ("31409", "387"),
                               ("34352", "268"), ("35765", "16")]
    assert "nieuw: 5" in output
    assert Dossier.objects.get(number="31288").title == ("Hoger Onderwijs-, Onderzoek- en "
                                                         "Wetenschapsbeleid")
    assert Dossier.objects.get(number="31409").title == "Zee- en binnenvaart"


def test_fields_of_a_motion(imported):
    motion = imported[1][("31288", "1013")]
    assert motion.title == ("de stayrate en arbeidsmarktpositie van internationale "
                            "afgestudeerden in Nederland")
    assert motion.filed_on == datetime.date(2023, 1, 31)
    assert motion.tk_document_number == "2023D03544"
    assert motion.tk_id == "2ab28465-d924-4da2-9f58-02ad40589cc0"
    assert motion.text.startswith("De Kamer,\ngehoord de beraadslaging,\noverwegende dat")
    assert "verzoekt de regering in de februaribrief" in motion.text
    assert motion.text.endswith("en gaat over tot de orde van de dag.")
    assert motion.vote_outcome == "submitted"


@pytest.mark.parametrize("place, names", [
    (("31288", "1013"), ["Van der Woude", "Van der Graaf"]),
    (("31409", "387"), ["Tjeerd de Groot"]),
    (("31288", "1019"), ["Peters", "Kwint"]),
    (("35765", "16"), ["Peters", "Van der Woude"]),
    # "Motie van het lid Kathmann c.s.": the co-submitters signed at the foot of the motion.
    (("34352", "268"), ["Kathmann", "Maatoug", "Sylvana Simons"]),
])
def test_submitters_from_onderwerp(imported, place, names):
    assert submitters(imported[1][place]) == names


def test_name_parts_of_submitters(imported):
    groot = Person.objects.get(surname="Groot")
    assert (groot.first_name, groot.prefix) == ("Tjeerd", "de")
    woude = Person.objects.get(surname="Woude")
    assert (woude.first_name, woude.prefix) == ("", "van der")
    assert Person.objects.filter(surname="Peters").count() == 1  # one member, two motions


def test_subjects_become_titles(imported):
    titles = {place: motion.title for place, motion in imported[1].items()}
    assert titles[("34352", "268")] == "afschaffing van de kostendelersnorm"
    assert titles[("31409", "387")] == "het voorbereiden van een landelijk verbod op varend " \
                                       "ontgassen"


def test_a_second_run_changes_nothing(imported, moties_sample):
    before = snapshot()
    output = run("import_tk_moties", moties_sample)
    assert snapshot() == before
    assert "ongewijzigd: 5" in output


def test_history_rows_name_user_source_and_file(imported, clerk):
    for motion in imported[1].values():
        row = motion.history.get()
        assert (row.history_user, row.change_source) == (clerk, ChangeSource.IMPORT)
        assert row.history_change_reason.startswith(f"import TK {SAMPLE}: motie ")
        for submitter in motion.submitter_rows.all():
            assert submitter.history.get().change_source == ChangeSource.IMPORT


def test_a_hand_entered_motion_is_completed_not_duplicated(clerk, moties_sample):
    member = Person.objects.create(surname="Woude", prefix="van der")
    motion = factories.motion(clerk, dossier=factories.dossier("31288"), number="1013",
                              title="Stayrate internationale studenten")
    motion.submitter_rows.create(person=member)
    run("import_tk_moties", moties_sample)
    motion.refresh_from_db()
    assert Motion.objects.filter(dossier__number="31288", number="1013").count() == 1
    assert motion.title == "Stayrate internationale studenten"  # ours
    assert (motion.tk_document_number, motion.filed_on) == ("2023D03544",
                                                            datetime.date(2023, 1, 31))
    assert "verzoekt de regering" in motion.text
    # Ours stays first; the co-submitter the record names is added after it.
    assert submitters(motion) == ["Van der Woude", "Van der Graaf"]
    latest = motion.history.latest()
    assert latest.history_change_reason == (f"import TK {SAMPLE}: motie 31288-1013: aangevuld "
                                            f"(text, filed_on, tk_document_number, tk_id)")
    assert (latest.history_user, latest.change_source) == (clerk, ChangeSource.IMPORT)


def test_a_hand_entered_motion_without_submitters_gets_them(clerk, moties_sample):
    graaf = Person.objects.create(surname="Graaf", prefix="van der")
    motion = factories.motion(clerk, dossier=factories.dossier("31288"), number="1013")
    run("import_tk_moties", moties_sample)
    assert submitters(motion) == ["Van der Woude", "Van der Graaf"]
    assert motion.submitter_rows.get(order=1).person == graaf


def test_records_of_another_soort_are_skipped_and_counted(clerk, tmp_path):
    """A page of Documents holds every Soort; the others are no errors (issue 15)."""
    amendment = {**records(SAMPLE)[0], "Soort": "Amendement", "Volgnummer": 20}
    letter = {**records(SAMPLE)[2], "Soort": "Brief regering"}
    path = write(tmp_path, "gemengd.json", [records(SAMPLE)[1], amendment, letter])
    output = run("import_tk_moties", path)
    assert list(Motion.objects.values_list("number", flat=True)) == ["387"]
    assert "andere Soort, overgeslagen: 2" in output
    assert "(Amendement: 1, Brief regering: 1)" in output
    assert "ongeldig" not in output


def test_an_expanded_kamerstukdossier_is_used(clerk, tmp_path):
    record = {**records(SAMPLE)[0], "text": None, "Kamerstukdossier": [
        {"Nummer": 35570, "Toevoeging": "XVI", "Titel": "Begroting VWS 2021"}]}
    run("import_tk_moties", write(tmp_path, "uitgeklapt.json", [record]))
    motion = Motion.objects.get()
    assert (motion.dossier.number, motion.dossier.title, motion.number) == (
        "35570-XVI", "Begroting VWS 2021", "1013")
    assert motion.text == ""


def test_a_motion_without_dossier_is_imported_to_be_completed(clerk, tmp_path):
    record = {**records(SAMPLE)[0], "text": "geen nummer"}
    output = run("import_tk_moties", write(tmp_path, "zonder.json", [record]))
    motion = Motion.objects.get()
    assert (motion.dossier, motion.number, motion.tk_dossier_title) == (
        None, "1013", "Hoger Onderwijs-, Onderzoek- en Wetenschapsbeleid")
    assert list(Motion.objects.dossier_missing()) == [motion]
    assert "Zonder dossier geïmporteerd; het dossier is nog aan te vullen" in output
    assert "nr. 1013 (2023D03544, ‘Hoger Onderwijs-, Onderzoek- en Wetenschapsbeleid’)" in output
    assert str(motion.reference) == "nr. 1013, dossier nog aan te vullen (2023D03544)"


def test_deleted_motions_are_not_imported(clerk, tmp_path):
    path = write(tmp_path, "weg.json", [{**records(SAMPLE)[0], "Verwijderd": True}])
    output = run("import_tk_moties", path)
    assert not Motion.objects.exists()
    assert "overgeslagen: 1" in output


def test_duplicate_motions_in_one_file_are_refused(clerk, tmp_path):
    first = records(SAMPLE)[0]
    twin = {**first, "Id": "00000000-0000-4000-8000-000000000001", "DocumentNummer": "2023D1"}
    with pytest.raises(CommandError, match="komt twee keer voor"):
        run("import_tk_moties", write(tmp_path, "dubbel.json", [first, twin]))


def test_dry_run_writes_nothing(clerk, moties_sample):
    before = snapshot()
    output = run("import_tk_moties", moties_sample, dry_run=True)
    assert snapshot() == before
    assert "nieuw: 5" in output and "er is niets opgeslagen" in output


def test_a_filing_date_after_our_vote_date_is_not_taken_over(clerk, moties_sample):
    """The record is filed 31 January 2023; we hold the vote on 24 January: refused, reported."""
    motion = factories.motion(clerk, dossier=factories.dossier("31288"), number="1013")
    motion.record_vote("rejected", by=clerk, reason="Stemmingen", on=datetime.date(2023, 1, 24))
    output = run("import_tk_moties", moties_sample)
    motion.refresh_from_db()
    assert motion.filed_on is None
    assert motion.tk_document_number == "2023D03544"  # the rest is completed
    assert "ligt vóór de indiening" in output
