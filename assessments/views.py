"""Researchers' pages. Thin: load through selectors, write through services, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import (
    CaseForm,
    ConclusionForm,
    RaterForm,
    RatingForm,
    RecommendationForm,
    apply_service_error,
)
from .models import Case, Conclusion, Rater, Rating, ScaleLevel, Variable


def _case(request: HttpRequest, pk: int, *, write: bool = False) -> Case:
    return selectors.case_get_for(user=request.user, pk=pk, write=write)


def _levels(case: Case) -> list[ScaleLevel]:
    return list(ScaleLevel.objects.filter(scale_id=case.framework.scale_id).order_by("value"))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    cases = list(selectors.case_list(user=request.user))
    scores = selectors.case_scores_get(cases)
    rows = [(case, scores[case.pk]) for case in cases]
    can_create = request.user.role != "pokja" or request.user.is_superuser
    return render(request, "assessments/home.html", {"rows": rows, "can_create": can_create})


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    if request.user.role == "pokja" and not request.user.is_superuser:
        raise PermissionDenied
    form = CaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            case = services.case_create(owner=request.user, **data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Case created. Add raters, then rate the indicators."))
            return redirect("case-detail", case.pk)
    return render(request, "assessments/case_form.html", {"form": form, "case": None})


@login_required
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, write=True)
    form = CaseForm(request.POST or None, instance=case, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        collaborators = data.pop("collaborators")
        if data.get("framework") is None:
            data["framework"] = case.framework
        try:
            services.case_update(case=case, collaborators=collaborators, **data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Case saved."))
            return redirect("case-detail", case.pk)
    return render(request, "assessments/case_form.html", {"form": form, "case": case})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    informants = case.raters.filter(kind=Rater.Kind.INFORMANT).aggregate(
        total=Count("pk", distinct=True),
        answered=Count("pk", filter=Q(ratings__isnull=False), distinct=True),
    )
    from reports.chapter import radar

    score = selectors.case_score_get(case)
    return render(
        request,
        "assessments/case_detail.html",
        {
            "case": case,
            "score": score,
            "radar": radar(score),
            "can_edit": selectors.case_can_edit(request.user, case),
            "informants": informants,
        },
    )


@login_required
def place_search_view(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "") or request.GET.get("place_search", "")
    level = request.GET.get("level", "")
    places = (
        selectors.place_search(query, level=int(level) if level.isdigit() else None)[:20]
        if query.strip()
        else []
    )
    return render(request, "assessments/_place_options.html", {"places": places, "query": query})


# Raters and informant links -----------------------------------------------------------------


@login_required
def raters(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    can_edit = selectors.case_can_edit(request.user, case)
    form = RaterForm(request.POST or None)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.rater_create(case=case, **form.cleaned_data)
            except ValidationError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Rater added."))
                return redirect("case-raters", case.pk)
    rows = [
        {
            "rater": rater,
            "answered": rater.rating_count,
            "link": request.build_absolute_uri(
                reverse("informant", args=[services.informant_link_token(rater)])
            )
            if can_edit and rater.kind == Rater.Kind.INFORMANT and rater.access_nonce
            else None,
        }
        for rater in case.raters.annotate(
            rating_count=Count("ratings", filter=Q(ratings__value__isnull=False))
        ).order_by("kind", "name")
    ]
    return render(
        request,
        "assessments/raters.html",
        {"case": case, "rows": rows, "form": form, "can_edit": can_edit},
    )


@login_required
@require_POST
def informant_link(request: HttpRequest, pk: int, rater_pk: int) -> HttpResponse:
    case = _case(request, pk, write=True)
    rater = case.raters.filter(pk=rater_pk).first()
    if rater is None:
        raise Http404
    if request.POST.get("action") == "revoke":
        services.informant_link_revoke(rater=rater)
        messages.success(request, _("The link for %(name)s no longer works.") % {"name": rater})
    else:
        try:
            services.informant_link_issue(rater=rater)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("A new private link for %(name)s is ready.") % {"name": rater}
            )
    return redirect("case-raters", case.pk)


# Rating, one variable at a time -------------------------------------------------------------


def _rating_rows(
    case: Case, variable: Variable, rater: Rater | None, levels: list[ScaleLevel]
) -> list[dict[str, Any]]:
    existing = (
        {
            r.indicator_id: r
            for r in Rating.objects.filter(case=case, rater=rater, indicator__variable=variable)
        }
        if rater
        else {}
    )
    rows = []
    for indicator in variable.indicators.order_by("order", "code"):
        rating = existing.get(indicator.pk)
        initial = {"version": rating.version if rating else 0}
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


def _rater_for_request(request: HttpRequest, case: Case) -> Rater | None:
    """The rater chosen on the page, or the researcher's own (not created until they save)."""
    chosen = request.POST.get("rater") or request.GET.get("rater")
    if chosen:
        rater = case.raters.filter(pk=chosen).first() if chosen.isdigit() else None
        if rater is None:
            raise Http404
        return rater
    return case.raters.filter(user=request.user, kind=Rater.Kind.RESEARCHER).first()


