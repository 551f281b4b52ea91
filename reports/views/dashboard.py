"""The Pokja dashboard page: filters in the URL, the figures swapped by htmx, and the same
figures to take to a meeting as PDF or XLSX."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from assessments.http import AuthedRequest

from ..charts import dashboard_charts
from ..dashboard import Dashboard, dashboard_get
from ..dashboard_cases import indicator_cases, indicator_results
from ..dashboard_exports import dashboard_pdf, dashboard_xlsx
from ..dashboard_forms import DashboardForm
from ..services import CONTENT_TYPES

CASES_PER_PAGE = 25


@login_required
def landing(request: AuthedRequest) -> HttpResponse:
    """Where signing in leads: the dashboard for a Pokja viewer, the cases for a researcher."""
    return redirect("dashboard" if request.user.is_pokja else "home")


def _board(request: AuthedRequest) -> tuple[DashboardForm, Dashboard | None]:
    form = DashboardForm(request.GET, user=request.user)
    if not form.is_valid():
        return form, None
    return form, dashboard_get(user=request.user, scope=form.scope())


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    form, board = _board(request)
    context: dict[str, object] = {"form": form}
    if board is not None:
        drill = form.params.copy()
        drill.pop("place", None)
        context.update(
            board=board,
            charts=dashboard_charts(board),
            query=form.params.urlencode(),
            drill_query=drill.urlencode(),
        )
    template = "reports/_dashboard_figures.html" if request.htmx else "reports/dashboard.html"
    status = 200 if board is not None or request.htmx else 400
    return render(request, template, context, status=status)


@login_required
def dashboard_indicator(request: AuthedRequest, code: str) -> HttpResponse:
    """A weak indicator opened: the cases in the dashboard's scope, weakest first, with the
    evidence behind each score."""
    form = DashboardForm(request.GET, user=request.user)
    if not form.is_valid():
        return render(request, "reports/dashboard.html", {"form": form}, status=400)
    scope = form.scope()
    indicator = get_object_or_404(
        scope.framework.indicators.select_related("variable", "framework"), code=code
    )
    results = indicator_results(user=request.user, scope=scope, indicator=indicator)
    page = Paginator(results, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query = form.params.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/dashboard_indicator.html",
        {
            "indicator": indicator,
            "scope": scope,
            "rows": indicator_cases(list(page.object_list), indicator),
            "page": page,
            "query": query.urlencode(),
        },
    )


@login_required
def dashboard_download(request: AuthedRequest, kind: str) -> HttpResponse:
    """ "Ringkasan Pokja": the dashboard of the same filters as PDF or XLSX."""
    form, board = _board(request)
    if board is None:
        return render(request, "reports/dashboard.html", {"form": form}, status=400)
    content = dashboard_pdf(board) if kind == "pdf" else dashboard_xlsx(board)
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    place = board.scope.place.code if board.scope.place else "indonesia"
    name = f"ringkasan-pokja-{place}-{timezone.localdate():%Y%m%d}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
