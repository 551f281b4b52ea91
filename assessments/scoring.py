"""The one scoring core: plain values in, verdicts and their explanations out.

No ORM here. The selector `case_score_get` feeds it; the UI, the API, the PDF and the dashboards
all read its results. Arithmetic is exact (`Fraction`) so a mean of exactly 1,75 lands in the band
that starts at 1,75 and never in the one below because of floating-point error.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from django.utils.translation import get_language
from django.utils.translation import gettext as _


class IndicatorAggregation(StrEnum):
    MEDIAN = "median"
    MEAN = "mean"


class OverallMethod(StrEnum):
    MEDIAN = "median"
    MEAN = "mean"
    MINIMUM = "minimum"


class Banding(StrEnum):
    INTERVAL = "interval"
    PERCENTAGE = "percentage"
    EXPLICIT = "explicit"


class ScoringError(ValueError):
    """A framework or scale that cannot be scored (e.g. bands that do not cover the scale)."""


def _lang_is_english() -> bool:
    return (get_language() or "id").startswith("en")


def format_number(value: Fraction | float | Decimal, places: int = 2) -> str:
    """Indonesian style (1.234,56) by default, English (1,234.56) when English is active."""
    text = f"{float(value):,.{places}f}"
    if _lang_is_english():
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@dataclass(frozen=True, slots=True)
class Level:
    value: int
    code: str
    label_id: str
    label_en: str
    descriptor_id: str = ""
    descriptor_en: str = ""

    @property
    def label(self) -> str:
        return self.label_en if _lang_is_english() and self.label_en else self.label_id

    @property
    def descriptor(self) -> str:
        if _lang_is_english() and self.descriptor_en:
            return self.descriptor_en
        return self.descriptor_id


@dataclass(frozen=True, slots=True)
class Scale:
    levels: tuple[Level, ...]

    def __post_init__(self) -> None:
        if len(self.levels) < 2:
            raise ScoringError(_("A scale needs at least two levels."))
        values = [level.value for level in self.levels]
        if values != sorted(values) or len(set(values)) != len(values):
            raise ScoringError(_("Scale levels must have distinct, ascending values."))

    @property
    def minimum(self) -> int:
        return self.levels[0].value

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(level.value for level in self.levels)

    def level(self, value: int) -> Level:
        for level in self.levels:
            if level.value == value:
                return level
        raise ScoringError(_("%(value)s is not a level of this scale.") % {"value": value})


@dataclass(frozen=True, slots=True)
class Band:
    """A class of scores mapped to one level.

    Interval and explicit bands are closed below ([lower, upper)), the last one closed on both
    ends; percentage bands follow the Likert-percentage habit of closing above ((lower, upper]).
    """

    level: Level
    lower: Fraction
    upper: Fraction
    closed_above: bool = False
    percent: bool = False

    def describe(self) -> str:
        if self.percent:
            return f"{format_number(self.lower, 0)}–{format_number(self.upper, 0)} %"
        return f"{format_number(self.lower)}–{format_number(self.upper)}"


def build_bands(
    scale: Scale, banding: Banding, thresholds: Sequence[Decimal | float] | None = None
) -> tuple[Band, ...]:
    """The bands that turn a score into a level.

    Interval class: width = (max − min) / number of levels. Percentage of ideal: cut points at
    100·k/n % of the maximum. Explicit: the framework gives the n − 1 cut points itself.
    """
    n = len(scale.levels)
    lowest, highest = Fraction(scale.minimum), Fraction(scale.maximum)
    if banding == Banding.PERCENTAGE:
        cuts = [Fraction(100 * k, n) for k in range(n + 1)]
        cuts[0] = Fraction(0)
        return tuple(
            Band(level, cuts[i], cuts[i + 1], closed_above=True, percent=True)
            for i, level in enumerate(scale.levels)
        )
    if banding == Banding.EXPLICIT:
        if not thresholds or len(thresholds) != n - 1:
            raise ScoringError(
                _("Explicit bands need %(count)d cut points, one between each pair of levels.")
                % {"count": n - 1}
            )
        inner = [Fraction(Decimal(str(t))) for t in thresholds]
        if inner != sorted(inner) or len(set(inner)) != len(inner):
            raise ScoringError(_("Band cut points must be strictly ascending."))
        if inner[0] <= lowest or inner[-1] >= highest:
            raise ScoringError(_("Band cut points must lie strictly inside the scale."))
        cuts = [lowest, *inner, highest]
    else:
        width = (highest - lowest) / n
        cuts = [lowest + width * i for i in range(n + 1)]
    return tuple(Band(level, cuts[i], cuts[i + 1]) for i, level in enumerate(scale.levels))


def band_for(score: Fraction, bands: Sequence[Band], scale: Scale) -> Band:
    if bands[0].percent:
        percent = score * 100 / scale.maximum
        for band in bands:
            if percent <= band.upper:
                return band
        return bands[-1]
    chosen = bands[0]
    for band in bands:
        if score >= band.lower:
            chosen = band
    return chosen


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    code: str
    name_id: str
    name_en: str = ""
    weight: Decimal | Fraction | int = 1

    @property
    def name(self) -> str:
        return self.name_en if _lang_is_english() and self.name_en else self.name_id


@dataclass(frozen=True, slots=True)
class VariableSpec:
    code: str
    name_id: str
    name_en: str = ""
    indicators: tuple[IndicatorSpec, ...] = ()

    @property
    def name(self) -> str:
        return self.name_en if _lang_is_english() and self.name_en else self.name_id


@dataclass(frozen=True, slots=True)
class FrameworkSpec:
    scale: Scale
    variables: tuple[VariableSpec, ...]
    indicator_aggregation: IndicatorAggregation = IndicatorAggregation.MEDIAN
    overall_method: OverallMethod = OverallMethod.MEDIAN
    banding: Banding = Banding.INTERVAL
    thresholds: tuple[Decimal, ...] | None = None

    @property
    def bands(self) -> tuple[Band, ...]:
        return build_bands(self.scale, self.banding, self.thresholds)


@dataclass(frozen=True, slots=True)
class RatingInput:
    indicator: str
    rater: int | str
    value: int | None


@dataclass(frozen=True, slots=True)
class Override:
    level: int
    reason: str


@dataclass(frozen=True, slots=True)
class Agreement:
    """Ordinal Krippendorff's alpha over the units two or more raters share."""

    alpha: float | None
    raters: int
    units: int

    @property
    def computable(self) -> bool:
        return self.alpha is not None

    @property
    def reading(self) -> str:
        if self.alpha is None:
            return "not_computable"
        if self.alpha >= 0.800:
            return "reliable"
        if self.alpha >= 0.667:
            return "tentative"
        return "unreliable"

    @property
    def reading_label(self) -> str:
        return {
            "not_computable": _("not computable (fewer than two raters share an indicator)"),
            "reliable": _("reliable (α ≥ 0.800)"),
            "tentative": _("tentative (0.667 ≤ α < 0.800)"),
            "unreliable": _("unreliable (α < 0.667)"),
        }[self.reading]


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    spec: IndicatorSpec
    score: Fraction | None
    ratings: tuple[RatingInput, ...]

    @property
    def rated(self) -> bool:
        return self.score is not None


