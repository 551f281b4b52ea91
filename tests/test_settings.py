"""The zero-setup default and the production settings, each in a clean process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'eager': settings.CELERY_TASK_ALWAYS_EAGER, 'debug': settings.DEBUG}))"
)


def run(settings_module: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": settings_module,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_environment_means_sqlite_and_eager_tasks():
    result = run("kolaborasi.settings.local")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "engine": "django.db.backends.sqlite3",
        "eager": True,
        "debug": True,
    }


def test_environment_picks_postgres_and_a_broker():
    result = run(
        "kolaborasi.settings.local",
        DATABASE_URL="postgres://u@db:5432/k",
        CELERY_BROKER_URL="redis://r:6379/0",
    )
    assert json.loads(result.stdout)["engine"] == "django.db.backends.postgresql"
    assert json.loads(result.stdout)["eager"] is False


def test_production_refuses_to_start_without_a_secret_key():
    result = run("kolaborasi.settings.production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_visibility_timeout_within_the_task_time_limit_is_refused():
    """Shorter than the longest batch, Redis would hand a batch still running to a second
    worker; the default is the time limit and one minute more."""
    result = run(
        "kolaborasi.settings.local", CELERY_TASK_TIME_LIMIT="600", CELERY_VISIBILITY_TIMEOUT="300"
    )
    assert result.returncode != 0
    assert "CELERY_VISIBILITY_TIMEOUT must be longer than CELERY_TASK_TIME_LIMIT" in result.stderr
    probe = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout'])"
    )
    clean = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "kolaborasi.settings.local"}
    default = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert default.stdout.strip() == "660", default.stderr


@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="no broker configured")
def test_configured_celery_broker_is_reachable():
    from kolaborasi.celery import app

    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=2)
        assert connection.connected
