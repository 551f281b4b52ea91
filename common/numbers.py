"""Numbers the Indonesian way (1.234,56; Rp 19.762.620.000,00), in one place."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django.utils.translation import get_language

Number = Fraction | float | Decimal | int


def english_active() -> bool:
    return (get_language() or "id").startswith("en")


def format_number(value: Number, places: int = 2, *, language: str | None = None) -> str:
    """Indonesian style (1.234,56) unless the language, given or active, is English."""
    text = f"{float(value):,.{places}f}"
    english = language.startswith("en") if language else english_active()
    if english:
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def indonesian_number(value: Number | str | None, places: int = 2) -> str:
    """Money, areas and volumes read the Indonesian way whatever the language; "" when empty."""
    if value is None or value == "":
        return ""
    return format_number(float(value), places, language="id")


def format_rupiah(value: Number | str | None) -> str:
    """Rp 19.762.620.000,00; a dash when there is no amount."""
    if value is None or value == "":
        return "—"
    # A no-break space keeps "Rp" with its number when a table cell wraps.
    return f"Rp\u00a0{indonesian_number(value)}"
