import datetime

import pytest
from django.test import Client
from django.urls import reverse

from legislation.models import Stage
from register.models import Document
from tests.history_audit import history_audit
from tests.legislation.builders import law_track, stages

LETTER = datetime.date(2020, 12, 18)


@pytest.fixture
def track(clerk):
    return law_track(clerk, short_name="Groepsverbod NPS")


@pytest.fixture
def submission(track):
    return track.stages.get(kind="submission")


def url(name, stage):
    return reverse(f"legislation:{name}", args=[stage.track_id, stage.pk])


def plan(stage, **changes):
    return {"planned_text": "komend voorjaar", "stated_on": LETTER.isoformat(),
            "reason": "Voortgangsbrief van 18 december 2020", "version": stage.version,
            **changes}


def test_clerk_plans_a_stage(client_for, clerk, submission):
    response = client_for(clerk).post(url("stage-plan", submission), plan(submission))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#fase-{submission.pk}")
    submission.refresh_from_db()
    assert (submission.planned_text, submission.planned_on, submission.planned_end) == (
        "komend voorjaar", LETTER, datetime.date(2021, 5, 31))
    latest = submission.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        clerk, "Voortgangsbrief van 18 december 2020")


def test_replan_needs_a_reason(client_for, clerk, submission):
    response = client_for(clerk).post(url("stage-plan", submission), plan(submission, reason=""))
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert Stage.objects.get(pk=submission.pk).planned_text == ""


def test_words_without_a_period_must_be_confirmed(client_for, clerk, submission):
    client = client_for(clerk)
    refused = client.post(url("stage-plan", submission), plan(submission,
                                                              planned_text="na de verkiezingen"))
    assert "valt geen periode af te leiden" in refused.content.decode()
    assert Stage.objects.get(pk=submission.pk).planned_text == ""
    client.post(url("stage-plan", submission), plan(submission,
                                                    planned_text="zo spoedig mogelijk",
                                                    no_period="on"))
    stage = Stage.objects.get(pk=submission.pk)
    assert (stage.planned_text, stage.planned_end) == ("zo spoedig mogelijk", None)


def test_a_model_refusal_is_shown_on_the_form(client_for, clerk, submission):
    submission.replan("komend voorjaar", by=clerk, reason="x", stated_on=LETTER)
    response = client_for(clerk).post(url("stage-plan", submission), plan(submission))
    assert response.status_code == 200
    assert "Dit is al de planning van deze fase." in response.content.decode()


def test_replan_from_a_stale_form_shows_the_conflict(clerk, submission):
    from tests.conftest import make_user

    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(make_user("griffie2", "griffie"))
    version = submission.version
    assert first.post(url("stage-plan", submission),
                      plan(submission, version=version)).status_code == 302
    refused = second.post(url("stage-plan", submission),
                          plan(submission, planned_text="eind 2021", reason="twee",
                               version=version))
    assert refused.status_code == 200
    assert "Iemand anders heeft dit record intussen gewijzigd" in refused.content.decode()
    assert refused.context["form"]["planned_text"].value() == "eind 2021"
    assert Stage.objects.get(pk=submission.pk).planned_text == "komend voorjaar"


def test_clerk_completes_a_stage_and_the_state_follows(client_for, clerk, track):
    draft = stages(track)[0]
    response = client_for(clerk).post(url("stage-complete", draft), {
        "on": "2020-06-11", "started_on": "2020-01-06", "reason": "Ontwerp gereed",
        "version": draft.version})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.actual_start, draft.actual_end) == (datetime.date(2020, 1, 6),
                                                      datetime.date(2020, 6, 11))
    track.refresh_from_db()
    assert track.state == "consultation"
    assert track.history.latest().history_change_reason == "Ontwerp gereed"


