"""Frameworks with their structure, in a fixed number of queries, and the scoring core's view
of them."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from .. import scoring
from ..models import Case, Framework, Indicator, ScaleLevel, User, Variable, Visitor
from .cases import case_visible_q


def framework_list(*, user: Visitor) -> QuerySet[Framework]:
    """Shipped frameworks and the user's own copies."""
    owned = Q(owner__isnull=True)
    if isinstance(user, User):
        owned |= Q(owner_id=user.pk)
    return Framework.objects.filter(owned).select_related("scale", "owner").order_by("name")


def framework_all() -> QuerySet[Framework]:
    return Framework.objects.order_by("name")


def framework_get_for(*, user: Visitor, pk: int | str) -> Framework | None:
    """A framework the user may open (shipped or their own), or None."""
    if not str(pk).isdigit():
        return None
    return framework_list(user=user).filter(pk=pk).first()


def framework_list_with_counts(*, user: Visitor) -> QuerySet[Framework]:
    return framework_list(user=user).annotate(variable_count=Count("variables", distinct=True))


def framework_visible_case_count(framework: Framework, user: Visitor) -> int:
    return framework.cases.filter(case_visible_q(user)).count()


def frameworks_with_structure(frameworks: QuerySet[Framework]) -> QuerySet[Framework]:
    """Frameworks with their scale levels, variables and indicators in order: 4 queries."""
    return frameworks.select_related("scale", "owner").prefetch_related(
        Prefetch("scale__levels", queryset=ScaleLevel.objects.order_by("value")),
        Prefetch(
            "variables",
            queryset=Variable.objects.order_by("order", "code").prefetch_related(
                Prefetch("indicators", queryset=Indicator.objects.order_by("order", "code"))
            ),
        ),
    )


def framework_with_structure(framework_id: int) -> Framework:
    return frameworks_with_structure(Framework.objects.all()).get(pk=framework_id)


def framework_spec(framework: Framework) -> scoring.FrameworkSpec:
    """The scoring core's view of a framework loaded by `framework_with_structure`."""
    scale = scoring.Scale(tuple(level.to_spec() for level in framework.scale.levels.all()))
    return scoring.FrameworkSpec(
        scale=scale,
        variables=tuple(
            scoring.VariableSpec(
                code=variable.code,
                name_id=variable.name_id,
                name_en=variable.name_en,
                indicators=tuple(
                    scoring.IndicatorSpec(
                        code=indicator.code,
                        name_id=indicator.name_id,
                        name_en=indicator.name_en,
                        weight=indicator.weight,
                    )
                    for indicator in variable.indicators.all()
                ),
            )
            for variable in framework.variables.all()
        ),
        indicator_aggregation=scoring.IndicatorAggregation(framework.indicator_aggregation),
        overall_method=scoring.OverallMethod(framework.overall_method),
        banding=scoring.Banding(framework.banding),
        thresholds=tuple(Decimal(str(t)) for t in framework.band_thresholds) or None,
        min_variables_rated=framework.min_variables_rated,
        panel_weight=framework.panel_weight,
    )


def scale_levels(case: Case) -> list[ScaleLevel]:
    """The levels of the case's scale, lowest first."""
    return list(ScaleLevel.objects.filter(scale_id=case.framework.scale_id).order_by("value"))


def scale_values(case: Case) -> list[int]:
    return [level.value for level in scale_levels(case)]


def framework_variables(framework: Framework) -> QuerySet[Variable]:
    return framework.variables.order_by("order", "code")


def framework_variables_with_indicators(framework: Framework) -> list[Variable]:
    return list(
        framework_variables(framework).prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "code"))
        )
    )


def framework_variable(framework: Framework, code: str) -> Variable | None:
    return framework.variables.filter(code=code).first()


def framework_indicator(
    framework: Framework, code: str, *, variable_code: str | None = None
) -> Indicator | None:
    indicators = framework.indicators.select_related("variable", "framework").filter(code=code)
    if variable_code is not None:
        indicators = indicators.filter(variable__code=variable_code)
    return indicators.first()


def variable_indicators(variable: Variable) -> QuerySet[Indicator]:
    return variable.indicators.order_by("order", "code")
