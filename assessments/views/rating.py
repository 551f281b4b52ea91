"""Rating, one variable at a time; each indicator saves alone (htmx) or with the page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.forms import apply_service_error

from .. import selectors, services
from ..forms import RatingForm
from ..http import AuthedRequest
from ..models import Case, Rater, ScaleLevel, Variable
from .base import case_for, form_after_conflict


def _rating_rows(
    case: Case, variable: Variable, rater: Rater | None, levels: list[ScaleLevel]
) -> list[dict[str, Any]]:
    existing = selectors.rater_ratings_by_indicator(case, rater, variable)
    rows = []
    for indicator in selectors.variable_indicators(variable):
        rating = existing.get(indicator.pk)
        initial: dict[str, Any] = {"version": rating.version if rating else 0}
        if rating:
            initial.update(
                value=rating.value,
                evidence=rating.evidence,
                source_type=rating.source_type,
                source_detail=rating.source_detail,
            )
        form = RatingForm(initial=initial, levels=levels, prefix=indicator.code)
        rows.append({"indicator": indicator, "rating": rating, "form": form})
    return rows


def _rater_for_request(request: AuthedRequest, case: Case) -> Rater | None:
    """The rater chosen on the page, or the researcher's own (not created until they save)."""
    chosen = request.POST.get("rater") or request.GET.get("rater")
    if chosen:
        rater = selectors.case_rater(case, chosen)
        if rater is None:
            raise Http404
        return rater
    return selectors.researcher_rater(case, request.user)


def _render_rate_page(
    request: AuthedRequest,
    case: Case,
    variable: Variable,
    rater: Rater | None,
    replaced: dict[str, Any] | None = None,
    status: int = 200,
    rows: list[dict[str, Any]] | None = None,
    rater_name_error: str = "",
) -> HttpResponse:
    if rows is None:
        rows = _rating_rows(case, variable, rater, selectors.scale_levels(case))
    if replaced:
        rows = [replaced if r["indicator"].pk == replaced["indicator"].pk else r for r in rows]
    return render(
        request,
        "assessments/rate_variable.html",
        {
            "case": case,
            "variable": variable,
            "variables": selectors.framework_variables(case.framework),
            "rater": rater,
            "raters": selectors.case_raters(case),
            "rows": rows,
            "verdict": selectors.case_score_get(case).variable(variable.code),
            "ask_name": _asks_name(request, case, rater),
            "rater_name": request.POST.get("rater_name", ""),
            "rater_name_error": rater_name_error,
        },
        status=status,
    )


def _case_variable(request: AuthedRequest, pk: int, code: str) -> tuple[Case, Variable]:
    """The case the user may rate, and the variable of its framework named in the address."""
    case = case_for(request, pk, write=True)
    variable = selectors.framework_variable(case.framework, code)
    if variable is None:
        raise Http404
    return case, variable


@login_required
def rate_variable(request: AuthedRequest, pk: int, code: str) -> HttpResponse:
    case, variable = _case_variable(request, pk, code)
    return _render_rate_page(request, case, variable, _rater_for_request(request, case))


def _own_rater_created(request: AuthedRequest, case: Case) -> Rater:
    """The researcher's own rater, created under the name the page asked for (or their full
    name); an ApplicationError on `rater_name` when there is neither."""
    return services.rater_for_user(
        case=case, user=request.user, name=request.POST.get("rater_name", "")
    )


def _asks_name(request: AuthedRequest, case: Case, rater: Rater | None) -> bool:
    """Whether the page must ask the researcher's name before their first save."""
    return rater is None and not selectors.researcher_rater_name(case, request.user)


