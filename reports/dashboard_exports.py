"""The dashboard to take to a meeting: "Ringkasan Pokja" as an A4 landscape PDF with the same
SVG charts, and its aggregate tables as XLSX."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from assessments import scoring
from common.spreadsheets import Sheet, workbook_bytes

from .charts import dashboard_charts
from .dashboard import Counts, Dashboard, HeatRow
from .pdf import html_to_pdf


def dashboard_pdf(board: Dashboard) -> bytes:
    html = render_to_string(
        "reports/dashboard_pdf.html", {"board": board, "charts": dashboard_charts(board)}
    )
    return html_to_pdf(html)


def _scope_line(board: Dashboard) -> str:
    scope = board.scope
    parts = [scope.place.path if scope.place else _("All of Indonesia")]
    if scope.program:
        parts.append(scope.program.name)
    if scope.year_from or scope.year_to:
        parts.append(f"{scope.year_from or '…'}–{scope.year_to or '…'}")
    parts.append(scope.framework.name)
    return " · ".join(parts)


def dashboard_sheets(board: Dashboard) -> list[Sheet]:
    codes = [code for code, _ in board.variables]
    levels = board.levels
    not_assessed = scoring.level_label(None)

    def median(value: int | None) -> Any:
        level = board.level(value)
        return f"{level.value} {level.label}" if level else "–"

    heatmap = (
        [_("Place"), _("Code"), _("Cases"), *codes],
        [
            [_row_name(row), row.place.code, row.cases]
            + [f"{median(cell.median)} (n={cell.assessed})" for cell in row.cells]
            for row in board.rows
        ],
    )

    def counted(counts: Counts) -> list[int]:
        return [
            *(counts.by_level.get(level.value, 0) for level in levels),
            counts.by_level.get(None, 0),
        ]

    distribution = (
        [_("Variable"), *[level.label for level in levels], not_assessed],
        [
            [name, *counted(counts)]
            for (_code, name), counts in zip(board.variables, board.distribution, strict=True)
        ],
    )
    weakest = (
        [_("Indicator"), _("Name"), _("Variable"), _("Mean score"), _("Cases")],
        [[w.code, w.name, w.variable, round(w.mean_score, 4), w.cases] for w in board.weakest],
    )
    trend = (
        [_("Median score per round"), *[_("Round %(n)d") % {"n": n} for n in board.years]]
        if board.scope.by_round
        else [_("Median score per year"), *[str(year) for year in board.years]],
        [
            [code]
            + [
                round(point.median_score, 4) if point.median_score is not None else None
                for point in board.trend[code]
            ]
            for code in codes
        ],
    )
    trust = (
        [_("Agreement between raters"), _("Cases")],
        [[scoring.agreement_label(key), n] for key, n in board.agreement.items()]
        + [[_("Cases with every indicator rated"), board.complete]],
    )
    scope = ([_("Scope"), _("Cases")], [[_scope_line(board), board.cases]])
    return [
        (_("Scope"), scope),
        (_("Verdicts by place"), heatmap),
        (_("Verdicts per variable"), distribution),
        (_("Weakest indicators"), weakest),
        (_("Over time"), trend),
        (_("Trust in the verdicts"), trust),
    ]


def dashboard_xlsx(board: Dashboard) -> bytes:
    return workbook_bytes(dashboard_sheets(board))


def _row_name(row: HeatRow) -> str:
    return (
        f"{row.place.name} {_('(the whole area, no finer place)')}" if row.whole else row.place.name
    )
