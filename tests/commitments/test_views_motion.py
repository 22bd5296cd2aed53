import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Motion, MotionSubmitter
from register.models import Party, PartyMembership, Person
from tests import factories


@pytest.fixture
def members(db):
    pvv = Party.objects.create(abbreviation="PVV")
    sgp = Party.objects.create(abbreviation="SGP")
    mulder = Person.objects.create(first_name="Edgar", surname="Mulder")
    staaij = Person.objects.create(prefix="van der", surname="Staaij")
    PartyMembership.objects.create(person=mulder, party=pvv)
    PartyMembership.objects.create(person=staaij, party=sgp)
    return mulder, staaij


def test_clerk_registers_a_motion_with_submitters_in_order(client_for, clerk, members):
    mulder, staaij = members
    response = client_for(clerk).post(reverse("commitments:motion-create"), {
        "dossier": factories.dossier().pk, "number": "453", "title": "Drugsvrije schoolpleinen",
        "text": "verzoekt de regering …", "filed_on": "2019-12-11",
        "first_submitter": staaij.pk, "co_submitters": [mulder.pk, staaij.pk],
        "topic_list": "onderwijs"})
    assert response.status_code == 302
    motion = Motion.objects.get()
    rows = [(row.person, row.party.abbreviation, row.order) for row in motion.submitter_rows.all()]
    # The first submitter is the one chosen as such, though Mulder sorts before Van der Staaij.
    assert rows == [(staaij, "SGP", 0), (mulder, "PVV", 1)]
    assert motion.history.get().history_user == clerk
    assert MotionSubmitter.history.filter(history_user=clerk).count() == 2
    form = client_for(clerk).get(reverse("commitments:motion-edit", args=[motion.pk]))
    assert form.context["form"]["first_submitter"].initial == staaij.pk
    assert form.context["form"]["co_submitters"].initial == [mulder.pk]


def test_co_submitters_need_a_first_submitter(client_for, clerk, members):
    mulder, _staaij = members
    response = client_for(clerk).post(reverse("commitments:motion-create"), {
        "dossier": factories.dossier().pk, "number": "453", "title": "Drugsvrije schoolpleinen",
        "co_submitters": [mulder.pk]})
    assert response.status_code == 200
    assert "Kies ook de eerste indiener." in response.content.decode()
    assert not Motion.objects.exists()


def test_duplicate_motion_number_is_refused(client_for, clerk):
    existing = factories.motion(clerk, number="453")
    response = client_for(clerk).post(reverse("commitments:motion-create"), {
        "dossier": existing.dossier_id, "number": "453", "title": "dubbel"})
    assert response.status_code == 200
    assert Motion.objects.count() == 1
    assert response.context["form"].non_field_errors()


def test_clerk_records_the_vote_then_the_execution(client_for, clerk):
    motion = factories.motion(clerk)
    client = client_for(clerk)
    vote = client.post(reverse("commitments:motion-vote", args=[motion.pk]), {
        "outcome": "adopted", "on": "2019-12-17", "reason": "Stemmingen 17 december",
        "version": motion.version})
    assert vote.status_code == 302
    motion.refresh_from_db()
    assert (motion.vote_outcome, motion.execution_status) == ("adopted", "open")
    missing = client.post(reverse("commitments:motion-status", args=[motion.pk]), {
        "new": "executed", "reason": "klaar", "version": motion.version})
    assert "Bij ‘Uitgevoerd’ hoort het document" in missing.content.decode()
    done = client.post(reverse("commitments:motion-status", args=[motion.pk]), {
        "new": "executed", "reason": "Gemeld in de voortgangsbrief", "version": motion.version,
        "document_reference": "Kamerstuk 24 077, nr. 468"})
    assert done.status_code == 302
    motion.refresh_from_db()
    assert motion.execution_status == "executed"
    assert motion.reported_by.ident == "kst-24077-468"
    assert motion.history.latest().history_change_reason == "Gemeld in de voortgangsbrief"


