"""Migration 0011: a letter approved before approving recorded the content waits for approval
again (its approval withdrawn, with a history row); drafts and final letters are left alone."""

import datetime

import pytest

from letters.models import ProgressLetter
from tests.register.test_migration_document_key import migrate

BEFORE = [("register", "0010_login_failures_to_axes")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_approval_without_recorded_content_is_withdrawn(capsys):
    apps = migrate(BEFORE)
    model = apps.get_model
    user = model("auth", "User").objects.create(username="brieven")
    ministry = model("register", "Ministry").objects.create(abbreviation="VWS", name="VWS")
    letter = model("register", "ProgressLetter").objects.create(
        subject="Brief", kenmerk="VWS-1", date=datetime.date(2021, 1, 1), ministry=ministry,
        author=user, approver=user, status="for_approval",
        submitted_at=datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC),
        approved_at=datetime.datetime(2021, 1, 2, tzinfo=datetime.UTC))
    draft = model("register", "ProgressLetter").objects.create(
        subject="Concept", kenmerk="VWS-2", date=datetime.date(2021, 1, 1), ministry=ministry,
        author=user)

    migrate(None)

    withdrawn = ProgressLetter.objects.get(pk=letter.pk)
    assert withdrawn.status == "for_approval" and not withdrawn.is_approved
    assert withdrawn.approver is None and withdrawn.version == letter.version + 1
    assert "keur de brief opnieuw goed" in withdrawn.history.latest().history_change_reason
    assert ProgressLetter.objects.get(pk=draft.pk).version == draft.version
    assert f"Brief {letter.pk} (VWS-1): goedkeuring ingetrokken" in capsys.readouterr().out
