"""What the scoring core reads (specs, ratings, overrides) and what it returns (verdicts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from common.numbers import english_active, format_number

from .scale import (
    Band,
    Banding,
    IndicatorAggregation,
    Level,
    OverallMethod,
    Scale,
    build_bands,
    level_label,
)

if TYPE_CHECKING:
    # Only for the annotation: robustness.py reads the specs defined here.
    from .panel import PanelSpread
    from .robustness import RuleCheck


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    code: str
    name_id: str
    name_en: str = ""
    weight: Decimal | Fraction | int = 1

    @property
    def name(self) -> str:
        return self.name_en if english_active() and self.name_en else self.name_id


@dataclass(frozen=True, slots=True)
class VariableSpec:
    code: str
    name_id: str
    name_en: str = ""
    indicators: tuple[IndicatorSpec, ...] = ()

    @property
    def name(self) -> str:
        return self.name_en if english_active() and self.name_en else self.name_id


@dataclass(frozen=True, slots=True)
class FrameworkSpec:
    scale: Scale
    variables: tuple[VariableSpec, ...]
    indicator_aggregation: IndicatorAggregation = IndicatorAggregation.MEDIAN
    overall_method: OverallMethod = OverallMethod.MEDIAN
    banding: Banding = Banding.INTERVAL
    thresholds: tuple[Decimal, ...] | None = None
    # Assessed variables an overall verdict needs; None: every variable.
    min_variables_rated: int | None = None
    # How many coders the informant panel's answer counts as (0: it informs, but not the score).
    panel_weight: int = 1

    @property
    def bands(self) -> tuple[Band, ...]:
        return build_bands(self.scale, self.banding, self.thresholds)

    @property
    def variables_needed(self) -> int:
        total = len(self.variables)
        if self.min_variables_rated is None:
            return total
        return max(1, min(self.min_variables_rated, total))


@dataclass(frozen=True, slots=True)
class RatingInput:
    indicator: str
    rater: int | str
    value: int | None
    # An informant's answer: one member of the case's panel, not a coder.
    panel: bool = False


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
        return agreement_label(self.reading)


AGREEMENT_READINGS = ("reliable", "tentative", "unreliable", "not_computable")


def agreement_label(reading: str) -> str:
    """How far raters agree, in words, for a reading of `Agreement.reading`."""
    return {
        "not_computable": _("not computable (fewer than two raters share an indicator)"),
        "reliable": _("reliable (α ≥ 0.800)"),
        "tentative": _("tentative (0.667 ≤ α < 0.800)"),
        "unreliable": _("unreliable (α < 0.667)"),
    }[reading]


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    spec: IndicatorSpec
    score: Fraction | None
    ratings: tuple[RatingInput, ...]
    # The band of the indicator's own score, on the framework's bands.
    band: Band | None = None

    @property
    def rated(self) -> bool:
        return self.score is not None

    @property
    def coder_ratings(self) -> tuple[RatingInput, ...]:
        """The coders' ratings; the informants' answers are the panel's, shown in aggregate."""
        return tuple(r for r in self.ratings if not r.panel)

    @property
    def level(self) -> Level | None:
        return self.band.level if self.band else None


class _FinalLevel:
    """A verdict's final level: the researcher's override where there is one, the computed
    level otherwise; both also in words."""

    __slots__ = ()
    override: Override | None
    scale: Scale | None

    if TYPE_CHECKING:

        @property
        def computed_level(self) -> Level | None: ...

    @property
    def level(self) -> Level | None:
        if self.override and self.scale is not None:
            return self.scale.level(self.override.level)
        return self.computed_level

    @property
    def label(self) -> str:
        return level_label(self.level)

    @property
    def computed_label(self) -> str:
        return level_label(self.computed_level)


@dataclass(frozen=True, slots=True)
class VariableVerdict(_FinalLevel):
    spec: VariableSpec
    score: Fraction | None
    band: Band | None
    indicators: tuple[IndicatorScore, ...]
    agreement: Agreement
    override: Override | None = None
    scale: Scale | None = field(default=None, repr=False)
    # The level under every shipped rule, this framework's first (see robustness.py).
    robustness: RuleCheck | None = None

    @property
    def computed_level(self) -> Level | None:
        return self.band.level if self.band else None

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


def overall_label(level: Level | None, rated: int, total: int) -> str:
    """The overall verdict in words; short of the variables it needs (none computed although
    some are assessed), it says so with how many are assessed, wherever it is shown."""
    if level is None and rated > 0:
        return _("Cannot be concluded yet (%(rated)d of %(total)d variables assessed)") % {
            "rated": rated,
            "total": total,
        }
    return level_label(level)


@dataclass(frozen=True, slots=True)
class OverallVerdict(_FinalLevel):
    method: OverallMethod
    computed_level: Level | None
    score: Fraction | None
    variable_levels: tuple[int, ...]
    band: Band | None = None
    override: Override | None = None
    scale: Scale | None = field(default=None, repr=False)
    # Variables assessed, in the framework, and needed for a verdict.
    rated: int = 0
    total: int = 0
    needed: int = 0
    robustness: RuleCheck | None = None

    @property
    def concludable(self) -> bool:
        return self.rated > 0 and self.rated >= self.needed

    @property
    def label(self) -> str:
        return overall_label(self.level, self.rated, self.total)

    @property
    def explanation(self) -> str:
        if self.computed_level is None and self.rated:
            return _(
                "Only %(rated)d of %(total)d variables are assessed; an overall verdict "
                "needs %(needed)d."
            ) % {"rated": self.rated, "total": self.total, "needed": self.needed}
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
    # The coders' agreement; the informant panel's spread is apart.
    agreement: Agreement
    panel: PanelSpread | None = None

    def variable(self, code: str) -> VariableVerdict:
        for verdict in self.variables:
            if verdict.spec.code == code:
                return verdict
        raise KeyError(code)