def _render_rate_page(
    request: HttpRequest,
    case: Case,
    variable: Variable,
    rater: Rater | None,
    replaced: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    levels = _levels(case)
    rows = _rating_rows(case, variable, rater, levels)
    if replaced:
        rows = [replaced if r["indicator"].pk == replaced["indicator"].pk else r for r in rows]
    return render(
        request,
        "assessments/rate_variable.html",
        {
            "case": case,
            "variable": variable,
            "variables": case.framework.variables.order_by("order", "code"),
            "rater": rater,
            "raters": case.raters.order_by("kind", "name"),
            "rows": rows,
            "verdict": selectors.case_score_get(case).variable(variable.code),
        },
        status=status,
    )


@login_required
def rate_variable(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    case = _case(request, pk, write=True)
    variable = case.framework.variables.filter(code=code).first()
    if variable is None:
        raise Http404
    return _render_rate_page(request, case, variable, _rater_for_request(request, case))


@login_required
@require_POST
def rate_indicator(request: HttpRequest, pk: int, code: str, indicator_code: str) -> HttpResponse:
    """Saves one indicator's rating. htmx swaps that row and the verdict panel; without
    JavaScript the whole page comes back."""
    case = _case(request, pk, write=True)
    indicator = (
        case.framework.indicators.select_related("variable")
        .filter(code=indicator_code, variable__code=code)
        .first()
    )
    if indicator is None:
        raise Http404
    levels = _levels(case)
    rater = _rater_for_request(request, case) or services.rater_for_user(
        case=case, user=request.user
    )
    form = RatingForm(request.POST, levels=levels, prefix=indicator.code)
    conflict = None
    saved = None
    if form.is_valid():
        data = form.cleaned_data
        try:
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
            # Keep what this person typed; a second save knowingly replaces the other value.
            posted = request.POST.copy()
            posted[form.add_prefix("version")] = conflict.version if conflict else 0
            form = RatingForm(posted, levels=levels, prefix=indicator.code)
            form.is_valid()
            form.add_error(None, error.messages)
        except ValidationError as error:
            apply_service_error(form, error)
    if saved is not None:
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
        "rating": saved
        or Rating.objects.filter(case=case, rater=rater, indicator=indicator).first(),
        "form": form,
        "saved": saved is not None,
        "conflict": conflict,
    }
    if not request.htmx:
        return _render_rate_page(request, case, indicator.variable, rater, row, status=422)
    return render(
        request,
        "assessments/_rating_saved.html",
        {
            "case": case,
            "variable": indicator.variable,
            "row": row,
            "rater": rater,
            "verdict": selectors.case_score_get(case).variable(code),
        },
        # htmx swaps 2xx only by default; the row carries its errors itself.
        status=200,
    )


# Conclusions and recommendations ------------------------------------------------------------


def _conclusion_form(conclusion: Conclusion | None, levels, prefix: str, data=None):
    initial = {"version": conclusion.version if conclusion else 0}
    if conclusion:
        initial.update(
            narrative=conclusion.narrative,
            override_level=conclusion.override_level,
            override_reason=conclusion.override_reason,
        )
    return ConclusionForm(data, initial=initial, levels=levels, prefix=prefix)


@login_required
def conclusions(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    can_edit = selectors.case_can_edit(request.user, case)
    levels = _levels(case)
    score = selectors.case_score_get(case)
    variables = {v.code: v for v in case.framework.variables.all()}
    existing = {
        (c.variable.code if c.variable else "overall"): c
        for c in case.conclusions.select_related("variable")
    }
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
                posted = request.POST.copy()
                posted[form.add_prefix("version")] = error.current.version if error.current else 0
                form = _conclusion_form(existing.get(target), levels, target, posted)
                form.is_valid()
                form.add_error(None, error.messages)
                forms[target] = form
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
    recommendation_form = RecommendationForm(framework=case.framework)
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
            "recommendations": case.recommendations.select_related("variable"),
            "recommendation_form": recommendation_form,
        },
    )


