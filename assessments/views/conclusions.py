"""Conclusions per variable and overall (with overrides), and the recommendations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.forms import apply_service_error

from .. import selectors, services
from ..forms import ConclusionForm, RecommendationForm
from ..http import AuthedRequest
from ..models import Conclusion, ScaleLevel
from .base import case_for, form_after_conflict


def _conclusion_form(
    conclusion: Conclusion | None,
    levels: list[ScaleLevel],
    prefix: str,
    data: QueryDict | None = None,
) -> ConclusionForm:
    initial: dict[str, Any] = {"version": conclusion.version if conclusion else 0}
    if conclusion:
        initial.update(
            narrative=conclusion.narrative,
            override_level=conclusion.override_level,
            override_reason=conclusion.override_reason,
        )
    return ConclusionForm(data, initial=initial, levels=levels, prefix=prefix)


@login_required
def conclusions(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
    can_edit = selectors.case_can_edit(request.user, case)
    levels = selectors.scale_levels(case)
    score = selectors.case_score_get(case)
    variables = {v.code: v for v in selectors.framework_variables(case.framework)}
    existing = selectors.case_conclusions_by_target(case)
    target = request.POST.get("target") if request.method == "POST" else None
    forms: dict[str, ConclusionForm] = {}
    conflict = None
    if target is not None:
        if not can_edit:
            raise PermissionDenied
        if target != "overall" and target not in variables:
            raise Http404
        form = _conclusion_form(existing.get(target), levels, target, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.conclusion_set(
                    case=case,
                    variable=variables.get(target),
                    narrative=data["narrative"],
                    override_level=data["override_level"],
                    override_reason=data["override_reason"],
                    user=request.user,
                    expected_version=data["version"],
                )
            except services.EditConflict as error:
                conflict = (target, error.current)
                forms[target] = form_after_conflict(
                    form,
                    error,
                    lambda data: _conclusion_form(existing.get(target), levels, target, data),
                )
            except ValidationError as error:
                apply_service_error(form, error)
                forms[target] = form
            else:
                messages.success(request, _("Conclusion saved."))
                return redirect(
                    f"{reverse('case-conclusions', args=[case.pk])}#conclusion-{target}"
                )
        else:
            forms[target] = form
    sections = []
    for verdict in score.variables:
        code = verdict.spec.code
        sections.append(
            {
                "code": code,
                "verdict": verdict,
                "conclusion": existing.get(code),
                "form": forms.get(code) or _conclusion_form(existing.get(code), levels, code),
            }
        )
    return render(
        request,
        "assessments/conclusions.html",
        {
            "case": case,
            "score": score,
            "sections": sections,
            "overall": {
                "verdict": score.overall,
                "conclusion": existing.get("overall"),
                "form": forms.get("overall")
                or _conclusion_form(existing.get("overall"), levels, "overall"),
            },
            "conflict": conflict,
            "can_edit": can_edit,
            "recommendations": selectors.case_recommendations(case),
            "recommendation_form": RecommendationForm(framework=case.framework),
        },
    )


@login_required
@require_POST
def recommendation_add(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
    form = RecommendationForm(request.POST, framework=case.framework)
    if form.is_valid():
        services.recommendation_create(case=case, **form.cleaned_data)
        messages.success(request, _("Recommendation added."))
    else:
        messages.error(request, _("The recommendation needs a text."))
    return redirect(f"{reverse('case-conclusions', args=[case.pk])}#recommendations")


@login_required
@require_POST
def recommendation_delete(request: AuthedRequest, pk: int, recommendation_pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
    recommendation = selectors.case_recommendation(case, recommendation_pk)
    if recommendation is None:
        raise Http404
    services.recommendation_delete(recommendation=recommendation)
    messages.success(request, _("Recommendation removed."))
    return redirect(f"{reverse('case-conclusions', args=[case.pk])}#recommendations")
