"""A backup made before the login throttle moved to django-axes still restores: the old
throttle's failures (register.loginfailure) are left out, as they were only ever transient."""

import io
import json

from django.core.management import call_command

from register.backup import FORMAT
from register.models import Dossier


def test_a_backup_with_the_old_login_failures_restores(db, tmp_path):
    """A format-1 backup (no schema recorded) of the models as they are, plus the old block."""
    path = tmp_path / "old.json"
    call_command("export_register", output=str(path), stdout=io.StringIO())
    old = json.loads(path.read_text())
    assert old["format"] == FORMAT
    old["version"] = 1
    del old["schema"]
    for block in old["models"]:
        if block["model"] == "register.dossier":
            block["rows"] = [{"pk": 1, "fields": {"number": "24077", "title": "Drugbeleid"}}]
    old["models"].append({"model": "register.loginfailure", "rows": [
        {"pk": 1, "fields": {"username": "admin", "address": "10.0.0.1",
                             "at": "2026-11-28T18:00:00+00:00"}}]})
    path.write_text(json.dumps(old))
    call_command("import_register", str(path))
    assert Dossier.objects.get().number == "24077"
