"""A first run of sync_tk against the replay of the Kamer's service, and the runs after it."""

import datetime

from commitments.models import (
    Commitment,
    Motion,
    MotionVote,
    SyncCursor,
    SyncRun,
    SyncRunEntity,
)
from register.history import ChangeSource
from register.models import Debate, Document, Dossier, Party, Person
from tests.sync import data
from tests.sync.helpers import snapshot, sync
from tests.sync.replay import moment

UTC = datetime.UTC


def test_a_first_run_follows_every_entity_set(clerk, replay):
    output = sync(replay)
    run = SyncRun.objects.get()
    assert (run.outcome, run.user, run.base_url) == ("succeeded", clerk, replay.base_url)
    logs = {log.entity: log for log in run.entities.all()}
    assert list(logs) == ["Fractie", "Persoon", "Document", "Zaak", "Toezegging"]
    document = logs["Document"]
    assert (document.pages, document.read, document.created, document.tombstones) == (
        3, 510, 500, 10)
    assert document.skipped == {"deleted": 10}
    zaak = logs["Zaak"]
    assert (zaak.read, zaak.created, zaak.skipped_total) == (250, 49, 201)
    assert zaak.skipped["soort:Brief regering"] == 89
    assert Motion.objects.filter(tk_id__gt="").count() == 500  # from the Documents
    assert Motion.objects.filter(tk_zaak_id__gt="").count() == 49  # from the Zaken
    # 13 parties from Fractie, one more that a commitment was made to (GroenLinks-PvdA).
    assert Commitment.objects.count() == 8 and Party.objects.count() == 14
    assert "Document: 3 pagina('s), 510 gelezen, 500 nieuw" in output
    assert "overgeslagen: andere Soort: Brief regering 89, andere Soort: Schriftelijke vragen " \
           "33" in output


def test_each_cursor_is_the_latest_change_applied(clerk, replay):
    sync(replay)
    cursors = dict(SyncCursor.objects.values_list("entity", "modified"))
    assert cursors["Document"] == datetime.datetime(2025, 9, 23, 14, 19, 18, 448808, tzinfo=UTC)
    assert cursors["Zaak"] == datetime.datetime(2024, 11, 29, 12, 14, 21, 487694, tzinfo=UTC)
    assert SyncRunEntity.objects.get(entity="Zaak").cursor_to == cursors["Zaak"]


def test_a_vote_with_each_partys_vote_and_seats(clerk, replay):
    sync(replay)
    motion = Motion.objects.get(tk_zaak_number="2019Z08689")
    assert (motion.dossier.number, motion.number, motion.title) == (
        "21501-20", "1445", "de top in Sibiu gebruiken om het verbod op de pulsvisserij van "
                            "tafel te vegen")
    assert (motion.vote_outcome, motion.voted_on) == ("rejected", datetime.date(2019, 5, 7))
    assert motion.appreciation == "ontraden"  # the real record's Kabinetsappreciatie
    vote = motion.vote
    assert (vote.outcome, vote.kind, vote.text) == ("rejected", "Met handopsteken", "Verworpen.")
    assert (vote.seats_for, vote.seats_against) == (29, 120)
    assert {"party": "PVV", "vote": "Voor", "seats": 20, "mistake": False} in vote.parties
    row = motion.history.get()
    assert (row.history_user, row.change_source) == (clerk, ChangeSource.IMPORT)
    assert vote.history.get().history_change_reason == (
        "sync_tk Zaak: motie 21501-20-1445: stemming: Verworpen.")


def test_an_adopted_motion_is_open_for_execution(clerk, replay):
    sync(replay)
    motion = Motion.objects.get(tk_zaak_number="2015Z13591")
    assert (motion.vote_outcome, motion.execution_status) == ("adopted", "open")
    assert motion.vote.seats_against == 32


def test_submitters_from_zaakactor_the_first_submitter_first(clerk, replay):
    sync(replay)
    motion = Motion.objects.get(tk_zaak_number="2019Z08689")
    rows = motion.submitter_rows.select_related("person", "party")
    assert [(row.person.full_name, row.party.abbreviation, row.order) for row in rows] == [
        ("Vicky Maeijer", "PVV", 0), ("Geert Wilders", "PVV", 1)]
    # Matched to the Kamer's Persoon records by their Id.
    assert rows[0].person.tk_id == Person.objects.get(surname="Maeijer").tk_id != ""


def test_the_cabinets_appreciation_as_the_kamer_words_it(clerk, replay):
    sync(replay, "Zaak")
    found = {value: Motion.objects.filter(appreciation=value).count()
             for value in ("ontraden", "oordeel_kamer", "aanhouden", "")}
    # The real page: Ontraden 6, Oordeel Kamer 3, Verzocht motie aan te houden 2; "Niet
    # beschikbaar …" (37) and "Geen (expliciete) appreciatie" (1) are no appreciation.
    assert found == {"ontraden": 6, "oordeel_kamer": 3, "aanhouden": 2, "": 38}


