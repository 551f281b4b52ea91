"""Ratings from a spreadsheet: download the case's template, upload it, see what would
change, confirm. The file waits in the session between the preview and the confirmation, so
what is saved is exactly what was previewed."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.errors import ApplicationError
from common.uploads import Plan

from ..http import AuthedRequest
from ..models import Case
from ..rating_sheet import ratings_template
from ..services.rating_import import ratings_import, ratings_plan
from .base import case_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RatingImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled-in template (XLSX or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


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


def import_page(
    request: AuthedRequest,
    case: Case,
    *,
    plan: Callable[..., Plan],
    save: Callable[..., Plan],
    template: str,
    done: str,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """Upload → preview → confirm, for any import: `plan(case, content, filename)` checks
    and previews, `save(…, user)` saves all or nothing; `done` is where a save goes."""
    form = RatingImportForm()
    preview: Plan | None = None
    errors: list[dict[str, object]] = []
    digest = ""
    status = 200
    key = f"import-{template}-{case.pk}"
    if request.method == "POST" and request.POST.get("action") == "confirm":
        stored = request.session.get(key)
        if not stored or stored["digest"] != request.POST.get("digest"):
            messages.error(request, _("Upload the file again: the preview has expired."))
            return redirect(request.path)
        try:
            saved = save(
                case=case,
                content=base64.b64decode(stored["content"]),
                filename=stored["name"],
                user=request.user,
            )
        except ApplicationError as error:
            errors, status = file_errors(error), 400
        else:
            del request.session[key]
            messages.success(
                request,
                _("Imported: %(new)d new, %(changed)d changed, %(unchanged)d unchanged.")
                % saved.summary,
            )
            return redirect(done)
    elif request.method == "POST":
        form = RatingImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                preview = plan(case=case, content=content, filename=upload.name)
            except ApplicationError as error:
                errors, status = file_errors(error), 400
            else:
                digest = hashlib.sha256(content).hexdigest()
                request.session[key] = {
                    "digest": digest,
                    "name": upload.name,
                    "content": base64.b64encode(content).decode("ascii"),
                }
        else:
            status = 400
    return render(
        request,
        template,
        {
            "case": case,
            "can_edit": True,
            "form": form,
            "plan": preview,
            "errors": errors,
            "digest": digest,
            **(context or {}),
        },
        status=status,
    )


@login_required
def rating_import(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
    return import_page(
        request,
        case,
        plan=ratings_plan,
        save=ratings_import,
        template="assessments/rating_import.html",
        done=reverse("case-detail", args=[case.pk]),
    )
