"""/verschillen/: where the Kamer's register and ours disagree."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Status
from commitments.vocabulary import kamer_agrees
from tests import factories

URL = reverse("commitments:differences")


def commitment(clerk, status, **fields):
    item = factories.commitment(clerk, **fields)
    if status != Status.OPEN:
        delivered = status in (Status.DONE, Status.PARTLY_DONE)
        item.change_status(status, by=clerk, reason="test",
                           document=factories.document() if delivered else None,
                           on=datetime.date(2021, 1, 5) if delivered else None)
    return item


@pytest.mark.parametrize("word, status, agrees", [
    ("Openstaand", Status.OPEN, True),
    ("Openstaand", Status.IN_PROGRESS, True),
    ("openstaand", Status.DONE, False),
    ("Afgedaan", Status.DONE, True),
    ("Voldaan", Status.DONE, True),
    ("Afgedaan", Status.PARTLY_DONE, False),
    ("Deels Afgedaan", Status.PARTLY_DONE, True),
    ("Deels voldaan", Status.PARTLY_DONE, True),
    ("Vervallen", Status.OPEN, False),
    ("Verwijderd", Status.OPEN, False),
    ("", Status.LAPSED, True),
])
def test_the_kamers_words_against_ours(word, status, agrees):
    assert kamer_agrees(word, status) is agrees


def test_the_page_lists_each_difference_with_both_statuses(clerk, client_for):
    done_here = commitment(clerk, Status.DONE, tk_status="Openstaand", tk_number="TZ202001-1",
                           tk_modified=datetime.datetime(2021, 2, 3, 10, tzinfo=datetime.UTC))
    deleted = commitment(clerk, Status.OPEN, tk_status="Verwijderd")
    eerste = commitment(clerk, Status.OPEN, ek_status="Voldaan", ek_number="T01970")
    same = commitment(clerk, Status.IN_PROGRESS, tk_status="Openstaand")
    unknown = commitment(clerk, Status.OPEN)
    html = client_for(clerk).get(URL).content.decode()
    for item in (done_here, deleted, eerste):
        assert item.get_absolute_url() in html
    for item in (same, unknown):
        assert item.get_absolute_url() not in html
    assert "2021 11:00" in html and "TZ202001-1" in html  # tk_modified, in Dutch time
    assert "Eerste Kamer" in html and "Voldaan" in html and "Verwijderd" in html


def test_no_differences_says_so(clerk, client_for):
    assert "Geen verschillen" in client_for(clerk).get(URL).content.decode()


@pytest.mark.parametrize("role", ["clerk", "advisor", "letter_writer"])
def test_every_role_sees_the_page(role, request, client_for, db):
    assert client_for(request.getfixturevalue(role)).get(URL).status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_list(clerk, client_for,
                                                           django_assert_num_queries):
    client = client_for(clerk)
    commitment(clerk, Status.DONE, tk_status="Openstaand")
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for _ in range(5):
        commitment(clerk, Status.LAPSED, tk_status="Afgedaan")
    with django_assert_num_queries(len(few.captured_queries)):
        html = client.get(URL).content.decode()
    assert html.count("Afgedaan") >= 5
