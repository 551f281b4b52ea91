"""Behind a weak indicator on the dashboard: the cases in scope, lowest score first, and the
evidence their raters gave for it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, QuerySet

from assessments import scoring
from assessments.models import Indicator, IndicatorResult, Rater, Rating, ScaleLevel, Visitor

from .dashboard import Scope, scope_cases


@dataclass
class IndicatorCase:
    result: IndicatorResult
    level: scoring.Level | None
    ratings: list[Rating]


def indicator_results(
    *, user: Visitor, scope: Scope, indicator: Indicator
) -> QuerySet[IndicatorResult]:
    """The indicator's stored score in every case of the scope the user may open, weakest first
    (unrated last)."""
    return (
        IndicatorResult.objects.filter(
            case__in=scope_cases(user, scope).values("pk"), indicator=indicator
        )
        .select_related("case__place", "case__program")
        .order_by(F("score").asc(nulls_last=True), "-case__year_end", "case__title", "case_id")
    )


def indicator_cases(results: list[IndicatorResult], indicator: Indicator) -> list[IndicatorCase]:
    """These results with the words of their levels and every coder's rating and evidence for
    the indicator (informants count in the score as a panel, never one by one): two queries."""
    ratings: dict[int, list[Rating]] = defaultdict(list)
    for rating in (
        Rating.objects.filter(case_id__in=[r.case_id for r in results], indicator=indicator)
        .exclude(rater__kind=Rater.Kind.INFORMANT)
        .select_related("rater")
        .order_by("rater__kind", "rater__name")
    ):
        ratings[rating.case_id].append(rating)
    levels = {
        level.value: level.to_spec()
        for level in ScaleLevel.objects.filter(scale_id=indicator.framework.scale_id)
    }
    return [
        IndicatorCase(
            result,
            levels.get(result.level) if result.level is not None else None,
            ratings[result.case_id],
        )
        for result in results
    ]
