"""Rounds of a place: start the next one, or link a case to the round it follows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.forms import apply_service_error

from .. import selectors, services
from ..forms import NextRoundForm, RoundLinkForm
from ..http import AuthedRequest
from ..models import Case
from .base import case_for


def next_round_initial(case: Case) -> dict[str, int]:
    """The period after this case's, as long again."""
    length = case.year_end - case.year_start
    return {"year_start": case.year_end + 1, "year_end": case.year_end + 1 + length}


@login_required
def case_rounds(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
    candidates = selectors.round_candidates(request.user, case)
    next_form = NextRoundForm(initial=next_round_initial(case))
    link_form = RoundLinkForm(
        initial={"previous_round": case.previous_round_id}, candidates=candidates
    )
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "next":
            next_form = NextRoundForm(request.POST)
            if next_form.is_valid():
                try:
                    new = services.round_next_create(
                        user=request.user, case=case, **next_form.cleaned_data
                    )
                except ValidationError as error:
                    apply_service_error(next_form, error)
                else:
                    messages.success(
                        request, _("Next round created: rate it, then see what changed.")
                    )
                    return redirect("case-detail", new.pk)
        elif action == "link":
            link_form = RoundLinkForm(request.POST, candidates=candidates)
            if link_form.is_valid():
                try:
                    services.round_link(
                        case=case, previous=link_form.cleaned_data["previous_round"]
                    )
                except ValidationError as error:
                    apply_service_error(link_form, error)
                else:
                    messages.success(request, _("Rounds saved."))
                    return redirect("case-detail", case.pk)
        else:
            return HttpResponseBadRequest(_("Unknown action."))
    return render(
        request,
        "assessments/rounds.html",
        {
            "case": case,
            "can_edit": True,
            "view": selectors.case_rounds_view(request.user, case),
            "next_form": next_form,
            "link_form": link_form,
        },
        status=400 if request.method == "POST" else 200,
    )
