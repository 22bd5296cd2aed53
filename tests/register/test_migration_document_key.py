"""Migrations 0008 and 0009 add the natural-key constraints on a database that already breaks
them: the duplicates are merged (with history), a letter that shared its Document gets its own
back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from commitments.models import Commitment
from letters.models import ProgressLetter
from register.models import Debate, Document

BEFORE = [("register", "0007_letters_roles")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_repairs_duplicates_instead_of_failing(capsys):
    apps = migrate(BEFORE)
    model = apps.get_model
    user = model("auth", "User").objects.create(username="brieven")
    ministry = model("register", "Ministry").objects.create(abbreviation="VWS", name="VWS")
    dossier = model("register", "Dossier").objects.create(number="24077", title="Drugbeleid")
    person = model("register", "Person").objects.create(surname="Blokhuis")
    documents = model("register", "Document").objects
    # The same paper twice (written past Document.save, which would have refused it).
    kept = documents.create(kind="kamerstuk", dossier=dossier, number="468", ident="kst-24077-468")
    twin = documents.create(kind="brief", dossier=dossier, number="468", ident="brief-VWS-1")
    handelingen = [documents.create(kind="handelingen", chamber=chamber, year="2019/20",
                                    number="38", ident=ident)
                   for chamber, ident in (("II", "h-tk-20192020-38"), ("", "h-oud"))]
    commitment = model("commitments", "Commitment").objects.create(
        number="T-1", title="Toezegging", text="Tekst", bewindspersoon=person, ministry=ministry,
        made_on=datetime.date(2020, 1, 1), status="done", delivered_by=twin,
        delivered_on=datetime.date(2020, 6, 1))
    debate = model("register", "Debate").objects.create(kind="ao", title="AO",
                                                         date=datetime.date(2020, 1, 1))
    debate.documents.add(kept, twin)
    # Two final letters on one Document: the second one's own was deleted by the old code.
    letters = [model("register", "ProgressLetter").objects.create(
        subject=f"Brief {n}", kenmerk=f"VWS-{n}", date=datetime.date(2021, n, 1),
        ministry=ministry, dossier=dossier, author=user, status="final", document=kept,
        finalised_at=timezone.make_aware(datetime.datetime(2021, n, 1)), pdf_sha256="ab" * 32)
        for n in (1, 2)]

    migrate(None)

    assert not Document.objects.filter(pk__in=[twin.pk, handelingen[1].pk]).exists()
    assert Commitment.objects.get(pk=commitment.pk).delivered_by_id == kept.pk
    assert list(Debate.objects.get(pk=debate.pk).documents.values_list("pk", flat=True)) == [
        kept.pk]
    merged = Document.history.get(id=twin.pk, history_type="-")
    assert "samengevoegd met document" in merged.history_change_reason
    assert Commitment.history.filter(id=commitment.pk, delivered_by_id=kept.pk).exists()
    first, second = (ProgressLetter.objects.get(pk=letter.pk) for letter in letters)
    assert first.document_id == kept.pk
    own = second.document
    assert (own.kind, own.kenmerk, own.ident, own.dossier_id) == (
        "brief", "VWS-2", "brief-VWS-2", dossier.pk)
    assert "Eigen document teruggegeven" in second.history.latest().history_change_reason
    printed = capsys.readouterr().out
    assert f"Brief {second.pk} (VWS-2) deelde document {kept.pk}" in printed
