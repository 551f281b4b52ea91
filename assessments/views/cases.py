"""The case list, the case page, the case form and the place search behind it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.forms import apply_service_error

from .. import selectors, services
from ..filters import CaseFilter
from ..forms import CaseForm, NextRoundForm
from ..http import AuthedRequest
from .base import case_for
from .rounds import next_round_initial

CASES_PER_PAGE = 25


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """The cases the user may open, filtered, ordered and cut into pages in the database, each
    with its stored overall verdict."""
    filters = CaseFilter(request.GET, queryset=selectors.case_list(user=request.user))
    cases = filters.qs if filters.is_valid() else selectors.case_list(user=request.user).none()
    page = Paginator(cases, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "assessments/home.html",
        {
            "rows": selectors.cases_with_verdicts(page.object_list),
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "can_create": not request.user.is_pokja,
        },
    )


@login_required
def case_create(request: AuthedRequest) -> HttpResponse:
    if request.user.is_pokja:
        raise PermissionDenied
    form = CaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Case created. Add raters, then rate the indicators."))
            return redirect("case-detail", case.pk)
    return render(request, "assessments/case_form.html", {"form": form, "case": None})


@login_required
def case_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
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
def case_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
    score = selectors.case_score_get(case)
    can_edit = selectors.case_can_edit(request.user, case)
    try:
        rounds = selectors.case_rounds_view(request.user, case, with_id=request.GET.get("with"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        rounds = selectors.case_rounds_view(request.user, case)
    return render(
        request,
        "assessments/case_detail.html",
        {
            "case": case,
            "score": score,
            "panel_withheld": selectors.panel_withheld(score.panel),
            "can_edit": can_edit,
            "informants": selectors.case_informant_counts(case),
            "rounds": rounds,
            "next_form": NextRoundForm(initial=next_round_initial(case)) if can_edit else None,
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