def test_one_person_however_the_records_spell_the_name(clerk, replay):
    sync(replay)
    # The Kamer's Persoon record says Kostić; the real Documents say Kostic.
    (person,) = Person.objects.filter(surname__in=["Kostic", "Kostić"])
    assert person.surname == "Kostić" and person.tk_id
    assert person.motion_rows.count() == Motion.objects.filter(
        submitter_rows__person=person).count() > 0


def test_the_debate_a_commitment_was_made_in(clerk, replay):
    sync(replay)
    commitment = Commitment.objects.get(tk_number="TZ202412-116")
    debate = commitment.debate
    assert (debate.tk_number, debate.kind, debate.title, debate.date) == (
        "2024A05766", Debate.Kind.COMMITTEE, "Scheepvaart", datetime.date(2024, 12, 10))
    assert debate.committee.abbreviation == "IenW"


def test_a_second_run_changes_nothing(clerk, replay):
    sync(replay)
    before = snapshot()
    output = sync(replay)
    assert snapshot() == before
    second = SyncRun.objects.order_by("started_at").last()
    assert second.outcome == "succeeded"
    # Asked for the records changed since each cursor: the last of each set, once more.
    assert {log.entity: (log.read, log.created + log.updated)
            for log in second.entities.all()} == {
        "Fractie": (1, 0), "Persoon": (1, 0), "Document": (1, 0), "Zaak": (1, 0),
        "Toezegging": (1, 0)}
    assert "0 nieuw, 0 bijgewerkt" in output


def test_a_dry_run_writes_nothing(clerk, replay):
    before = snapshot()
    output = sync(replay, dry_run=True)
    assert snapshot() == before
    assert not SyncRun.objects.exists() and not SyncCursor.objects.exists()
    assert "Document: 3 pagina('s), 510 gelezen, 500 nieuw" in output
    assert "er is niets opgeslagen, de cursors staan nog waar ze stonden" in output


def test_since_reads_from_that_moment_and_never_moves_a_cursor_back(clerk, replay):
    sync(replay, "Document")
    cursor = SyncCursor.objects.get().modified
    sync(replay, "Document", args=["--since=2025-09-23T00:00:00Z"])
    run = SyncRun.objects.order_by("started_at").last()
    since = datetime.datetime(2025, 9, 23, tzinfo=UTC)
    changed = [r for r in replay.sets["Document"] if moment(r["ApiGewijzigdOp"]) >= since]
    assert run.entities.get().read == len(changed) == 22
    assert SyncCursor.objects.get().modified == cursor


def test_history_rows_name_the_user_and_the_entity_set(clerk, replay):
    sync(replay, "Document")
    motion = Motion.objects.get(tk_document_number="2025D15879")
    row = motion.history.get()
    assert (row.history_user, row.change_source) == (clerk, ChangeSource.IMPORT)
    assert row.history_change_reason == ("sync_tk Document: motie nr. 89 (2025D15879, dossier "
                                         "onbekend): overgenomen")
    assert MotionVote.objects.count() == 0


def test_the_samples_with_their_text_get_their_dossier_from_it(clerk, replay):
    # The five Motie Documents of shared/data/tk-opendata carry the motion's text (a third
    # party added it); on a page next to the real records without it, each finds its dossier
    # in its text, the rest stay to be completed.
    replay.serve("Document", data.load("real/document_motie_page.json")
                 + data.load("moties-2023-01-sample.json"))
    sync(replay, "Document")
    found = dict(Motion.objects.filter(dossier__isnull=False).values_list(
        "tk_document_number", "dossier__number"))
    assert found == {"2023D03544": "31288", "2023D02273": "31409", "2023D03550": "31288",
                     "2023D02299": "35765", "2023D02578": "34352"}
    assert Motion.objects.filter(dossier__isnull=True).count() == 500


def test_a_document_stored_without_the_kamers_number_gets_it(clerk, replay):
    # Stored before register migration 0018: the letter that delivered TZ202412-117.
    letter = Document.objects.create(kind="brief", dossier=Dossier.objects.create(number="32793"),
                                     number="789", date=datetime.date(2025, 2, 14))
    sync(replay, "Toezegging")
    letter.refresh_from_db()
    assert letter.tk_document_number == "2025D06789"
    assert letter.history.first().history_change_reason.endswith(
        "(documentnummer van de Kamer)")
    assert Document.objects.filter(ident="kst-32793-789").count() == 1
