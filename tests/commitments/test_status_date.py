"""The date on a status form is the date of delivery (or of the report of an execution): a date
typed for a status that records none is refused at the field, never dropped without a word."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.models import Commitment, Motion
from tests import factories

DAY = datetime.date(2020, 12, 1)
DATE_REFUSED = ("Een datum hoort alleen bij ‘Afgedaan’ of ‘Deels afgedaan’ (de datum van "
                "nakoming); bij ‘Vervallen’ wordt hij niet vastgelegd. Maak het datumveld leeg "
                "of kies een andere status.")


@pytest.fixture
def adopted(clerk):
    motion = factories.motion(clerk, filed_on=datetime.date(2019, 12, 10))
    motion.record_vote("adopted", by=clerk, reason="Stemmingen", on=datetime.date(2019, 12, 17))
    return motion


@pytest.mark.parametrize("status", ["in_progress", "lapsed"])
def test_a_date_for_a_status_without_delivery_is_refused(clerk, status):
    commitment = factories.commitment(clerk)
    with pytest.raises(ValidationError) as refused:
        commitment.change_status(status, by=clerk, reason="x", on=DAY)
    assert refused.value.error_list[0].code == "delivered_on"
    commitment.refresh_from_db()
    assert commitment.status == "open" and commitment.history.count() == 1


def test_a_date_for_partly_done_is_the_delivery_date(clerk):
    commitment = factories.commitment(clerk)
    commitment.change_status("partly_done", by=clerk, reason="x", on=DAY, remaining="de rest")
    assert (commitment.status, commitment.delivered_on) == ("partly_done", DAY)


def test_the_status_form_refuses_the_date_at_the_field(client_for, clerk):
    commitment = factories.commitment(clerk)
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {"new": "lapsed", "reason": "Ingehaald",
                                            "on": "2020-12-01", "version": commitment.version})
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == [DATE_REFUSED]
    assert 'value="2020-12-01"' in response.content.decode()
    assert Commitment.objects.get().status == "open"


def test_the_status_form_shows_the_date_only_for_a_delivery(client_for, clerk):
    commitment = factories.commitment(clerk)
    response = client_for(clerk).get(reverse("commitments:change-status", args=[commitment.pk]))
    assert 'data-shown-by="new" data-shown-for="done partly_done"' in response.content.decode()
    assert "js/shown-only-for.js" in response.content.decode()


def test_a_date_for_an_execution_without_report_is_refused(client_for, clerk, adopted):
    with pytest.raises(ValidationError) as refused:
        adopted.change_status("in_progress", by=clerk, reason="x", on=DAY)
    assert refused.value.error_list[0].code == "reported_on"
    url = reverse("commitments:motion-status", args=[adopted.pk])
    response = client_for(clerk).post(url, {"new": "in_progress", "reason": "Gestart",
                                            "on": "2020-12-01", "version": adopted.version})
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == [
        "Een datum hoort alleen bij ‘Uitgevoerd’ of ‘Deels uitgevoerd’ (de datum van de "
        "melding); bij ‘In uitvoering’ wordt hij niet vastgelegd. Maak het datumveld leeg of "
        "kies een andere uitvoering."]
    assert Motion.objects.get().execution_status == "open"
    page = client_for(clerk).get(url).content.decode()
    assert 'data-shown-by="new" data-shown-for="executed partly_executed"' in page


def test_a_correction_to_open_refuses_a_delivery_date(client_for, clerk):
    commitment = factories.commitment(clerk)
    url = reverse("commitments:correct", args=[commitment.pk])
    response = client_for(clerk).post(url, {"status": "lapsed", "on": "2020-12-01",
                                            "reason": "Vervallen", "version": commitment.version})
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == [DATE_REFUSED]
    assert Commitment.objects.get().status == "open"


def test_a_motion_correction_keeps_the_report_date_of_a_partial_execution(client_for, clerk,
                                                                          adopted):
    adopted.change_status("partly_executed", by=clerk, reason="Deels", remaining="de rest")
    url = reverse("commitments:motion-correct", args=[adopted.pk])
    data = {"outcome": "adopted", "on": "2019-12-17", "reason": "Gemeld in het AO",
            "version": adopted.version}
    response = client_for(clerk).post(url, {**data, "execution": "in_progress",
                                            "reported_on": "2020-12-01"})
    assert response.context["form"].errors["reported_on"]
    response = client_for(clerk).post(url, {**data, "execution": "partly_executed",
                                            "reported_on": "2020-12-01"})
    assert response.status_code == 302, response.context["form"].errors
    adopted.refresh_from_db()
    assert (adopted.execution_status, adopted.reported_on) == ("partly_executed", DAY)
