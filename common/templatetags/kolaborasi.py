from __future__ import annotations

from typing import Any

from django import template

from common.numbers import format_rupiah, indonesian_number

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any] | None, key: Any) -> Any:
    return mapping.get(str(key), "") if mapping else ""


@register.filter
def rupiah(value: Any) -> str:
    return format_rupiah(value)


@register.filter
def id_number(value: Any, places: int = 2) -> str:
    return indonesian_number(value, int(places))
