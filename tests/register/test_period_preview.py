"""Deadline words show their period before anything is saved (issue 14): live through htmx
(register:period-preview), and without JavaScript through the "Termijn tonen" button."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import Commitment
from legislation.models import Stage
from tests import factories
from tests.legislation.builders import law_track, stages


@pytest.fixture
def commitment(clerk):
    return factories.commitment(clerk, deadline_text="in het voorjaar van 2021")


def preview(client, **params):
    return client.get(reverse("period-preview"), params)


def test_preview_names_the_period_in_dutch_date_words(client_for, clerk):
    response = preview(client_for(clerk), words_name="deadline_text", said_on_name="made_on",
                       deadline_text="voor het kerstreces", made_on="2025-10-01")
    assert response.status_code == 200
    text = response.content.decode()
    assert "1 oktober 2025" in text and "18 december 2025" in text, text


def test_preview_with_a_fixed_date(client_for, advisor):
    response = preview(client_for(advisor), words_name="new_expected",
                       new_expected="voor de zomer", said_on="2025-07-02")
    assert "3 juli 2025" in response.content.decode()


def test_preview_explains_why_there_is_no_period(client_for, clerk):
    response = preview(client_for(clerk), words_name="w", w="na 2027", said_on="2025-01-01")
    assert "‘na 2027’" in response.content.decode()


def test_preview_of_nothing_is_empty(client_for, clerk):
    assert preview(client_for(clerk), words_name="w", w="  ").content == b""


def test_preview_escapes_the_words(client_for, clerk, monkeypatch):
    monkeypatch.setattr("register.views.period_preview_text", lambda words, *_, **__: words)
    response = preview(client_for(clerk), words_name="w", w="<script>x</script> in 2030")
    assert b"<script>" not in response.content and b"&lt;script&gt;" in response.content


def test_preview_of_a_bad_date_counts_from_today(client_for, clerk):
    response = preview(client_for(clerk), words_name="w", w="in 2099", said_on="31-02-2025")
    assert response.status_code == 200 and "2099" in response.content.decode()


def test_preview_needs_a_login(client):
    response = preview(client, words_name="w", w="in 2030")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_preview_needs_a_role(client_for, norole):
    assert preview(client_for(norole), words_name="w", w="in 2030").status_code == 403


def test_commitment_form_shows_the_live_preview(client_for, clerk, commitment):
    page = client_for(clerk).get(reverse("commitments:edit", args=[commitment.pk]))
    html = page.content.decode()
    assert 'hx-get="/termijn/uitleg/"' in html and "change from:[name=&#x27;made_on&#x27;]" in html
    assert "van 1 maart 2021 tot en met 31 mei 2021" in html  # the stored words, explained


def form_data(commitment, **changes):
    data = {"title": "Nieuwe toezegging", "text": commitment.text,
            "bewindspersoon": commitment.bewindspersoon_id, "ministry": commitment.ministry_id,
            "made_on": "2025-10-01", "deadline_text": "voor het kerstreces",
            "dossier": commitment.dossier_id, "version": "", "topic_list": "", "reason": ""}
    return {**data, **changes}


def test_without_javascript_the_button_shows_the_period_and_saves_nothing(client_for, clerk,
                                                                          commitment):
    response = client_for(clerk).post(reverse("commitments:create"),
                                      form_data(commitment, period_preview="deadline_text"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "tot en met 18 december 2025" in html and "Nog niet opgeslagen" in html
    assert 'value="voor het kerstreces"' in html  # what was typed is kept
    assert not Commitment.objects.filter(title="Nieuwe toezegging").exists()


def test_the_button_on_a_half_filled_form_says_nothing_of_fields_not_yet_filled(client_for,
                                                                                clerk):
    # A clerk types the deadline words first and asks what they mean: no "Dit veld is
    # verplicht" under the fields still to come, and nothing saved.
    response = client_for(clerk).post(reverse("commitments:create"), {
        "title": "Half", "deadline_text": "voor het kerstreces", "made_on": "2025-12-01",
        "period_preview": "deadline_text"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "tot en met 18 december 2025" in html and "Nog niet opgeslagen" in html
    assert "Dit veld is verplicht." not in html and "has-error" not in html
    assert 'value="Half"' in html
    assert response.context["form"].errors.keys() == {"__all__"}
    assert not Commitment.objects.filter(title="Half").exists()


def test_the_notice_names_no_button_the_form_does_not_have(client_for, clerk):
    # The stage's plan is saved with "Vastleggen": "Kies ‘Opslaan’" sent the clerk looking.
    track = law_track(clerk)
    stage = stages(track)[0]
    response = client_for(clerk).post(
        reverse("legislation:stage-plan", args=[track.pk, stage.pk]),
        {"version": stage.version, "planned_text": "na het zomerreces",
         "stated_on": "2025-06-01", "reason": "", "period_preview": "planned_text"})
    html = response.content.decode()
    assert "Nog niet opgeslagen: de afgeleide termijn staat bij het veld. Klopt die, sla het " \
           "formulier dan op." in html
    assert "Opslaan" not in html and "Vastleggen" in html
    assert Stage.objects.get(pk=stage.pk).planned_text == ""


def test_without_the_button_the_form_saves(client_for, clerk, commitment):
    response = client_for(clerk).post(reverse("commitments:create"), form_data(commitment))
    assert response.status_code == 302
    saved = Commitment.objects.get(title="Nieuwe toezegging")
    assert saved.deadline_end == datetime.date(2025, 12, 18)


def test_a_phrase_without_period_shows_the_warning_on_submit(client_for, clerk, commitment):
    response = client_for(clerk).post(reverse("commitments:create"), form_data(
        commitment, deadline_text="zo spoedig mogelijk", period_preview="deadline_text"))
    assert "geen datum of periode, dus geen termijn" in response.content.decode()


def test_motion_form_explains_the_clause(client_for, clerk):
    motion = factories.motion(clerk, text="verzoekt de regering voor de zomer te rapporteren",
                              filed_on=datetime.date(2025, 3, 1))
    html = client_for(clerk).get(reverse("commitments:motion-edit", args=[motion.pk])) \
        .content.decode()
    assert "‘voor de zomer’, gezegd op 1 maart 2025" in html


def test_preview_knows_the_ministrys_own_budget_debate(client_for, clerk):
    from register.models import Committee, Debate

    ministry = factories.ministry("VWS")
    Debate.objects.create(kind=Debate.Kind.BUDGET, title="Begroting VWS 2026",
                          committee=Committee.objects.create(abbreviation="VWS", name="VWS"),
                          date=datetime.date(2025, 11, 12))
    response = preview(client_for(clerk), words_name="w", w="voor de begrotingsbehandeling",
                       said_on="2025-06-19", ministry_name="m", m=str(ministry.pk))
    assert "tot en met 11 november 2025" in response.content.decode()
