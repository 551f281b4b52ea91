"""Conclusions (with the researcher's override beside the computed verdict) and
recommendations."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError
from common.saving import apply_fields, check_version, next_order, validated_save

from ..models import Case, Conclusion, Recommendation, User, Variable
from .ratings import check_level
from .results import case_results_store


def _check_variable_of(case: Case, variable: Variable | None) -> None:
    if variable is not None and variable.framework_id != case.framework_id:
        raise ApplicationError({"variable": _("This variable is not in the case's framework.")})


@transaction.atomic
def conclusion_set(
    *,
    case: Case,
    variable: Variable | None,
    narrative: str = "",
    override_level: int | None = None,
    override_reason: str = "",
    user: User | None = None,
    expected_version: int | None = None,
) -> Conclusion:
    """The conclusion of one variable, or the overall one when `variable` is None."""
    _check_variable_of(case, variable)
    override_reason = override_reason.strip()
    if override_level is not None and not override_reason:
        raise ApplicationError({"override_reason": _("An override needs a written reason.")})
    check_level(case, override_level, "override_level")
    # The case row first: two first saves of one conclusion then take turns, and the second
    # finds the first's row (409 for a stale version) instead of clashing on the unique index.
    Case.objects.select_for_update().filter(pk=case.pk).first()
    conclusion = (
        Conclusion.objects.select_for_update().filter(case=case, variable=variable).first()
    ) or Conclusion(case=case, variable=variable)
    check_version(conclusion if conclusion.pk else None, expected_version)
    new_values = {
        "narrative": narrative,
        "override_level": override_level,
        "override_reason": override_reason if override_level is not None else "",
    }
    if conclusion.pk and all(getattr(conclusion, k) == v for k, v in new_values.items()):
        return conclusion
    for name, value in new_values.items():
        setattr(conclusion, name, value)
    if conclusion.pk:
        conclusion.version += 1
    validated_save(conclusion, user=user)
    # An override changes the verdict the case's stored results show.
    case_results_store(cases=[case])
    return conclusion


@transaction.atomic
def conclusion_delete(*, conclusion: Conclusion) -> None:
    """Removes a conclusion; without its override the computed verdict counts again."""
    case = conclusion.case
    conclusion.delete()
    case_results_store(cases=[case])


@transaction.atomic
def recommendation_create(
    *,
    case: Case,
    text: str,
    variable: Variable | None = None,
    addressed_to: str = "",
    source: str = "",
    order: int | None = None,
) -> Recommendation:
    _check_variable_of(case, variable)
    if order is None:
        # The case row is the lock: two recommendations added at once get two numbers.
        list(Case.objects.select_for_update().filter(pk=case.pk).values_list("pk", flat=True))
        order = next_order(case.recommendations.all())
    recommendation = Recommendation(
        case=case,
        text=text,
        variable=variable,
        addressed_to=addressed_to,
        source=source,
        order=order,
    )
    validated_save(recommendation)
    return recommendation


@transaction.atomic
def recommendation_update(*, recommendation: Recommendation, **fields: Any) -> Recommendation:
    _check_variable_of(recommendation.case, fields.get("variable", recommendation.variable))
    apply_fields(recommendation, fields, {"text", "variable", "addressed_to", "source", "order"})
    validated_save(recommendation)
    return recommendation


@transaction.atomic
def recommendation_delete(*, recommendation: Recommendation) -> None:
    recommendation.delete()
