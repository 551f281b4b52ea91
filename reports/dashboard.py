"""The Pokja dashboard: where collaboration is weak, across places, programs and years.

Every figure is an aggregate in SQL over the stored results of the cases the user may open
(`case_visible_q`); Python only arranges the few aggregate rows. Medians of levels come from
the level counts, which the database returns per group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.db.models.functions import Substr

from assessments import scoring
from assessments import selectors as assessment_selectors
from assessments.models import (
    Case,
    CaseResult,
    Framework,
    IndicatorResult,
    Place,
    Program,
    ScaleLevel,
    VariableResult,
    Visitor,
)

# Length of a Kemendagri code at each level: "13", "13.75", "13.75.01", "13.75.01.1001".
CODE_LENGTH = {1: 2, 2: 5, 3: 8, 4: 13}
WEAKEST = 5
DEFAULT_FRAMEWORK = "ansell-gash-2008"


@dataclass(frozen=True)
class Scope:
    """What a dashboard covers; every field but the framework may be left open."""

    framework: Framework
    place: Place | None = None
    program: Program | None = None
    year_from: int | None = None
    year_to: int | None = None

    @property
    def row_level(self) -> int:
        """The place level of the heatmap's rows: one below the scope (kelurahan at most)."""
        return min((self.place.level if self.place else 0) + 1, 4)


@dataclass
class Counts:
    """How many cases have each level (None: not assessed)."""

    by_level: dict[int | None, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_level.values())

    @property
    def assessed(self) -> int:
        return sum(n for level, n in self.by_level.items() if level is not None)

    @property
    def median(self) -> int | None:
        """The median level of the assessed cases (the lower middle when even)."""
        levels = sorted(level for level in self.by_level if level is not None)
        if not levels:
            return None
        middle, seen = (self.assessed - 1) // 2, 0
        for level in levels:
            seen += self.by_level[level]
            if seen > middle:
                return level
        return levels[-1]  # pragma: no cover - the loop always returns


@dataclass
class HeatRow:
    place: Place
    cases: int
    cells: list[Counts]
    # The cases sited at the scope's place itself (a city-wide case in a city's view), which
    # no row one level down holds: shown apart, not as a place to drill into.
    whole: bool = False


@dataclass
class TrendPoint:
    year: int
    mean_score: float | None
    counts: Counts


@dataclass
class WeakIndicator:
    code: str
    name: str
    variable: str
    mean_score: float
    cases: int


@dataclass
class Dashboard:
    scope: Scope
    cases: int
    variables: list[tuple[str, str]]
    levels: list[scoring.Level]
    rows: list[HeatRow]
    distribution: list[Counts]
    weakest: list[WeakIndicator]
    years: list[int]
    trend: dict[str, list[TrendPoint]]
    agreement: dict[str, int]
    complete: int

    def level(self, value: int | None) -> scoring.Level | None:
        return next((level for level in self.levels if level.value == value), None)


def scope_cases(user: Visitor, scope: Scope) -> QuerySet[Case]:
    """The cases a dashboard counts: those the user may open, inside the scope."""
    cases = Case.objects.filter(assessment_selectors.case_visible_q(user)).filter(
        framework=scope.framework
    )
    if scope.place is not None:
        cases = cases.filter(assessment_selectors.place_within_q(scope.place.code, "place__code"))
    if scope.program is not None:
        cases = cases.filter(program=scope.program)
    if scope.year_from is not None:
        cases = cases.filter(year_end__gte=scope.year_from)
    if scope.year_to is not None:
        cases = cases.filter(year_end__lte=scope.year_to)
    return cases


def _counts(rows: Iterable[Mapping[str, Any]], *keys: str) -> dict[tuple[Any, ...], Counts]:
    """Rows of (keys…, level, n) as level counts per key."""
    grouped: dict[tuple[Any, ...], Counts] = defaultdict(Counts)
    for row in rows:
        grouped[tuple(row[k] for k in keys)].by_level[row["level"]] = row["n"]
    return grouped


