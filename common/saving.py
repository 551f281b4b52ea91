"""How services write: validate, record who, refuse unknown fields and stale versions."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Protocol, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from .errors import ApplicationError

ModelT = TypeVar("ModelT", bound=models.Model)


def validated_save(instance: ModelT, *, user: AbstractBaseUser | None = None) -> ModelT:
    """full_clean() then save(): every service writes through here; `user` is recorded as
    the author of the history entry."""
    instance.full_clean()
    if user is not None and getattr(user, "is_authenticated", False):
        # django-simple-history reads this for the "who" of the history row.
        instance._history_user = user  # type: ignore[attr-defined]
    instance.save()
    return instance


def apply_fields(instance: ModelT, fields: Mapping[str, Any], allowed: Collection[str]) -> ModelT:
    """Sets the given fields on an instance, refusing any the caller may not change."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


def next_order(siblings: QuerySet[Any]) -> int:
    """The position after the last of `siblings`, rows with an `order` field."""
    highest: int | None = siblings.aggregate(m=Max("order"))["m"]
    return (highest or 0) + 1


class Versioned(Protocol):
    version: int


class EditConflict(ApplicationError):
    """Someone saved a newer version since the form was loaded; `current` is what they saved."""

    def __init__(self, current: Any) -> None:
        super().__init__(
            _(
                "Someone else changed this since you opened it. Their version is shown; nothing "
                "was saved."
            )
        )
        self.current = current
        # Which item of a list conflicted, where the save was a list.
        self.index: int | None = None


def check_version(current: Versioned | None, expected_version: int | None) -> None:
    """Optimistic locking: `expected_version` 0 means "there was nothing when I loaded it"."""
    if expected_version is None:
        return
    if (current.version if current is not None else 0) != expected_version:
        raise EditConflict(current)
