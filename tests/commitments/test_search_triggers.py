"""Adding a column to the commitments table rebuilds it on SQLite, which drops the triggers that
keep the search index in step (0004_search); migration 0010 creates them again."""

import pytest
from django.db import connection
from django.urls import reverse

from tests import factories


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index is SQLite's")
def test_the_search_triggers_survive_the_migrations(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                       "AND tbl_name = 'commitments_commitment'")
        names = {row[0] for row in cursor.fetchall()}
    assert names >= {"commitment_fts_insert", "commitment_fts_update", "commitment_fts_delete"}


def test_a_new_commitment_is_found_by_search(client_for, clerk, advisor):
    factories.commitment(clerk, title="Onderzoek naar lachgas")
    page = client_for(advisor).get(reverse("commitments:list"), {"q": "lachgas"})
    assert len(page.context["page"].object_list) == 1
