"""A case's score put together again from its stored results, without scoring it again: the
scores, levels and alphas as stored, each band found by its stored level, the ratings and
overrides as they are now. What a case's page, its scores API and its chapter show."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from .compute import agreement_counts, coders_only
from .panel import panel_spread
from .results import (
    Agreement,
    CaseScore,
    FrameworkSpec,
    IndicatorScore,
    OverallVerdict,
    Override,
    RatingInput,
    VariableVerdict,
)
from .robustness import RuleCheck
from .scale import Band, OverallMethod


@dataclass(frozen=True, slots=True)
class StoredVariable:
    score: float | None = None
    computed_level: int | None = None
    alpha: float | None = None
    # Indicator code: (score, level).
    indicators: Mapping[str, tuple[float | None, int | None]] = field(default_factory=dict)
    # [[rule key, level]], as RuleCheck.stored() gives them.
    rule_levels: Sequence[Sequence[str | int | None]] = ()


@dataclass(frozen=True, slots=True)
class StoredCase:
    variables: Mapping[str, StoredVariable]
    score: float | None = None
    computed_level: int | None = None
    alpha: float | None = None
    rule_levels: Sequence[Sequence[str | int | None]] = ()


def _check(
    rows: Sequence[Sequence[str | int | None]], framework: FrameworkSpec
) -> RuleCheck | None:
    return RuleCheck.from_stored(rows, framework.scale) if rows else None


def _fraction(score: float | None) -> Fraction | None:
    # From the decimal the score was stored as, not the float's binary expansion.
    return None if score is None else Fraction(str(score))


def stored_case_score(
    framework: FrameworkSpec,
    stored: StoredCase,
    ratings: Iterable[RatingInput],
    overrides: Mapping[str | None, Override] | None = None,
) -> CaseScore:
    """The `CaseScore` whose results are `stored`, for these ratings and overrides."""
    overrides = overrides or {}
    ratings = list(ratings)
    by_level = {band.level.value: band for band in framework.bands}

    def band(level: int | None) -> Band | None:
        return by_level.get(level) if level is not None else None

    by_indicator: dict[str, list[RatingInput]] = {}
    for rating in ratings:
        by_indicator.setdefault(rating.indicator, []).append(rating)
    variables = []
    for spec in framework.variables:
        row = stored.variables.get(spec.code, StoredVariable())
        indicators = []
        for indicator in spec.indicators:
            score, level = row.indicators.get(indicator.code, (None, None))
            given = sorted(by_indicator.get(indicator.code, ()), key=lambda r: str(r.rater))
            indicators.append(
                IndicatorScore(indicator, _fraction(score), tuple(given), band(level))
            )
        raters, units = agreement_counts(
            coders_only(r for i in indicators for r in i.ratings),
            [i.code for i in spec.indicators],
        )
        variables.append(
            VariableVerdict(
                spec=spec,
                score=_fraction(row.score),
                band=band(row.computed_level),
                indicators=tuple(indicators),
                agreement=Agreement(row.alpha, raters, units),
                override=overrides.get(spec.code),
                scale=framework.scale,
                robustness=_check(row.rule_levels, framework),
            )
        )
    levels = tuple(
        v.computed_level.value for v in variables if v.computed_level and v.score is not None
    )
    mean = framework.overall_method == OverallMethod.MEAN
    computed = (
        framework.scale.level(stored.computed_level) if stored.computed_level is not None else None
    )
    overall = OverallVerdict(
        framework.overall_method,
        computed,
        _fraction(stored.score),
        levels if computed is not None else (),
        band(stored.computed_level) if mean else None,
        override=overrides.get(None),
        scale=framework.scale,
        rated=len(levels),
        total=len(variables),
        needed=framework.variables_needed,
        robustness=_check(stored.rule_levels, framework),
    )
    raters, units = agreement_counts(
        coders_only(ratings), [i.code for v in framework.variables for i in v.indicators]
    )
    return CaseScore(
        framework=framework,
        variables=tuple(variables),
        overall=overall,
        agreement=Agreement(stored.alpha, raters, units),
        # Descriptive, from the answers the page reads anyway; no verdict depends on it.
        panel=panel_spread(framework, ratings),
    )
