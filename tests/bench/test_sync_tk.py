"""The sync benchmark's empty registers: each a copy of one prepared template, on SQLite and on
PostgreSQL, so that the sync and the file import it compares start from the same database."""

import os
import sqlite3

import pytest

from bench import sync_tk


def make_table(connect):
    """A `prepare` lighter than migrate: one table with one row in the template."""
    def prepare(url):
        connection = connect(url)
        try:
            connection.execute("CREATE TABLE marker (name text)")
            connection.execute("INSERT INTO marker VALUES ('template')")
            connection.commit()
        finally:
            connection.close()
    return prepare


def test_the_url_names_the_new_database_and_keeps_host_and_user():
    url = "postgres://postgres@/postgres?host=/tmp/kamerregister-pg.abc"
    assert sync_tk.database_url(url, "bench_sync_1_file_0") == \
        "postgres://postgres@/bench_sync_1_file_0?host=/tmp/kamerregister-pg.abc"


def test_sqlite_registers_are_copies_of_the_template(tmp_path):
    registers = sync_tk.SqliteRegisters(tmp_path, prepare=make_table(
        lambda url: sqlite3.connect(url.removeprefix("sqlite:///"))))
    first, second = registers.fresh("file_0"), registers.fresh("sync_0")
    assert first != second
    for url in (first, second):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            assert connection.execute("SELECT name FROM marker").fetchall() == [("template",)]


# Marked so that the PostgreSQL pass of `make test` (ONLY_DB_TESTS) selects it; the databases it
# makes are its own, next to the test database, on the server DATABASE_URL names.
@pytest.mark.django_db
def test_postgres_registers_are_databases_made_from_the_template_and_dropped():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL (make test-postgres)")
    import psycopg

    registers = sync_tk.PostgresRegisters(
        url, prepare=make_table(lambda url: psycopg.connect(url, autocommit=True)))
    try:
        first, second = registers.fresh("file_0"), registers.fresh("sync_0")
        with psycopg.connect(first) as connection:
            connection.execute("INSERT INTO marker VALUES ('file')")
        with psycopg.connect(second) as connection:
            rows = connection.execute("SELECT name FROM marker").fetchall()
        assert rows == [("template",)], "a register saw another one's rows"
    finally:
        registers.drop()
    with psycopg.connect(url) as connection:
        left = connection.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                                  [f"{registers.prefix}%"]).fetchall()
    assert left == []
