"""A backup made before the login throttle moved to django-axes still restores: the old
throttle's failures (register.loginfailure) are left out, as they were only ever transient."""

import json

from django.core.management import call_command

from register.backup import FORMAT, VERSION
from register.models import Dossier


def test_a_backup_with_the_old_login_failures_restores(db, tmp_path):
    old = {"format": FORMAT, "version": VERSION, "files": {}, "models": [
        {"model": "register.dossier", "rows": [
            {"pk": 1, "fields": {"number": "24077", "title": "Drugbeleid"}}]},
        {"model": "register.loginfailure", "rows": [
            {"pk": 1, "fields": {"username": "admin", "address": "10.0.0.1",
                                 "at": "2026-11-28T18:00:00+00:00"}}]},
    ]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    call_command("import_register", str(path))
    assert Dossier.objects.get().number == "24077"