def dashboard_get(*, user: Visitor, scope: Scope) -> Dashboard:
    """Everything the dashboard shows, in eight queries whatever the number of cases."""
    cases = scope_cases(user, scope).values("pk")
    variables = [
        (v.code, v.name) for v in assessment_selectors.framework_variables(scope.framework)
    ]
    results = VariableResult.objects.filter(case__in=cases)
    length = CODE_LENGTH[scope.row_level]
    cells = _counts(
        results.annotate(area=Substr("case__place_id", 1, length))
        .values("area", "code", "level")
        .annotate(n=Count("pk"))
        .order_by(),
        "area",
        "code",
    )
    areas = sorted({area for area, _ in cells})
    places = {p.code: p for p in Place.objects.filter(code__in=areas)}
    rows = [
        HeatRow(
            place=places[area],
            # Every case has one stored row per variable, so any variable counts its cases.
            cases=cells.get((area, variables[0][0]), Counts()).total if variables else 0,
            cells=[cells.get((area, code), Counts()) for code, _ in variables],
            whole=len(area) < length,
        )
        for area in areas
        if area in places
    ]
    distribution = [_summed(cells, code) for code, _ in variables]
    yearly = list(
        results.values("case__year_end", "code", "level")
        .annotate(n=Count("pk"), total=Sum("score"))
        .order_by()
    )
    by_year = _counts(yearly, "case__year_end", "code")
    means = _means(yearly)
    years = sorted({year for year, _ in by_year})
    trend = {
        code: [
            TrendPoint(year, means.get((year, code)), by_year.get((year, code), Counts()))
            for year in years
        ]
        for code, _ in variables
    }
    # Grouped by id (an integer hashes faster than two codes); names and codes come after.
    lowest = list(
        IndicatorResult.objects.filter(case__in=cases, score__isnull=False)
        .values("indicator_id")
        .annotate(mean=Avg("score"), n=Count("pk"))
        .order_by("mean", "indicator_id")[:WEAKEST]
    )
    indicators = scope.framework.indicators.select_related("variable").in_bulk(
        [row["indicator_id"] for row in lowest]
    )
    weakest = [
        WeakIndicator(
            indicator.code, indicator.name, indicator.variable.code, row["mean"], row["n"]
        )
        for row in lowest
        if (indicator := indicators.get(row["indicator_id"])) is not None
    ]
    trust = CaseResult.objects.filter(case__in=cases).aggregate(
        total=Count("pk"),
        complete=Count("pk", filter=Q(complete=True)),
        **{
            reading: Count("pk", filter=Q(agreement=reading))
            for reading in scoring.AGREEMENT_READINGS
        },
    )
    return Dashboard(
        scope=scope,
        cases=trust.pop("total"),
        variables=variables,
        levels=[
            level.to_spec()
            for level in ScaleLevel.objects.filter(scale_id=scope.framework.scale_id).order_by(
                "value"
            )
        ],
        rows=rows,
        distribution=distribution,
        weakest=weakest,
        years=years,
        trend=trend,
        complete=trust.pop("complete"),
        agreement=trust,
    )


def _means(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[int, str], float | None]:
    """Mean score per (year, variable) from sums and counts per level (None: not scored)."""
    sums: dict[tuple[int, str], list[float]] = defaultdict(lambda: [0.0, 0])
    for row in rows:
        if row["level"] is not None and row["total"] is not None:
            key = (row["case__year_end"], row["code"])
            sums[key][0] += row["total"]
            sums[key][1] += row["n"]
    return {key: total / n if n else None for key, (total, n) in sums.items()}


def _summed(cells: Mapping[tuple[Any, ...], Counts], code: str) -> Counts:
    """A variable's level counts over every area."""
    total = Counts()
    for (_, cell_code), counts in cells.items():
        if cell_code == code:
            for level, n in counts.by_level.items():
                total.by_level[level] = total.by_level.get(level, 0) + n
    return total