def test_completing_in_the_future_is_refused_with_the_models_message(client_for, clerk, track):
    draft = stages(track)[0]
    response = client_for(clerk).post(url("stage-complete", draft), {
        "on": "2999-01-01", "reason": "x", "version": draft.version})
    assert response.status_code == 200
    assert "in de toekomst" in response.content.decode()
    assert Stage.objects.get(pk=draft.pk).actual_end is None


def test_clerk_records_a_start(client_for, clerk, submission):
    client_for(clerk).post(url("stage-start", submission), {
        "on": "2020-08-31", "reason": "Naar de Kamer gestuurd", "version": submission.version})
    assert Stage.objects.get(pk=submission.pk).actual_start == datetime.date(2020, 8, 31)


def test_skipping_a_stage_in_the_edit_form_moves_the_state(client_for, clerk, track):
    draft = stages(track)[0]
    response = client_for(clerk).post(url("stage-edit", draft), {
        "name": draft.name, "kind": draft.kind, "skipped": "on", "note": "Al klaar bij JenV",
        "reason": "Ontwerp is door JenV gemaakt", "version": draft.version})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.skipped and draft.note == "Al klaar bij JenV"
    track.refresh_from_db()
    assert track.state == "consultation"


def test_a_pasted_tweedekamer_address_links_the_document_with_that_number(client_for, clerk,
                                                                          submission):
    synced = Document.objects.create(kind="brief", kenmerk="2020D51587", title="Consultatiebrief")
    response = client_for(clerk).post(url("stage-edit", submission), {
        "name": submission.name, "kind": submission.kind, "note": "", "reason": "Consultatiebrief",
        "document_reference": "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail"
                              "?id=2020Z24162&did=2020D51587", "version": submission.version})
    assert response.status_code == 302
    assert list(submission.documents.all()) == [synced]
    assert Document.objects.count() == 1


def test_documents_are_linked_and_typed_references_created_once(client_for, clerk, submission):
    client = client_for(clerk)
    data = {"name": submission.name, "kind": submission.kind, "note": "",
            "document_reference": "Kamerstuk 24 077, nr. 465", "reason": "Consultatiebrief",
            "version": submission.version}
    assert client.post(url("stage-edit", submission), data).status_code == 302
    document = Document.objects.get(ident="kst-24077-465")
    assert list(submission.documents.all()) == [document]
    assert submission.history.latest().history_change_reason == (
        "Consultatiebrief (documenten: + Kamerstuk 24 077, nr. 465)")
    # the edit form offers the linked document; posting it again keeps it, typed again: no copy
    form = client.get(url("stage-edit", submission)).context["form"]
    assert document in form.fields["documents"].queryset
    data.update(version=Stage.objects.get(pk=submission.pk).version, documents=[document.pk],
                reason="Nogmaals")
    client.post(url("stage-edit", submission), data)
    assert Document.objects.filter(ident="kst-24077-465").count() == 1
    assert submission.documents.count() == 1


def test_clerk_adds_a_stage_between_two_others(client_for, clerk, track):
    council = track.stages.get(kind="council_advice")
    response = client_for(clerk).post(reverse("legislation:stage-add", args=[track.pk]), {
        "name": "Notificatie Europese Commissie", "kind": "other",
        "position": str(council.pk), "planned_text": "voorjaar 2021",
        "stated_on": LETTER.isoformat(), "note": "", "reason": "TRIS-notificatie nodig"})
    assert response.status_code == 302
    names = [s.name for s in stages(track)]
    assert names[names.index("Advies Raad van State") + 1] == "Notificatie Europese Commissie"
    added = track.stages.get(name="Notificatie Europese Commissie")
    assert added.planned_end == datetime.date(2021, 5, 31)
    assert added.history.get().history_change_reason == "TRIS-notificatie nodig"


