"""Who changed a rating or a conclusion, and when, with a restore button on every version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .. import selectors, services
from ..http import AuthedRequest
from ..models import Case, Rater
from .base import case_for


def _shown(record: Any, field: str) -> Any:
    display = getattr(record, f"get_{field}_display", None)
    return display() if display is not None and getattr(record, field) else getattr(record, field)


def _history_rows(
    records: list[Any], fields: list[str], authors: dict[int, str], nobody: str
) -> list[dict[str, Any]]:
    rows = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = [
            {
                # In words ("Jenis sumber"), values as the forms show them ("wawancara").
                "field": capfirst(record._meta.get_field(field).verbose_name),
                "old": _shown(previous, field) if previous else None,
                "new": _shown(record, field),
            }
            for field in fields
            if previous is None or getattr(previous, field) != getattr(record, field)
        ]
        rows.append(
            {
                "record": record,
                "changes": changes,
                "who": authors.get(record.history_user_id, nobody),
            }
        )
    return rows


def _history_page(
    request: AuthedRequest,
    case: Case,
    obj: Any,
    *,
    subject: str,
    fields: list[str],
    restore: Callable[..., Any],
    url_name: str,
    nobody: str = "",
) -> HttpResponse:
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
            "rows": _history_rows(
                records,
                fields,
                selectors.history_authors(case, records),
                nobody or _("informant or system"),
            ),
        },
    )


@login_required
def rating_history(request: AuthedRequest, pk: int, rating_pk: int) -> HttpResponse:
    case = case_for(request, pk)
    rating = selectors.case_rating(request.user, case, rating_pk)
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
        # Saved without a login: through the informant's questionnaire link.
        nobody=f"{rating.rater.name} ({_('informant')})"
        if rating.rater.kind == Rater.Kind.INFORMANT
        else "",
    )


@login_required
def conclusion_history(request: AuthedRequest, pk: int, conclusion_pk: int) -> HttpResponse:
    case = case_for(request, pk)
    conclusion = selectors.case_conclusion(case, conclusion_pk)
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
