from __future__ import annotations

from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, connections

# A database restart: tried again after 10, 20 and 30 seconds, then marked failed.
DATABASE_RETRY_SECONDS = 10


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,  # a worker that dies mid-batch hands the job back
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    # Time to mark the job failed before the hard limit kills the task.
    soft_time_limit=settings.CELERY_TASK_TIME_LIMIT - min(30, settings.CELERY_TASK_TIME_LIMIT // 4),
    max_retries=3,
)
def build_report_batch(self: Any, job_id: str) -> None:
    from .services import report_batch_build, report_batch_fail

    try:
        report_batch_build(job_id)
    except (OperationalError, InterfaceError) as error:
        # The connection died with the database: the next try opens a new one.
        connections.close_all()
        if self.request.retries < self.max_retries:
            raise self.retry(
                exc=error, countdown=DATABASE_RETRY_SECONDS * (self.request.retries + 1)
            ) from error
        report_batch_fail(job_id, f"The database could not be reached: {error}")
        raise