def test_adding_at_the_start_and_renumbering_when_there_is_no_gap(client_for, clerk, track):
    client = client_for(clerk)
    for name in ("Verkenning", "Quickscan", "Startnotitie", "Intake"):
        client.post(reverse("legislation:stage-add", args=[track.pk]), {
            "name": name, "kind": "other", "position": "", "reason": "erbij"})
    names = [s.name for s in stages(track)]
    assert names[:5] == ["Intake", "Startnotitie", "Quickscan", "Verkenning", "Ontwerp"]
    orders = [s.order for s in stages(track)]
    assert orders == sorted(set(orders))


def test_moving_is_post_only_and_swaps(client_for, clerk, track):
    client = client_for(clerk)
    consultation = track.stages.get(kind="consultation")
    assert client.get(url("stage-move", consultation)).status_code == 405
    response = client.post(url("stage-move", consultation), {"direction": "up"})
    assert response.status_code == 302
    assert [s.kind for s in stages(track)][:2] == ["consultation", "draft"]
    assert client.post(url("stage-move", consultation), {"direction": "up"}).status_code == 302
    assert client.post(url("stage-move", consultation), {"direction": "x"}).status_code == 400


def test_a_stage_of_another_track_is_not_found(client_for, clerk, track):
    other = law_track(clerk)
    stage = stages(other)[0]
    response = client_for(clerk).get(reverse("legislation:stage-plan",
                                             args=[track.pk, stage.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["stage-plan", "stage-start", "stage-complete", "stage-edit",
                                  "stage-move"])
@pytest.mark.parametrize("user", ["advisor", "letter_writer", "norole"])
def test_read_only_roles_cannot_change_stages(client_for, request, submission, name, user):
    client = client_for(request.getfixturevalue(user))
    data = {**plan(submission), "on": "2020-08-31", "direction": "up", "name": "x",
            "kind": "other"}
    assert client.post(url(name, submission), data).status_code == 403
    stage = Stage.objects.get(pk=submission.pk)
    assert (stage.planned_text, stage.actual_start, stage.actual_end, stage.name) == (
        "", None, None, submission.name)


def test_anonymous_is_sent_to_login(client, submission):
    response = client.post(url("stage-complete", submission), {"on": "2020-08-31"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_stage_forms_are_shown_to_the_clerk(client_for, clerk, submission):
    client = client_for(clerk)
    for name, words in (("stage-plan", "Planning in woorden"), ("stage-start", "Begonnen op"),
                        ("stage-complete", "Afgerond op"), ("stage-edit", "Overgeslagen")):
        response = client.get(url(name, submission))
        assert response.status_code == 200 and words in response.content.decode(), name


def test_every_clerk_screen_writes_complete_history(client_for, clerk, track):
    client = client_for(clerk)
    draft, consultation = stages(track)[:2]

    def version(stage):
        return type(stage).objects.get(pk=stage.pk).version

    posts = [
        lambda: (url("stage-plan", consultation), plan(consultation)),
        lambda: (url("stage-start", consultation),
                 {"on": "2020-06-12", "reason": "open", "version": version(consultation)}),
        lambda: (url("stage-complete", draft),
                 {"on": "2020-06-11", "reason": "klaar", "version": version(draft)}),
        lambda: (url("stage-edit", draft),
                 {"name": "Ontwerpbesluit", "kind": "draft", "note": "", "reason": "naam",
                  "document_reference": "Kamerstuk 24 077, nr. 465", "version": version(draft)}),
        lambda: (url("stage-move", consultation), {"direction": "up"}),
        lambda: (reverse("legislation:stage-add", args=[track.pk]),
                 {"name": "Notificatie", "kind": "other", "position": "", "reason": "erbij"}),
        lambda: (reverse("legislation:withdraw", args=[track.pk]),
                 {"reason": "weg", "version": version(track)}),
    ]
    statuses = []
    with history_audit() as records:
        for post in posts:
            statuses.append(client.post(*post()).status_code)
    assert statuses == [302] * len(posts)
    # plan, start, complete + state, document + edit, two moves, added, withdrawn
    assert len(records) >= 10
    assert type(track).objects.get(pk=track.pk).withdrawn
