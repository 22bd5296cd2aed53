"""Our numbers (TZ-VWS-2020-007): one indexed query per new commitment, whatever the register's
size, and the numbering rules still hold."""

import datetime
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Commitment
from tests import factories

MADE_ON = datetime.date(2020, 3, 1)


def numbered(clerk, *numbers):
    for number in numbers:
        factories.commitment(clerk, number=number, made_on=MADE_ON)


def new_number(clerk, **fields):
    return factories.commitment(clerk, made_on=MADE_ON, **fields).number


def test_the_next_number_is_one_query(clerk, django_assert_num_queries):
    numbered(clerk, *(f"TZ-VWS-2020-{n:03d}" for n in range(1, 8)))
    commitment = Commitment(ministry=factories.ministry(), made_on=MADE_ON)
    with django_assert_num_queries(1):
        assert commitment.next_number() == "TZ-VWS-2020-008"


def test_the_number_query_reads_an_index_range_not_the_table(clerk):
    """The query plan: the unique index on `number`, searched for the prefix, not a scan."""
    numbered(clerk, "TZ-VWS-2020-001")
    commitment = Commitment(ministry=factories.ministry(), made_on=MADE_ON)
    with CaptureQueriesContext(connection) as queries:
        commitment.next_number()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + queries[0]["sql"])
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "SEARCH" in plan and "INDEX" in plan and "number>" in plan, plan
        else:
            # The test tables are tiny, so the planner would rightly read them whole: forbid it.
            cursor.execute("SET LOCAL enable_seqscan = off")
            # With statistics that say the table is empty (an autovacuum after the rolled-back
            # rows of earlier tests), a whole scan of the covering unique index costs the same
            # as the range of the pattern index and wins the tie: forbid that too.
            cursor.execute("SET LOCAL enable_indexonlyscan = off")
            cursor.execute("EXPLAIN " + queries[0]["sql"])
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "Index Cond" in plan and "number" in plan.split("Index Cond")[1], plan


def test_gaps_stay_and_999_is_followed_by_1000(clerk):
    numbered(clerk, "TZ-VWS-2020-001", "TZ-VWS-2020-002", "TZ-VWS-2020-005")
    assert new_number(clerk) == "TZ-VWS-2020-006"
    numbered(clerk, "TZ-VWS-2020-999")
    assert new_number(clerk) == "TZ-VWS-2020-1000"
    assert new_number(clerk) == "TZ-VWS-2020-1001"


def test_only_numbers_of_the_same_prefix_with_a_running_number_count(clerk):
    numbered(clerk, "TZ-VWS-2020-003",
             "TZ-VWS-2020-B000900",   # the benchmark's generated numbers
             "TZ-VWS-2020-12a", "TZ-VWS-2020-4-7",
             "TZ-VWS-20201-777",      # another prefix that starts alike
             "TZ-vws-2020-500",       # another prefix: numbers are compared exactly
             "TZ-VWS-2021-050", "TZ-JenV-2020-080")
    assert new_number(clerk) == "TZ-VWS-2020-004"
    assert new_number(clerk, ministry=factories.ministry("JenV")) == "TZ-JenV-2020-081"


def test_a_number_taken_in_between_is_passed_over(clerk):
    """Someone else registers a commitment after ours read the highest number and before it is
    written: the unique index refuses ours, which takes the next one; both are kept."""
    numbered(clerk, "TZ-VWS-2020-001")
    real_next_number = Commitment.next_number
    taken = []

    def next_number_then_taken(commitment):
        number = real_next_number(commitment)
        if not taken:
            taken.append(new_number(clerk, number=number))
        return number

    with mock.patch.object(Commitment, "next_number", next_number_then_taken):
        ours = factories.commitment(clerk, made_on=MADE_ON, title="De onze")
    assert taken == ["TZ-VWS-2020-002"] and ours.number == "TZ-VWS-2020-003"
    assert Commitment.objects.get(number="TZ-VWS-2020-003").title == "De onze"
    assert ours.history.count() == 1


def test_numbers_in_a_row(clerk):
    numbers = [new_number(clerk) for _ in range(12)]
    assert numbers == [f"TZ-VWS-2020-{n:03d}" for n in range(1, 13)]
