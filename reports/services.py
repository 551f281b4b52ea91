"""Report building: one entry point for the pages, the API and the batch task."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from assessments.models import Case

from .chapter import build_chapter

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@dataclass(frozen=True)
class Report:
    content: bytes
    content_type: str
    filename: str


def case_report(*, case: Case, kind: str, language: str = "id") -> Report:
    from . import docx, exports, pdf

    chapter = build_chapter(case, language)
    renderers = {
        "pdf": pdf.render_pdf,
        "docx": docx.render_docx,
        "xlsx": exports.render_xlsx,
        "csv": exports.render_csv,
    }
    stem = "bab-v" if kind in ("pdf", "docx") else "skor"
    name = f"{stem}-{case.pk}-{slugify(case.title)[:50]}-{language}.{kind}"
    return Report(renderers[kind](chapter), CONTENT_TYPES[kind], name)
