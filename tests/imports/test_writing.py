"""commitments/tk_import/writing.py: on PostgreSQL the import writes new rows and their history
with COPY; the rows must be the ones bulk_create_with_history writes (on SQLite it is that)."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from simple_history.utils import bulk_create_with_history

from commitments.models import Commitment, Status
from commitments.tk_import.writing import Converter, create_with_history
from register.history import ChangeSource
from register.models import Document, Party
from tests import factories

# Differ between any two writes: keys from sequences, and the moments of writing.
VARYING = {"id", "history_id", "history_date", "created_at", "updated_at"}
AWKWARD = "tab\there, new\nline, back\\slash, \\N, \"quotes\", ‘curly’, ß, 😀, {a,b}, NULL"


def commitments(clerk):
    """Fresh commitments with every kind of value: text that COPY must escape, an enum, dates,
    an aware moment, a boolean, foreign keys set and empty."""
    letter = factories.document("468")
    party = Party.objects.get_or_create(abbreviation="PVV")[0]
    ministry, person = factories.ministry("VWS"), factories.bewindspersoon()
    made = datetime.date(2024, 12, 10)
    items = [
        Commitment(number="TZ-VWS-2024-001", title=AWKWARD[:200], text=AWKWARD,
                   bewindspersoon=person, ministry=ministry, made_on=made, to_party=party,
                   status=Status.DONE, delivered_on=made, delivered_by=letter,
                   tk_status="Afgedaan", tk_notes="", tk_id="5f3c0e3a",
                   tk_modified=datetime.datetime(2024, 12, 12, 8, 15, 10, 304324,
                                                 tzinfo=datetime.UTC),
                   deadline_text="in maart 2025", status_source=ChangeSource.IMPORT),
        Commitment(number="TZ-VWS-2024-002", title="Leeg", text="Zonder termijn.",
                   bewindspersoon=person, ministry=ministry, made_on=made,
                   deadline_override_end=datetime.date(2025, 1, 31)),
    ]
    for n, item in enumerate(items):
        item.derive_deadline()
        item.derive_search()
        item._change_reason = f"import TK test.json: overgenomen ({n})"
    return items


def written(write, objs, model):
    """The rows and history rows `write` leaves, rolled back afterwards."""
    with transaction.atomic():
        write(objs)
        assert all(obj.pk and not obj._state.adding for obj in objs)
        rows = list(model.objects.filter(pk__in=[obj.pk for obj in objs]).order_by("pk")
                    .values())
        history = list(model.history.filter(id__in=[obj.pk for obj in objs]).order_by("id")
                       .values())
        assert [row["id"] for row in rows] == [row["id"] for row in history] == [
            obj.pk for obj in objs]
        transaction.set_rollback(True)
    return [{k: v for k, v in row.items() if k not in VARYING} for row in rows + history]


def test_new_commitments_and_their_history_are_the_rows_bulk_create_writes(clerk):
    ours = written(lambda objs: create_with_history(objs, Commitment, by=clerk),
                   commitments(clerk), Commitment)
    theirs = written(lambda objs: bulk_create_with_history(
        objs, Commitment, batch_size=500, default_user=clerk,
        custom_historical_attrs={"change_source": ChangeSource.IMPORT}),
        commitments(clerk), Commitment)
    assert ours == theirs
    assert ours[0]["text"] == AWKWARD and ours[2]["history_user_id"] == clerk.pk
    assert ours[2]["history_change_reason"] == "import TK test.json: overgenomen (0)"
    assert (ours[2]["history_type"], ours[2]["change_source"]) == ("+", ChangeSource.IMPORT)


def test_an_empty_key_is_written_as_null(clerk):
    def documents():
        items = [Document(kind="brief", title="Zonder kenmerk", ident=None)]
        items[0]._change_reason = "import TK test.json"
        return items

    ours = written(lambda objs: create_with_history(objs, Document, by=clerk), documents(),
                   Document)
    theirs = written(lambda objs: bulk_create_with_history(
        objs, Document, default_user=clerk,
        custom_historical_attrs={"change_source": ChangeSource.IMPORT}), documents(), Document)
    assert ours == theirs and ours[0]["ident"] is None


def test_a_broken_rule_is_a_database_error_and_writes_nothing(clerk):
    broken = commitments(clerk)[1]
    broken.status = Status.DONE  # done without a delivery date: a check constraint refuses
    with pytest.raises(DatabaseError), transaction.atomic():
        create_with_history([broken], Commitment, by=clerk)
    assert not Commitment.objects.exists() and not Commitment.history.exists()


@pytest.mark.django_db  # so that the PostgreSQL pass (ONLY_DB_TESTS) runs it
@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is used on PostgreSQL only")
@pytest.mark.filterwarnings("ignore:DateTimeField .* received a naive datetime")
@pytest.mark.parametrize("name, value", [
    ("tk_modified", datetime.datetime(2024, 12, 12, 8, 15, tzinfo=datetime.UTC)),
    ("tk_modified", datetime.datetime(2024, 12, 12, 8, 15)),  # naive: made aware
    ("made_on", datetime.date(2024, 12, 10)),
    ("made_on", datetime.datetime(2024, 12, 10, 23, 30)),  # a moment where a day belongs
    ("tk_status", "Afgedaan"), ("tk_status", 5), ("status", Status.DONE),
    ("deadline_overridden", True), ("version", 3), ("to_party", 7), ("to_party", None),
])
def test_each_value_is_converted_as_its_field_would(name, value):
    field = Commitment._meta.get_field(name)
    expected = field.get_db_prep_save(value, connection)
    (converted,) = Converter([field], connection)([value])
    # Equal, not always of one type: Django wraps an int in psycopg's Int4 for binding, which
    # COPY writes as the same text.
    assert converted == expected
    assert isinstance(converted, datetime.date) == isinstance(expected, datetime.date)
