import pytest
from django.urls import reverse

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
        "submitter_list": [mulder.pk, staaij.pk], "topic_list": "onderwijs"})
    assert response.status_code == 302
    motion = Motion.objects.get()
    rows = [(row.person, row.party.abbreviation, row.order) for row in motion.submitter_rows.all()]
    assert rows == [(mulder, "PVV", 0), (staaij, "SGP", 1)]
    assert motion.history.get().history_user == clerk
    assert MotionSubmitter.history.filter(history_user=clerk).count() == 2


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
    assert "Edgar Mulder (PVV)" in page and "Van der Staaij (SGP)" in page
    assert "Kamerstuk 24 077, nr. 468" in page
    assert "Uitgevoerd" in page
