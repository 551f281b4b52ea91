"""Scales, levels and bands: how a score becomes a verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from django.utils.translation import gettext as _

from common.numbers import english_active, format_number


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
        return self.label_en if english_active() and self.label_en else self.label_id

    @property
    def descriptor(self) -> str:
        if english_active() and self.descriptor_en:
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


def level_label(level: Level | None) -> str:
    """A verdict's words; the one place that names the absence of one."""
    return level.label if level is not None else _("Not assessed")
