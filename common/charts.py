"""Geometry of the server-rendered SVG charts: plain numbers in, points out, so the same
template draws the chart in a page and in a PDF."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from .numbers import Number


def radar_chart(
    axes: Sequence[tuple[str, Number | None]],
    *,
    lowest: Number,
    highest: Number,
    size: int = 360,
) -> dict[str, Any]:
    """A radar chart: a spoke per (label, value), `highest` at the rim. A value of None (not
    assessed) sits at the centre; `lowest` sits at a fifth of the radius so it stays visible."""
    centre, radius = size / 2, size / 2 - 70
    low, high = float(lowest), float(highest)
    count = max(len(axes), 3)

    def point(index: int, fraction: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        return (
            round(centre + radius * fraction * math.cos(angle), 1),
            round(centre + radius * fraction * math.sin(angle), 1),
        )

    spokes, values = [], []
    for index, (label, value) in enumerate(axes):
        x, y = point(index, 1.0)
        lx, ly = point(index, 1.18)
        spokes.append(
            {
                "x": x,
                "y": y,
                "label_x": lx,
                "label_y": ly,
                "label": label,
                "anchor": "middle"
                if abs(lx - centre) < 10
                else ("start" if lx > centre else "end"),
            }
        )
        fraction = 0.0
        if value is not None:
            fraction = (float(value) - low) / (high - low) * 0.8 + 0.2
        values.append(point(index, fraction))
    rings = []
    for step in range(1, 5):
        ring = [point(i, step / 4) for i in range(len(axes))]
        rings.append(" ".join(f"{x},{y}" for x, y in ring))
    return {
        "size": size,
        "spokes": spokes,
        "centre": centre,
        "rings": rings,
        "polygon": " ".join(f"{x},{y}" for x, y in values),
    }
