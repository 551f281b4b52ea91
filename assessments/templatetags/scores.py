"""Template helpers that show the scoring core's results: verdict words and the radar chart."""

from __future__ import annotations

from typing import Any

from django import template

from common.charts import radar_chart

from .. import scoring

register = template.Library()


@register.filter
def level_label(level: scoring.Level | None) -> str:
    """A verdict's words, or "not assessed"."""
    return scoring.level_label(level)


@register.filter
def rating_value(value: Any) -> str:
    """A rater's level as given, or "not assessed" when empty."""
    return scoring.level_label(None) if value in (None, "") else str(value)


@register.inclusion_tag("common/_radar.svg")
def radar(score: scoring.CaseScore) -> dict[str, Any]:
    """The variable scores as a radar chart: the same SVG on the case page and in the PDF."""
    scale = score.framework.scale
    return {
        "radar": radar_chart(
            [(verdict.spec.code, verdict.score) for verdict in score.variables],
            lowest=scale.minimum,
            highest=scale.maximum,
        )
    }
