"""Ratings of one rater, and the saved versions of a rating or a conclusion."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ..models import Case, Conclusion, Indicator, Rater, Rating, Variable


def rater_ratings_by_indicator(
    case: Case, rater: Rater | None, variable: Variable | None = None
) -> dict[int, Rating]:
    """A rater's ratings in a case (of one variable, if given), keyed by indicator id."""
    if rater is None:
        return {}
    ratings = Rating.objects.filter(case=case, rater=rater)
    if variable is not None:
        ratings = ratings.filter(indicator__variable=variable)
    return {r.indicator_id: r for r in ratings}


def rating_of(case: Case, rater: Rater, indicator: Indicator) -> Rating | None:
    return Rating.objects.filter(case=case, rater=rater, indicator=indicator).first()


def history_records(obj: Rating | Conclusion) -> QuerySet[Any]:
    """Every saved version of a rating or conclusion, newest first, with who saved it."""
    history: QuerySet[Any] = obj.history.select_related("history_user").order_by("-history_date")
    return history
