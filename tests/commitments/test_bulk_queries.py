"""What a bulk change costs in queries, with 50 records chosen: the check page a fixed number
whatever the rows, the result page a fixed number per record changed (each is saved on its own,
with its own lock, rules and history row), so a query per row more fails here."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import Commitment, Motion
from register.models import Directorate
from tests import factories

ROWS = 50
COMMITMENTS = reverse("commitments:bulk")
MOTIONS = reverse("commitments:motion-bulk")


@pytest.fixture
def commitments(clerk):
    for n in range(ROWS):
        # Each with its own dossier and bewindspersoon: a related row read per record shows.
        factories.commitment(clerk, title=f"Toezegging {n}", dossier=factories.dossier(f"3{n:04d}"),
                             bewindspersoon=factories.bewindspersoon(f"Persoon{n}"))
    return list(Commitment.objects.order_by("pk"))


@pytest.fixture
def motions(clerk):
    for n in range(ROWS):
        motion = factories.motion(clerk, dossier=factories.dossier(f"3{n:04d}"), number="1",
                                  filed_on=datetime.date(2020, 1, 2))
        motion.record_vote("adopted", by=clerk, reason="Stemmingen",
                           on=datetime.date(2020, 1, 7))
    return list(Motion.objects.order_by("pk"))


def data(records, step, **fields):
    return {"items": ",".join(f"{r.pk}:{r.version}" for r in records), "step": step, **fields}


CHANGES = {
    "owner": lambda user, directorate: {"action": "owner", "owner": user.pk},
    "directorate": lambda user, directorate: {"action": "directorate",
                                              "directorate": directorate.pk},
    "topic": lambda user, directorate: {"action": "topic", "topic": "Lachgas"},
    "status": lambda user, directorate: {"action": "status", "status": "in_progress",
                                         "reason": "Opdracht verstrekt"},
}


@pytest.fixture
def directorate():
    return Directorate.objects.create(abbreviation="VGP", name="Voeding en Preventie")


@pytest.mark.parametrize("action", CHANGES)
def test_checking_50_commitments_costs_the_same_as_checking_one(
        client_for, clerk, advisor, directorate, commitments, action,
        django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(8):
        response = client.post(COMMITMENTS, data(commitments, "check",
                                                 **CHANGES[action](advisor, directorate)))
    assert len(response.context["outcome"].changed) == ROWS
    page = response.content.decode()
    assert all(record.get_absolute_url() in page for record in commitments)


@pytest.mark.parametrize("action", CHANGES)
def test_checking_50_motions_costs_the_same_as_checking_one(
        client_for, clerk, advisor, directorate, motions, action,
        django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(8):
        response = client.post(MOTIONS, data(motions, "check",
                                             **CHANGES[action](advisor, directorate)))
    assert len(response.context["outcome"].changed) == ROWS
    page = response.content.decode()
    assert all(str(record.reference) in page for record in motions)  # each named by its dossier


# Per record changed, in its own transaction (a savepoint): its lock, the save with its search
# words (the people, dossier, papers and topics it names), the history row; a topic is found or
# created and added first; a status change locks and reads once more in the model's method.
APPLY_PER_RECORD = {
    Commitment: {"owner": 8, "directorate": 8, "topic": 15, "status": 12},
    Motion: {"owner": 9, "directorate": 9, "topic": 17, "status": 13},
}


@pytest.mark.parametrize("action", CHANGES)
def test_applying_to_50_commitments_costs_a_fixed_number_per_record(
        client_for, clerk, advisor, directorate, commitments, action,
        django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(10 + APPLY_PER_RECORD[Commitment][action] * ROWS):
        response = client.post(COMMITMENTS, data(commitments, "apply",
                                                 **CHANGES[action](advisor, directorate)))
    assert len(response.context["outcome"].changed) == ROWS


@pytest.mark.parametrize("action", CHANGES)
def test_applying_to_50_motions_costs_a_fixed_number_per_record(
        client_for, clerk, advisor, directorate, motions, action,
        django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(10 + APPLY_PER_RECORD[Motion][action] * ROWS):
        response = client.post(MOTIONS, data(motions, "apply",
                                             **CHANGES[action](advisor, directorate)))
    assert len(response.context["outcome"].changed) == ROWS
