"""New rows and their history rows, in bulk: COPY on PostgreSQL, bulk_create elsewhere.

On PostgreSQL, Django's bulk_create sends each batch as one INSERT … SELECT * FROM UNNEST(…),
with every value passed through its field's get_db_prep_save and then quoted into array literals
by psycopg's array dumper, in Python, as Django binds parameters on the client. For 10,000
commitments and their 10,000 history rows that conversion and quoting took more time than the
server spent inserting and indexing the rows (docs/bench-import-tk.md). COPY streams the rows
instead: psycopg converts each value in C, and the server inserts while the next rows are built.

The rows are the ones bulk_create_with_history writes: the same columns and values (a value goes
through its field's get_db_prep_save unless it is already what that would return), the primary
keys taken from the table's sequence as an INSERT would take them, constraints, triggers and
indexes (the trigram index of the search words among them) maintained by PostgreSQL as for an
INSERT, and one history row per object as simple_history's bulk_history_create makes it (type
"+", the user, the object's reason, now, the change source). tests/imports/test_writing.py
compares the two ways row by row.
"""

from __future__ import annotations

import time
from datetime import date
from operator import attrgetter

from django.db import connections, router, transaction
from django.db.models import Field
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from commitments.models import Commitment
from register.history import ChangeSource, save_with_history

BATCH_SIZE = 500
# Fields whose get_db_prep_save returns a value of this type (or None) unchanged on PostgreSQL.
# Not DateTimeField: a naive moment is made aware by the field.
PLAIN = {"CharField": str, "TextField": str, "BooleanField": bool, "SmallIntegerField": int,
         "IntegerField": int, "BigIntegerField": int, "PositiveSmallIntegerField": int,
         "PositiveIntegerField": int, "PositiveBigIntegerField": int, "AutoField": int,
         "BigAutoField": int, "DateField": date}


def create_with_history(objs, model, *, by, source=ChangeSource.IMPORT, prepare=None):
    """Insert `objs` (each with `_change_reason`) and one history row each; the objects get
    their primary keys, as from bulk_create.

    `prepare(obj)`, when given, is called on each object just before its row is written: on
    PostgreSQL the server inserts and indexes the rows already sent while the next ones are
    prepared, so work done there costs no time the server needs. It must not query the
    database: on PostgreSQL the COPY is under way.
    """
    if not objs:
        return objs
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or any(obj.pk is not None for obj in objs):
        for obj in objs if prepare else ():
            prepare(obj)
        return bulk_create_with_history(objs, model, batch_size=BATCH_SIZE, default_user=by,
                                        custom_historical_attrs={"change_source": source})
    with transaction.atomic(using=connection.alias, savepoint=False):
        copy_objects(connection, model, objs, prepare)
        copy_history(connection, model, objs, by=by, source=source)
    return objs


def copy_objects(connection, model, objs, prepare):
    """The rows of `objs`, with primary keys from the table's sequence."""
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                       "FROM generate_series(1, %s)",
                       [connection.ops.quote_name(meta.db_table), meta.pk.column, len(objs)])
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
    fields = meta.concrete_fields
    get = getter([field.attname for field in fields])
    # Fields that set their own value on the way in (auto_now), as an INSERT has them do.
    own = [(index, field) for index, field in enumerate(fields)
           if type(field).pre_save is not Field.pre_save]

    def row(obj):
        if prepare:
            prepare(obj)
        # What bulk_create checks (a private method of Django's, used as bulk_create uses it):
        # no unsaved related object, foreign key ids in step with the related objects.
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        values = list(get(obj))
        for index, field in own:
            values[index] = field.pre_save(obj, True)
        return values

    copy_rows(connection, meta.db_table, fields, map(row, objs))
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias


def copy_history(connection, model, objs, *, by, source):
    """One history row per object, as bulk_history_create makes it (history_id from its
    sequence)."""
    history = get_history_manager_for_model(model).model
    tracked = {field.attname for field in history.tracked_fields}
    fields = [field for field in history._meta.concrete_fields if not field.primary_key]
    copied = [field for field in fields if field.attname in tracked]
    others = [field for field in fields if field.attname not in tracked]
    fixed = {"history_user_id": by.pk if by else None, "history_type": "+",
             "change_source": source}
    fixed |= {field.attname: field.get_default() for field in others if field.attname
              not in {*fixed, "history_date", "history_change_reason"}}
    get = getter([field.attname for field in copied])

    def row(obj):
        values = {**fixed, "history_date": timezone.now(),
                  "history_change_reason": getattr(obj, "_change_reason", None) or None}
        return [*get(obj), *(values[field.attname] for field in others)]

    copy_rows(connection, history._meta.db_table, copied + others, map(row, objs))


def getter(names):
    """A function giving the attributes `names` of an object as a tuple (read in C)."""
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)


def copy_rows(connection, table, fields, rows):
    quote = connection.ops.quote_name
    convert = Converter(fields, connection)
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor, connection.wrap_database_errors, \
            cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(convert(row))


class Converter:
    """A row of Python values as the fields' get_db_prep_save give them to the database; the
    call is left out where it would return the value as it is (None, or text for a text field,
    a number for a number field, a date for a date field; PLAIN)."""

    def __init__(self, fields, connection):
        self.connection = connection
        self.steps = [(PLAIN.get((field.target_field if field.is_relation else field)
                                 .get_internal_type()), field.get_db_prep_save)
                      for field in fields]

    def __call__(self, values):
        connection = self.connection
        return [value if plain and (value is None or type(value) is plain)
                else prepare(value, connection)
                for value, (plain, prepare) in zip(values, self.steps, strict=True)]


# --- Planning first, then short transactions --------------------------------------------------

# Records per transaction: on SQLite a few tenths of a second of the write lock.
CHUNK = 250
# On SQLite the lock is let go for SQLITE_PAUSE once the import has held it for LOCK_BUDGET
# (transactions back to back leave no gap a waiting writer could use): a writer that waits, a
# clerk's status change, tries again at least every 100 ms (SQLite's busy handler), so it gets
# in after at most about LOCK_BUDGET and one chunk.
LOCK_BUDGET = 0.5
SQLITE_PAUSE = 0.11


def in_short_transactions(objects, write, *, size=CHUNK):
    """`write(chunk)` for each chunk of `objects`, each chunk in a transaction of its own.

    SQLite lets one writer in at a time (and the project's transactions take the lock at BEGIN):
    one transaction for a whole import kept clerks out for as long as it ran. A chunk holds
    complete records — each with its history row — so what is committed is consistent, and a
    run that stops halfway is completed by running the same import again.
    """
    sqlite = connections[router.db_for_write(Commitment)].vendor == "sqlite"
    held = 0.0
    for start in range(0, len(objects), size):
        if sqlite and held >= LOCK_BUDGET:
            time.sleep(SQLITE_PAUSE)
            held = 0.0
        began = time.monotonic()
        with transaction.atomic():
            write(objects[start:start + size])
        held += time.monotonic() - began


class Pending:
    """The people, offices, ministries, parties and dossiers an import needs and does not hold
    (or whose missing details it fills in), in the order they must be saved. Planning only
    collects them, so that a dry run writes nothing and takes no lock; `save` writes them,
    each with its history row, before the records that refer to them."""

    def __init__(self, by):
        self.by = by
        self.objects = {}  # id(obj): (obj, reason), in order of addition

    def add(self, obj, reason):
        self.objects.setdefault(id(obj), (obj, reason))
        return obj

    def save(self):
        for obj, reason in self.objects.values():
            save_with_history(obj, by=self.by, reason=reason, source=ChangeSource.IMPORT)
        self.objects = {}
