"""What a change of a framework's rule would do, before it is saved: the verdicts of the user's
cases scored with that framework, now and under the proposed rule. Nothing is stored."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from common.errors import ApplicationError

from .. import scoring
from ..models import Case, Framework, User
from .cases import case_list
from .frameworks import framework_spec, framework_with_structure
from .results import stored_case_results
from .scores import scoring_inputs


@dataclass(frozen=True)
class VerdictChange:
    case: Case
    code: str  # the variable's code, or "" for the overall verdict
    subject: str  # its name
    before: scoring.Level | None
    after: scoring.Level | None


@dataclass(frozen=True)
class RulePreview:
    cases: int
    changes: list[VerdictChange]


def _weighted(
    variables: tuple[scoring.VariableSpec, ...], weights: dict[str, Decimal]
) -> tuple[scoring.VariableSpec, ...]:
    known = {i.code for v in variables for i in v.indicators}
    unknown = sorted(set(weights) - known)
    if unknown:
        raise ApplicationError(
            {
                "indicator_weights": _("No indicator %(codes)s in this framework.")
                % {"codes": ", ".join(unknown)}
            }
        )
    return tuple(
        replace(
            variable,
            indicators=tuple(
                replace(i, weight=weights.get(i.code, i.weight)) for i in variable.indicators
            ),
        )
        for variable in variables
    )


def proposed_spec(framework: Framework, rule: dict[str, Any]) -> scoring.FrameworkSpec:
    """The framework's spec with the proposed rule; a rule that cannot score is refused."""
    spec = framework_spec(framework)
    thresholds = rule.get("band_thresholds", framework.band_thresholds)
    proposed = replace(
        spec,
        indicator_aggregation=scoring.IndicatorAggregation(
            rule.get("indicator_aggregation", spec.indicator_aggregation)
        ),
        banding=scoring.Banding(rule.get("banding", spec.banding)),
        thresholds=tuple(Decimal(str(t)) for t in thresholds) or None,
        overall_method=scoring.OverallMethod(rule.get("overall_method", spec.overall_method)),
        min_variables_rated=rule.get("min_variables_rated", spec.min_variables_rated),
        panel_weight=rule.get("panel_weight", spec.panel_weight),
        variables=_weighted(spec.variables, rule.get("indicator_weights") or {}),
    )
    try:
        proposed.bands  # noqa: B018
    except scoring.ScoringError as error:
        raise ApplicationError({"band_thresholds": str(error)}) from error
    return proposed


def framework_rule_preview(
    *, framework: Framework, user: User, rule: dict[str, Any]
) -> RulePreview:
    """Every verdict of the user's cases on this framework that the proposed rule changes."""
    loaded = framework_with_structure(framework.pk)
    proposed = proposed_spec(loaded, rule)
    cases = list(case_list(user=user).filter(framework=framework).order_by("title", "pk"))
    ids = [case.pk for case in cases]
    ratings, overrides = scoring_inputs(ids)
    # Now: the stored verdicts (what every reader shows); only the new rule is scored.
    stored = stored_case_results(ids)
    changes: list[VerdictChange] = []
    for case in cases:
        after = scoring.score_case(proposed, ratings[case.pk], overrides[case.pk])
        if case.pk in stored:
            was = {row.code: row.computed_level for row in stored[case.pk].variables}
            was[""] = stored[case.pk].case.computed_level
        else:  # stored before results were kept: scored now, as case_score_get does
            current = scoring.score_case(
                framework_spec(loaded), ratings[case.pk], overrides[case.pk]
            )
            was = {v.spec.code: _value(v.computed_level) for v in current.variables}
            was[""] = _value(current.overall.computed_level)
        for verdict in after.variables:
            before = _level(proposed, was.get(verdict.spec.code))
            if before != verdict.computed_level:
                changes.append(
                    VerdictChange(
                        case, verdict.spec.code, verdict.spec.name, before, verdict.computed_level
                    )
                )
        before = _level(proposed, was[""])
        if before != after.overall.computed_level:
            changes.append(VerdictChange(case, "", "", before, after.overall.computed_level))
    return RulePreview(cases=len(cases), changes=changes)


def _value(level: scoring.Level | None) -> int | None:
    return level.value if level is not None else None


def _level(spec: scoring.FrameworkSpec, value: int | None) -> scoring.Level | None:
    return spec.scale.level(value) if value is not None else None