def _name_error(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_POST
def rater_self_create(request: AuthedRequest, pk: int, code: str) -> HttpResponse:
    """The researcher names themself before their first rating in the case."""
    case, variable = _case_variable(request, pk, code)
    try:
        rater = _own_rater_created(request, case)
    except ValidationError as error:
        return _render_rate_page(
            request, case, variable, None, status=400, rater_name_error=_name_error(error)
        )
    messages.success(request, _("You rate this case as %(name)s.") % {"name": rater.name})
    return redirect(f"{reverse('rate-variable', args=[case.pk, code])}?rater={rater.pk}")


@login_required
@require_POST
def rate_indicator(request: AuthedRequest, pk: int, code: str, indicator_code: str) -> HttpResponse:
    """Saves one indicator's rating. htmx swaps that row and the verdict panel; without
    JavaScript the whole page comes back."""
    case = case_for(request, pk, write=True)
    indicator = selectors.framework_indicator(case.framework, indicator_code, variable_code=code)
    if indicator is None:
        raise Http404
    levels = selectors.scale_levels(case)
    rater = _rater_for_request(request, case)
    form = RatingForm(request.POST, levels=levels, prefix=indicator.code)
    conflict = None
    saved = None
    name_error = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            rater = rater or _own_rater_created(request, case)
            saved = services.rating_upsert(
                case=case,
                rater=rater,
                indicator=indicator,
                value=data["value"],
                evidence=data["evidence"],
                source_type=data["source_type"],
                source_detail=data["source_detail"],
                user=request.user,
                expected_version=data["version"],
            )
        except services.EditConflict as error:
            conflict = error.current
            form = form_after_conflict(
                form, error, lambda data: RatingForm(data, levels=levels, prefix=indicator.code)
            )
        except ValidationError as error:
            if rater is None:
                name_error = _name_error(error)
            apply_service_error(form, error)
    if saved is not None and rater is not None:
        if not request.htmx:
            messages.success(request, _("Saved %(code)s.") % {"code": indicator.code})
            return redirect(
                f"{reverse('rate-variable', args=[case.pk, code])}?rater={rater.pk}"
                f"#indicator-{indicator.code}"
            )
        form = RatingForm(
            initial={
                "value": saved.value,
                "evidence": saved.evidence,
                "source_type": saved.source_type,
                "source_detail": saved.source_detail,
                "version": saved.version,
            },
            levels=levels,
            prefix=indicator.code,
        )
    row = {
        "indicator": indicator,
        "rating": saved or (selectors.rating_of(case, rater, indicator) if rater else None),
        "form": form,
        "saved": saved is not None,
        "conflict": conflict,
    }
    if not request.htmx:
        return _render_rate_page(
            request, case, indicator.variable, rater, row, status=422, rater_name_error=name_error
        )
    return render(
        request,
        "assessments/_rating_saved.html",
        {
            "case": case,
            "variable": indicator.variable,
            "row": row,
            "rater": rater,
            "ask_name": _asks_name(request, case, rater),
            "verdict": selectors.case_score_get(case).variable(code),
        },
        # htmx swaps 2xx only by default; the row carries its errors itself.
        status=200,
    )


@login_required
@require_POST
def rate_variable_all(request: AuthedRequest, pk: int, code: str) -> HttpResponse:
    """Saves every indicator of the variable at once, in one transaction: all of them, or,
    with one row wrong, none (the page comes back with each row's errors)."""
    case, variable = _case_variable(request, pk, code)
    levels = selectors.scale_levels(case)
    rater = _rater_for_request(request, case)
    indicators = list(selectors.variable_indicators(variable))
    forms = {i.pk: RatingForm(request.POST, levels=levels, prefix=i.code) for i in indicators}
    name_error = ""
    valid = [form.is_valid() for form in forms.values()]  # each, so every row shows its errors
    if all(valid) and rater is None:
        try:
            rater = _own_rater_created(request, case)
        except ValidationError as error:
            name_error = _name_error(error)
    if all(valid) and rater is not None:
        items = [
            services.RatingItem(
                indicator=indicator.code,
                rater=rater.pk,
                value=forms[indicator.pk].cleaned_data["value"],
                evidence=forms[indicator.pk].cleaned_data["evidence"],
                source_type=forms[indicator.pk].cleaned_data["source_type"],
                source_detail=forms[indicator.pk].cleaned_data["source_detail"],
                version=forms[indicator.pk].cleaned_data["version"],
            )
            for indicator in indicators
        ]
        try:
            services.ratings_upsert(case=case, items=items, user=request.user)
        except services.EditConflict:
            messages.error(
                request,
                _("Someone else saved one of these indicators meanwhile: nothing was saved."),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Saved all %(count)d indicators.") % {"count": len(indicators)}
            )
            return redirect(f"{reverse('rate-variable', args=[case.pk, code])}?rater={rater.pk}")
    saved = selectors.rater_ratings_by_indicator(case, rater, variable)
    rows = [{"indicator": i, "rating": saved.get(i.pk), "form": forms[i.pk]} for i in indicators]
    return _render_rate_page(
        request, case, variable, rater, status=400, rows=rows, rater_name_error=name_error
    )
