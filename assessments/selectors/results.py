"""The stored results of the scoring core, read back; and the ids that storing them needs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..models import CaseResult, Indicator, IndicatorResult, Variable, VariableResult


@dataclass
class CaseResults:
    """The rows one case's score becomes."""

    case: CaseResult
    variables: list[VariableResult] = field(default_factory=list)
    indicators: list[IndicatorResult] = field(default_factory=list)

    def fingerprint(self) -> tuple[Any, ...]:
        """What must be equal for stored and computed results to agree (ids and time aside)."""
        return (
            _values(self.case, CASE_COMPARED),
            tuple(sorted(_values(v, VARIABLE_COMPARED) for v in self.variables)),
            tuple(sorted(_values(i, INDICATOR_COMPARED) for i in self.indicators)),
        )


CASE_COMPARED = (
    "level",
    "computed_level",
    "score",
    "variables_rated",
    "variables_total",
    "complete",
    "alpha",
    "agreement",
    "rule_levels",
)
VARIABLE_COMPARED = (
    "variable_id",
    "code",
    "order",
    "score",
    "level",
    "computed_level",
    "verdict",
    "rated",
    "total",
    "alpha",
    "agreement",
    "rule_levels",
)
INDICATOR_COMPARED = ("indicator_id", "variable_code", "code", "score", "level", "raters")


def _values(row: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    # None sorts before numbers, so rows with empty scores still compare.
    return tuple((value is not None, value) for value in (getattr(row, n) for n in names))


@dataclass(frozen=True)
class FrameworkPartIds:
    variables: dict[str, int]
    indicators: dict[str, int]


def framework_part_ids(framework_ids: Iterable[int]) -> dict[int, FrameworkPartIds]:
    """Per framework, its variables' and indicators' ids by code: two queries."""
    ids = list(framework_ids)
    parts: dict[int, FrameworkPartIds] = defaultdict(lambda: FrameworkPartIds({}, {}))
    for framework_id, code, pk in Variable.objects.filter(framework_id__in=ids).values_list(
        "framework_id", "code", "pk"
    ):
        parts[framework_id].variables[code] = pk
    for framework_id, code, pk in Indicator.objects.filter(framework_id__in=ids).values_list(
        "framework_id", "code", "pk"
    ):
        parts[framework_id].indicators[code] = pk
    return parts


def stored_case_results(case_ids: list[int]) -> dict[int, CaseResults]:
    """The stored rows of these cases, grouped per case: three queries."""
    results = {r.case_id: CaseResults(r) for r in CaseResult.objects.filter(case_id__in=case_ids)}
    for variable in VariableResult.objects.filter(case_id__in=case_ids):
        if variable.case_id in results:
            results[variable.case_id].variables.append(variable)
    for indicator in IndicatorResult.objects.filter(case_id__in=case_ids):
        if indicator.case_id in results:
            results[indicator.case_id].indicators.append(indicator)
    return results