@login_required
@require_POST
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, write=True)
    form = RecommendationForm(request.POST, framework=case.framework)
    if form.is_valid():
        services.recommendation_create(case=case, **form.cleaned_data)
        messages.success(request, _("Recommendation added."))
    else:
        messages.error(request, _("The recommendation needs a text."))
    return redirect(f"{reverse('case-conclusions', args=[case.pk])}#recommendations")


@login_required
@require_POST
def recommendation_delete(request: HttpRequest, pk: int, recommendation_pk: int) -> HttpResponse:
    case = _case(request, pk, write=True)
    recommendation = case.recommendations.filter(pk=recommendation_pk).first()
    if recommendation is None:
        raise Http404
    services.recommendation_delete(recommendation=recommendation)
    messages.success(request, _("Recommendation removed."))
    return redirect(f"{reverse('case-conclusions', args=[case.pk])}#recommendations")


# History --------------------------------------------------------------------------------------


def _history_rows(records: list[Any], fields: list[str]) -> list[dict[str, Any]]:
    rows = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = [
            {
                "field": field,
                "old": getattr(previous, field, None) if previous else None,
                "new": getattr(record, field),
            }
            for field in fields
            if previous is None or getattr(previous, field) != getattr(record, field)
        ]
        rows.append({"record": record, "changes": changes})
    return rows


