"""Would the verdict change under another reasonable rule? Every variable and the overall are
scored again under the other shipped rules (median or mean of the raters; interval class or
percentage of the ideal score; median, mean or lowest level overall), the framework's own rule
first. A verdict is stable when every rule gives the same level."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from .compute import aggregate_indicator, indicator_voices, overall_outcome, weighted_mean
from .results import FrameworkSpec, RatingInput
from .scale import (
    Band,
    Banding,
    IndicatorAggregation,
    Level,
    OverallMethod,
    Scale,
    band_for,
    build_bands,
)

AGGREGATIONS = (IndicatorAggregation.MEDIAN, IndicatorAggregation.MEAN)
BANDINGS = (Banding.INTERVAL, Banding.PERCENTAGE)
OVERALL_METHODS = (OverallMethod.MEDIAN, OverallMethod.MEAN, OverallMethod.MINIMUM)


@dataclass(frozen=True, slots=True)
class Rule:
    aggregation: IndicatorAggregation
    banding: Banding
    overall: OverallMethod | None = None  # None: a variable's rule

    @classmethod
    def from_key(cls, key: str) -> Rule:
        aggregation, banding, *overall = key.split("/")
        return cls(
            IndicatorAggregation(aggregation),
            Banding(banding),
            OverallMethod(overall[0]) if overall else None,
        )

    @property
    def key(self) -> str:
        parts = [self.aggregation.value, self.banding.value]
        return "/".join([*parts, self.overall.value] if self.overall else parts)

    @property
    def label(self) -> str:
        words = [
            {
                IndicatorAggregation.MEDIAN: _("median of raters"),
                IndicatorAggregation.MEAN: _("mean of raters"),
            }[self.aggregation],
            {
                Banding.INTERVAL: _("interval class"),
                Banding.PERCENTAGE: _("percentage of the ideal score"),
                Banding.EXPLICIT: _("the framework's cut points"),
            }[self.banding],
        ]
        if self.overall is not None:
            words.append(
                {
                    OverallMethod.MEDIAN: _("median of variables"),
                    OverallMethod.MEAN: _("mean of variables"),
                    OverallMethod.MINIMUM: _("lowest variable"),
                }[self.overall]
            )
        return " · ".join(words)


@dataclass(frozen=True, slots=True)
class RuleCheck:
    """The level each rule gives, the framework's own rule first."""

    outcomes: tuple[tuple[Rule, Level | None], ...]

    @property
    def level(self) -> Level | None:
        return self.outcomes[0][1] if self.outcomes else None

    @property
    def assessed(self) -> bool:
        return self.level is not None

    @property
    def stable(self) -> bool:
        return len({level for _, level in self.outcomes}) <= 1

    @property
    def alternatives(self) -> tuple[tuple[Rule, Level | None], ...]:
        """The rules that give another level than the framework's own."""
        return tuple((rule, level) for rule, level in self.outcomes if level != self.level)

    @property
    def reading(self) -> str:
        if not self.assessed:
            return "not_assessed"
        return "stable" if self.stable else "depends_on_rule"

    def levels(self) -> dict[str, int | None]:
        """Rule key to level value."""
        return {rule.key: level.value if level else None for rule, level in self.outcomes}

    def stored(self) -> list[list[str | int | None]]:
        """As the result rows keep it (a JSON list, which keeps its order): [[key, level]]."""
        return [[key, value] for key, value in self.levels().items()]

    @classmethod
    def from_stored(cls, rows: Sequence[Sequence[str | int | None]], scale: Scale) -> RuleCheck:
        outcomes = []
        for key, value in rows:
            outcomes.append(
                (Rule.from_key(str(key)), scale.level(int(value)) if value is not None else None)
            )
        return cls(tuple(outcomes))


@dataclass(frozen=True, slots=True)
class Robustness:
    variables: Mapping[str, RuleCheck]
    overall: RuleCheck


def _rules(framework: FrameworkSpec) -> tuple[list[Rule], list[Rule]]:
    """Variable rules and overall rules, the framework's own first, each once."""
    own = Rule(framework.indicator_aggregation, framework.banding)
    bandings = [own.banding, *(b for b in BANDINGS if b != own.banding)]
    aggregations = [own.aggregation, *(a for a in AGGREGATIONS if a != own.aggregation)]
    variable_rules = [Rule(a, b) for a in aggregations for b in bandings]
    methods = [
        framework.overall_method,
        *(m for m in OVERALL_METHODS if m != framework.overall_method),
    ]
    overall_rules = [Rule(r.aggregation, r.banding, m) for r in variable_rules for m in methods]
    return variable_rules, overall_rules


Outcome = tuple[Fraction, Level] | None


def _bands(framework: FrameworkSpec, banding: Banding) -> tuple[Band, ...]:
    thresholds = framework.thresholds if banding == Banding.EXPLICIT else None
    return build_bands(framework.scale, banding, thresholds)


def _variable_outcomes(
    framework: FrameworkSpec, values: Mapping[str, Sequence[Fraction]], rule: Rule
) -> dict[str, Outcome]:
    """Each variable's (score, level) under one rule; None where nothing is rated."""
    bands = _bands(framework, rule.banding)
    outcomes: dict[str, Outcome] = {}
    for variable in framework.variables:
        scored = []
        for indicator in variable.indicators:
            score = aggregate_indicator(values.get(indicator.code, ()), rule.aggregation)
            if score is not None:
                scored.append((score, Fraction(Decimal(str(indicator.weight)))))
        mean = weighted_mean(scored)
        outcomes[variable.code] = (
            None if mean is None else (mean, band_for(mean, bands, framework.scale).level)
        )
    return outcomes


def robustness(framework: FrameworkSpec, ratings: Iterable[RatingInput]) -> Robustness:
    by_indicator: dict[str, list[RatingInput]] = {}
    for rating in ratings:
        by_indicator.setdefault(rating.indicator, []).append(rating)
    values = {
        code: indicator_voices(given, framework.panel_weight)
        for code, given in by_indicator.items()
    }
    variable_rules, overall_rules = _rules(framework)
    by_rule = {rule: _variable_outcomes(framework, values, rule) for rule in variable_rules}
    variables = {}
    for variable in framework.variables:
        checked = []
        for rule in variable_rules:
            outcome = by_rule[rule][variable.code]
            checked.append((rule, outcome[1] if outcome else None))
        variables[variable.code] = RuleCheck(tuple(checked))
    overall = []
    for rule in overall_rules:
        assessed = [
            (score, level.value)
            for outcome in by_rule[Rule(rule.aggregation, rule.banding)].values()
            if outcome is not None
            for score, level in [outcome]
        ]
        method = rule.overall or framework.overall_method
        level, _, _ = overall_outcome(assessed, method, _bands(framework, rule.banding), framework)
        overall.append((rule, level))
    return Robustness(variables=variables, overall=RuleCheck(tuple(overall)))
