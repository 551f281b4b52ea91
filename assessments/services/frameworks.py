"""Frameworks: copy a shipped one, then change the copy while no published case uses it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError, NotPermitted
from common.saving import apply_fields, next_order, validated_save

from .. import scoring, selectors
from ..models import Case, Framework, Indicator, Rating, User, Variable
from .results import framework_results_store


def framework_assert_editable(*, framework: Framework, user: User) -> None:
    """Only the owner's copy changes (or an admin's change), and only while no published case
    is scored with it."""
    if framework.owner_id is None:
        raise NotPermitted(
            _("Frameworks shipped with Kolaborasi cannot be changed; copy one and edit the copy.")
        )
    if framework.owner_id != user.pk and not user.is_admin_role:
        raise NotPermitted(_("Only the owner of a framework can change it."))
    if framework.cases.filter(status=Case.Status.PUBLISHED).exists():
        raise ApplicationError(
            _("A published case is scored with this framework; copy it and edit the copy.")
        )


def _unique_framework_code(base: str) -> str:
    code, n = base[:70], 2
    while Framework.objects.filter(code=code).exists():
        code = f"{base[:70]}-{n}"
        n += 1
    return code


@transaction.atomic
def framework_copy(
    *, framework: Framework, owner: User, name: str = "", code: str = ""
) -> Framework:
    """A deep copy the owner may edit; the original and its cases stay as they are."""
    if code and Framework.objects.filter(code=code).exists():
        raise ApplicationError({"code": _("A framework with this code already exists.")})
    copy = Framework(
        code=code or _unique_framework_code(f"{framework.code}-{owner.username}".lower()),
        name=name or _("%(name)s (copy)") % {"name": framework.name},
        citation=framework.citation,
        version=framework.version,
        owner=owner,
        copied_from=framework,
        scale_id=framework.scale_id,
        indicator_aggregation=framework.indicator_aggregation,
        overall_method=framework.overall_method,
        banding=framework.banding,
        band_thresholds=list(framework.band_thresholds),
        min_variables_rated=framework.min_variables_rated,
        panel_weight=framework.panel_weight,
    )
    validated_save(copy)
    variables = list(framework.variables.prefetch_related("indicators").order_by("order"))
    new_variables = Variable.objects.bulk_create(
        [
            Variable(
                framework=copy,
                code=v.code,
                name_id=v.name_id,
                name_en=v.name_en,
                description=v.description,
                order=v.order,
            )
            for v in variables
        ]
    )
    Indicator.objects.bulk_create(
        [
            Indicator(
                variable=new_variable,
                framework=copy,
                code=i.code,
                name_id=i.name_id,
                name_en=i.name_en,
                description=i.description,
                weight=i.weight,
                order=i.order,
            )
            for old_variable, new_variable in zip(variables, new_variables, strict=True)
            for i in old_variable.indicators.all()
        ]
    )
    return copy


FRAMEWORK_RULE_FIELDS = {
    "name",
    "citation",
    "version",
    "indicator_aggregation",
    "overall_method",
    "banding",
    "band_thresholds",
    "min_variables_rated",
    "panel_weight",
}


@transaction.atomic
def framework_update(
    *,
    framework: Framework,
    user: User,
    indicator_weights: Mapping[str, Decimal] | None = None,
    **fields: Any,
) -> Framework:
    """The framework's name and rule, and its indicators' weights (by code): one save, one
    rescore of its cases."""
    framework_assert_editable(framework=framework, user=user)
    if indicator_weights:
        indicators = {i.code: i for i in framework.indicators.all()}
        unknown = sorted(set(indicator_weights) - set(indicators))
        if unknown:
            raise ApplicationError(
                {
                    "indicator_weights": _("No indicator %(codes)s in this framework.")
                    % {"codes": ", ".join(unknown)}
                }
            )
        for code, weight in indicator_weights.items():
            indicators[code].weight = weight
            validated_save(indicators[code])
    apply_fields(framework, fields, FRAMEWORK_RULE_FIELDS)
    validated_save(framework)
    try:
        selectors.framework_spec(selectors.framework_with_structure(framework.pk)).bands  # noqa: B018
    except scoring.ScoringError as error:
        raise ApplicationError({"band_thresholds": str(error)}) from error
    framework_results_store(framework=framework)
    return framework


@dataclass(frozen=True)
class IndicatorInput:
    code: str
    name_id: str
    name_en: str = ""
    description: str = ""
    weight: Decimal = Decimal("1")


@transaction.atomic
def variable_create(
    *,
    framework: Framework,
    user: User,
    code: str,
    name_id: str,
    name_en: str = "",
    description: str = "",
    indicators: Sequence[IndicatorInput] = (),
) -> Variable:
    framework_assert_editable(framework=framework, user=user)
    if framework.variables.filter(code=code).exists():
        raise ApplicationError(
            {"code": _("This framework already has a variable %(code)s.") % {"code": code}}
        )
    order = next_order(framework.variables.all())
    variable = Variable(
        framework=framework,
        code=code,
        name_id=name_id,
        name_en=name_en,
        description=description,
        order=order,
    )
    validated_save(variable)
    for item in indicators:
        _indicator_add(variable, item)
    # Once for the variable and all its indicators.
    framework_results_store(framework=framework)
    return variable


VARIABLE_FIELDS = {"code", "name_id", "name_en", "description", "order"}
INDICATOR_FIELDS = {"code", "name_id", "name_en", "description", "weight", "order"}


@transaction.atomic
def variable_update(*, variable: Variable, user: User, **fields: Any) -> Variable:
    framework_assert_editable(framework=variable.framework, user=user)
    apply_fields(variable, fields, VARIABLE_FIELDS)
    validated_save(variable)
    framework_results_store(framework=variable.framework)
    return variable


@transaction.atomic
def variable_delete(*, variable: Variable, user: User) -> None:
    framework_assert_editable(framework=variable.framework, user=user)
    if Rating.objects.filter(indicator__variable=variable).exists():
        raise ApplicationError(
            _("Cases have ratings on this variable's indicators; it cannot be removed.")
        )
    if variable.conclusions.exists():
        raise ApplicationError(_("Cases have conclusions on this variable; it cannot be removed."))
    variable.delete()
    framework_results_store(framework=variable.framework)


@transaction.atomic
def indicator_create(
    *,
    variable: Variable,
    user: User,
    code: str,
    name_id: str,
    name_en: str = "",
    description: str = "",
    weight: Decimal = Decimal("1"),
) -> Indicator:
    framework_assert_editable(framework=variable.framework, user=user)
    indicator = _indicator_add(
        variable, IndicatorInput(code, name_id, name_en, description, weight)
    )
    framework_results_store(framework=variable.framework)
    return indicator


def _indicator_add(variable: Variable, item: IndicatorInput) -> Indicator:
    """Saves a new last indicator of an editable framework's variable; the caller stores
    the framework's results."""
    if Indicator.objects.filter(framework_id=variable.framework_id, code=item.code).exists():
        raise ApplicationError(
            {"code": _("This framework already has an indicator %(code)s.") % {"code": item.code}}
        )
    indicator = Indicator(
        variable=variable,
        framework_id=variable.framework_id,
        code=item.code,
        name_id=item.name_id,
        name_en=item.name_en,
        description=item.description,
        weight=item.weight,
        order=next_order(variable.indicators.all()),
    )
    validated_save(indicator)
    return indicator


@transaction.atomic
def indicator_update(*, indicator: Indicator, user: User, **fields: Any) -> Indicator:
    framework_assert_editable(framework=indicator.framework, user=user)
    apply_fields(indicator, fields, INDICATOR_FIELDS)
    validated_save(indicator)
    framework_results_store(framework=indicator.framework)
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, user: User) -> None:
    framework_assert_editable(framework=indicator.framework, user=user)
    if indicator.ratings.exists():
        raise ApplicationError(_("Cases have ratings on this indicator; it cannot be removed."))
    indicator.delete()
    framework_results_store(framework=indicator.framework)
