"""Running the imports as a clerk would, and building variants of the Kamer's files."""

import copy
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from commitments.models import Commitment, CommitmentRelation, Motion, MotionSubmitter
from register.models import Document, Dossier, Ministry, Office, Party, Person

DATA = Path(__file__).resolve().parent.parent / "data" / "tk"
TRACKED = [Commitment, CommitmentRelation, Motion, MotionSubmitter, Person, Office, Ministry,
           Party, Document, Dossier]


def plan_import(content, filename, mapping=None):
    """The preview of a spreadsheet, as the upload screen and the command make it."""
    from commitments import spreadsheet

    return spreadsheet.plan_sheet(spreadsheet.read_sheet(content, filename), filename, mapping)


def run(command, *files, user="griffie", **options):
    """The command's output; CommandError propagates."""
    out = StringIO()
    call_command(command, *map(str, files), user=user, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def run_skipping(command, *files, **options):
    """The output of a --skip-invalid run that skipped something: it exits with code 3."""
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command(command, *map(str, files), user="griffie", skip_invalid=True, stdout=out,
                     stderr=StringIO(), **options)
    assert error.value.returncode == 3, error.value
    return out.getvalue() + str(error.value)


def records(name="toezeggingen-page1.json"):
    """The records of a fixture file, as a fresh list to change."""
    payload = json.loads((DATA / name).read_text(encoding="utf-8"))
    return copy.deepcopy(payload["value"] if isinstance(payload, dict) else payload)


def write(folder, name, value, *, wrap=True, encoding="utf-8"):
    path = folder / name
    path.write_text(json.dumps({"value": value} if wrap else value, ensure_ascii=False),
                    encoding=encoding)
    return path


def record(number, name="toezeggingen-page1.json", **changes):
    """One fixture record by its Nummer, with changes."""
    (found,) = [r for r in records(name) if r["Nummer"] == number]
    return {**found, **changes}


def snapshot():
    """Rows and history rows of every model an import may write: equal means nothing written."""
    return {model.__name__: (model.objects.count(), model.history.count()) for model in TRACKED}
