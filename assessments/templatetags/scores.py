"""Template helpers that show the scoring core's results: verdict words, the radar chart and
the line of each variable across rounds."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from common.charts import line_chart, radar_chart

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


@register.inclusion_tag("common/_lines.svg")
def round_lines(
    lines: dict[str, list[tuple[int, float | None]]], score: scoring.CaseScore, id: str
) -> dict[str, Any]:
    """Each variable's score in every round (by the round's end year): page, PDF and DOCX."""
    scale = score.framework.scale
    return {
        "lines": line_chart(list(lines.items()), lowest=scale.minimum, highest=scale.maximum),
        "id": id,
        "title": _("Variable scores across rounds"),
        "description": "; ".join(
            f"{code}: " + ", ".join(f"{year} {s if s is not None else '–'}" for year, s in points)
            for code, points in lines.items()
        ),
    }
