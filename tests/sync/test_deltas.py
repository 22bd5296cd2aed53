"""A run after the Kamer changed its records: only what changed is read, and each change is applied
with its history row; a withdrawn record marks ours, never deletes it."""

import datetime

from django.urls import reverse

from commitments.models import Commitment, Motion, SyncRun
from tests.sync import data
from tests.sync.helpers import snapshot, sync

LATER = "2025-10-01T09:00:00.0000000Z"


def changed(record, **fields):
    """The record as the Kamer changed it: new values, a later ApiGewijzigdOp."""
    record.update(ApiGewijzigdOp=LATER, **fields)
    return record


def find(records, **fields):
    return next(r for r in records if all(r.get(k) == v for k, v in fields.items()))


def last_run():
    return SyncRun.objects.order_by("started_at").last()


def test_a_delta_reads_only_what_changed_and_applies_it(clerk, replay):
    sync(replay)
    documents, zaken = replay.sets["Document"], replay.sets["Zaak"]
    # The Kamer names the dossier of one motion, withdraws another, and publishes a new one.
    changed(find(documents, DocumentNummer="2025D15879"), Kamerstukdossier=[{
        "Id": data.made_up_id("dossier 36410"), "Nummer": 36410, "Toevoeging": None,
        "Titel": "China", "Verwijderd": False}])
    withdrawn = find(documents, DocumentNummer="2025D15880")
    documents.append({**dict.fromkeys(withdrawn), "Id": withdrawn["Id"],
                      "Verwijderd": True, "ApiGewijzigdOp": LATER,
                      "GewijzigdOp": "2025-10-01T11:00:00+02:00"})
    documents.remove(withdrawn)
    documents.append(changed({**withdrawn, "Id": data.made_up_id("new document"),
                              "DocumentNummer": "2025D99999", "Volgnummer": 96}))
    # A motion held is voted on.
    zaak = find(zaken, Nummer="2012Z05959")
    changed(zaak, Besluit=[data.besluit(zaak, "Stemmen - aangenomen", "Aangenomen.", set(),
                                        "2025-09-30")])
    # A commitment is fulfilled at the Kamer.
    toezegging = find(replay.sets["Toezegging"], Nummer="TZ202412-116")
    changed(toezegging, Status="Afgedaan", DatumNakoming="2025-09-30T00:00:00+02:00")
    before = Motion.objects.count()

    output = sync(replay)

    logs = {log.entity: log for log in last_run().entities.all()}
    # What changed, and the last record of the previous run once more (asked for "since").
    assert {name: log.read for name, log in logs.items()} == {
        "Fractie": 1, "Persoon": 1, "Document": 3 + 1, "Zaak": 1 + 1, "Toezegging": 1 + 1}
    assert (logs["Document"].created, logs["Document"].updated, logs["Document"].tombstones) \
        == (1, 2, 1)
    assert Motion.objects.count() == before + 1
    placed = Motion.objects.get(tk_document_number="2025D15879")
    assert (placed.dossier.number, placed.history.latest().history_change_reason) == (
        "36410", "sync_tk Document: motie 36410-89: aangevuld (dossier)")
    gone = Motion.objects.get(tk_document_number="2025D15880")
    assert gone.tk_deleted_at == datetime.datetime(2025, 10, 1, 9, tzinfo=datetime.UTC)
    assert gone.history.latest().history_change_reason == (
        f"sync_tk Document: verwijderd bij de Kamer ({withdrawn['Id']}); onze motie blijft")
    voted = Motion.objects.get(tk_zaak_number="2012Z05959")
    assert (voted.vote_outcome, voted.voted_on, voted.execution_status) == (
        "adopted", datetime.date(2025, 9, 30), "open")
    assert voted.history.latest().history_change_reason == (
        "sync_tk Zaak: motie nr. 577 (2012Z05959, dossier onbekend): uitslag Aangenomen op "
        "30 september 2025 (Met handopsteken)")
    commitment = Commitment.objects.get(tk_number="TZ202412-116")
    assert (commitment.status, commitment.delivered_on) == ("done", datetime.date(2025, 9, 30))
    assert "Document: 1 pagina('s), 4 gelezen, 1 nieuw, 2 bijgewerkt, 1 ongewijzigd" in output


def test_the_delta_again_changes_nothing(clerk, replay):
    sync(replay)
    changed(find(replay.sets["Toezegging"], Nummer="TZ202412-116"), Status="Vervallen")
    sync(replay)
    before = snapshot()
    sync(replay)
    assert snapshot() == before


def test_a_withdrawn_motion_is_listed_on_the_differences_page(clerk, client_for, replay):
    sync(replay, "Document")
    documents = replay.sets["Document"]
    withdrawn = find(documents, DocumentNummer="2025D15880")
    documents.append({"Id": withdrawn["Id"], "Verwijderd": True, "ApiGewijzigdOp": LATER})
    sync(replay, "Document")
    assert Motion.objects.filter(tk_document_number="2025D15880").exists()
    page = client_for(clerk).get(reverse("commitments:differences")).content.decode()
    assert "Moties die de Kamer heeft verwijderd" in page
    assert "nr. 90, dossier nog aan te vullen (2025D15880)" in page


def test_a_vote_we_hold_otherwise_is_listed_not_overwritten(clerk, replay):
    sync(replay, "Zaak")
    motion = Motion.objects.get(tk_zaak_number="2019Z08689")  # rejected at the Kamer
    Motion.objects.filter(pk=motion.pk).update(vote_outcome="withdrawn")
    zaak = find(replay.sets["Zaak"], Nummer="2019Z08689")
    changed(zaak, Onderwerp=zaak["Onderwerp"] + " ")
    output = sync(replay, "Zaak")
    motion.refresh_from_db()
    assert motion.vote_outcome == "withdrawn"
    assert ("uitslag bij ons ‘Ingetrokken’, bij de Kamer ‘Verworpen’; de onze blijft"
            in output)
