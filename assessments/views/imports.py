"""Ratings from a spreadsheet: download the case's template, upload it, see what would
change, confirm. The file waits in the session between the preview and the confirmation, so
what is saved is exactly what was previewed."""

from __future__ import annotations

import base64
import hashlib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.errors import ApplicationError

from ..http import AuthedRequest
from ..rating_sheet import ratings_template
from ..services.rating_import import ImportPlan, ratings_import, ratings_plan
from .base import case_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RatingImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled-in template (XLSX or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


def _session_key(pk: int) -> str:
    return f"rating-import-{pk}"


def file_errors(error: ApplicationError) -> list[dict[str, object]]:
    """The import's errors as rows for the page: sheet, row, column, message."""
    detail = error.detail or {"file": [{"message": m} for m in error.messages]}
    return list(detail["file"])


@login_required
def rating_template(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
    language = "en" if request.LANGUAGE_CODE == "en" else "id"
    response = HttpResponse(ratings_template(case, language), content_type=XLSX)
    name = f"templat-penilaian-{case.pk}-{slugify(case.title)[:40]}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def rating_import(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
    form = RatingImportForm()
    plan: ImportPlan | None = None
    errors: list[dict[str, object]] = []
    digest = ""
    status = 200
    if request.method == "POST" and request.POST.get("action") == "confirm":
        stored = request.session.get(_session_key(case.pk))
        if not stored or stored["digest"] != request.POST.get("digest"):
            messages.error(request, _("Upload the file again: the preview has expired."))
            return redirect("rating-import", case.pk)
        content = base64.b64decode(stored["content"])
        try:
            plan = ratings_import(
                case=case, content=content, filename=stored["name"], user=request.user
            )
        except ApplicationError as error:
            errors, status = file_errors(error), 400
        else:
            del request.session[_session_key(case.pk)]
            summary = plan.summary
            messages.success(
                request,
                _("Imported: %(new)d new, %(changed)d changed, %(unchanged)d unchanged.") % summary,
            )
            return redirect("case-detail", case.pk)
    elif request.method == "POST":
        form = RatingImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                plan = ratings_plan(case=case, content=content, filename=upload.name)
            except ApplicationError as error:
                errors, status, plan = file_errors(error), 400, None
            else:
                digest = hashlib.sha256(content).hexdigest()
                request.session[_session_key(case.pk)] = {
                    "digest": digest,
                    "name": upload.name,
                    "content": base64.b64encode(content).decode("ascii"),
                }
        else:
            status = 400
    return render(
        request,
        "assessments/rating_import.html",
        {
            "case": case,
            "can_edit": True,
            "form": form,
            "plan": plan,
            "errors": errors,
            "digest": digest,
        },
        status=status,
    )