@dataclass(frozen=True, slots=True)
class VariableVerdict:
    spec: VariableSpec
    score: Fraction | None
    band: Band | None
    indicators: tuple[IndicatorScore, ...]
    agreement: Agreement
    override: Override | None = None
    scale: Scale | None = field(default=None, repr=False)

    @property
    def computed_level(self) -> Level | None:
        return self.band.level if self.band else None

    @property
    def level(self) -> Level | None:
        if self.override and self.scale is not None:
            return self.scale.level(self.override.level)
        return self.computed_level

    @property
    def assessed(self) -> bool:
        return self.score is not None

    @property
    def coverage(self) -> tuple[int, int]:
        return sum(1 for i in self.indicators if i.rated), len(self.indicators)

    @property
    def explanation(self) -> str:
        rated, total = self.coverage
        if self.score is None or self.band is None:
            return _("No indicator of this variable has been rated yet: not assessed.")
        values = {
            "score": format_number(self.score),
            "count": rated,
            "total": total,
            "band": self.band.describe(),
            "label": self.band.level.label,
        }
        if self.band.percent and self.scale is not None:
            values["percent"] = format_number(self.score * 100 / self.scale.maximum)
            values["ideal"] = self.scale.maximum
            if rated == total:
                return (
                    _(
                        "Mean %(score)s of %(count)d indicators is %(percent)s %% of the ideal "
                        "score %(ideal)s, in the class %(band)s: %(label)s"
                    )
                    % values
                )
            return (
                _(
                    "Mean %(score)s of the %(count)d rated indicators (of %(total)d) is "
                    "%(percent)s %% of the ideal score %(ideal)s, in the class %(band)s: %(label)s"
                )
                % values
            )
        if rated == total:
            return _(
                "Mean %(score)s of %(count)d indicators is in the class %(band)s: %(label)s"
            ) % (values)
        return (
            _(
                "Mean %(score)s of the %(count)d rated indicators (of %(total)d) is in the "
                "class %(band)s: %(label)s"
            )
            % values
        )


