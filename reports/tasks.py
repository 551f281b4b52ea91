from __future__ import annotations

from celery import shared_task
from django.conf import settings


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,  # a worker that dies mid-batch hands the job back
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    soft_time_limit=max(settings.CELERY_TASK_TIME_LIMIT - 30, 30),
    max_retries=3,
)
def build_report_batch(job_id: str) -> None:
    from .services import report_batch_build

    report_batch_build(job_id)
