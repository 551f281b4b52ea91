"""The dashboard's charts: its aggregates as plain-number geometry for the SVG templates,
the same in the page and in a PDF."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from assessments import scoring
from common.charts import (
    LEVEL_COLOURS,
    LEVEL_TEXT,
    NOT_ASSESSED_COLOUR,
    line_chart,
    stacked_bars,
)

from .dashboard import Counts, Dashboard

AGREEMENT_COLOURS = {
    "reliable": "#2c7bb6",
    "tentative": "#abd9e9",
    "unreliable": "#fdae61",
    "not_computable": NOT_ASSESSED_COLOUR,
}


def level_colour(level: int | None, levels: list[scoring.Level]) -> str:
    values = [lv.value for lv in levels]
    if level is None or level not in values:
        return NOT_ASSESSED_COLOUR
    # Spread the palette over the scale, lowest level red, highest blue.
    position = values.index(level) * (len(LEVEL_COLOURS) - 1) // max(len(values) - 1, 1)
    return LEVEL_COLOURS[position]


def _segments(counts: Counts, levels: list[scoring.Level]) -> list[tuple[str, int, str]]:
    segments = [
        (level.label, counts.by_level.get(level.value, 0), level_colour(level.value, levels))
        for level in levels
    ]
    segments.append((scoring.level_label(None), counts.by_level.get(None, 0), NOT_ASSESSED_COLOUR))
    return segments


def heatmap_cell(counts: Counts, board: Dashboard) -> dict[str, Any]:
    """What a heatmap cell shows: its median level in words and colour, and its counts."""
    level = board.level(counts.median)
    colour = level_colour(counts.median, board.levels)
    per_level = [(lv, counts.by_level.get(lv.value, 0)) for lv in board.levels]
    # Written out here once: in template loops they cost most of a province's page.
    spoken = ", ".join(f"{lv.label} {n}" for lv, n in per_level)
    return {
        "level": level,
        "colour": colour,
        "text": LEVEL_TEXT[LEVEL_COLOURS.index(colour)] if colour in LEVEL_COLOURS else "#1d2433",
        "assessed": counts.assessed,
        "counts": per_level,
        "hover": "; ".join(f"{lv.label}: {n}" for lv, n in per_level),
        "spoken": f"{level.label}; {spoken}" if level else spoken,
        "shown": " · ".join(f"{lv.value}: {n}" for lv, n in per_level),
    }


def dashboard_charts(board: Dashboard) -> dict[str, Any]:
    levels = board.levels
    return {
        "heatmap": [(row, [heatmap_cell(cell, board) for cell in row.cells]) for row in board.rows],
        "distribution_rows": [
            (name, [n for _label, n, _colour in _segments(counts, levels)])
            for (_code, name), counts in zip(board.variables, board.distribution, strict=True)
        ],
        "legend": [
            {"label": level.label, "colour": level_colour(level.value, levels)} for level in levels
        ]
        + [{"label": scoring.level_label(None), "colour": NOT_ASSESSED_COLOUR}],
        "distribution": stacked_bars(
            [
                (name, _segments(counts, levels))
                for (_code, name), counts in zip(board.variables, board.distribution, strict=True)
            ]
        ),
        "trend": line_chart(
            [
                (code, [(point.year, point.median_score) for point in board.trend[code]])
                for code, _ in board.variables
            ],
            lowest=levels[0].value if levels else 1,
            highest=levels[-1].value if levels else 4,
        ),
        "agreement": stacked_bars(
            [
                (
                    _("Agreement"),
                    [
                        (scoring.agreement_label(key), board.agreement.get(key, 0), colour)
                        for key, colour in AGREEMENT_COLOURS.items()
                    ],
                )
            ]
        ),
        "agreement_rows": [
            (scoring.agreement_label(key), board.agreement.get(key, 0), colour)
            for key, colour in AGREEMENT_COLOURS.items()
        ],
    }
