"""A clerk's correction: the right vote date, delivering document or status, from any state;
shown as a correction and not counted as a change of status. A vote date before the filing
date is refused everywhere."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from commitments.feeds import StatusChangesFeed
from commitments.models import Commitment, Motion
from letters.compose import status_stories
from tests import factories

FILED = datetime.date(2019, 12, 10)
VOTED = datetime.date(2019, 12, 17)


@pytest.fixture
def delivered(clerk):
    """A commitment recorded as done with the wrong letter."""
    commitment = factories.commitment(clerk)
    commitment.change_status("done", by=clerk, reason="Brief verstuurd",
                             document=factories.document("450"))
    return commitment


@pytest.fixture
def adopted(clerk):
    motion = factories.motion(clerk, filed_on=FILED)
    motion.record_vote("adopted", by=clerk, reason="Stemmingen", on=datetime.date(2019, 12, 24))
    return motion


def post(client, url, **data):
    return client.post(url, {"reason": "Verkeerde brief gekoppeld", **data})


def test_clerk_corrects_the_delivering_document(client_for, clerk, delivered):
    right = factories.document("468", on=datetime.date(2020, 12, 18))
    response = post(client_for(clerk), reverse("commitments:correct", args=[delivered.pk]),
                    status="done", document=right.pk, version=delivered.version)
    assert response.status_code == 302
    delivered.refresh_from_db()
    assert (delivered.status, delivered.delivered_by, delivered.delivered_on) == (
        "done", right, right.date)
    row = delivered.history.latest()
    assert (row.is_correction, row.history_user, row.history_change_reason) == (
        True, clerk, "Verkeerde brief gekoppeld")


def test_a_wrong_done_goes_back_to_open(client_for, clerk, delivered):
    """The status form offers only "in progress" from done; a correction sets any status."""
    response = post(client_for(clerk), reverse("commitments:correct", args=[delivered.pk]),
                    status="open", version=delivered.version)
    assert response.status_code == 302
    delivered.refresh_from_db()
    assert (delivered.status, delivered.delivered_by, delivered.delivered_on) == ("open", None,
                                                                                 None)


def test_a_correction_is_shown_in_the_timeline(client_for, clerk, delivered):
    delivered.correct(by=clerk, reason="Nooit verstuurd", status="open")
    page = client_for(clerk).get(delivered.get_absolute_url()).content.decode()
    assert "timeline-correction" in page and "Nooit verstuurd" in page


def test_a_correction_is_no_change_of_status_in_reports(rf, clerk, delivered):
    cutoff = timezone.now()
    delivered.correct(by=clerk, reason="Nooit verstuurd", status="open")
    # A letter's story of what changed since its cutoff does not count the correction ...
    assert not status_stories(Commitment, [delivered.pk], "status", cutoff)[delivered.pk].changed
    delivered.change_status("in_progress", by=clerk, reason="Begonnen")
    rows = StatusChangesFeed().items(Commitment.objects.filter(pk=delivered.pk))
    # open → done and open → in progress; not done → open (the correction).
    assert [(row.previous_status, row.status) for row in rows] == [
        ("open", "in_progress"), ("open", "done")]
    # ... but does count the change after it.
    assert status_stories(Commitment, [delivered.pk], "status", cutoff)[delivered.pk].changed


def test_correcting_to_done_needs_a_document(clerk):
    commitment = factories.commitment(clerk)
    with pytest.raises(ValidationError, match="hoort het document"):
        commitment.correct(by=clerk, reason="x", status="done")
    assert commitment.history.count() == 1


def test_a_correction_needs_a_reason_and_a_change(clerk, delivered):
    with pytest.raises(ValidationError, match="reden"):
        delivered.correct(by=clerk, reason=" ", status="open")
    with pytest.raises(ValidationError, match="verandert niets"):
        delivered.correct(by=clerk, reason="x", status="done", document=delivered.delivered_by)


def test_clerk_corrects_the_vote_date(client_for, clerk, adopted):
    response = post(client_for(clerk), reverse("commitments:motion-correct", args=[adopted.pk]),
                    outcome="adopted", on=VOTED.isoformat(), execution="open",
                    version=adopted.version)
    assert response.status_code == 302
    adopted.refresh_from_db()
    assert (adopted.voted_on, adopted.execution_status) == (VOTED, "open")
    assert adopted.history.latest().is_correction


def test_a_wrong_outcome_is_corrected(clerk, adopted):
    adopted.correct(by=clerk, reason="Verworpen, niet aangenomen", outcome="rejected", on=VOTED)
    adopted.refresh_from_db()
    assert (adopted.vote_outcome, adopted.execution_status) == ("rejected", "")


def test_vote_date_before_filing_is_refused_in_the_correction(client_for, clerk, adopted):
    response = post(client_for(clerk), reverse("commitments:motion-correct", args=[adopted.pk]),
                    outcome="adopted", on="2019-12-01", execution="open",
                    version=adopted.version)
    assert response.status_code == 200
    assert "ligt vóór de indiening" in response.content.decode()
    assert response.context["form"].errors["on"]
    assert Motion.objects.get(pk=adopted.pk).voted_on == datetime.date(2019, 12, 24)


def test_vote_date_before_filing_is_refused_on_the_vote_form(client_for, clerk):
    motion = factories.motion(clerk, filed_on=FILED)
    response = client_for(clerk).post(reverse("commitments:motion-vote", args=[motion.pk]), {
        "outcome": "adopted", "on": "2019-12-01", "reason": "Stemmingen",
        "version": motion.version})
    assert response.status_code == 200
    assert "ligt vóór de indiening" in response.content.decode()
    assert Motion.objects.get(pk=motion.pk).vote_outcome == "submitted"


def test_vote_date_before_filing_is_refused_by_the_model_check(clerk, adopted):
    adopted.filed_on = datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError, match="ligt vóór de indiening"):
        adopted.full_clean()


def test_filing_date_after_the_vote_is_refused_on_the_edit_form(client_for, clerk, adopted):
    form = client_for(clerk).get(reverse("commitments:motion-edit", args=[adopted.pk])) \
        .context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(dossier=adopted.dossier_id, filed_on="2020-01-01", version=adopted.version,
                base=form["base"].value())
    response = client_for(clerk).post(reverse("commitments:motion-edit", args=[adopted.pk]),
                                      data)
    assert response.status_code == 200
    assert "ligt vóór de indiening" in response.content.decode()
    assert Motion.objects.get(pk=adopted.pk).filed_on == FILED


@pytest.mark.parametrize("name", ["correct", "motion-correct"])
def test_correction_pages_are_for_clerks(client_for, advisor, letter_writer, clerk, name):
    record = factories.commitment(clerk) if name == "correct" else factories.motion(clerk)
    url = reverse(f"commitments:{name}", args=[record.pk])
    assert client_for(clerk).get(url).status_code == 200
    for user in (advisor, letter_writer):
        assert client_for(user).get(url).status_code == 403
        assert post(client_for(user), url, status="lapsed", outcome="withdrawn",
                    on="2020-01-01", version=record.version).status_code == 403
    assert type(record).objects.get(pk=record.pk).history.count() == 1
