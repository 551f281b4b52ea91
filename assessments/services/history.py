"""Restoring an earlier version of a rating or a conclusion; the restore is history too."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError

from ..models import Conclusion, Rating, User
from .conclusions import conclusion_set
from .ratings import rating_upsert


@transaction.atomic
def rating_restore(*, rating: Rating, history_id: int, user: User) -> Rating:
    """Brings back an earlier value of a rating; the restore itself is a new history entry."""
    old = rating.history.filter(history_id=history_id).first()
    if old is None:
        raise ApplicationError(_("That earlier version does not exist."))
    return rating_upsert(
        case=rating.case,
        rater=rating.rater,
        indicator=rating.indicator,
        value=old.value,
        evidence=old.evidence,
        source_type=old.source_type,
        source_detail=old.source_detail,
        date=old.date,
        user=user,
    )


@transaction.atomic
def conclusion_restore(*, conclusion: Conclusion, history_id: int, user: User) -> Conclusion:
    old = conclusion.history.filter(history_id=history_id).first()
    if old is None:
        raise ApplicationError(_("That earlier version does not exist."))
    return conclusion_set(
        case=conclusion.case,
        variable=conclusion.variable,
        narrative=old.narrative,
        override_level=old.override_level,
        override_reason=old.override_reason,
        user=user,
    )
