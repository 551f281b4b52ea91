"""A case's scores and ratings with evidence as XLSX and CSV for spreadsheets."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from assessments import selectors as assessment_selectors
from assessments.models import Rater
from common.spreadsheets import csv_bytes, workbook_bytes

from .chapter import Chapter


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
        if rating.rater.kind == Rater.Kind.INFORMANT:
            continue  # the informants leave the app as a panel only: in the scores
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


def panel_rows(chapter: Chapter) -> tuple[list[str], list[list[Any]]]:
    """The informant panel in aggregate, as the case page shows it: nothing of one informant,
    and only from PANEL_MIN_ANSWERS answers."""
    headers = [_("Indicator"), _("Answers"), _("Median"), _("Interquartile range")]
    panel = chapter.score.panel
    if panel is None:
        return headers, []
    withheld = assessment_selectors.panel_withheld(panel)
    if withheld:
        return headers, [[withheld, "", "", ""]]
    return headers, [
        [row.code, row.answers, float(row.median), float(row.iqr)] for row in panel.indicators
    ]


def render_xlsx(chapter: Chapter) -> bytes:
    with translation.override(chapter.language):
        sheets = [(_("Scores"), score_rows(chapter)), (_("Ratings"), rating_rows(chapter))]
        if chapter.score.panel is not None:  # a case with informants who answered
            sheets.append((_("Informant panel"), panel_rows(chapter)))
        return workbook_bytes(sheets)


def render_csv(chapter: Chapter) -> bytes:
    """Ratings with evidence, each row also carrying its variable's verdict."""
    with translation.override(chapter.language):
        headers, rows = rating_rows(chapter)
        verdicts = {v.spec.code: v.label for v in chapter.score.variables}
        return csv_bytes(
            [*headers, _("Variable verdict")],
            [[*row, verdicts.get(row[0], "")] for row in rows],
            byte_order_mark=True,
        )
