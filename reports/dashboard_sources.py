"""Where the dashboard's numbers come from: the stored results of the cases in scope, or the
tallies that count published cases per province, program, year and framework. Both give the
same four kinds of grouped rows, so figures from the two add up."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Substr

from assessments.models import (
    Case,
    CaseResult,
    CaseTally,
    IndicatorResult,
    IndicatorTally,
    VariableResult,
    VariableTally,
)

Rows = list[dict[str, Any]]


@dataclass
class Figures:
    """cells: area, code, level, n · yearly: year, code, level, score, n ·
    indicators: code, n (cases scored), total (their scores summed) · trust: agreement,
    complete, n."""

    cells: Rows = field(default_factory=list)
    yearly: Rows = field(default_factory=list)
    indicators: Rows = field(default_factory=list)
    trust: Rows = field(default_factory=list)

    def add(self, other: Figures) -> None:
        self.cells += other.cells
        self.yearly += other.yearly
        self.indicators += other.indicators
        self.trust += other.trust


def stored_cells(cases: QuerySet[Case], length: int) -> Rows:
    """Level counts per variable and area (the place code cut to `length`)."""
    return list(
        VariableResult.objects.filter(case__in=cases.values("pk"))
        .annotate(area=Substr("case__place_id", 1, length))
        .values("area", "code", "level")
        .annotate(n=Count("pk"))
        .order_by()
    )


def stored_figures(cases: QuerySet[Case], *, length: int | None) -> Figures:
    """The figures of these cases from their stored results: four queries, three without
    cells (`length` None)."""
    ids = cases.values("pk")
    variables = VariableResult.objects.filter(case__in=ids)
    return Figures(
        cells=stored_cells(cases, length) if length is not None else [],
        yearly=list(
            variables.values("code", "level", "score", year=F("case__year_end"))
            .annotate(n=Count("pk"))
            .order_by()
        ),
        indicators=list(
            IndicatorResult.objects.filter(case__in=ids, score__isnull=False)
            .values("code")
            .annotate(n=Count("pk"), total=Sum("score"))
            .order_by()
        ),
        trust=list(
            CaseResult.objects.filter(case__in=ids)
            .values("agreement", "complete")
            .annotate(n=Count("pk"))
            .order_by()
        ),
    )


def stored_rounds(cases: QuerySet[Case]) -> Rows:
    """The `yearly` rows by round instead of year ("year" holds the round number), over the
    cases that are one of several rounds of their place: one query."""
    in_chain = Q(previous_round__isnull=False) | Q(next_round__isnull=False)
    return list(
        VariableResult.objects.filter(case__in=cases.filter(in_chain).values("pk"))
        .values("code", "level", "score", year=F("case__round_number"))
        .annotate(n=Count("pk"))
        .order_by()
    )


def tallied_figures(tally_filter: Q, *, cells: bool) -> Figures:
    """The figures of the published cases the filter selects, from the tallies: four queries,
    three without cells (which are per province here)."""
    variables = VariableTally.objects.filter(tally_filter)
    return Figures(
        cells=list(
            variables.values("code", "level", area=F("province"))
            .annotate(n=Sum("cases"))
            .order_by()
        )
        if cells
        else [],
        yearly=list(
            variables.values("code", "level", "score", year=F("year_end"))
            .annotate(n=Sum("cases"))
            .order_by()
        ),
        indicators=list(
            IndicatorTally.objects.filter(tally_filter)
            .values("code")
            .annotate(n=Sum("scored"), total=Sum("total"))
            .order_by()
        ),
        trust=list(
            CaseTally.objects.filter(tally_filter)
            .values("agreement", "complete")
            .annotate(n=Sum("cases"))
            .order_by()
        ),
    )
