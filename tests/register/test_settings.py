import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-4f8e2c9a7b1d3e5f60718293",
    "ALLOWED_HOSTS": "kamerregister.example.nl",
    "DEBUG": "0",
}


def run_manage(*args, env):
    clean = {key: value for key, value in os.environ.items()
             if key not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "DEMO_MODE",
                            "ALLOW_PLAIN_HTTP_ON_LOCALHOST", "SECRET_KEY", "ALLOWED_HOSTS")}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_serve_without_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    deploy = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert deploy.returncode != 0 and "security.W009" in deploy.stderr + deploy.stdout
    clean = {key: value for key, value in os.environ.items()
             if key not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "DEMO_MODE",
                            "ALLOW_PLAIN_HTTP_ON_LOCALHOST", "SECRET_KEY", "ALLOWED_HOSTS")}
    served = subprocess.run([sys.executable, "-c", "import register.wsgi"], cwd=ROOT,
                            env={**clean, **env}, capture_output=True, text=True, timeout=120)
    assert served.returncode != 0
    assert "SECRET_KEY must be set" in served.stderr


def test_management_commands_run_without_environment():
    assert run_manage("check", env={}).returncode == 0


def test_plain_http_is_refused_for_hosts_other_than_localhost():
    result = run_manage("check", env={**PRODUCTION_ENV, "ALLOW_PLAIN_HTTP_ON_LOCALHOST": "1"})
    assert result.returncode != 0
    assert "localhost only" in result.stderr


@pytest.mark.parametrize("setting, value", [
    ("SECURE_SSL_REDIRECT", True), ("SESSION_COOKIE_SECURE", True), ("CSRF_COOKIE_SECURE", True),
    ("SECURE_HSTS_SECONDS", 31536000), ("DEBUG", False), ("X_FRAME_OPTIONS", "DENY"),
])
def test_production_defaults_assume_https(setting, value):
    code = f"from django.conf import settings; print(repr(settings.{setting}))"
    result = run_manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.strip() == repr(value), result.stderr


def test_sqlite_when_database_url_is_unset():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run_manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_history_change_reason_is_a_text_field():
    from register.models import Dossier

    field = Dossier.history.model._meta.get_field("history_change_reason")
    assert field.get_internal_type() == "TextField"
