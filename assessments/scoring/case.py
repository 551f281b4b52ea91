"""A case scored whole: every variable, the overall verdict, the agreement, and for each
verdict whether another shipped rule would change it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from .compute import coders_only, krippendorff_alpha, score_overall, score_variable
from .panel import panel_spread
from .results import CaseScore, FrameworkSpec, Override, RatingInput
from .robustness import robustness


def score_case(
    framework: FrameworkSpec,
    ratings: Iterable[RatingInput],
    overrides: Mapping[str | None, Override] | None = None,
) -> CaseScore:
    """Every variable's verdict, the overall verdict and the case's agreement.

    `overrides` maps a variable code (or None for the overall conclusion) to the researcher's
    override; computed levels are always kept beside it.
    """
    overrides = overrides or {}
    ratings = list(ratings)
    bands = framework.bands
    by_indicator: dict[str, list[RatingInput]] = {}
    for rating in ratings:
        by_indicator.setdefault(rating.indicator, []).append(rating)
    variables = tuple(
        score_variable(spec, framework, by_indicator, overrides.get(spec.code), bands)
        for spec in framework.variables
    )
    units = [i.code for v in framework.variables for i in v.indicators]
    checks = robustness(framework, ratings)
    overall = score_overall(variables, framework, overrides.get(None), bands)
    return CaseScore(
        framework=framework,
        variables=tuple(replace(v, robustness=checks.variables[v.spec.code]) for v in variables),
        overall=replace(overall, robustness=checks.overall),
        agreement=krippendorff_alpha(coders_only(ratings), units, framework.scale),
        panel=panel_spread(framework, ratings),
    )
