"""The actor registry: every actor shared across cases, to find one by name and to merge two
that are one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.http import AuthedRequest
from common.forms import apply_service_error, limit_queryset

from . import selectors
from .merging import actor_merge
from .models import Actor

ACTORS_PER_PAGE = 50


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        label=gettext_lazy("Keep this actor"), queryset=Actor.objects.none()
    )
    merge = forms.ModelChoiceField(
        label=gettext_lazy("and merge this one into it"), queryset=Actor.objects.none()
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("keep", "merge"):
            limit_queryset(self, name, selectors.actors_all())


@login_required
def actor_registry(request: AuthedRequest) -> HttpResponse:
    if request.user.is_pokja:
        raise PermissionDenied(_("The actor registry is for researchers."))
    can_merge = request.user.is_admin_role
    form = MergeForm(request.POST or None)
    if request.method == "POST":
        if not can_merge:
            raise PermissionDenied(
                _("Only an administrator merges actors: they are shared by cases.")
            )
        if form.is_valid():
            try:
                kept = actor_merge(
                    keep=form.cleaned_data["keep"],
                    merge=form.cleaned_data["merge"],
                    user=request.user,
                )
            except ValidationError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Merged into %(name)s.") % {"name": kept.name})
                return redirect("actor-registry")
    query = request.GET.get("q", "").strip()
    actors = (
        selectors.actors_all()
        .select_related("type", "institution")
        .annotate(cases=Count("participations__case", distinct=True))
    )
    if query:
        actors = actors.filter(name__icontains=query) | actors.filter(short_label__iexact=query)
    page = Paginator(actors, ACTORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "stakeholders/registry.html",
        {
            "page": page,
            "q": query,
            "query": f"q={query}" if query else "",
            "form": form,
            "can_merge": can_merge,
        },
        status=400 if request.method == "POST" else 200,
    )