def test_a_vote_dated_in_the_future_is_refused(client_for, clerk):
    motion = factories.motion(clerk)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for(clerk).post(reverse("commitments:motion-vote", args=[motion.pk]), {
        "outcome": "adopted", "on": tomorrow.isoformat(), "reason": "Stemmingen",
        "version": motion.version})
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == ["Deze datum ligt in de toekomst."]
    motion.refresh_from_db()
    assert motion.vote_outcome == "submitted"


@pytest.mark.parametrize("name", ["commitments:motion-vote", "commitments:motion-status"])
def test_advisor_cannot_change_a_motion(name, client_for, advisor, clerk):
    motion = factories.motion(clerk)
    response = client_for(advisor).post(reverse(name, args=[motion.pk]), {
        "outcome": "adopted", "on": "2019-12-17", "reason": "x", "version": motion.version})
    assert response.status_code == 403
    assert Motion.objects.get().vote_outcome == "submitted"


def test_motion_detail_shows_submitters_and_history(client_for, advisor, demo):
    response = client_for(advisor).get(demo["motion"].get_absolute_url())
    page = response.content.decode()
    assert "Edgar Mulder (PVV, eerste indiener)" in page and "Van der Staaij (SGP)" in page
    assert "Kamerstuk 24 077, nr. 468" in page
    assert "Uitgevoerd" in page


def two_clerks(clerk):
    from django.test import Client

    from tests.conftest import make_user

    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(make_user("griffie2", "griffie"))
    return first, second


def test_conflicting_motion_edits_keep_the_second_clerks_input(clerk):
    motion = factories.motion(clerk)
    first, second = two_clerks(clerk)
    url = reverse("commitments:motion-edit", args=[motion.pk])
    data = {"dossier": motion.dossier_id, "number": motion.number, "version": motion.version,
            "reason": "titel"}
    assert first.post(url, {**data, "title": "Van de eerste"}).status_code == 302
    refused = second.post(url, {**data, "title": "Van de tweede", "notes": "mijn notitie"})
    assert refused.status_code == 200
    assert "Iemand anders heeft dit record intussen gewijzigd" in refused.content.decode()
    form = refused.context["form"]
    assert (form["title"].value(), form["notes"].value()) == ("Van de tweede", "mijn notitie")
    assert Motion.objects.get().title == "Van de eerste"


def test_conflicting_votes_and_execution_changes_are_refused(clerk):
    motion = factories.motion(clerk)
    first, second = two_clerks(clerk)
    vote = reverse("commitments:motion-vote", args=[motion.pk])
    data = {"on": "2019-12-17", "reason": "stemmingen", "version": motion.version}
    assert first.post(vote, {**data, "outcome": "adopted"}).status_code == 302
    refused = second.post(vote, {**data, "outcome": "rejected", "reason": "mijn bron"})
    assert "Iemand anders" in refused.content.decode()
    assert refused.context["form"]["reason"].value() == "mijn bron"
    motion.refresh_from_db()
    assert motion.vote_outcome == "adopted"
    assert motion.history.latest().history_user == clerk

    status = reverse("commitments:motion-status", args=[motion.pk])
    data = {"reason": "gestart", "version": motion.version}
    assert first.post(status, {**data, "new": "in_progress"}).status_code == 302
    refused = second.post(status, {**data, "new": "partly_executed", "remaining": "rest"})
    assert "Iemand anders" in refused.content.decode()
    assert Motion.objects.get().execution_status == "in_progress"


def test_a_motion_without_dossier_says_it_is_to_be_completed(client_for, clerk, advisor):
    """The Kamer's Document without $expand gives no dossier: the page said "Dossier: None"."""
    motion = factories.motion(clerk, dossier=None, tk_document_number="2025D10642",
                              tk_dossier_title="Situatie in het Midden-Oosten")
    page = client_for(clerk).get(motion.get_absolute_url()).content.decode()
    assert "None" not in page
    assert "nog aan te vullen" in page and "bij de Kamer: ‘Situatie in het Midden-Oosten’" in page
    assert reverse("commitments:differences") + "#dossier-aanvullen" in page
    page = client_for(advisor).get(motion.get_absolute_url()).content.decode()
    assert "nog aan te vullen" in page
    assert reverse("commitments:differences") + "#dossier-aanvullen" not in page  # read-only
