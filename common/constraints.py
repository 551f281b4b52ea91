"""Database rules that several models share."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


def empty_or_not_negative(field: str, *, name: str) -> models.CheckConstraint:
    """An optional amount, volume or area is either empty or at least zero."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}), name=name
    )
