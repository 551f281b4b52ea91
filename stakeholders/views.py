"""The stakeholders page of a case: network, sociogram, partnerships, factors, outputs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments import selectors as assessment_selectors
from common.forms import apply_service_error

from . import network, selectors, services
from .forms import (
    AddresseeForm,
    FactorForm,
    OutputForm,
    ParticipantForm,
    PartnershipForm,
    SlumAreaForm,
    TieForm,
)
from .models import Level, Stage
from .reference import brokerage_roles


def _network_choice(request: HttpRequest) -> tuple[str, str]:
    level = request.GET.get("level", Level.INSTITUTION)
    stage = request.GET.get("stage", "")
    return (
        level if level in Level.values else Level.INSTITUTION,
        stage if stage in Stage.values else "",
    )


def _forms(case, data=None, which: str = "") -> dict[str, Any]:
    actors = selectors.case_actors(case)

    def bound(name: str):
        return data if which == name else None

    return {
        "participant": ParticipantForm(bound("participant"), prefix="participant"),
        "tie": TieForm(bound("tie"), actors=actors, prefix="tie"),
        "partnership": PartnershipForm(bound("partnership"), actors=actors, prefix="partnership"),
        "factor": FactorForm(bound("factor"), prefix="factor"),
        "output": OutputForm(bound("output"), prefix="output"),
        "slum_area": SlumAreaForm(bound("slum_area"), prefix="slum_area"),
        "addressees": AddresseeForm(
            bound("addressees"), case=case, actors=actors, prefix="addressees"
        ),
    }


@login_required
def stakeholders_page(request: HttpRequest, pk: int) -> HttpResponse:
    case = assessment_selectors.case_get_for(user=request.user, pk=pk)
    can_edit = assessment_selectors.case_can_edit(request.user, case)
    which = request.POST.get("form", "") if request.method == "POST" else ""
    forms = _forms(case, request.POST or None, which)
    if which:
        if not can_edit:
            raise PermissionDenied
        form = forms.get(which)
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                _save(case, which, form.cleaned_data, request.user)
            except ValidationError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(f"{reverse('case-stakeholders', args=[case.pk])}#{which}")
    level, stage = _network_choice(request)
    analysed = selectors.case_network(case, level=level, stage=stage)
    names = {node.id: node for node in analysed.nodes}
    return render(
        request,
        "stakeholders/page.html",
        {
            "case": case,
            "can_edit": can_edit,
            "forms": forms,
            "level": level,
            "stage": stage,
            "levels": Level.choices,
            "stages": Stage.choices,
            "network": analysed,
            "rows": [
                (
                    node,
                    analysed.metrics[node.id],
                    brokerage_roles(analysed.metrics[node.id].brokerage),
                )
                for node in analysed.nodes
            ],
            "names": names,
            "sociogram": network.sociogram_layout(analysed),
            "participations": selectors.case_participations(case),
            "ties": selectors.case_ties(case, level=level),
            "partnerships": selectors.case_partnerships(case),
            "factors": selectors.case_factors(case, general=True),
            "outputs": selectors.case_rows(case, "outputs"),
            "slum_areas": selectors.case_rows(case, "slum_areas"),
            "recommendations": case.recommendations.prefetch_related("addressees__actor"),
            "open_form": which,
        },
    )


def _save(case, which: str, data: dict[str, Any], user) -> None:
    if which == "participant":
        actor = data["actor"] or services.actor_create(
            name=data["name"],
            kind=data["kind"],
            sector=data["sector"],
            type=data["type"],
            short_label=data["short_label"],
            institution=data["institution"],
            created_by=user,
        )
        services.participation_set(
            case=case,
            actor=actor,
            role=data["role"],
            stages=data["stages"],
            note=data["note"],
            source=data["source"],
        )
    elif which == "tie":
        services.tie_create(case=case, **data)
    elif which == "partnership":
        services.partnership_create(case=case, **data)
    elif which == "factor":
        services.factor_create(case=case, **data)
    elif which == "output":
        services.output_create(case=case, **data)
    elif which == "slum_area":
        services.slum_area_create(case=case, **data)
    elif which == "addressees":
        services.addressees_set(recommendation=data["recommendation"], actors=data["actors"])


@login_required
@require_POST
def tie_delete(request: HttpRequest, pk: int, tie_pk: int) -> HttpResponse:
    case = assessment_selectors.case_get_for(user=request.user, pk=pk, write=True)
    tie = selectors.case_tie(case, tie_pk)
    if tie is None:
        raise Http404
    services.tie_delete(tie=tie)
    messages.success(request, _("Tie removed."))
    return redirect(f"{reverse('case-stakeholders', args=[case.pk])}#ties")


@login_required
def tie_import(request: HttpRequest, pk: int) -> HttpResponse:
    """An edge list (Kumu, Gephi or the app's own columns): preview, then all or nothing."""
    from assessments.views.imports import import_page

    from .tie_import import ties_import, ties_plan

    case = assessment_selectors.case_get_for(user=request.user, pk=pk, write=True)
    return import_page(
        request,  # type: ignore[arg-type]  # login_required: a signed-in user
        case,
        plan=ties_plan,
        save=ties_import,
        template="stakeholders/tie_import.html",
        done=reverse("case-stakeholders", args=[case.pk]),
    )
