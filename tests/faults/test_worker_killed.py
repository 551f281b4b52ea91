"""A report batch survives the death of its whole worker: main process and pool child killed
with SIGKILL mid-batch (as an OOM kill or a host crash does), a new worker takes the message
back once the visibility timeout has passed, and the zip is complete."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from django.conf import settings
from django.db import connection

from assessments.models import Program
from reports.models import Job
from reports.tasks import build_report_batch
from tests.factories import CaseFactory, UserFactory

from .processes import (
    app_env,
    redis_flush,
    redis_url_for_test,
    send_task,
    start_worker,
    wait_for,
)

pytestmark = pytest.mark.faults

CASES = 12
TIME_LIMIT = 30
VISIBILITY_TIMEOUT = 40  # seconds; in production the time limit + 60


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def job_state(job: Job) -> tuple[str, int, int]:
    return tuple(Job.objects.filter(pk=job.pk).values_list("status", "progress", "total").get())  # type: ignore[return-value]


@pytest.mark.django_db(transaction=True)
def test_a_batch_finishes_after_its_whole_worker_was_killed(reference_data, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the worker must share the test database: needs DATABASE_URL=postgres://…")
    broker = redis_url_for_test(9)
    redis_flush(broker)
    owner = UserFactory(username="pemilik-batch")
    kotaku = Program.objects.get(code="kotaku")
    for _ in range(CASES):
        CaseFactory(owner=owner, program=kotaku)
    job = Job.objects.create(owner=owner, program=kotaku, total=CASES)
    env = app_env(
        database_url=database_url(),
        broker_url=broker,
        media_root=settings.MEDIA_ROOT,
        CELERY_TASK_TIME_LIMIT=str(TIME_LIMIT),
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT),
    )
    first = start_worker("worker-1", env, tmp_path)
    second = None
    try:
        send_task(broker, build_report_batch.name, str(job.pk))
        wait_for(lambda: job_state(job)[1] >= 1, seconds=90, what="the first report", every=0.02)
        first.kill_whole()
        killed_at = time.monotonic()
        status, progress, total = job_state(job)
        assert status == "running" and 1 <= progress < total, (status, progress, total)

        import redis

        held = redis.Redis.from_url(broker).hlen("unacked")
        assert held == 1, "the killed worker's message is held, unacknowledged, in Redis"

        second = start_worker("worker-2", env, tmp_path)
        # Taken back at most one restore sweep (10 s) after the visibility timeout.
        wait_for(
            lambda: job_state(job)[0] in ("done", "failed"),
            seconds=VISIBILITY_TIMEOUT + 10 + 60,
            what="the batch to finish on the new worker",
        )
        took = time.monotonic() - killed_at
    except AssertionError as error:
        logs = "\n".join(p.tail() for p in (first, second) if p)
        raise AssertionError(f"{error}\n{logs}") from error
    finally:
        for worker in (first, second):
            if worker:
                worker.stop()
        redis_flush(broker)
    job.refresh_from_db()
    assert (job.status, job.progress, job.total) == ("done", CASES, CASES), job.error
    with job.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert len(names) == CASES and len(set(names)) == CASES
    assert all(name.startswith("bab-v-") and name.endswith(".pdf") for name in names)
    assert took < VISIBILITY_TIMEOUT + 10 + 60
