"""Reads: a user's report batches, and the cases a batch covers."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from assessments.models import Case, User
from assessments.selectors import case_list, place_within_q

from .models import Job


def job_list(*, user: User) -> QuerySet[Job]:
    """Only the batches the user started."""
    return Job.objects.filter(owner_id=user.pk).select_related("program", "place")


def job_get_for(*, user: User, pk: str) -> Job:
    job = job_list(user=user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


def job_cases(job: Job) -> QuerySet[Case]:
    """The cases of the batch's program and place that its owner may open."""
    cases = case_list(user=job.owner)
    if job.program_id:
        cases = cases.filter(program_id=job.program_id)
    if job.place_id:
        cases = cases.filter(place_within_q(job.place_id, "place__code"))
    return cases


def job_archive(job: Job) -> FileResponse:
    """The finished batch's zip as a download (the page and the API both serve it so)."""
    if job.status != Job.Status.DONE or not job.file:
        raise Http404(_("The reports are not ready yet."))
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.archive_name,
        content_type="application/zip",
    )
