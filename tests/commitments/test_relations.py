"""Relations between commitments recorded on the commitment's page (issue 17, item 4)."""

from django.urls import reverse

from commitments.models import CommitmentRelation
from tests import factories


def test_clerk_records_and_removes_a_relation(client_for, clerk):
    first, second = factories.commitment(clerk), factories.commitment(clerk)
    client = client_for(clerk)
    url = reverse("commitments:relation-add", args=[second.pk])
    response = client.post(url, {"kind": "repeat_of", "target": first.number.lower()})
    assert response.status_code == 302
    relation = CommitmentRelation.objects.get()
    assert (relation.source, relation.kind, relation.target) == (second, "repeat_of", first)
    row = relation.history.get()
    assert (row.history_user, row.history_change_reason) == (clerk, "Relatie vastgelegd")
    page = client.get(second.get_absolute_url()).content.decode()
    assert f"Herhaling van <a href=\"{first.get_absolute_url()}\">" in page
    client.post(reverse("commitments:relation-delete", args=[second.pk, relation.pk]))
    assert not CommitmentRelation.objects.exists()
    assert relation.history.order_by("history_date").last().history_type == "-"


def test_a_wrong_or_double_relation_is_refused_with_a_message(client_for, clerk):
    first, second = factories.commitment(clerk), factories.commitment(clerk)
    client = client_for(clerk)
    url = reverse("commitments:relation-add", args=[second.pk])
    page = client.post(url, {"kind": "repeat_of", "target": "TZ-XX-1999-999"}, follow=True)
    assert "Er is geen toezegging met nummer TZ-XX-1999-999." in page.content.decode()
    client.post(url, {"kind": "repeat_of", "target": first.number})
    client.post(url, {"kind": "repeat_of", "target": first.number})
    client.post(url, {"kind": "repeat_of", "target": second.number})  # not to itself
    assert CommitmentRelation.objects.count() == 1


def test_relations_are_posted_by_clerks_only(client_for, clerk, advisor):
    first, second = factories.commitment(clerk), factories.commitment(clerk)
    url = reverse("commitments:relation-add", args=[second.pk])
    assert client_for(advisor).post(url, {"kind": "repeat_of",
                                          "target": first.number}).status_code == 403
    assert client_for(clerk).get(url).status_code == 405
    assert not CommitmentRelation.objects.exists()
