from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from assessments import selectors as assessment_selectors
from assessments.fields import PlaceCodeFormField
from assessments.http import AuthedRequest
from common.forms import apply_service_error

from .. import selectors, services
from ..models import Job


class BatchForm(forms.Form):
    program = forms.ModelChoiceField(
        label=_("Program"),
        queryset=assessment_selectors.program_list(),
        required=False,
        to_field_name="code",
    )
    place = PlaceCodeFormField(
        label=_("Place"),
        required=False,
        help_text=_("Type to search, e.g. 'tanjung pinang': every case inside the place"),
        error_messages={"unknown": _("No place has this code.")},
        widget=forms.HiddenInput,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("id", "Bahasa Indonesia"), ("en", "English")]
    )
    format = forms.ChoiceField(label=_("Format"), choices=Job.Format.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        code = self.data.get("place") if self.is_bound else ""
        place = assessment_selectors.place_get(str(code)) if code else None
        # The chosen place in words beside its code, as the case form shows it.
        self.place_label = place.path if place else (code or "")


@login_required
def batch(request: AuthedRequest) -> HttpResponse:
    if request.method == "POST" and request.user.is_pokja:
        raise PermissionDenied(_("Pokja viewers cannot start report batches."))
    form = BatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.report_batch_start(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            return redirect("report-job", job.pk)
    jobs = selectors.job_list(user=request.user)[:20]
    return render(
        request,
        "reports/batch.html",
        {"form": form, "jobs": jobs, "can_start": not request.user.is_pokja},
    )


@login_required
def job_detail(request: AuthedRequest, pk: str) -> HttpResponse:
    job = selectors.job_get_for(user=request.user, pk=pk)
    template = "reports/_job_status.html" if request.htmx else "reports/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request: AuthedRequest, pk: str) -> FileResponse:
    return selectors.job_archive(selectors.job_get_for(user=request.user, pk=pk))


@login_required
@require_POST
def job_retry(request: AuthedRequest, pk: str) -> HttpResponse:
    job = selectors.job_get_for(user=request.user, pk=pk)
    try:
        services.report_batch_retry(job=job, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("report-job", job.pk)
