"""import_tk_toezeggingen over time: idempotent, follows the Kamer where nobody here decided
otherwise, keeps ours where a person did, and links what we entered by hand."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from commitments.models import Commitment, Status
from register.history import ChangeSource
from register.models import Office, Person
from tests import factories
from tests.imports.helpers import record, records, run, snapshot, write


def history_rows():
    return Commitment.history.count()


@pytest.fixture
def first(clerk, pages):
    run("import_tk_toezeggingen", *pages)
    return {c.tk_number: c for c in Commitment.objects.all()}


def afgedaan(**changes):
    return record("TZ202412-116", Status="Afgedaan",
                  DatumNakoming="2025-03-20T00:00:00+01:00",
                  GewijzigdOp="2025-03-21T10:00:00+01:00",
                  KamerbriefNakoming=[{"Soort": "Brief regering", "DocumentNummer": "2025D11111",
                                       "Onderwerp": "Varend ontgassen", "Volgnummer": 412,
                                       "Datum": "2025-03-20T00:00:00+01:00",
                                       "Vergaderjaar": "2024-2025",
                                       "Kamerstukdossier": {"Nummer": 31409,
                                                            "Toevoeging": None,
                                                            "Titel": "Zee- en binnenvaart"}}],
                  **changes)


def test_a_second_run_of_the_same_files_changes_nothing(first, pages,
                                                         django_assert_max_num_queries):
    before = snapshot()
    versions = {c.pk: c.version for c in Commitment.objects.all()}
    with django_assert_max_num_queries(15):
        output = run("import_tk_toezeggingen", *pages)
    assert snapshot() == before
    assert {c.pk: c.version for c in Commitment.objects.all()} == versions
    assert "ongewijzigd: 8" in output and "nieuw:" not in output and "bijgewerkt" not in output


def test_the_kamer_is_followed_where_nobody_here_changed_the_status(first, clerk, tmp_path):
    path = write(tmp_path, "toezeggingen-2025-03.json", [afgedaan()])
    rows = history_rows()
    output = run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.select_related("delivered_by").get(tk_number="TZ202412-116")
    assert (commitment.status, commitment.tk_status) == (Status.DONE, "Afgedaan")
    assert commitment.delivered_on == datetime.date(2025, 3, 20)
    assert commitment.delivered_by.ident == "kst-31409-412"
    assert commitment.delivered_by.tk_document_number == "2025D11111"
    assert commitment.status_source == ChangeSource.IMPORT
    assert commitment.version == 2
    assert history_rows() == rows + 1
    latest = commitment.history.latest()
    assert latest.history_change_reason == (
        "import TK toezeggingen-2025-03.json: Openstaand → Afgedaan")
    assert (latest.history_user, latest.change_source, latest.history_type) == (
        clerk, ChangeSource.IMPORT, "~")
    assert (latest.status, latest.version) == (Status.DONE, 2)
    assert "Openstaand → Afgedaan" in output
    # And once more: nothing.
    run("import_tk_toezeggingen", path)
    assert history_rows() == rows + 1


def test_the_kamer_reopening_a_commitment_is_followed_too(first, tmp_path):
    path = write(tmp_path, "heropend.json", [record("TZ202410-201", name="toezeggingen-page2.json",
                                                    Status="Openstaand",
                                                    DatumNakoming="0001-01-01T00:00:00Z")])
    run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get(tk_number="TZ202410-201")
    assert (commitment.status, commitment.delivered_on, commitment.delivered_by) == (
        Status.OPEN, None, None)
    assert commitment.history.latest().history_change_reason == (
        "import TK heropend.json: Voldaan → Openstaand")


def test_an_empty_status_later_keeps_the_status_we_had(first, tmp_path):
    path = write(tmp_path, "leeg.json", [record("TZ202410-201", name="toezeggingen-page2.json",
                                                Status="")])
    output = run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get(tk_number="TZ202410-201")
    assert (commitment.status, commitment.tk_status) == (Status.DONE, "")
    assert "veld Status: leeg" in output


def test_a_status_a_person_set_is_kept_and_listed_as_a_difference(first, clerk, tmp_path,
                                                                  client_for):
    commitment = first["TZ202412-116"]
    commitment.change_status(Status.IN_PROGRESS, by=clerk, reason="Brief in voorbereiding")
    path = write(tmp_path, "toezeggingen-2025-03.json", [afgedaan()])
    rows = history_rows()
    output = run("import_tk_toezeggingen", path)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.tk_status) == (Status.IN_PROGRESS, "Afgedaan")
    assert commitment.status_source == ChangeSource.PERSON
    assert commitment.delivered_by is None
    assert commitment.tk_modified == datetime.datetime.fromisoformat("2025-03-21T10:00:00+01:00")
    assert history_rows() == rows + 1
    reason = commitment.history.latest().history_change_reason
    assert reason.startswith("import TK toezeggingen-2025-03.json: Openstaand → Afgedaan")
    assert "In uitvoering" in reason
    assert "Kamer Afgedaan, bij ons In uitvoering" in output
    page = client_for(clerk).get(reverse("commitments:differences")).content.decode()
    assert commitment.number in page and "Afgedaan" in page


def test_in_progress_is_no_difference_with_openstaand(first, clerk, pages, client_for):
    commitment = first["TZ202412-116"]
    commitment.change_status(Status.IN_PROGRESS, by=clerk, reason="Gestart")
    output = run("import_tk_toezeggingen", *pages)
    assert "Verschillen" not in output
    page = client_for(clerk).get(reverse("commitments:differences")).content.decode()
    assert commitment.number not in page


def test_a_record_deleted_at_the_kamer_keeps_ours_and_is_a_difference(first, clerk, tmp_path,
                                                                     client_for):
    path = write(tmp_path, "verwijderd.json", [record("TZ202412-116", Verwijderd=True,
                                                      GewijzigdOp="2025-04-01T09:00:00+02:00")])
    output = run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get(tk_number="TZ202412-116")
    assert (commitment.status, commitment.tk_status) == (Status.OPEN, "Verwijderd")
    assert "Verwijderd bij de Kamer (de onze blijft" in output
    assert commitment.history.latest().history_change_reason.startswith(
        "import TK verwijderd.json: Openstaand → Verwijderd")
    page = client_for(clerk).get(reverse("commitments:differences")).content.decode()
    assert commitment.number in page and "Verwijderd" in page
    rows = history_rows()
    run("import_tk_toezeggingen", path)
    assert history_rows() == rows


def test_the_kamers_notes_and_modified_date_are_kept_up_to_date(first, tmp_path):
    path = write(tmp_path, "notities.json", [record("TZ202412-116", Notities="Nieuwe notitie",
                                                    GewijzigdOp="2025-01-02T10:00:00+01:00")])
    run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get(tk_number="TZ202412-116")
    assert commitment.tk_notes == "Nieuwe notitie"
    assert commitment.history.latest().history_change_reason.startswith(
        "import TK notities.json: gegevens bijgewerkt")


def test_a_changed_text_is_followed_with_its_title_and_deadline(first, tmp_path):
    new_text = "De minister stuurt de Kamer in juni 2025 een brief over walstroom in havens."
    path = write(tmp_path, "tekst.json", [record("TZ202412-116", Tekst=new_text)])
    run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get(tk_number="TZ202412-116")
    assert commitment.text == new_text
    assert commitment.title == new_text[:-1]

    assert (commitment.deadline_text, commitment.deadline_end) == ("in juni 2025",
                                                                   datetime.date(2025, 6, 30))

def test_a_changed_text_updates_whether_the_deadline_is_estimated(first, tmp_path):
    """The bulk update writes every field save() derives: a period that rests on estimated
    recess dates is marked so (and rederive_deadlines finds it), and unmarked when it no longer
    does."""
    for name, words, estimated in (("geschat.json", "voor het kerstreces van 2040", True),
                                   ("bekend.json", "in juni 2025", False)):
        text = f"De minister stuurt de Kamer {words} een brief over walstroom in havens."
        run("import_tk_toezeggingen", write(tmp_path, name, [record("TZ202412-116", Tekst=text)]))
        commitment = Commitment.objects.get(tk_number="TZ202412-116")
        assert (commitment.deadline_text, commitment.deadline_estimated) == (words, estimated)


def test_a_clerks_no_deadline_survives_a_changed_text_and_a_rerun(first, clerk, pages,
                                                                  tmp_path):
    commitment = first["TZ202412-116"]
    commitment.deadline_none = True
    commitment.save()
    new_text = "De minister stuurt de Kamer in juni 2025 een brief over walstroom in havens."
    path = write(tmp_path, "tekst.json", [record("TZ202412-116", Tekst=new_text)])
    # The words follow the Kamer's text, then its old text again; their period is kept, to be
    # shown, not used.
    for files, parsed_end in (([path], datetime.date(2025, 6, 30)),
                              (pages, datetime.date(2025, 3, 31))):
        run("import_tk_toezeggingen", *files)
        commitment.refresh_from_db()
        assert commitment.deadline_none and commitment.deadline_parsed_end == parsed_end
        assert (commitment.deadline_start, commitment.deadline_end) == (None, None)
        assert commitment.history.latest().deadline_none


def test_a_followed_text_is_found_by_search(first, tmp_path, client_for, clerk):
    path = write(tmp_path, "tekst.json", [record("TZ202412-116", Tekst="Walstroom in havens.")])
    run("import_tk_toezeggingen", path)
    found = client_for(clerk).get(reverse("commitments:list"), {"q": "walstroom havens"})
    assert first["TZ202412-116"].number in found.content.decode()

def test_a_title_a_clerk_wrote_is_kept_when_the_text_changes(first, clerk, tmp_path):
    commitment = first["TZ202412-116"]
    commitment.title = "Brief varend ontgassen"
    commitment.save()
    path = write(tmp_path, "tekst.json",
                 [record("TZ202412-116", Tekst="Nieuwe tekst in mei 2025.")])
    run("import_tk_toezeggingen", path)
    commitment.refresh_from_db()
    assert commitment.title == "Brief varend ontgassen"
    assert commitment.text == "Nieuwe tekst in mei 2025."


@pytest.fixture
def hand_entered(clerk):
    """Entered by hand before the first import: same minister and day as TZ202412-116."""
    ministry = factories.ministry("IenW")
    madlener = Person.objects.create(surname="Madlener", initials="B.")
    Office.objects.create(person=madlener, title="Minister van Infrastructuur en Waterstaat",
                          ministry=ministry)
    day = datetime.date(2024, 12, 10)
    similar = factories.commitment(
        clerk, bewindspersoon=madlener, ministry=ministry, made_on=day, title="Brief ontgassen",
        text="Ik stuur de Kamer in maart 2025 een brief over de voortgang van de aanpak van "
             "varend ontgassen en de handhaving door de provincies.")
    paraphrase = factories.commitment(
        clerk, bewindspersoon=madlener, ministry=ministry, made_on=day, title="Walstroom",
        text="Minister Madlener spreekt de binnenvaartsector over walstroom in havens.")
    return similar, paraphrase


def test_dry_run_proposes_the_match_and_writes_nothing(hand_entered, pages):
    before = snapshot()
    output = run("import_tk_toezeggingen", *pages, dry_run=True)
    assert snapshot() == before
    similar, _ = hand_entered
    assert f"TZ202412-116 → {similar.number} ‘Brief ontgassen’ (0.79)" in output
    assert "woordovereenkomst" in output and "difflib" in output and "0.60" in output
    assert "Proefrun (--dry-run): er is niets opgeslagen." in output
    assert "nieuw: 7" in output
    assert "Nieuw (7):" in output and "(TZ202412-117): De staatssecretaris" in output
    assert f"{similar.number} (TZ202412-116): gekoppeld aan TZ202412-116" in output


def test_a_match_is_linked_not_duplicated(hand_entered, pages, clerk):
    similar, paraphrase = hand_entered
    run("import_tk_toezeggingen", *pages)
    similar.refresh_from_db()
    assert (similar.tk_id, similar.tk_number, similar.tk_status) == (
        "5f3c0e3a-7d1b-4a8e-9c62-0b1f7e2d4a11", "TZ202412-116", "Openstaand")
    assert similar.title == "Brief ontgassen"  # ours
    assert similar.status_source == ChangeSource.PERSON
    assert Commitment.objects.filter(tk_number="TZ202412-116").count() == 1
    latest = similar.history.latest()
    assert latest.history_change_reason == ("import TK toezeggingen-page1.json: gekoppeld aan "
                                            "TZ202412-116 (woordovereenkomst 0.79)")
    assert (latest.history_user, latest.change_source) == (clerk, ChangeSource.IMPORT)
    # A paraphrase below the threshold is no match: TZ202412-120 is new.
    paraphrase.refresh_from_db()
    assert paraphrase.tk_number == ""
    assert Commitment.objects.get(tk_number="TZ202412-120").pk != paraphrase.pk


def test_a_hand_entered_commitment_with_the_kamers_number_is_completed(clerk, pages):
    ours = factories.commitment(clerk, tk_number="TZ202412-117", title="Lachgas")
    run("import_tk_toezeggingen", *pages)
    ours.refresh_from_db()
    assert ours.tk_id == "a8d2b6f0-1c4e-4f7a-8b3d-6e9f0c1a2b22"
    assert (ours.status, ours.tk_status) == (Status.OPEN, "Afgedaan")  # ours is kept
    assert Commitment.objects.filter(tk_number="TZ202412-117").count() == 1


def test_several_changes_in_one_file_write_one_row_each(first, tmp_path):
    changed = [afgedaan(), record("TZ202412-119", Status="Vervallen")]
    path = write(tmp_path, "maart.json", changed + [r for r in records()
                                                    if r["Nummer"] not in ("TZ202412-116",
                                                                           "TZ202412-119")])
    rows = history_rows()
    output = run("import_tk_toezeggingen", path)
    assert history_rows() == rows + 2
    assert "bijgewerkt: 2" in output
    lapsed = Commitment.objects.get(tk_number="TZ202412-119")
    assert lapsed.history.latest().history_change_reason == (
        "import TK maart.json: Openstaand → Vervallen")


def test_a_commitment_saved_by_someone_else_during_the_import_is_not_overwritten(
        first, clerk, tmp_path, monkeypatch):
    from commitments.tk_import import ToezeggingImport

    resolve = ToezeggingImport.resolve

    def resolve_while_a_clerk_saves(self, items):
        resolve(self, items)
        meanwhile = Commitment.objects.get(tk_number="TZ202412-116")
        meanwhile.change_status(Status.IN_PROGRESS, by=clerk, reason="Intussen")

    monkeypatch.setattr(ToezeggingImport, "resolve", resolve_while_a_clerk_saves)
    path = write(tmp_path, "toezeggingen-2025-03.json", [afgedaan()])
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_tk_toezeggingen", str(path), user="griffie", stdout=out)
    assert error.value.returncode == 3
    assert str(error.value) == ("1 toezegging(en) niet bijgewerkt: iemand wijzigde ze tijdens de "
                                "import; de rest is geïmporteerd. Start de import opnieuw "
                                "(afsluitcode 3).")
    assert (f"Tijdens de import door iemand anders gewijzigd, niet bijgewerkt (start de import "
            f"opnieuw) (1):\n  {first['TZ202412-116'].number}") in out.getvalue()
    commitment = Commitment.objects.get(tk_number="TZ202412-116")
    assert (commitment.status, commitment.tk_status) == (Status.IN_PROGRESS, "Openstaand")
    assert commitment.history.latest().history_change_reason == "Intussen"
    # Run again: now it is brought up to date (the Kamer's word; our status a person set stays).
    monkeypatch.undo()
    run("import_tk_toezeggingen", path)
    commitment = Commitment.objects.get(tk_number="TZ202412-116")
    assert (commitment.status, commitment.tk_status) == (Status.IN_PROGRESS, "Afgedaan")
