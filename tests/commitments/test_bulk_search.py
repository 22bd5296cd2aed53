"""A bulk change keeps the search words right: after assigning an owner, a directorate or a
topic, or changing the status, the search finds the records by the new names (issue 17, items 2
and 7); renaming the owner, directorate or topic later refreshes them too."""

import datetime

import pytest
from django.http import QueryDict
from django.urls import reverse

from commitments.filters import CommitmentFilter, MotionFilter
from register.models import Directorate, Topic
from tests import factories


def found(query, filter_class=CommitmentFilter):
    model = filter_class.Meta.model
    filterset = filter_class(QueryDict(f"q={query}"), queryset=model.objects.all())
    return sorted(record.pk for record in filterset.qs)


BULK = reverse("commitments:bulk")


def bulk(client, records, url=BULK, **change):
    items = ",".join(f"{r.pk}:{r.version}" for r in records)
    response = client.post(url, {"items": items, "step": "apply", **change})
    assert len(response.context["outcome"].changed) == len(records)


@pytest.fixture
def two(clerk):
    return [factories.commitment(clerk, title=f"Rapport {n}") for n in range(2)]


@pytest.fixture
def directorate():
    return Directorate.objects.create(abbreviation="VGP", name="Voeding en Preventie")


def test_the_new_owner_finds_their_records(client_for, clerk, advisor, two):
    assert found("Bart Beleid") == []
    bulk(client_for(clerk), two, action="owner", owner=advisor.pk)
    assert found("Bart Beleid") == [r.pk for r in two]
    assert found("beleid bart") == [r.pk for r in two]


def test_a_renamed_owner_is_found_by_the_new_name(client_for, clerk, advisor, two):
    bulk(client_for(clerk), two, action="owner", owner=advisor.pk)
    advisor.first_name = "Barbara"
    advisor.save()
    assert found("Barbara Beleid") == [r.pk for r in two]
    assert found("Bart") == []


def test_a_login_does_not_rewrite_the_search_words(client_for, clerk, advisor, two,
                                                   django_assert_max_num_queries):
    bulk(client_for(clerk), two, action="owner", owner=advisor.pk)
    advisor.last_login = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    with django_assert_max_num_queries(1):
        advisor.save(update_fields=["last_login"])


def test_the_directorate_finds_its_records(client_for, clerk, directorate, two):
    bulk(client_for(clerk), two, action="directorate", directorate=directorate.pk)
    assert found("VGP") == found("voeding preventie") == [r.pk for r in two]
    directorate.name = "Jeugd"
    directorate.save()
    assert found("jeugd") == [r.pk for r in two]


def test_an_added_topic_finds_its_records(client_for, clerk, two):
    bulk(client_for(clerk), two, action="topic", topic="Lachgas")
    assert found("lachgas") == [r.pk for r in two]
    topic = Topic.objects.get(name="lachgas")
    two[0].topics.remove(topic)
    assert found("lachgas") == [two[1].pk]
    topic.name = "distikstofoxide"
    topic.save()
    assert found("distikstofoxide") == [two[1].pk]


def test_a_status_change_finds_the_delivering_paper(client_for, clerk, two):
    assert found("468") == []
    bulk(client_for(clerk), two, action="status", status="done", reason="Brief verstuurd",
         document_reference="Kamerstuk 24 077, nr. 468")
    assert found("468") == [r.pk for r in two]


def test_motions_are_found_by_their_new_owner_and_topic(client_for, clerk, advisor):
    motions = [factories.motion(clerk) for _n in range(2)]
    url = reverse("commitments:motion-bulk")
    bulk(client_for(clerk), motions, url=url, action="owner", owner=advisor.pk)
    assert found("Bart Beleid", MotionFilter) == [m.pk for m in motions]
    motions = [type(m).objects.get(pk=m.pk) for m in motions]
    bulk(client_for(clerk), motions, url=url, action="topic", topic="Rookvrij")
    assert found("rookvrij", MotionFilter) == [m.pk for m in motions]
