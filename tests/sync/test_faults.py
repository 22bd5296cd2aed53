"""A service that is busy, slow, broken or gone: sync_tk waits, tries again, and when it gives up
says so with exit code 75, keeping what it applied; the next run goes on from there and loses
and duplicates nothing (DESIGN.md "Sync with the Tweede Kamer")."""

from commitments.models import Motion, SyncCursor, SyncRun
from tests.sync.helpers import snapshot, sync
from tests.sync.replay import Replay


def test_busy_slow_and_broken_answers_are_waited_for(clerk, replay):
    sync(replay)
    undisturbed = snapshot()
    for model in (Motion, SyncCursor):
        model.objects.all().delete()
    Motion.history.all().delete()
    replay.requests.clear()
    replay.fail(("status", 429, 1), ("status", 500), ("timeout", 1.5), ("truncate",),
                ("drop",), ("status", 503))
    output = sync(replay)
    assert SyncRun.objects.order_by("started_at").last().outcome == "succeeded"
    assert snapshot()["Motion"] == undisturbed["Motion"]
    assert snapshot()["cursors"] == undisturbed["cursors"]
    assert len(replay.requests) == 7 + 6  # every page, and each fault asked again
    assert "Document: 3 pagina('s), 510 gelezen, 500 nieuw" in output


def test_a_server_that_goes_away_midway_stops_the_run_and_keeps_what_was_applied(
        clerk, replay, settings):
    replay.gone_after = 3  # Fractie, Persoon and the first page of Documents
    message = sync(replay, expect=75, max_wait=0.5)
    assert "sync_tk gestopt: de open-datadienst van de Kamer gaf na" in message
    assert "Wat al verwerkt was blijft; de volgende run gaat verder vanaf de cursor " \
           "(afsluitcode 75)" in message
    run = SyncRun.objects.get()
    assert (run.outcome, run.message_shown()) == ("failed", message.split("\n")[-1])
    assert Motion.objects.count() == 250  # the first page, complete
    first_page = sorted(replay.sets["Document"], key=lambda r: r["ApiGewijzigdOp"])[249]
    cursor = SyncCursor.objects.get(entity="Document").modified
    assert cursor.isoformat().startswith(first_page["ApiGewijzigdOp"][:19])
    assert not SyncCursor.objects.filter(entity="Zaak").exists()

    back = Replay()  # the service is back
    for name, records in replay.sets.items():
        back.serve(name, records)
    try:
        sync(back)
    finally:
        back.stop()
    assert Motion.objects.count() == 549
    assert Motion.objects.values("tk_id").exclude(tk_id="").distinct().count() == 500
    # Each motion was created once: one history row of creation each.
    assert Motion.history.filter(history_type="+").count() == 549
    assert SyncRun.objects.order_by("started_at").last().outcome == "succeeded"


def test_a_record_that_cannot_be_read_is_listed_and_the_rest_applied(clerk, replay):
    documents = replay.sets["Document"]
    documents[3] = {**documents[3], "Volgnummer": None}
    documents[7] = {**documents[7], "Datum": "morgen"}
    output = sync(replay, "Document", expect=3)
    assert Motion.objects.count() == 498
    run = SyncRun.objects.get()
    assert run.outcome == "partial"
    log = run.entities.get()
    assert log.errors == 2
    assert all(line.startswith("Document, pagina ") for line in log.problem_lines())
    assert any("veld Volgnummer: ontbreekt of is leeg" in line for line in log.problem_lines())
    assert "2 record(s) konden niet worden gelezen en zijn overgeslagen; de rest is verwerkt " \
           "(afsluitcode 3)." in output


def test_a_second_run_while_one_is_busy_is_refused(clerk, replay):
    SyncRun.objects.create(user=clerk, base_url=replay.base_url)
    message = sync(replay, expect=1)
    assert "sync_tk draait al sinds" in message and "wacht tot die klaar is" in message
    assert not Motion.objects.exists()


def test_a_run_that_went_quiet_is_marked_interrupted(clerk, replay):
    import datetime

    from django.utils import timezone

    quiet = SyncRun.objects.create(user=clerk, base_url=replay.base_url,
                                   heartbeat=timezone.now() - datetime.timedelta(hours=2))
    sync(replay, "Fractie")
    quiet.refresh_from_db()
    assert quiet.outcome == "interrupted" and quiet.finished_at == quiet.heartbeat


def test_a_wrong_base_url_stops_at_once(clerk, replay):
    message = sync(replay, expect=75, base_url=replay.base_url + "nope/")
    assert "HTTP 404 Not Found" in message and "controleer --base-url" in message


def test_a_redirect_to_another_server_stops_the_run_with_a_message_in_the_run_log(clerk,
                                                                                 replay):
    elsewhere = Replay()
    try:
        host, port = elsewhere.server.server_address
        replay.fail(("redirect", f"http://{host}:{port}{{path}}"))
        message = sync(replay, expect=75)
    finally:
        elsewhere.stop()
    assert elsewhere.requests == []
    run = SyncRun.objects.get()
    assert run.outcome == "failed"
    assert (f"stuurde het verzoek door naar een andere server (http://{host}:{port}); die "
            f"wordt niet gevraagd") in run.message_shown()
    assert run.message_shown() in message
