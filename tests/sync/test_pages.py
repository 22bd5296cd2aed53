"""What people see of the sync: the motion's vote, the run log, and /healthz."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone, translation

from commitments.models import Motion, SyncRun
from tests.sync.helpers import sync

SYNC_LOG = reverse("commitments:sync-log")


def test_the_motion_page_shows_the_vote_per_party(client_for, advisor, clerk, replay,
                                                   django_assert_max_num_queries):
    sync(replay, "Zaak")
    motion = Motion.objects.get(tk_zaak_number="2019Z08689")
    client = client_for(advisor)
    with django_assert_max_num_queries(30):
        page = client.get(motion.get_absolute_url()).content.decode()
    assert "Stemming in de Kamer" in page
    assert "Verworpen op 7 mei 2019 (Met handopsteken): 29 voor, 120 tegen." in page
    assert "<tr><td>VVD</td><td>Tegen</td><td class=\"num\">32</td></tr>" in page
    assert "<tr><td>PVV</td><td>Voor</td><td class=\"num\">20</td></tr>" in page


def test_a_motion_without_a_vote_shows_none(client_for, advisor, clerk, replay):
    sync(replay, "Document")
    motion = Motion.objects.first()
    assert "Stemming in de Kamer" not in client_for(advisor).get(
        motion.get_absolute_url()).content.decode()


def test_the_run_log_shows_each_run_per_entity_set(client_for, advisor, clerk, replay,
                                                   django_assert_max_num_queries):
    sync(replay)
    documents = replay.sets["Document"]
    documents[3] = {**documents[3], "Volgnummer": None}
    documents[3]["ApiGewijzigdOp"] = "2025-10-01T09:00:00Z"
    sync(replay, "Document", expect=3)
    client = client_for(advisor)
    with django_assert_max_num_queries(12):  # however many runs and entity sets
        page = client.get(SYNC_LOG).content.decode()
    assert "Laatste geslaagde synchronisatie:" in page
    assert "geslaagd, records overgeslagen" in page and "veld Volgnummer: ontbreekt" in page
    assert "andere Soort: Brief regering: 89" in page
    assert page.count("<h3>") == 2
    assert "<h2>Eerdere synchronisaties</h2>" in page  # Dutch on the Dutch page


def test_the_skip_reasons_are_shown_in_the_readers_language(client_for, advisor, clerk, replay,
                                                            settings):
    sync(replay)
    client = client_for(advisor)
    page = client.get(SYNC_LOG).content.decode()
    assert "andere Soort: Brief regering: 89" in page
    assert "verwijderd bij de Kamer, niet bij ons: 10" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        page = client.get(SYNC_LOG).content.decode()
    finally:
        translation.deactivate()  # the request activated English in the test's thread
    assert "other kind: Brief regering: 89" in page  # the Kamer's word stays hers
    assert "withdrawn at the House, not here: 10" in page
    assert "andere Soort" not in page and "verwijderd bij de Kamer" not in page


def test_a_run_logged_before_the_codes_shows_its_reasons_as_written(client_for, advisor, clerk,
                                                                    settings):
    run = SyncRun.objects.create(user=clerk, base_url="https://example.org/", outcome="succeeded",
                                 finished_at=timezone.now())
    run.entities.create(entity="Zaak", read=3, skipped={"andere Soort: Bijlage": 2,
                                                        "vergadering Plenair": 1})
    client = client_for(advisor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        page = client.get(SYNC_LOG).content.decode()
    finally:
        translation.deactivate()
    assert "andere Soort: Bijlage: 2; vergadering Plenair: 1" in page


def english_page(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        return client.get(SYNC_LOG).content.decode()
    finally:
        translation.deactivate()  # the request activated English in the test's thread


def test_the_problems_and_the_runs_message_are_shown_in_the_readers_language(
        client_for, advisor, clerk, replay, settings):
    documents = replay.sets["Document"]
    documents[3] = {**documents[3], "Volgnummer": None}
    documents[7] = {**documents[7], "Datum": ["morgen"]}
    sync(replay, "Document", expect=3)
    client = client_for(advisor)
    dutch = client.get(SYNC_LOG).content.decode()
    assert ", veld Volgnummer: ontbreekt of is leeg</li>" in dutch
    assert "veld Datum: verwacht een datum, gevonden een lijst</li>" in dutch
    assert "2 record(s) konden niet worden gelezen en zijn overgeslagen; de rest is verwerkt " \
           "(afsluitcode 3)." in dutch
    page = english_page(client, settings)
    assert re.search(r"<li>Document, page \d+, record \d+ \(\w+\), field Volgnummer: is "
                     r"missing or empty</li>", page)
    assert re.search(r"<li>Document, page \d+, record \d+ \(\w+\), field Datum: expected a "
                     r"date, found a list</li>", page)
    assert "2 record(s) could not be read and were skipped; the rest was processed (exit " \
           "code 3)." in page
    assert "ontbreekt" not in page and "pagina" not in page and "afsluitcode" not in page


def test_a_difference_is_shown_under_its_translated_heading(client_for, advisor, clerk,
                                                            settings):
    run = SyncRun.objects.create(user=clerk, base_url="https://example.org/", outcome="failed",
                                 finished_at=timezone.now(),
                                 message='{"code": "database", "error": "disk I/O error"}')
    run.entities.create(entity="Zaak", problems=[{"difference": "2019Z08689: uitslag …"}])
    page = english_page(client_for(advisor), settings)
    assert "Difference: 2019Z08689: uitslag …" in page  # the line itself as the import wrote it
    assert "sync_tk stopped by a database error (disk I/O error)." in page


def test_a_run_logged_before_the_codes_shows_its_problems_and_message_as_written(
        client_for, advisor, clerk, settings):
    run = SyncRun.objects.create(user=clerk, base_url="https://example.org/", outcome="partial",
                                 finished_at=timezone.now(),
                                 message="1 record(s) konden niet worden gelezen.")
    run.entities.create(entity="Zaak", problems=["Zaak, pagina 1, record 2: kapot",
                                                 "Verschil: anders"])
    page = english_page(client_for(advisor), settings)
    assert "1 record(s) konden niet worden gelezen." in page
    assert "<li>Zaak, pagina 1, record 2: kapot</li>" in page
    assert "<li>Verschil: anders</li>" in page


def test_the_run_log_needs_a_login_and_a_role(client_for, norole, client):
    assert client.get(SYNC_LOG).status_code == 302
    assert client_for(norole).get(SYNC_LOG).status_code == 403


def test_healthz_says_when_the_last_successful_sync_ran(client, clerk, replay):
    assert client.get("/healthz").content == b"ok\nsync_tk: nog geen geslaagde run\n"
    assert client.get("/healthz/sync").status_code == 503
    sync(replay, "Fractie")
    finished = timezone.localtime(SyncRun.objects.get().finished_at).isoformat(
        timespec="seconds")
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.content.decode() == f"ok\nsync_tk: laatste geslaagde run {finished}\n"
    assert client.get("/healthz/sync").status_code == 200


def test_healthz_sync_fails_when_the_last_success_is_too_old(client, clerk, replay, settings):
    sync(replay, "Fractie")
    SyncRun.objects.update(finished_at=timezone.now() - datetime.timedelta(hours=30))
    response = client.get("/healthz/sync")
    assert response.status_code == 503
    assert "(meer dan 26 uur geleden)" in response.content.decode()
    assert client.get("/healthz").status_code == 200  # the app server stays in
    settings.TK_SYNC_MAX_AGE_HOURS = 48
    assert client.get("/healthz/sync").status_code == 200


def test_an_unknown_check_is_not_found(client, db):
    assert client.get("/healthz/nope").status_code == 404
