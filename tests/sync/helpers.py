"""sync_tk run as cron runs it, against the replay server."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from commitments.models import (
    Commitment,
    CommitmentRelation,
    Motion,
    MotionSubmitter,
    MotionVote,
    SyncCursor,
)
from register.models import Debate, Document, Dossier, Party, Person

TRACKED = [Commitment, CommitmentRelation, Motion, MotionSubmitter, MotionVote, Person, Party,
           Dossier, Document, Debate]


def sync(replay, *entities, expect=0, args=(), **options):
    """The command's output (and its message when it exits with `expect`)."""
    out = StringIO()
    arguments = [f"--entity={name}" for name in entities] + list(args)
    options = {"base_url": replay.base_url, "user": "griffie", "timeout": 1.0, **options}
    if expect == 0:
        call_command("sync_tk", *arguments, stdout=out, stderr=StringIO(), **options)
        return out.getvalue()
    with pytest.raises(CommandError) as error:
        call_command("sync_tk", *arguments, stdout=out, stderr=StringIO(), **options)
    assert error.value.returncode == expect, error.value
    return out.getvalue() + str(error.value)


def snapshot():
    """Rows and history rows of everything a sync writes, and the cursors."""
    counts = {model.__name__: (model.objects.count(), model.history.count())
              for model in TRACKED}
    counts["cursors"] = dict(SyncCursor.objects.values_list("entity", "modified"))
    return counts
