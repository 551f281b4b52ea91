"""The Pokja dashboard: where collaboration is weak, across places, programs and years.

Every figure is an aggregate in SQL over the cases the user may open (`case_visible_q`): over
the tallies of published cases for the nation and a province, over the stored results
otherwise (`dashboard_sources`). Python only adds up the few grouped rows; medians come from
the counts per level and per score.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import Q, QuerySet

from assessments import scoring
from assessments import selectors as assessment_selectors
from assessments.models import Case, Framework, Place, Program, ScaleLevel, User, Visitor

from .dashboard_sources import (
    Figures,
    stored_cells,
    stored_figures,
    stored_rounds,
    tallied_figures,
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
    # "Over time" by the year cases ended, or by round: the same places assessed again.
    over: str = "year"

    @property
    def by_round(self) -> bool:
        return self.over == OVER_ROUND

    @property
    def row_level(self) -> int:
        """The place level of the heatmap's rows: one below the scope (kelurahan at most)."""
        return min((self.place.level if self.place else 0) + 1, 4)


@dataclass
class Counts:
    """How many cases have each level (None: not assessed)."""

    by_level: dict[int | None, int] = field(default_factory=dict)
    # How many assessed cases have each score (filled where a figure needs scores).
    scores: dict[float, int] = field(default_factory=dict)

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

    @property
    def median_score(self) -> float | None:
        """The median score of the assessed cases (the mean of the two middle ones when even)."""
        count = sum(self.scores.values())
        if not count:
            return None
        middles, seen, found = {(count - 1) // 2, count // 2}, 0, []
        for score in sorted(self.scores):
            low, seen = seen, seen + self.scores[score]
            found += [score for position in middles if low <= position < seen]
        return sum(found) / len(found)

    @property
    def mean_score(self) -> float | None:
        count = sum(self.scores.values())
        return sum(s * n for s, n in self.scores.items()) / count if count else None


@dataclass
class HeatRow:
    place: Place
    cases: int
    cells: list[Counts]
    # The cases sited at the scope's place itself (a city-wide case in a city's view), which
    # no row one level down holds: shown apart, not as a place to drill into.
    whole: bool = False


OVER_YEAR, OVER_ROUND = "year", "round"


@dataclass
class TrendPoint:
    # The year cases ended, or the round number when the dashboard follows rounds.
    year: int
    counts: Counts

    @property
    def median_score(self) -> float | None:
        return self.counts.median_score

    @property
    def mean_score(self) -> float | None:
        return self.counts.mean_score


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
    """Rows of (keys…, level, n) as level counts per key (rows of one key add up)."""
    grouped: dict[tuple[Any, ...], Counts] = defaultdict(Counts)
    for row in rows:
        by_level = grouped[tuple(row[k] for k in keys)].by_level
        by_level[row["level"]] = by_level.get(row["level"], 0) + row["n"]
    return grouped


def _figures(user: Visitor, scope: Scope) -> Figures:
    """The grouped rows behind every figure. Published cases are counted from the tallies when
    the user may open all of them and the scope is the nation or a province; the user's own
    unpublished cases, and every narrower scope, from the stored results."""
    cases = scope_cases(user, scope)
    length = CODE_LENGTH[scope.row_level]
    national = scope.place is None
    tallied = (scope.place is None or scope.place.level == Place.Level.PROVINSI) and (
        assessment_selectors.sees_every_published_case(user)
    )
    if scope.by_round:
        # Rounds are followed through the stored results of the cases in a chain.
        figures = _figures(user, replace(scope, over=OVER_YEAR))
        figures.yearly = stored_rounds(cases)
        return figures
    if not tallied:
        return stored_figures(cases, length=length)
    figures = tallied_figures(_tally_filter(scope), cells=national)
    if not national:
        figures.cells = stored_cells(cases, length)
    unpublished = cases.exclude(status=Case.Status.PUBLISHED)
    pokja = isinstance(user, User) and user.is_pokja  # who only ever sees published cases
    if not pokja and unpublished.exists():
        figures.add(stored_figures(unpublished, length=length if national else None))
    return figures


def _tally_filter(scope: Scope) -> Q:
    tally = Q(framework=scope.framework)
    if scope.place is not None:
        tally &= Q(province=scope.place.code)
    if scope.program is not None:
        tally &= Q(program=scope.program)
    if scope.year_from is not None:
        tally &= Q(year_end__gte=scope.year_from)
    if scope.year_to is not None:
        tally &= Q(year_end__lte=scope.year_to)
    return tally


def dashboard_get(*, user: Visitor, scope: Scope) -> Dashboard:
    """Everything the dashboard shows, in a dozen queries whatever the number of cases."""
    figures = _figures(user, scope)
    variables = [
        (v.code, v.name) for v in assessment_selectors.framework_variables(scope.framework)
    ]
    length = CODE_LENGTH[scope.row_level]
    cells = _counts(figures.cells, "area", "code")
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
    by_year = _counts(figures.yearly, "year", "code")
    for row in figures.yearly:
        if row["score"] is not None:
            scores = by_year[(row["year"], row["code"])].scores
            scores[row["score"]] = scores.get(row["score"], 0) + row["n"]
    years = sorted({year for year, _ in by_year})
    trust = _trust(figures.trust)
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
        distribution=[_summed(cells, code) for code, _ in variables],
        weakest=_weakest(scope, figures.indicators),
        years=years,
        trend={
            code: [TrendPoint(year, by_year.get((year, code), Counts())) for year in years]
            for code, _ in variables
        },
        complete=trust.pop("complete"),
        agreement=trust,
    )


def _trust(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Cases per agreement reading, with the total and the complete ones."""
    counts = dict.fromkeys(("total", "complete", *scoring.AGREEMENT_READINGS), 0)
    for row in rows:
        counts["total"] += row["n"]
        counts["complete"] += row["n"] if row["complete"] else 0
        counts[row["agreement"]] = counts.get(row["agreement"], 0) + row["n"]
    return counts


def _weakest(scope: Scope, rows: Iterable[Mapping[str, Any]]) -> list[WeakIndicator]:
    """The indicators with the lowest mean score: one query for their names."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for row in rows:
        sums[row["code"]][0] += row["n"]
        sums[row["code"]][1] += row["total"]
    means = sorted((total / n, code, int(n)) for code, (n, total) in sums.items() if n)
    lowest = means[:WEAKEST]
    indicators = {
        indicator.code: indicator
        for indicator in scope.framework.indicators.select_related("variable").filter(
            code__in=[code for _, code, _ in lowest]
        )
    }
    return [
        WeakIndicator(indicator.code, indicator.name, indicator.variable.code, mean, n)
        for mean, code, n in lowest
        if (indicator := indicators.get(code)) is not None
    ]


def _summed(cells: Mapping[tuple[Any, ...], Counts], code: str) -> Counts:
    """A variable's level counts over every area."""
    total = Counts()
    for (_, cell_code), counts in cells.items():
        if cell_code == code:
            for level, n in counts.by_level.items():
                total.by_level[level] = total.by_level.get(level, 0) + n
    return total
