"""Changing many commitments or motions at once: checked, confirmed, each by its own rules."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import Commitment, Motion
from register.models import Directorate
from tests import factories

URL = reverse("commitments:bulk")


@pytest.fixture
def three(clerk):
    return [factories.commitment(clerk, title=f"Toezegging {n}") for n in range(3)]


def items(records):
    return ",".join(f"{record.pk}:{record.version}" for record in records)


def post(client, records, step, url=URL, **data):
    return client.post(url, {"items": items(records), "step": step, **data})


def fresh(record):
    return type(record).objects.get(pk=record.pk)


def test_the_ticked_rows_are_offered_with_their_versions(client_for, clerk, three,
                                                         django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(12):
        response = client.get(URL, {"pk": [f"{r.pk}:{r.version}" for r in three[:2]]})
    assert response.status_code == 200
    assert response.context["form"]["items"].value() == items(three[:2])
    assert "2 toezeggingen gekozen." in response.content.decode()


def test_all_matching_the_filter_are_chosen(client_for, clerk, three):
    three[0].change_status("lapsed", by=clerk, reason="Ingehaald")
    response = client_for(clerk).get(URL, {"all": "1", "query": "status=open"})
    assert {record.pk for record in response.context["selected"]} == {three[1].pk, three[2].pk}


def test_assign_an_owner_checks_first_then_changes_each_with_a_history_row(
        client_for, clerk, advisor, three):
    client = client_for(clerk)
    checked = post(client, three, "check", action="owner", owner=advisor.pk)
    assert checked.status_code == 200
    assert "Bevestigen: 3 wijzigen" in checked.content.decode()
    assert not Commitment.objects.filter(owner=advisor).exists()  # nothing saved yet
    done = post(client, three, "apply", action="owner", owner=advisor.pk)
    assert done.status_code == 200
    assert "3 gewijzigd" in done.content.decode()
    for record in three:
        record = fresh(record)
        assert record.owner == advisor
        row = record.history.latest()
        assert (row.history_user, row.history_change_reason) == (clerk, "Eigenaar: Bart Beleid")


def test_status_change_refuses_a_record_its_rules_refuse_and_says_why(client_for, clerk, three):
    three[0].change_status("lapsed", by=clerk, reason="Ingehaald")
    three[0] = fresh(three[0])
    client = client_for(clerk)
    checked = post(client, three, "check", action="status", status="in_progress",
                   reason="Opdracht verstrekt")
    assert [record.pk for record, _message in checked.context["outcome"].refused] == [three[0].pk]
    done = post(client, three, "apply", action="status", status="in_progress",
                reason="Opdracht verstrekt")
    page = done.content.decode()
    assert "2 gewijzigd" in page and "1 geweigerd" in page
    assert "kan niet naar ‘In uitvoering’" in page
    assert fresh(three[0]).status == "lapsed"
    assert [fresh(r).status for r in three[1:]] == ["in_progress", "in_progress"]
    assert fresh(three[1]).history.latest().history_change_reason == "Opdracht verstrekt"


def test_a_status_change_needs_a_reason(client_for, clerk, three):
    response = post(client_for(clerk), three, "check", action="status", status="in_progress")
    assert response.context["form"].errors["reason"]


def test_done_without_a_document_is_refused_for_each(client_for, clerk, three):
    response = post(client_for(clerk), three, "apply", action="status", status="done",
                    reason="Brief verstuurd")
    assert len(response.context["outcome"].refused) == 3
    assert not Commitment.objects.filter(status="done").exists()


def test_done_with_a_typed_document(client_for, clerk, three):
    response = post(client_for(clerk), three[:1], "apply", action="status", status="done",
                    reason="Brief verstuurd", document_reference="Kamerstuk 24 077, nr. 468")
    assert response.context["outcome"].changed
    assert fresh(three[0]).delivered_by.number == "468"


def test_a_record_changed_since_it_was_shown_is_reported_not_overwritten(
        client_for, clerk, advisor, three):
    shown = items(three)
    three[1].change_status("in_progress", by=clerk, reason="Intussen")  # someone else
    response = client_for(clerk).post(URL, {"items": shown, "step": "apply", "action": "owner",
                                            "owner": advisor.pk})
    assert [record.pk for record in response.context["outcome"].stale] == [three[1].pk]
    assert fresh(three[1]).owner is None
    assert "intussen door een ander gewijzigd" in response.content.decode()


def test_add_a_topic_and_assign_a_directorate(client_for, clerk, three):
    client = client_for(clerk)
    post(client, three, "apply", action="topic", topic="Lachgas")
    assert all(fresh(r).topics.get().name == "lachgas" for r in three)
    assert fresh(three[0]).history.latest().history_change_reason == \
        "Onderwerp toegevoegd: Lachgas"
    directorate = Directorate.objects.create(abbreviation="VGP", name="Voeding en Preventie")
    again = [fresh(r) for r in three]
    post(client, again, "apply", action="directorate", directorate=directorate.pk)
    assert all(fresh(r).directorate == directorate for r in three)


def test_motions_execution_in_bulk(client_for, clerk):
    adopted = factories.motion(clerk)
    adopted.record_vote("adopted", by=clerk, reason="Stemmingen", on=datetime.date(2020, 1, 7))
    submitted = factories.motion(clerk)
    response = post(client_for(clerk), [fresh(adopted), submitted], "apply",
                    url=reverse("commitments:motion-bulk"), action="status",
                    status="in_progress", reason="Gestart")
    assert fresh(adopted).execution_status == "in_progress"
    assert [r.pk for r, message in response.context["outcome"].refused] == [submitted.pk]
    assert Motion.objects.get(pk=submitted.pk).execution_status == ""


def test_the_list_offers_the_selection_to_clerks_only(client_for, clerk, advisor, three):
    page = client_for(clerk).get(reverse("commitments:list")).content.decode()
    assert f'value="{three[0].pk}:{three[0].version}"' in page
    assert "Alle 3 van dit filter" in page
    page = client_for(advisor).get(reverse("commitments:list")).content.decode()
    assert 'name="pk"' not in page


def test_advisors_and_letter_staff_cannot_change_in_bulk(client_for, advisor, letter_writer,
                                                         three):
    for user in (advisor, letter_writer):
        client = client_for(user)
        assert client.get(URL).status_code == 403
        assert post(client, three, "apply", action="owner", owner=user.pk).status_code == 403
        assert post(client, three, "apply", action="status", status="lapsed",
                    reason="x").status_code == 403
    assert all(fresh(r).history.count() == 1 for r in three)


def test_applying_is_post_only(client_for, clerk, advisor, three):
    client_for(clerk).get(URL, {"items": items(three), "step": "apply", "action": "owner",
                                "owner": advisor.pk})
    assert not Commitment.objects.filter(owner=advisor).exists()


def test_the_choice_is_counted_in_what_it_is(client_for, clerk):
    """"547 records gekozen" on the motions' page: say moties (issue 17, item 11)."""
    motions = [factories.motion(clerk) for _n in range(2)]
    response = client_for(clerk).get(reverse("commitments:motion-bulk"),
                                     {"pk": [f"{m.pk}:{m.version}" for m in motions]})
    assert "2 moties gekozen." in response.content.decode()
