from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: Any) -> Any:
    return mapping.get(str(key), "") if mapping else ""


def indonesian_number(value: Any, places: int = 2) -> str:
    """1.234,56: the Indonesian way, whatever the interface language."""
    if value is None or value == "":
        return ""
    text = f"{float(value):,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@register.filter
def rupiah(value: Any) -> str:
    # A no-break space keeps "Rp" with its number when a table cell wraps.
    return f"Rp\u00a0{indonesian_number(value)}" if value not in (None, "") else "—"


@register.filter
def id_number(value: Any, places: int = 2) -> str:
    return indonesian_number(value, int(places))
