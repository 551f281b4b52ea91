"""Real processes for the fault tests: a Celery worker, the app on gunicorn and a PostgreSQL
cluster of the test's own, each in a process group of its own so that a SIGKILL takes the whole
of it (main process and children), as an OOM kill or a host crash does."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI") == "true"


def redis_url_for_test(database: int) -> str:
    """The configured broker's server, on a database of the test's own (nothing else's leftover
    messages, and none of the test's left for others)."""
    configured = os.environ.get("CELERY_BROKER_URL", "")
    if not configured.startswith("redis://"):
        pytest.skip("needs CELERY_BROKER_URL=redis://… (CI's PostgreSQL + Redis run)")
    parts = urlsplit(configured)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", "", ""))


def send_task(broker_url: str, name: str, *args: str) -> None:
    """Publishes to the given broker: Celery's settings let CELERY_BROKER_URL in the
    environment win over any broker an app is given, so the connection is handed over."""
    from celery import Celery

    producer = Celery()
    with producer.connection_for_write(broker_url) as broker:
        producer.send_task(name, args=list(args), connection=broker)


def redis_flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(check: Callable[[], Any], *, seconds: float, what: str, every: float = 0.2) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")


class Process:
    """A child in its own session, its output in a log file that a failure message can show."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log_dir: Path):
        self.name = name
        self.log = log_dir / f"{name}.log"
        handle = self.log.open("wb")
        self.popen = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        handle.close()

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace").splitlines()
        return f"--- {self.name} ---\n" + "\n".join(text[-lines:])

    def kill_whole(self) -> None:
        """SIGKILL to the process and every child it started."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=30)

    def stop(self) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill_whole()


def app_env(
    *, database_url: str, broker_url: str, media_root: Path, **extra: str
) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="kolaborasi.settings.test",
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker_url,
        TEST_MEDIA_ROOT=str(media_root),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def start_worker(name: str, env: dict[str, str], log_dir: Path) -> Process:
    """A worker as deployed (prefork pool), one child."""
    command = [
        sys.executable, "-m", "celery", "-A", "kolaborasi", "worker", "--pool", "prefork",
        "--concurrency", "1", "--without-gossip", "--without-mingle", "--without-heartbeat",
        "--hostname", f"{name}@%h", "--loglevel", "INFO",
    ]  # fmt: skip
    return Process(name, command, env, log_dir)


def start_app(port: int, env: dict[str, str], log_dir: Path) -> Process:
    """The app on gunicorn with two sync workers, as the image runs it."""
    command = [
        sys.executable, "-m", "gunicorn", "kolaborasi.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--timeout", "60",
    ]  # fmt: skip
    return Process("gunicorn", command, env, log_dir)


def http(
    method: str, url: str, body: Any = None, token: str = "", timeout: float = 30
) -> tuple[int, Any, dict[str, str]]:
    """(status, parsed JSON body or bytes, headers); status 0 when no answer came at all."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, headers = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, raw, headers = error.code, error.read(), dict(error.headers)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, None, {}
    if "json" in headers.get("Content-Type", ""):
        return status, json.loads(raw), headers
    return status, raw, headers


def postgres_bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "pg_ctl").exists() and Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


class TemporaryPostgres:
    """A PostgreSQL cluster in a temporary folder on a free port, started and restarted by the
    test with pg_ctl. As root, it runs as the `postgres` system user (initdb refuses root)."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="kolaborasi-pg-", dir="/tmp"))
        self.data = self.folder / "data"
        self.logfile = self.folder / "server.log"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.as_user, str(self.bindir / tool), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise AssertionError(f"{tool} failed: {done.stdout}{done.stderr}{self.server_log()}")

    def server_log(self) -> str:
        return self.logfile.read_text(errors="replace")[-3000:] if self.logfile.exists() else ""

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/kolaborasi"

    def start(self) -> None:
        if not self.data.exists():
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--locale=C")  # fmt: skip
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.logfile),
                  "-w", "-t", "60", "start")  # fmt: skip

    def create_database(self) -> None:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                  "kolaborasi")  # fmt: skip

    def restart(self) -> None:
        """A fast shutdown (open transactions are rolled back, clients disconnected), then up."""
        # -l again: the log file is not kept from the start, and without it the new server
        # would hold this process's output pipe open.
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-m", "fast",
                  "-w", "-t", "60", "restart")  # fmt: skip

    def remove(self) -> None:
        if self.data.exists():
            subprocess.run(
                [*self.as_user, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m",
                 "immediate", "-w", "stop"], capture_output=True, timeout=60,
            )  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    if done.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout
