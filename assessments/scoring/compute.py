"""The computation: ratings to indicator scores, to variable verdicts, to the overall one."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from .results import (
    Agreement,
    FrameworkSpec,
    IndicatorScore,
    OverallVerdict,
    Override,
    RatingInput,
    VariableSpec,
    VariableVerdict,
)
from .scale import Band, IndicatorAggregation, Level, OverallMethod, Scale, band_for


def indicator_voices(ratings: Iterable[RatingInput], panel_weight: int) -> list[Fraction]:
    """The values an indicator is scored from: each coder's, and the informant panel's as one
    voice (the median of its members' answers) counted `panel_weight` times."""
    coders = [Fraction(r.value) for r in ratings if r.value is not None and not r.panel]
    panel = [Fraction(r.value) for r in ratings if r.value is not None and r.panel]
    if panel and panel_weight > 0:
        coders.extend([Fraction(statistics.median(panel))] * panel_weight)
    return coders


def coders_only(ratings: Iterable[RatingInput]) -> list[RatingInput]:
    """Agreement is the coders': the panel's spread is its own (see `panel_spread`)."""
    return [r for r in ratings if not r.panel]


def aggregate_indicator(
    values: Sequence[int | Fraction], method: IndicatorAggregation
) -> Fraction | None:
    """One indicator's score from its voices' values; None when nobody rated it."""
    if not values:
        return None
    fractions = [Fraction(v) for v in values]
    if method == IndicatorAggregation.MEAN:
        return sum(fractions, Fraction(0)) / len(fractions)
    return Fraction(statistics.median(fractions))


def weighted_mean(scored: Iterable[tuple[Fraction, Fraction]]) -> Fraction | None:
    """Mean of (score, weight) pairs; None when there are none."""
    pairs = list(scored)
    total_weight = sum((w for _, w in pairs), Fraction(0))
    if not pairs or total_weight <= 0:
        return None
    return sum((s * w for s, w in pairs), Fraction(0)) / total_weight


def _shared(
    ratings: Iterable[RatingInput], units: Sequence[str]
) -> tuple[dict[int | str, dict[str, int]], list[str], list[int | str]]:
    """Each rater's values, the units two or more raters rated, and the raters of those."""
    by_rater: dict[int | str, dict[str, int]] = {}
    for rating in ratings:
        if rating.value is not None and rating.indicator in units:
            by_rater.setdefault(rating.rater, {})[rating.indicator] = rating.value
    shared_units = [
        unit for unit in units if sum(1 for values in by_rater.values() if unit in values) >= 2
    ]
    raters = [r for r in by_rater if any(u in by_rater[r] for u in shared_units)]
    return by_rater, shared_units, raters


def agreement_counts(ratings: Iterable[RatingInput], units: Sequence[str]) -> tuple[int, int]:
    """How many raters and shared units an agreement is computed over."""
    _, shared_units, raters = _shared(ratings, units)
    return len(raters), len(shared_units)


def krippendorff_alpha(
    ratings: Iterable[RatingInput], units: Sequence[str], scale: Scale
) -> Agreement:
    """Ordinal alpha; not computable when no unit has two ratings or the values never vary."""
    by_rater, shared_units, raters = _shared(ratings, units)
    if len(raters) < 2 or not shared_units:
        return Agreement(alpha=None, raters=len(raters), units=len(shared_units))
    # Only imported when needed: numpy is heavy and most pages never compute agreement twice.
    import krippendorff
    import numpy as np

    matrix = np.array(
        [[by_rater[r].get(u, np.nan) for u in shared_units] for r in sorted(raters, key=str)],
        dtype=float,
    )
    pairable = matrix[~np.isnan(matrix)]
    if len(set(pairable.tolist())) < 2:
        return Agreement(alpha=None, raters=len(raters), units=len(shared_units))
    alpha = float(
        krippendorff.alpha(
            reliability_data=matrix,
            level_of_measurement="ordinal",
            value_domain=list(scale.values),
        )
    )
    if not math.isfinite(alpha):
        return Agreement(alpha=None, raters=len(raters), units=len(shared_units))
    return Agreement(alpha=round(alpha, 3), raters=len(raters), units=len(shared_units))


def score_variable(
    spec: VariableSpec,
    framework: FrameworkSpec,
    ratings_by_indicator: Mapping[str, Sequence[RatingInput]],
    override: Override | None = None,
    bands: Sequence[Band] | None = None,
) -> VariableVerdict:
    bands = bands if bands is not None else framework.bands
    indicator_scores = []
    for indicator in spec.indicators:
        ratings = tuple(
            sorted(ratings_by_indicator.get(indicator.code, ()), key=lambda r: str(r.rater))
        )
        values = indicator_voices(ratings, framework.panel_weight)
        indicator_score = aggregate_indicator(values, framework.indicator_aggregation)
        indicator_scores.append(
            IndicatorScore(
                spec=indicator,
                score=indicator_score,
                ratings=ratings,
                band=band_for(indicator_score, bands, framework.scale)
                if indicator_score is not None
                else None,
            )
        )
    score = weighted_mean(
        (i.score, Fraction(Decimal(str(i.spec.weight))))
        for i in indicator_scores
        if i.score is not None
    )
    all_ratings = [r for i in indicator_scores for r in i.ratings]
    return VariableVerdict(
        spec=spec,
        score=score,
        band=band_for(score, bands, framework.scale) if score is not None else None,
        indicators=tuple(indicator_scores),
        agreement=krippendorff_alpha(
            coders_only(all_ratings), [i.code for i in spec.indicators], framework.scale
        ),
        override=override,
        scale=framework.scale,
    )


def score_overall(
    variables: Sequence[VariableVerdict],
    framework: FrameworkSpec,
    override: Override | None = None,
    bands: Sequence[Band] | None = None,
) -> OverallVerdict:
    """Overall verdict from the computed (not overridden) variable verdicts."""
    bands = bands if bands is not None else framework.bands
    assessed = [
        (v.score, v.computed_level.value)
        for v in variables
        if v.score is not None and v.computed_level is not None
    ]
    level, score, band = overall_outcome(assessed, framework.overall_method, bands, framework)
    return OverallVerdict(
        framework.overall_method,
        level,
        score,
        tuple(value for _, value in assessed) if level is not None else (),
        band,
        override=override,
        scale=framework.scale,
        rated=len(assessed),
        total=len(variables),
        needed=framework.variables_needed,
    )


def overall_outcome(
    assessed: Sequence[tuple[Fraction, int]],
    method: OverallMethod,
    bands: Sequence[Band],
    framework: FrameworkSpec,
) -> tuple[Level | None, Fraction | None, Band | None]:
    """The overall level (with the mean and its band for the mean method) from the assessed
    variables' (score, level); none short of the variables the framework needs."""
    if not assessed or len(assessed) < framework.variables_needed:
        # Too few variables to conclude from: no computed verdict, whatever the method.
        return None, None, None
    if method == OverallMethod.MEAN:
        mean = sum((score for score, _ in assessed), Fraction(0)) / len(assessed)
        band = band_for(mean, bands, framework.scale)
        return band.level, mean, band
    ordered = sorted(level for _, level in assessed)
    value = ordered[0] if method == OverallMethod.MINIMUM else ordered[(len(ordered) - 1) // 2]
    return framework.scale.level(value), None, None
