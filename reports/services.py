"""Report building: one entry point for the pages, the API and the batch task."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, connections, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from assessments.models import Case, Place, Program, User
from common.errors import ApplicationError, NotPermitted

from .chapter import Chapter, build_chapter
from .models import Job
from .selectors import job_cases

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class Report:
    content: bytes
    content_type: str
    filename: str


def case_report(
    *,
    case: Case,
    kind: str,
    language: str = "id",
    reader: User | None = None,
    appendix: bool = True,
) -> Report:
    """The case's chapter or scores as a file; `reader` decides which earlier round of the
    place the chapter may compare with (by default the owner's view); `appendix` whether the
    chapter ends with its LAMPIRAN."""
    from . import docx, exports, pdf

    chapter = build_chapter(case, language, reader=reader, appendix=appendix)
    renderers: dict[str, Callable[[Chapter], bytes]] = {
        "pdf": pdf.render_pdf,
        "docx": docx.render_docx,
        "xlsx": exports.render_xlsx,
        "csv": exports.render_csv,
    }
    stem = "bab-v" if kind in ("pdf", "docx") else "skor"
    name = f"{stem}-{case.pk}-{slugify(case.title)[:50]}-{language}.{kind}"
    return Report(renderers[kind](chapter), CONTENT_TYPES[kind], name)


@transaction.atomic
def report_batch_start(
    *,
    user: User,
    program: Program | None = None,
    place: Place | None = None,
    language: str = "id",
    format: str = "pdf",
) -> Job:
    """Queues the reports of every case of a program and/or place that the user may open."""
    from .tasks import build_report_batch

    if user.is_pokja:
        # The same rule as every other write: Pokja viewers read, on the page as in the API.
        raise NotPermitted(_("Pokja viewers cannot start report batches."))
    running = Job.objects.filter(
        owner=user, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).count()
    if running >= settings.REPORT_BATCHES_PER_USER:
        raise ApplicationError(
            {
                "non_field_errors": _(
                    "You already have %(count)d batches waiting or running; start another "
                    "when one of them is done."
                )
                % {"count": running}
            }
        )
    if program is None and place is None:
        raise ApplicationError({"program": _("Choose a program, a place, or both.")})
    if language not in ("id", "en"):
        raise ApplicationError({"language": _("Choose id or en.")})
    job = Job(owner=user, program=program, place=place, language=language, format=format)
    job.full_clean()
    job.total = job_cases(job).count()
    job.save()
    # Queued only once the job row is committed, so the worker always finds it.
    transaction.on_commit(lambda: build_report_batch.delay(str(job.pk)))
    return job


def report_batch_fail(job_id: Any, reason: str) -> None:
    """Marks a job failed with its reason, on a new connection if the old one died."""
    try:
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED, error=reason[:2000], finished=timezone.now()
        )
    except (OperationalError, InterfaceError):
        connections.close_all()
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED, error=reason[:2000], finished=timezone.now()
        )


@transaction.atomic
def report_batch_retry(*, job: Job, user: User) -> Job:
    """Queues a failed job again, from its first case."""
    if job.owner_id != user.pk:
        raise NotPermitted(_("Only the owner of a batch can start it again."))
    if job.status != Job.Status.FAILED:
        raise ApplicationError(_("Only a failed batch can be started again."))
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.QUEUED, progress=0, error="", finished=None
    )
    from .tasks import build_report_batch

    transaction.on_commit(lambda: build_report_batch.delay(str(job.pk)))
    job.refresh_from_db()
    return job


def report_batch_build(job_id: str) -> None:
    """Builds the zip of a job. Idempotent: a finished job is left alone, a rerun after a dead
    worker starts the zip again from the first case."""
    job = Job.objects.select_related("owner").get(pk=job_id)
    if job.status == Job.Status.DONE:
        return
    cases = list(job_cases(job))
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, progress=0, total=len(cases), error=""
    )
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for index, case in enumerate(cases, start=1):
                report = case_report(
                    case=case, kind=job.format, language=job.language, reader=job.owner
                )
                archive.writestr(report.filename, report.content)
                Job.objects.filter(pk=job.pk).update(progress=index)
    except (OperationalError, InterfaceError):
        # The database went away (a restart): the task retries on a new connection.
        raise
    except Exception as error:
        report_batch_fail(job.pk, str(error))
        raise
    job.refresh_from_db()
    job.file.save(job.archive_name, ContentFile(buffer.getvalue()), save=False)
    job.status = Job.Status.DONE
    job.finished = timezone.now()
    job.save(update_fields=["file", "status", "finished"])
