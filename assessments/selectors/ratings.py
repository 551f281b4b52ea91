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


def history_authors(case: Case, records: list[Any]) -> dict[int, str]:
    """Who saved each version, by user id, in names: the rater they rate as in this case,
    else the account's full name; the login only for an account with neither (one query)."""
    users = {r.history_user_id: r.history_user for r in records if r.history_user_id}
    rating_as = dict(
        case.raters.filter(user_id__in=users, kind=Rater.Kind.RESEARCHER).values_list(
            "user_id", "name"
        )
    )
    return {
        pk: rating_as.get(pk) or user.get_full_name().strip() or user.get_username()
        for pk, user in users.items()
    }
