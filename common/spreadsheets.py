"""Every CSV and spreadsheet the app serves is written here, so every cell is safe: text that
Excel or LibreOffice would run as a formula stays text (OWASP CSV injection), and control
characters that XLSX (XML) cannot hold are dropped."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 refuses these; Word and Excel files are XML.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Sheet = tuple[str, tuple[list[str], list[list[Any]]]]


def xml_safe(value: Any) -> Any:
    """User text without the control characters that Word and Excel files cannot hold."""
    return XML_INVALID.sub("", value) if isinstance(value, str) else value


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + xml_safe(value)
    return xml_safe(value)


def csv_bytes(
    header: Sequence[Any], rows: Iterable[Sequence[Any]], *, byte_order_mark: bool = False
) -> bytes:
    """Rows as UTF-8 CSV, every cell safe; the byte-order mark lets Excel read Indonesian
    text as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(value) for value in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return (("\ufeff" if byte_order_mark else "") + buffer.getvalue()).encode("utf-8")


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    """Sheets of (title, (headers, rows)) as an XLSX file: bold headers, wrapped cells, and
    every cell safe."""
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
