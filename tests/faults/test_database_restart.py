"""A PostgreSQL restart in the middle of a report batch and of a loop of rating writes: no
acknowledged write is missing, the app answers again without being restarted, the errors in
between are JSON, and the batch finishes on a new connection."""

from __future__ import annotations

import io
import os
import threading
import zipfile
from typing import Any

import pytest

from .processes import (
    IN_CI,
    TemporaryPostgres,
    app_env,
    free_port,
    http,
    manage,
    postgres_bindir,
    redis_flush,
    redis_url_for_test,
    start_app,
    start_worker,
    wait_for,
)

pytestmark = pytest.mark.faults

CASES = 10
RATERS = 20
INDICATORS = [f"{variable}{n}" for variable in ("FTF", "TB", "CP", "SU", "IO") for n in (1, 2, 3)]
WRITES_AFTER_RESTART = 20


class WriteLoop(threading.Thread):
    """First saves of distinct (indicator, rater) pairs, one request each, until stopped."""

    def __init__(self, base: str, token: str, case_id: int, rater_ids: list[int]):
        super().__init__(daemon=True)
        self.base, self.token, self.case_id = base, token, case_id
        self.pairs = [(code, rater) for rater in rater_ids for code in INDICATORS]
        self.acknowledged: dict[tuple[str, int], int] = {}
        self.failures: list[tuple[int, Any, dict[str, str]]] = []
        self.restarted = threading.Event()
        self.acknowledged_after_restart = 0
        self.stop = threading.Event()

    def run(self) -> None:
        for number, (code, rater) in enumerate(self.pairs):
            if self.stop.is_set():
                return
            value = number % 4 + 1
            item = {"indicator": code, "rater": rater, "value": value, "version": 0}
            url = f"{self.base}/cases/{self.case_id}/ratings/"
            status, body, headers = http("POST", url, [item], self.token)
            if status == 200:
                self.acknowledged[(code, rater)] = value
                if self.restarted.is_set():
                    self.acknowledged_after_restart += 1
            else:
                self.failures.append((status, body, headers))


@pytest.fixture
def broker():
    url = redis_url_for_test(10)
    redis_flush(url)
    yield url
    redis_flush(url)


@pytest.fixture
def postgres(broker):
    bindir = postgres_bindir()
    if bindir is None:
        message = "needs PostgreSQL's server programs (initdb, pg_ctl): apt-get install postgresql"
        if IN_CI and os.environ.get("CELERY_BROKER_URL"):
            pytest.fail(message)
        pytest.skip(message)
    server = TemporaryPostgres(bindir)
    try:
        server.start()
        server.create_database()
        yield server
    finally:
        server.remove()


def test_a_database_restart_loses_no_acknowledged_write_and_the_batch_finishes(
    broker, postgres, tmp_path
):
    media = tmp_path / "media"
    media.mkdir()
    env = app_env(database_url=postgres.url, broker_url=broker, media_root=media)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "createcachetable")
    create_user = "User.objects.create_user('peneliti', password='rahasia-uji')"
    manage(env, "shell", "-c", f"from assessments.models import User; {create_user}")
    port = free_port()
    base = f"http://127.0.0.1:{port}/api/v1"
    processes = [start_app(port, env, tmp_path), start_worker("worker", env, tmp_path)]
    try:
        wait_for(lambda: http("GET", f"{base}/")[0] == 401, seconds=60, what="the app")
        status, body, _ = http(
            "POST", f"{base}/auth/token/", {"username": "peneliti", "password": "rahasia-uji"}
        )
        assert status == 200, body
        token = body["token"]
        cases = []
        for number in range(CASES):
            case = {"title": f"Kasus {number}", "program": "kotaku", "place": "21.72",
                    "year_start": 2018, "year_end": 2018}  # fmt: skip
            status, body, _ = http("POST", f"{base}/cases/", case, token)
            assert status == 201, body
            cases.append(body["id"])
        raters = []
        for number in range(RATERS):
            rater = {"name": f"Pengode {number}", "kind": "researcher"}
            status, body, _ = http("POST", f"{base}/cases/{cases[0]}/raters/", rater, token)
            assert status == 201, body
            raters.append(body["id"])

        loop = WriteLoop(base, token, cases[0], raters)
        loop.start()
        wait_for(lambda: len(loop.acknowledged) >= 10, seconds=60, what="the first writes")
        status, body, _ = http("POST", f"{base}/jobs/", {"program": "kotaku"}, token)
        assert status == 202, body
        job_url = f"{base}/jobs/{body['id']}/"

        def progress() -> int:
            status, body, _ = http("GET", job_url, token=token)
            return body["progress"] if status == 200 else 0

        wait_for(lambda: progress() >= 1, seconds=90, what="the batch's first report", every=0.05)
        postgres.restart()
        loop.restarted.set()

        def finished() -> dict | None:
            status, body, _ = http("GET", job_url, token=token)
            return body if status == 200 and body["status"] in ("done", "failed") else None

        # The task tries again on a new connection after 10 s.
        job = wait_for(finished, seconds=120, what="the batch to finish after the restart")
        wait_for(
            lambda: loop.acknowledged_after_restart >= WRITES_AFTER_RESTART or not loop.is_alive(),
            seconds=120,
            what="writes after the restart",
        )
        loop.stop.set()
        loop.join(timeout=60)

        assert job["status"] == "done", job
        assert (job["progress"], job["total"]) == (CASES, CASES)
        status, archive, _ = http("GET", f"{base}/jobs/{job['id']}/download/", token=token)
        assert status == 200
        with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
            assert len(zipped.namelist()) == CASES and zipped.testzip() is None

        # The app answered again without a restart of its own.
        assert loop.acknowledged_after_restart >= WRITES_AFTER_RESTART, loop.failures
        # What failed in between is a 503 problem document that says to try again.
        assert loop.failures, "no write fell into the restart: it tested nothing"
        for status, body, headers in loop.failures:
            assert status == 503 and body["status"] == 503 and body["request_id"], body
            assert headers["Retry-After"] == "5"
        status, body, _ = http(
            "GET", f"{base}/cases/{cases[0]}/ratings/?page_size=500", token=token
        )
        assert status == 200
        stored = {(r["indicator"], r["rater"]): r["value"] for r in body["results"]}
        missing = {pair: v for pair, v in loop.acknowledged.items() if stored.get(pair) != v}
        assert not missing, f"acknowledged but not stored: {missing}"
    except AssertionError as error:
        logs = "\n".join(p.tail() for p in processes)
        server = f"--- postgres ---\n{postgres.server_log()}"
        raise AssertionError(f"{error}\n{logs}\n{server}") from error
    finally:
        for process in processes:
            process.stop()
