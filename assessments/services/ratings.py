"""Ratings: one at a time (forms, admin) or a whole list, all or nothing (API, questionnaire)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError
from common.saving import EditConflict, check_version, validated_save

from .. import selectors
from ..models import Case, Indicator, Rater, Rating, User
from .results import case_results_store


def outside_scale(value: int | None, values: list[int]) -> str | None:
    """Why `value` is no level of a scale with these values; None when it is one (or empty)."""
    if value is None or value in values:
        return None
    return _("%(value)s is outside the scale; choose one of %(values)s.") % {
        "value": value,
        "values": ", ".join(str(v) for v in values),
    }


def check_level(case: Case, value: int | None, field: str) -> None:
    """A level of the case's scale, or None (not assessed)."""
    if value is None:
        return
    problem = outside_scale(value, selectors.scale_values(case))
    if problem:
        raise ApplicationError({field: problem})


@transaction.atomic
def rating_upsert(
    *,
    case: Case,
    rater: Rater,
    indicator: Indicator,
    value: int | None,
    evidence: str = "",
    source_type: str = "",
    source_detail: str = "",
    date: datetime.date | None = None,
    user: User | None = None,
    expected_version: int | None = None,
) -> Rating:
    """Creates or replaces the one rating of this rater on this indicator in this case, and
    stores the case's new scores with it.

    An unchanged rating is not saved again, so history only records real changes. With
    `expected_version` (0: "there was no rating when I loaded the form") a save over someone
    else's newer change raises EditConflict instead of overwriting it.
    """
    rating, changed = _rating_write(
        case=case,
        rater=rater,
        indicator=indicator,
        value=value,
        evidence=evidence,
        source_type=source_type,
        source_detail=source_detail,
        date=date,
        user=user,
        expected_version=expected_version,
    )
    if changed:
        case_results_store(cases=[case])
    return rating


def _rating_write(
    *,
    case: Case,
    rater: Rater,
    indicator: Indicator,
    value: int | None,
    evidence: str = "",
    source_type: str = "",
    source_detail: str = "",
    date: datetime.date | None = None,
    user: User | None = None,
    expected_version: int | None = None,
) -> tuple[Rating, bool]:
    """The rating saved if it changed, and whether it did; the caller stores the scores."""
    if indicator.framework_id != case.framework_id:
        raise ApplicationError(
            {
                "indicator": _("Indicator %(code)s is not in this case's framework.")
                % {"code": indicator.code}
            }
        )
    if rater.case_id != case.pk:
        raise ApplicationError({"rater": _("This rater belongs to another case.")})
    check_level(case, value, "value")
    # At most one row (unique per case, indicator and rater): no ORDER BY for the planner.
    rating = next(
        iter(
            Rating.objects.select_for_update()
            .filter(case=case, rater=rater, indicator=indicator)
            .order_by()
        ),
        None,
    )
    created = rating is None
    check_version(rating, expected_version)
    if rating is None:
        rating = Rating(case=case, rater=rater, indicator=indicator)
    new_values = {
        "value": value,
        "evidence": evidence,
        "source_type": source_type,
        "source_detail": source_detail,
        "date": date,
    }
    changed = created or any(getattr(rating, k) != v for k, v in new_values.items())
    if changed:
        for name, field_value in new_values.items():
            setattr(rating, name, field_value)
        if not created:
            rating.version += 1
        try:
            with transaction.atomic():
                validated_save(rating, user=user)
        except (IntegrityError, ValidationError):
            # Two first saves at once: select_for_update had no row to lock, and the other
            # one won. Theirs stands; this one is told so, as for any stale save.
            current = Rating.objects.filter(case=case, rater=rater, indicator=indicator).first()
            if not created or current is None:
                raise
            raise EditConflict(current) from None
    return rating, changed


@transaction.atomic
def rating_delete(*, rating: Rating) -> None:
    """Removes a rating; its history stays, and the case's scores are stored again."""
    case = rating.case
    rating.delete()
    case_results_store(cases=[case])