@dataclass(frozen=True, slots=True)
class OverallVerdict:
    method: OverallMethod
    computed_level: Level | None
    score: Fraction | None
    variable_levels: tuple[int, ...]
    band: Band | None = None
    override: Override | None = None
    scale: Scale | None = field(default=None, repr=False)

    @property
    def level(self) -> Level | None:
        if self.override and self.scale is not None:
            return self.scale.level(self.override.level)
        return self.computed_level

    @property
    def explanation(self) -> str:
        if self.computed_level is None:
            return _("No variable has been assessed yet: not assessed.")
        values = {
            "count": len(self.variable_levels),
            "levels": ", ".join(str(v) for v in sorted(self.variable_levels)),
            "level": self.computed_level.value,
            "label": self.computed_level.label,
        }
        if self.method == OverallMethod.MEAN and self.score is not None and self.band:
            values.update(score=format_number(self.score), band=self.band.describe())
            return (
                _("Mean score %(score)s of %(count)d variables is in the class %(band)s: %(label)s")
                % values
            )
        if self.method == OverallMethod.MINIMUM:
            return (
                _(
                    "Lowest level of %(count)d variables (%(levels)s), the weakest link, is "
                    "%(level)s: %(label)s"
                )
                % values
            )
        return (
            _("Median level of %(count)d variables (%(levels)s) is %(level)s: %(label)s") % values
        )


@dataclass(frozen=True, slots=True)
class CaseScore:
    framework: FrameworkSpec
    variables: tuple[VariableVerdict, ...]
    overall: OverallVerdict
    agreement: Agreement

    def variable(self, code: str) -> VariableVerdict:
        for verdict in self.variables:
            if verdict.spec.code == code:
                return verdict
        raise KeyError(code)


def aggregate_indicator(values: Sequence[int], method: IndicatorAggregation) -> Fraction | None:
    """One indicator's score from its raters' values; None when nobody rated it."""
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


def krippendorff_alpha(
    ratings: Iterable[RatingInput], units: Sequence[str], scale: Scale
) -> Agreement:
    """Ordinal alpha; not computable when no unit has two ratings or the values never vary."""
    by_rater: dict[int | str, dict[str, int]] = {}
    for rating in ratings:
        if rating.value is not None and rating.indicator in units:
            by_rater.setdefault(rating.rater, {})[rating.indicator] = rating.value
    shared_units = [
        unit for unit in units if sum(1 for values in by_rater.values() if unit in values) >= 2
    ]
    raters = [r for r in by_rater if any(u in by_rater[r] for u in shared_units)]
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
        values = [r.value for r in ratings if r.value is not None]
        indicator_scores.append(
            IndicatorScore(
                spec=indicator,
                score=aggregate_indicator(values, framework.indicator_aggregation),
                ratings=ratings,
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
            all_ratings, [i.code for i in spec.indicators], framework.scale
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
    assessed = [v for v in variables if v.computed_level is not None and v.score is not None]
    levels = tuple(v.computed_level.value for v in assessed if v.computed_level)
    method = framework.overall_method
    if not assessed:
        return OverallVerdict(method, None, None, (), override=override, scale=framework.scale)
    if method == OverallMethod.MEAN:
        mean = sum((v.score for v in assessed if v.score is not None), Fraction(0)) / len(assessed)
        band = band_for(mean, bands, framework.scale)
        return OverallVerdict(
            method, band.level, mean, levels, band, override=override, scale=framework.scale
        )
    ordered = sorted(levels)
    value = ordered[0] if method == OverallMethod.MINIMUM else ordered[(len(ordered) - 1) // 2]
    return OverallVerdict(
        method,
        framework.scale.level(value),
        None,
        levels,
        override=override,
        scale=framework.scale,
    )


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
    return CaseScore(
        framework=framework,
        variables=variables,
        overall=score_overall(variables, framework, overrides.get(None), bands),
        agreement=krippendorff_alpha(ratings, units, framework.scale),
    )