def _history_page(
    request: HttpRequest,
    case: Case,
    obj: Any,
    *,
    subject: str,
    fields: list[str],
    restore: Any,
    url_name: str,
) -> HttpResponse:
    """Who changed what and when, with a restore button on every earlier value."""
    can_edit = selectors.case_can_edit(request.user, case)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        history_id = request.POST.get("history_id", "")
        try:
            restore(history_id=int(history_id) if history_id.isdigit() else 0, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The earlier value is back."))
        return redirect(url_name, case.pk, obj.pk)
    records = list(selectors.history_records(obj))
    return render(
        request,
        "assessments/history.html",
        {
            "case": case,
            "subject": subject,
            "can_edit": can_edit,
            "rows": _history_rows(records, fields),
        },
    )


@login_required
def rating_history(request: HttpRequest, pk: int, rating_pk: int) -> HttpResponse:
    case = _case(request, pk)
    rating = case.ratings.select_related("indicator", "rater").filter(pk=rating_pk).first()
    if rating is None:
        raise Http404
    return _history_page(
        request,
        case,
        rating,
        subject=f"{rating.indicator} · {rating.rater}",
        fields=["value", "evidence", "source_type", "source_detail"],
        restore=lambda **kw: services.rating_restore(rating=rating, **kw),
        url_name="rating-history",
    )


@login_required
def conclusion_history(request: HttpRequest, pk: int, conclusion_pk: int) -> HttpResponse:
    case = _case(request, pk)
    conclusion = case.conclusions.select_related("variable").filter(pk=conclusion_pk).first()
    if conclusion is None:
        raise Http404
    return _history_page(
        request,
        case,
        conclusion,
        subject=conclusion.variable.name if conclusion.variable else _("Overall conclusion"),
        fields=["narrative", "override_level", "override_reason"],
        restore=lambda **kw: services.conclusion_restore(conclusion=conclusion, **kw),
        url_name="conclusion-history",
    )


# The informant's questionnaire: no account, a signed private link ---------------------------


def informant(request: HttpRequest, token: str) -> HttpResponse:
    try:
        rater = services.informant_rater_from_token(token)
    except services.InformantLinkError as error:
        return render(
            request,
            "assessments/informant_closed.html",
            {"reason": error.reason, "message": " ".join(error.messages)},
            status=410 if error.reason == "revoked" else 404,
        )
    case = rater.case
    levels = _levels(case)
    variables = list(case.framework.variables.prefetch_related("indicators").order_by("order"))
    existing = {r.indicator_id: r for r in rater.ratings.all()}
    rows = []
    for variable in variables:
        for indicator in variable.indicators.all():
            rating = existing.get(indicator.pk)
            initial = {"value": rating.value, "evidence": rating.evidence} if rating else {}
            rows.append(
                {
                    "variable": variable,
                    "indicator": indicator,
                    "form": RatingForm(
                        request.POST or None, initial=initial, levels=levels, prefix=indicator.code
                    ),
                }
            )
    thanks = False
    # Invalid answers re-render with their errors beside them and nothing is saved.
    if request.method == "POST" and all(row["form"].is_valid() for row in rows):
        items = [
            services.RatingItem(
                indicator=row["indicator"].code,
                rater=rater.pk,
                value=row["form"].cleaned_data["value"],
                evidence=row["form"].cleaned_data["evidence"],
                source_type=Rating.SourceType.WAWANCARA,
                source_detail=_("Informant questionnaire"),
            )
            for row in rows
            if row["form"].cleaned_data["value"] is not None or row["form"].cleaned_data["evidence"]
        ]
        try:
            services.ratings_upsert(case=case, items=items, user=None)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            thanks = True
    return render(
        request,
        "assessments/informant.html",
        {"case": case, "rater": rater, "rows": rows, "levels": levels, "thanks": thanks},
    )


# Frameworks: copy, then edit the copy ---------------------------------------------------------


@login_required
def frameworks(request: HttpRequest) -> HttpResponse:
    from .forms import FrameworkCopyForm

    form = FrameworkCopyForm(request.POST or None)
    if request.method == "POST":
        if request.user.role == "pokja" and not request.user.is_superuser:
            raise PermissionDenied
        source = (
            selectors.framework_list(user=request.user)
            .filter(pk=request.POST.get("framework") or 0)
            .first()
        )
        if source is None:
            raise Http404
        if form.is_valid():
            copy = services.framework_copy(
                framework=source, owner=request.user, name=form.cleaned_data["name"]
            )
            messages.success(request, _("Your copy is ready to edit."))
            return redirect("framework-edit", copy.pk)
    return render(
        request,
        "assessments/frameworks.html",
        {
            "frameworks": selectors.framework_list(user=request.user).annotate(
                variable_count=Count("variables", distinct=True)
            ),
            "form": form,
        },
    )


def _framework_action(request: HttpRequest, framework, forms: dict[str, Any]) -> bool:
    """Carries out one edit from the framework page; False when a form needs its errors shown."""
    from decimal import Decimal

    action = request.POST.get("action", "")
    user = request.user
    variables = {v.code: v for v in framework.variables.all()}
    variable = variables.get(request.POST.get("variable", ""))
    indicator = (
        framework.indicators.filter(code=request.POST.get("indicator", "")).first()
        if request.POST.get("indicator")
        else None
    )
    if action == "add_variable":
        form = forms["variable"]
        if not form.is_valid():
            return False
        services.variable_create(framework=framework, user=user, **form.cleaned_data)
    elif action == "add_indicator" and variable:
        form = forms["indicator"]
        if not form.is_valid():
            forms["indicator_for"] = variable.code
            return False
        services.indicator_create(variable=variable, user=user, **form.cleaned_data)
    elif action == "rename_variable" and variable:
        services.variable_update(
            variable=variable,
            user=user,
            name_id=request.POST.get("name_id", "").strip(),
            name_en=request.POST.get("name_en", "").strip(),
        )
    elif action == "delete_variable" and variable:
        services.variable_delete(variable=variable, user=user)
    elif action in ("variable_up", "variable_down") and variable:
        codes = list(variables)
        index = codes.index(variable.code)
        other = index - 1 if action == "variable_up" else index + 1
        if 0 <= other < len(codes):
            codes[index], codes[other] = codes[other], codes[index]
            services.variables_reorder(framework=framework, user=user, codes=codes)
    elif action == "rename_indicator" and indicator:
        weight = request.POST.get("weight", "").replace(",", ".")
        services.indicator_update(
            indicator=indicator,
            user=user,
            name_id=request.POST.get("name_id", "").strip(),
            name_en=request.POST.get("name_en", "").strip(),
            **({"weight": Decimal(weight)} if weight.replace(".", "", 1).isdigit() else {}),
        )
    elif action == "delete_indicator" and indicator:
        services.indicator_delete(indicator=indicator, user=user)
    elif action in ("indicator_up", "indicator_down") and indicator:
        siblings = list(
            indicator.variable.indicators.order_by("order", "code").values_list("code", flat=True)
        )
        index = siblings.index(indicator.code)
        other = index - 1 if action == "indicator_up" else index + 1
        if 0 <= other < len(siblings):
            siblings[index], siblings[other] = siblings[other], siblings[index]
            services.indicators_reorder(variable=indicator.variable, user=user, codes=siblings)
    else:
        raise Http404
    return True


@login_required
def framework_edit(request: HttpRequest, pk: int) -> HttpResponse:
    from .forms import IndicatorForm, VariableForm

    framework = selectors.framework_list(user=request.user).filter(pk=pk).first()
    if framework is None:
        raise Http404
    locked_reason = ""
    try:
        services.framework_assert_editable(framework=framework, user=request.user)
    except ValidationError as error:
        locked_reason = " ".join(error.messages)
    forms: dict[str, Any] = {
        "variable": VariableForm(
            request.POST if request.POST.get("action") == "add_variable" else None,
            prefix="new-variable",
        ),
        "indicator": IndicatorForm(
            request.POST if request.POST.get("action") == "add_indicator" else None,
            prefix="new-indicator",
        ),
    }
    if request.method == "POST":
        if locked_reason:
            messages.error(request, locked_reason)
            return redirect("framework-edit", framework.pk)
        try:
            done = _framework_action(request, framework, forms)
        except ValidationError as error:
            target = {"add_variable": "variable", "add_indicator": "indicator"}.get(
                request.POST.get("action", "")
            )
            if target:
                apply_service_error(forms[target], error)
                forms["indicator_for"] = request.POST.get("variable", "")
            else:
                messages.error(request, " ".join(error.messages))
                return redirect("framework-edit", framework.pk)
        else:
            if done:
                messages.success(request, _("Framework saved."))
                return redirect("framework-edit", framework.pk)
    structure = selectors.framework_with_structure(framework.pk)
    return render(
        request,
        "assessments/framework_edit.html",
        {
            "framework": structure,
            "locked_reason": locked_reason,
            "forms": forms,
            "cases": framework.cases.filter(selectors.case_visible_q(request.user)).count(),
        },
    )
