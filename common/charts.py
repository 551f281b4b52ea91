"""Geometry of the server-rendered SVG charts: plain numbers in, points out, so the same
template draws the chart in a page and in a PDF."""

from __future__ import annotations

import itertools
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


# ColorBrewer RdYlBu, four classes: told apart with every common colour-vision deficiency.
LEVEL_COLOURS = ("#d7191c", "#fdae61", "#abd9e9", "#2c7bb6")
LEVEL_TEXT = ("#ffffff", "#1d2433", "#1d2433", "#ffffff")
NOT_ASSESSED_COLOUR = "#d0d4dc"


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[tuple[str, int, str]]]],
    *,
    width: int = 560,
    label_width: int = 150,
    bar: int = 22,
    gap: int = 10,
) -> dict[str, Any]:
    """Horizontal bars, each split into (name, count, colour) segments by its share."""
    plot = width - label_width - 10
    drawn = []
    for index, (label, segments) in enumerate(rows):
        total = sum(count for _, count, _ in segments) or 1
        y, x = index * (bar + gap), float(label_width)
        parts = []
        for name, count, colour in segments:
            w = plot * count / total
            if count:
                parts.append({"x": round(x, 1), "w": round(w, 1), "colour": colour, "name": name})
                parts[-1]["count"] = count
            x += w
        drawn.append({"label": label, "y": y, "text_y": y + bar / 2, "segments": parts})
    return {
        "width": width,
        "height": max(len(rows), 1) * (bar + gap),
        "bar": bar,
        "label_width": label_width - 8,
        "rows": drawn,
    }


def line_chart(
    series: Sequence[tuple[str, Sequence[tuple[int, Number | None]]]],
    *,
    lowest: Number,
    highest: Number,
    width: int = 560,
    height: int = 220,
) -> dict[str, Any]:
    """Lines over the same x values (years); a missing value breaks its line."""
    xs = sorted({x for _, points in series for x, _ in points})
    left, right, top, bottom = 40, 90, 12, 28
    low, high = float(lowest), float(highest)

    def at_x(x: int) -> float:
        if len(xs) < 2:
            return left + (width - left - right) / 2
        return left + (width - left - right) * (x - xs[0]) / (xs[-1] - xs[0])

    def at_y(y: float) -> float:
        return top + (height - top - bottom) * (1 - (y - low) / ((high - low) or 1))

    lines: list[dict[str, Any]] = []
    for index, (label, points) in enumerate(series):
        runs: list[list[str]] = [[]]
        last = None
        for x, y in points:
            if y is None:
                runs.append([])
                continue
            last = (round(at_x(x), 1), round(at_y(float(y)), 1))
            runs[-1].append(f"{last[0]},{last[1]}")
        lines.append(
            {
                "label": label,
                "dash": ["", "6 3", "2 3", "8 3 2 3", "1 2"][index % 5],
                "runs": [" ".join(run) for run in runs if run],
                "label_x": width - right + 6,
                "label_y": last[1] if last else top,
            }
        )
    # Labels at the lines' ends, nudged apart so close lines stay readable.
    ordered = sorted(lines, key=lambda line: line["label_y"])
    for previous, line in itertools.pairwise(ordered):
        line["label_y"] = max(line["label_y"], previous["label_y"] + 11)
    ticks = [
        {"value": value, "y": round(at_y(value), 1)} for value in range(int(low), int(high) + 1)
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right_x": width - right,
        "bottom_y": height - bottom,
        "years": [{"value": x, "x": round(at_x(x), 1)} for x in xs],
        "ticks": ticks,
        "lines": lines,
    }
