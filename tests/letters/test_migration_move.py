"""The letters moved from the register app to their own (register 0013, letters 0001) without
touching the database: a database that holds the demo letter and a finalised letter of its own is
migrated from before the move to after it, and every row of every table is the same — but for
the two migrations recorded and the six content types renamed to the letters app, which keep
their ids — as are the tables, their columns and constraints, and the stored PDFs. The groups'
permissions, the admin's log and the content types follow the models. Runs on SQLite and, in
the PostgreSQL pass of `make test`, on PostgreSQL."""

import datetime
import hashlib

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.test.utils import CaptureQueriesContext

from letters.compose import letter_compose
from letters.models import LetterItem, LetterSection, ProgressLetter
from letters.services import letter_approve, letter_finalise, letter_submit
from register import demo
from register.roles import BELEID, BRIEVEN, GRIFFIE
from tests.register.test_migration_document_key import migrate

BEFORE = [("register", "0012_approved_content_constraint")]  # letters 0001 comes after it
AFTER = [("letters", "0001_initial"), ("register", "0013_letters_moved_out")]
MOVED = ["progressletter", "lettersection", "letteritem", "historicalprogressletter",
         "historicallettersection", "historicalletteritem"]


def rows():
    """{table: sorted rows} of every table in the database."""
    quote = connection.ops.quote_name
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (our own table names)
            found[table] = sorted(cursor.fetchall(), key=repr)
    return found


def schema():
    """{table: (columns with their types, constraint names)}."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [(column.name, column.type_code, column.null_ok) for column in
                       connection.introspection.get_table_description(cursor, table)]
            constraints = sorted(connection.introspection.get_constraints(cursor, table))
            found[table] = (columns, constraints)
    return found


def stored_pdfs():
    """{stored name: SHA-256 of the file} of every final letter, checked against its row."""
    found = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pdf, pdf_sha256 FROM register_progressletter WHERE pdf <> ''")
        for name, recorded in cursor.fetchall():
            with default_storage.open(name, "rb") as stored:
                found[name] = hashlib.sha256(stored.read()).hexdigest()
            assert found[name] == recorded
    return found


def content_types():
    return {row.pk: (row.app_label, row.model) for row in ContentType.objects.all()}


def later_columns():
    """Add the columns that migrations after the move add to tables that exist before it (the
    demo is written with today's models); returns a function that drops them again, so that
    those migrations can add them when the finalizer applies them."""
    from django.apps import apps

    added = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        with connection.schema_editor() as editor:
            for model in apps.get_models(include_auto_created=True):
                table = model._meta.db_table
                if table not in tables:
                    continue
                present = {column.name for column in
                           connection.introspection.get_table_description(cursor, table)}
                for field in model._meta.local_fields:
                    if field.column and field.column not in present:
                        editor.add_field(model, field)
                        added.append((model, field))

    def drop():
        with connection.schema_editor() as editor:
            for model, field in reversed(added):
                editor.remove_field(model, field)

    return drop


def fill_before_the_move():
    """The demo with its final letter, and a letter of our own finalised through the services,
    written while the letters were still the register's (the tables are the same)."""
    clerk = User.objects.create_user("griffie")
    clerk.groups.add(Group.objects.get(name=GRIFFIE))
    objects = demo.load_all(by=clerk)
    author = User.objects.create_superuser("auteur")
    approver = User.objects.create_superuser("goedkeurder")
    letter = letter_compose(dossier=objects["dossiers"]["24077"], by=author,
                            today=datetime.date(2021, 6, 1))
    letter = letter_submit(letter=letter, by=author)
    letter = letter_approve(letter=letter, by=approver)
    letter = letter_finalise(letter=letter, by=approver)
    # An edit in /beheer/ logged against the letter's content type as it was then.
    log = LogEntry.objects.create(
        user=author, content_type=ContentType.objects.get(app_label="register",
                                                          model="progressletter"),
        object_id=str(letter.pk), object_repr=str(letter), action_flag=CHANGE,
        change_message="[]")
    return letter, log


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_changes_no_row_no_table_and_no_stored_pdf(request):
    # The move's own migrations are measured; later ones (which may add columns or grant a
    # permission) are applied again afterwards, as the other tests need them. Columns they add
    # to tables of before the move are there while it is measured (the demo is written with
    # today's models) and dropped before those migrations run again.
    request.addfinalizer(lambda: migrate(None))
    migrate(BEFORE)
    request.addfinalizer(later_columns())
    ContentType.objects.clear_cache()
    letter, log = fill_before_the_move()
    before_types = content_types()
    assert {(app, model) for app, model in before_types.values() if model in MOVED} == {
        ("register", model) for model in MOVED}
    before_rows, before_schema, before_pdfs = rows(), schema(), stored_pdfs()
    assert len(before_pdfs) == 2  # the demo letter's and ours
    assert before_rows["register_historicalprogressletter"]

    with CaptureQueriesContext(connection) as queries:
        migrate(AFTER)
    ContentType.objects.clear_cache()

    ddl = [query["sql"] for query in queries.captured_queries
           if query["sql"].lstrip().upper().startswith(("CREATE", "ALTER", "DROP"))]
    assert ddl == []
    after_rows = rows()
    recorded = set(after_rows.pop("django_migrations")) - set(before_rows.pop("django_migrations"))
    assert sorted((app, name) for _id, app, name, _at in recorded) == [
        ("letters", "0001_initial"), ("register", "0013_letters_moved_out")]
    after_rows.pop("django_content_type"), before_rows.pop("django_content_type")
    assert after_rows == before_rows
    assert schema() == before_schema
    assert stored_pdfs() == before_pdfs
    after_types = content_types()
    assert after_types == {pk: ("letters", model) if model in MOVED else (app, model)
                           for pk, (app, model) in before_types.items()}

    # What follows the content types: the models, the groups' permissions, the admin's log.
    for model in (ProgressLetter, LetterSection, LetterItem, ProgressLetter.history.model):
        assert ContentType.objects.get_for_model(model).pk in before_types
    log = LogEntry.objects.get(pk=log.pk)
    assert log.get_edited_object() == ProgressLetter.objects.get(pk=letter.pk)
    roles = {role: User.objects.create_user(f"nieuw-{role}") for role in (BRIEVEN, BELEID, GRIFFIE)}
    for role, user in roles.items():
        user.groups.add(Group.objects.get(name=role))
    assert roles[BRIEVEN].has_perms(["letters.add_progressletter", "letters.change_progressletter",
                                     "letters.approve_progressletter",
                                     "letters.finalise_progressletter",
                                     "letters.change_letteritem"])
    assert roles[BELEID].has_perms(["letters.view_progressletter", "letters.edit_progress_text"])
    assert not roles[BELEID].has_perm("letters.change_progressletter")
    assert roles[GRIFFIE].has_perm("letters.view_progressletter")
    assert not roles[GRIFFIE].has_perm("letters.add_progressletter")

    # Django's own step after migrating adds no second content type or permission.
    permissions = Permission.objects.count()
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    assert content_types() == after_types
    assert Permission.objects.count() == permissions


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_is_undone_just_as_cleanly():
    ContentType.objects.clear_cache()
    letter = ContentType.objects.get_for_model(ProgressLetter)
    after = content_types()
    migrate(BEFORE)
    ContentType.objects.clear_cache()
    assert ContentType.objects.get(pk=letter.pk).app_label == "register"
    migrate(None)
    ContentType.objects.clear_cache()
    assert content_types() == after
