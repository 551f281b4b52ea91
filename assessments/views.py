from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors


@login_required
def home(request: HttpRequest) -> HttpResponse:
    cases = list(selectors.case_list(user=request.user))
    scores = selectors.case_scores_get(cases)
    rows = [(case, scores[case.pk]) for case in cases]
    return render(request, "assessments/home.html", {"rows": rows})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_list(user=request.user).filter(pk=pk).first()
    if case is None:
        raise Http404
    return render(
        request,
        "assessments/case_detail.html",
        {
            "case": case,
            "score": selectors.case_score_get(case),
            "can_edit": selectors.case_can_edit(request.user, case),
        },
    )


@login_required
def place_search_view(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    level = request.GET.get("level", "")
    places = (
        selectors.place_search(query, level=int(level) if level.isdigit() else None)[:20]
        if query.strip()
        else []
    )
    return render(request, "assessments/_place_options.html", {"places": places, "query": query})
