from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from assessments.forms import apply_service_error
from assessments.models import Place, Program

from . import services
from .models import Job


class BatchForm(forms.Form):
    program = forms.ModelChoiceField(
        label=_("Program"), queryset=Program.objects.all(), required=False, to_field_name="code"
    )
    place = forms.CharField(
        label=_("Place (Kemendagri code)"),
        required=False,
        help_text=_("e.g. 21.72 for Kota Tanjung Pinang: every case inside"),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("id", "Bahasa Indonesia"), ("en", "English")]
    )
    format = forms.ChoiceField(label=_("Format"), choices=Job.Format.choices)

    def clean_place(self):
        code = self.cleaned_data["place"].strip()
        if not code:
            return None
        place = Place.objects.filter(code=code).first()
        if place is None:
            raise ValidationError(_("No place has this code."))
        return place


@login_required
def batch(request: HttpRequest) -> HttpResponse:
    form = BatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.report_batch_start(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            return redirect("report-job", job.pk)
    jobs = Job.objects.filter(owner=request.user).select_related("program", "place")[:20]
    return render(request, "reports/batch.html", {"form": form, "jobs": jobs})


def _job(request: HttpRequest, pk) -> Job:
    job = Job.objects.filter(owner=request.user, pk=pk).select_related("program", "place")
    if not job.exists():
        raise Http404
    return job.get()


@login_required
def job_detail(request: HttpRequest, pk) -> HttpResponse:
    job = _job(request, pk)
    template = "reports/_job_status.html" if request.htmx else "reports/job.html"
    return render(request, template, {"job": job})


@login_required
def job_download(request: HttpRequest, pk) -> FileResponse:
    job = _job(request, pk)
    if job.status != Job.Status.DONE or not job.file:
        raise Http404
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=f"laporan-{job.pk}.zip",
        content_type="application/zip",
    )
