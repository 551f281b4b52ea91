"""The Pokja dashboard page: filters in the URL, the figures swapped by htmx."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from assessments.http import AuthedRequest

from ..charts import dashboard_charts
from ..dashboard import dashboard_get
from ..dashboard_forms import DashboardForm


@login_required
def landing(request: AuthedRequest) -> HttpResponse:
    """Where signing in leads: the dashboard for a Pokja viewer, the cases for a researcher."""
    return redirect("dashboard" if request.user.is_pokja else "home")


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    form = DashboardForm(request.GET, user=request.user)
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        board = dashboard_get(user=request.user, scope=form.scope())
        drill = form.params.copy()
        drill.pop("place", None)
        context.update(
            board=board,
            charts=dashboard_charts(board),
            query=form.params.urlencode(),
            drill_query=drill.urlencode(),
        )
    template = "reports/_dashboard_figures.html" if request.htmx else "reports/dashboard.html"
    status = 200 if form.is_valid() or request.htmx else 400
    return render(request, template, context, status=status)
