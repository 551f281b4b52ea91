"""The informant panel on its own: how many answered, each indicator's median and interquartile
range, and the agreement among informants (kept apart from the coders' agreement). Its median
per indicator is the one voice the panel has in the indicator score (`indicator_voices`)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .compute import krippendorff_alpha
from .results import Agreement, FrameworkSpec, RatingInput


@dataclass(frozen=True, slots=True)
class PanelIndicator:
    code: str
    answers: int
    median: Fraction
    q1: Fraction
    q3: Fraction

    @property
    def iqr(self) -> Fraction:
        return self.q3 - self.q1


@dataclass(frozen=True, slots=True)
class PanelSpread:
    members: int
    indicators: tuple[PanelIndicator, ...]
    agreement: Agreement


def _quartiles(values: list[int]) -> tuple[Fraction, Fraction]:
    if len(values) == 1:
        return Fraction(values[0]), Fraction(values[0])
    q1, _, q3 = statistics.quantiles([Fraction(v) for v in values], n=4, method="inclusive")
    return Fraction(q1), Fraction(q3)


def panel_spread(framework: FrameworkSpec, ratings: Iterable[RatingInput]) -> PanelSpread | None:
    """None when no informant has answered."""
    answers = [r for r in ratings if r.panel and r.value is not None]
    if not answers:
        return None
    by_indicator: dict[str, list[int]] = {}
    for answer in answers:
        if answer.value is not None:
            by_indicator.setdefault(answer.indicator, []).append(answer.value)
    indicators = []
    for variable in framework.variables:
        for indicator in variable.indicators:
            values = sorted(by_indicator.get(indicator.code, []))
            if values:
                q1, q3 = _quartiles(values)
                median = Fraction(statistics.median([Fraction(v) for v in values]))
                indicators.append(PanelIndicator(indicator.code, len(values), median, q1, q3))
    units = [i.code for v in framework.variables for i in v.indicators]
    return PanelSpread(
        members=len({a.rater for a in answers}),
        indicators=tuple(indicators),
        agreement=krippendorff_alpha(answers, units, framework.scale),
    )
