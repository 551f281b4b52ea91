"""Saving a list of ratings at once (the API, an informant's questionnaire): all or nothing,
as one bulk write with its history, so 500 ratings take one request of about a second."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from common.errors import ApplicationError
from common.saving import EditConflict

from .. import selectors
from ..models import Case, Indicator, Rater, Rating, User
from .ratings import outside_scale
from .results import case_results_store

EDITED = ("value", "evidence", "source_type", "source_detail", "date")


@dataclass(frozen=True)
class RatingItem:
    indicator: str
    rater: int
    value: int | None
    evidence: str = ""
    source_type: str = ""
    source_detail: str = ""
    date: datetime.date | None = None
    # The version the client loaded; None: replace whatever is there.
    version: int | None = None


def check_batch_size(count: int) -> None:
    """One request saves at most RATINGS_PER_REQUEST ratings: a larger list is refused before
    any of it is read, so no request can hold a worker for long."""
    limit = settings.RATINGS_PER_REQUEST
    if count > limit:
        raise ApplicationError(
            {
                "non_field_errors": _(
                    "At most %(limit)d ratings can be saved at once; this list has %(count)d. "
                    "Send it in parts."
                )
                % {"limit": limit, "count": count}
            }
        )


def _item_errors(
    item: RatingItem,
    indicator: Indicator | None,
    rater: Rater | None,
    scale: list[int],
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if indicator is None:
        errors["indicator"] = [
            _("Indicator %(code)s is not in this case's framework.") % {"code": item.indicator}
        ]
    if rater is None:
        errors["rater"] = [_("No rater %(id)s in this case.") % {"id": item.rater}]
    problem = outside_scale(item.value, scale)
    if problem:
        errors["value"] = [problem]
    return errors


def _checked(rating: Rating) -> dict[str, list[str]]:
    """The model's own field checks (choices, lengths), without a query per row."""
    try:
        rating.full_clean(
            exclude=["case", "indicator", "rater"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        return error.message_dict
    return {}


def ratings_upsert(*, case: Case, items: Sequence[RatingItem], user: User | None) -> list[Rating]:
    """Creates or replaces each (indicator, rater)'s rating; the same pair twice: the last wins.
    All or nothing: one bad item and nothing is saved, the errors keyed by item index; a stale
    `version` raises EditConflict (with the item's index) and nothing is saved."""
    check_batch_size(len(items))
    indicators = {i.code: i for i in Indicator.objects.filter(framework_id=case.framework_id)}
    raters = {r.pk: r for r in Rater.objects.filter(case=case)}
    scale = selectors.scale_values(case)
    errors: dict[str, Any] = {}
    with transaction.atomic():
        by_pk = {indicator.pk: indicator for indicator in indicators.values()}
        ratings: dict[tuple[int, int], Rating] = {}
        for stored in Rating.objects.select_for_update().filter(case=case).order_by("pk"):
            # The indicators are loaded already: no query per rating when it is shown.
            stored.indicator = by_pk[stored.indicator_id]
            ratings[(stored.indicator_id, stored.rater_id)] = stored
        created: dict[tuple[int, int], Rating] = {}
        changed: dict[tuple[int, int], Rating] = {}
        saved: list[Rating] = []
        now = timezone.now()
        for index, item in enumerate(items):
            indicator, rater = indicators.get(item.indicator), raters.get(item.rater)
            problems = _item_errors(item, indicator, rater, scale)
            if problems or indicator is None or rater is None:
                errors[str(index)] = problems
                continue
            key = (indicator.pk, rater.pk)
            current = ratings.get(key)
            if item.version is not None and (current.version if current else 0) != item.version:
                conflict = EditConflict(current)
                conflict.index = index
                raise conflict
            values = {name: getattr(item, name) for name in EDITED}
            rating = current or Rating(case=case, indicator=indicator, rater=rater, **values)
            if current is None:
                ratings[key] = created[key] = rating
            elif any(getattr(rating, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(rating, name, value)
                if key not in created and key not in changed:
                    rating.version += 1
                    changed[key] = rating
                rating.updated = now
            problems = _checked(rating)
            if problems:
                errors[str(index)] = problems
            saved.append(rating)
        if errors:
            raise ApplicationError(
                _("%(count)d of %(total)d ratings are invalid; none was saved.")
                % {"count": len(errors), "total": len(items)},
                detail=errors,
            )
        if not created and not changed:
            return saved
        try:
            with transaction.atomic():
                bulk_create_with_history(list(created.values()), Rating, default_user=user)
        except IntegrityError:
            # A first save of the same pair committed meanwhile: theirs stands.
            current = Rating.objects.filter(
                case=case,
                indicator_id__in=[k[0] for k in created],
                rater_id__in=[k[1] for k in created],
            ).first()
            raise EditConflict(current) from None
        bulk_update_with_history(
            list(changed.values()),
            Rating,
            [*EDITED, "version", "updated"],
            default_user=user,
        )
        # Once for the whole list, in the same transaction.
        case_results_store(cases=[case])
    return saved
