"""Raters of a case, informant links, and the informant's questionnaire (no account)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.forms import apply_service_error

from .. import selectors, services
from ..forms import InformantAnswerForm, InformantQuotesForm, RaterForm
from ..http import AuthedRequest
from ..models import Rater, Rating
from .base import case_for


@login_required
def raters(request: AuthedRequest, pk: int) -> HttpResponse:
    case = case_for(request, pk)
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
            "answered": rater.rating_count,  # type: ignore[attr-defined]
            "link": request.build_absolute_uri(
                reverse("informant", args=[services.informant_link_token(rater)])
            )
            if can_edit and rater.kind == Rater.Kind.INFORMANT and rater.access_nonce
            else None,
            "expired": rater.access_expires is not None and rater.access_expires <= timezone.now(),
        }
        for rater in selectors.case_raters_with_counts(request.user, case)
    ]
    return render(
        request,
        "assessments/raters.html",
        {
            "case": case,
            "rows": rows,
            "form": form,
            "can_edit": can_edit,
            "sees_informants": selectors.case_sees_informants(request.user, case),
            "informants": selectors.case_informant_counts(case),
        },
    )


@login_required
@require_POST
def informant_link(request: AuthedRequest, pk: int, rater_pk: int) -> HttpResponse:
    case = case_for(request, pk, write=True)
    rater = selectors.case_rater(case, rater_pk)
    if rater is None:
        raise Http404
    action = request.POST.get("action")
    if action == "revoke":
        services.informant_link_revoke(rater=rater)
        messages.success(request, _("The link for %(name)s no longer works.") % {"name": rater})
    elif action == "renew":
        try:
            services.informant_link_renew(rater=rater)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The link for %(name)s works again from today.") % {"name": rater}
            )
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


def informant(request: HttpRequest, token: str) -> HttpResponse:
    try:
        rater = services.informant_rater_from_token(token)
    except services.InformantLinkError as error:
        return render(
            request,
            "assessments/informant_closed.html",
            {"reason": error.reason, "message": " ".join(error.messages)},
            status=404 if error.reason == "invalid" else 410,
        )
    case = rater.case
    levels = selectors.scale_levels(case)
    existing = selectors.rater_ratings_by_indicator(case, rater)
    rows: list[dict[str, Any]] = []
    for variable in selectors.framework_variables_with_indicators(case.framework):
        for indicator in variable.indicators.all():
            rating = existing.get(indicator.pk)
            initial = {"value": rating.value, "evidence": rating.evidence} if rating else {}
            rows.append(
                {
                    "variable": variable,
                    "indicator": indicator,
                    "form": InformantAnswerForm(
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
                source_type=Rating.SourceType.KUESIONER,
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


@login_required
def informant_quotes(request: AuthedRequest, pk: int) -> HttpResponse:
    """The researchers read the informants' written answers and mark what the chapter may
    quote; nothing an informant wrote reaches the chapter before."""
    case = case_for(request, pk, write=True)
    answers = list(selectors.case_informant_answers(case))
    form = InformantQuotesForm(
        request.POST or None,
        answers=answers,
        initial={"quotable": [a.pk for a in answers if a.quotable]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.informant_quotes_set(
                case=case, quotable=form.cleaned_data["quotable"]
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("%(count)d answers changed.") % {"count": changed})
            return redirect("informant-quotes", case.pk)
    return render(
        request,
        "assessments/informant_quotes.html",
        {"case": case, "answers": answers, "form": form},
    )
