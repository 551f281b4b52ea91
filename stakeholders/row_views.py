"""Changing one recorded row of a case after the fact: a program output edited, an output or
a slum area removed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments import selectors as assessment_selectors
from common.forms import apply_service_error

from . import services
from .forms import OutputForm

# The rows a researcher may remove here, by the name in the address.
REMOVABLE = {"output": "outputs", "slum-area": "slum_areas"}


def _back(case_pk: int) -> str:
    return f"{reverse('case-stakeholders', args=[case_pk])}#outputs"


@login_required
def output_edit(request: HttpRequest, pk: int, output_pk: int) -> HttpResponse:
    case = assessment_selectors.case_get_for(user=request.user, pk=pk, write=True)
    output = case.outputs.filter(pk=output_pk).first()
    if output is None:
        raise Http404
    form = OutputForm(request.POST or None, instance=output, prefix="output")
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.output_update(output=output, **values)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(_back(case.pk))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "stakeholders/output_edit.html",
        {"case": case, "can_edit": True, "form": form, "output": output},
        status=status,
    )


@login_required
@require_POST
def row_delete(request: HttpRequest, pk: int, kind: str, row_pk: int) -> HttpResponse:
    case = assessment_selectors.case_get_for(user=request.user, pk=pk, write=True)
    related = REMOVABLE.get(kind)
    row = getattr(case, related).filter(pk=row_pk).first() if related else None
    if row is None:
        raise Http404
    services.case_row_delete(row=row)
    messages.success(request, _("Removed."))
    return redirect(_back(case.pk))
