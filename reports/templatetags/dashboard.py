"""Filters for the dashboard's figures: a level's words and colours, a count of a level."""

from __future__ import annotations

from typing import Any

from django import template

from assessments import scoring
from common.charts import LEVEL_COLOURS, LEVEL_TEXT

from ..charts import level_colour as _level_colour
from ..dashboard import Counts, Dashboard

register = template.Library()


@register.filter
def dashboard_level(board: Dashboard, value: int | None) -> scoring.Level | None:
    return board.level(value)


@register.filter
def level_colour(value: int | None, board: Dashboard) -> str:
    return _level_colour(value, board.levels)


@register.filter
def level_text(value: int | None, board: Dashboard) -> str:
    """Dark or light text, whichever reads on the level's colour."""
    colour = _level_colour(value, board.levels)
    return LEVEL_TEXT[LEVEL_COLOURS.index(colour)] if colour in LEVEL_COLOURS else "#1d2433"


@register.filter
def index(items: list[Any], position: int) -> Any:
    return items[position]


@register.filter
def level_count(counts: Counts, level: int | None) -> int:
    return counts.by_level.get(level, 0)
