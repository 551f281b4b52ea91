"""A case's scores and ratings with evidence as XLSX and CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from .chapter import Chapter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 refuses these; Word and Excel files are XML.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """User text without the control characters that Word and Excel files cannot hold."""
    return XML_INVALID.sub("", value) if isinstance(value, str) else value


def safe_cell(value: Any) -> Any:
    """Text that Excel would run as a formula is kept as text (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + xml_safe(value)
    return xml_safe(value)


def score_rows(chapter: Chapter) -> tuple[list[str], list[list[Any]]]:
    headers = [
        _("Variable"),
        _("Variable name"),
        _("Score"),
        _("Verdict"),
        _("Computed"),
        _("Coverage"),
        _("Explanation"),
    ]
    rows = []
    for verdict in chapter.score.variables:
        rated, total = verdict.coverage
        rows.append(
            [
                verdict.spec.code,
                verdict.spec.name,
                round(float(verdict.score), 4) if verdict.score is not None else None,
                verdict.label,
                verdict.computed_label,
                f"{rated}/{total}",
                verdict.explanation,
            ]
        )
    overall = chapter.score.overall
    rows.append(
        [
            "",
            _("Overall"),
            None,
            overall.label,
            overall.computed_label,
            "",
            overall.explanation,
        ]
    )
    return headers, rows


def rating_rows(chapter: Chapter) -> tuple[list[str], list[list[Any]]]:
    headers = [
        _("Variable"),
        _("Indicator"),
        _("Indicator name"),
        _("Rater"),
        _("Kind"),
        _("Level"),
        _("Evidence"),
        _("Source type"),
        _("Source detail"),
        _("Date"),
    ]
    names = {
        i.spec.code: (v.spec.code, i.spec.name)
        for v in chapter.score.variables
        for i in v.indicators
    }
    rows = []
    for rating in chapter.case.ratings.all():
        variable, name = names.get(rating.indicator.code, ("", rating.indicator.code))
        rows.append(
            [
                variable,
                rating.indicator.code,
                name,
                rating.rater.name,
                rating.rater.get_kind_display(),
                rating.value,
                rating.evidence,
                rating.get_source_type_display(),
                rating.source_detail,
                rating.date.isoformat() if rating.date else "",
            ]
        )
    return headers, rows


Sheet = tuple[str, tuple[list[str], list[list[Any]]]]


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    """Sheets of (title, (headers, rows)) as an XLSX file: bold headers, wrapped cells, and
    every cell safe from formula injection."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    for index, (title, (headers, rows)) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title[:31]
        sheet.append([safe_cell(h) for h in headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([safe_cell(value) for value in row])
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width, 8), 60)
            for cell in column[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_xlsx(chapter: Chapter) -> bytes:
    with translation.override(chapter.language):
        return workbook_bytes(
            [(_("Scores"), score_rows(chapter)), (_("Ratings"), rating_rows(chapter))]
        )


def render_csv(chapter: Chapter) -> bytes:
    """Ratings with evidence, each row also carrying its variable's verdict."""
    with translation.override(chapter.language):
        headers, rows = rating_rows(chapter)
        verdicts = {v.spec.code: v.label for v in chapter.score.variables}
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([*headers, _("Variable verdict")])
        for row in rows:
            writer.writerow([safe_cell(value) for value in [*row, verdicts.get(row[0], "")]])
    # A byte-order mark so Excel opens the Indonesian text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
