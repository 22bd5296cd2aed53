import os

from django.db import connection


def test_the_suite_runs_on_the_backend_database_url_names(db):
    """Guards the PostgreSQL pass of `make test` against silently running on SQLite."""
    on_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    expected = "postgresql" if on_postgres else "sqlite"
    assert connection.vendor == expected
