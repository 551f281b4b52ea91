"""The ratings template of a case: an instructions sheet, one row per indicator × rater with
what is stored already, the scale's levels as a drop-down. Filled in and uploaded, it is read
by services.rating_import with the same columns; unchanged, it changes nothing."""

from __future__ import annotations

import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from common.spreadsheets import xml_safe

from . import selectors
from .models import Case, Indicator, Rater, Rating
from .services.rating_import import COLUMNS, SHEET


def _text_cell(sheet, row: int, column: int, value: object) -> None:
    """Written as text, so "=…" stays the words it is, in Excel and when read back."""
    cell = sheet.cell(row=row, column=column, value=xml_safe(value))
    if isinstance(value, str):
        cell.data_type = "s"


def ratings_template(case: Case, language: str = "id") -> bytes:
    with translation.override(language):
        book = Workbook()
        guide = book.active
        guide.title = _("Instructions")
        levels = selectors.scale_levels(case)
        lines = [
            _("Ratings of: %(title)s") % {"title": case.title},
            _(
                "Fill in the sheet %(sheet)s: one row per indicator and rater. Choose the level "
                "from the drop-down; leave it empty for 'not assessed'."
            )
            % {"sheet": SHEET},
            _(
                "Keep the columns %(indicator)s and %(rater)s as they are: they say which "
                "rating a row is. Raters are matched by name; add new raters on the case's "
                "Raters page first."
            )
            % {"indicator": COLUMNS[0][1], "rater": COLUMNS[3][1]},
            _(
                "The whole file is checked before anything is saved: with one wrong cell "
                "nothing changes, and every error is listed by sheet, row and column."
            ),
            _("Source type: %(kinds)s. Date: YYYY-MM-DD.")
            % {"kinds": ", ".join(str(label) for _code, label in Rating.SourceType.choices)},
            _("Levels:"),
            *(f"{level.value} – {level.label}" for level in levels),
        ]
        for number, line in enumerate(lines, start=1):
            _text_cell(guide, number, 1, line)
        guide.column_dimensions["A"].width = 110
        guide["A1"].font = Font(bold=True)

        scale = book.create_sheet(_("Scale"))
        scale.append([_("Level")])
        for level in levels:
            scale.append([f"{level.value} – {level.label}"])

        sheet = book.create_sheet(str(SHEET))
        book.move_sheet(sheet, offset=-1)  # after the instructions, before the scale
        sheet.append([str(heading) for _key, heading in COLUMNS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        stored = {
            (r.indicator_id, r.rater_id): r
            for r in Rating.objects.filter(case=case).select_related("indicator")
        }
        labels = {level.value: f"{level.value} – {level.label}" for level in levels}
        kinds = dict(Rating.SourceType.choices)
        indicators = (
            Indicator.objects.filter(framework_id=case.framework_id)
            .select_related("variable")
            .order_by("variable__order", "order", "code")
        )
        raters = list(Rater.objects.filter(case=case).order_by("kind", "name"))
        row = 2
        for indicator in indicators:
            for rater in raters:
                rating = stored.get((indicator.pk, rater.pk))
                values = [
                    indicator.code,
                    indicator.name,
                    indicator.variable.name,
                    rater.name,
                    labels.get(rating.value, rating.value) if rating and rating.value else None,
                    rating.evidence if rating else None,
                    str(kinds[rating.source_type]) if rating and rating.source_type else None,
                    rating.source_detail if rating else None,
                    rating.date if rating else None,
                ]
                for column, value in enumerate(values, start=1):
                    _text_cell(sheet, row, column, value)
                row += 1
        last = max(row - 1, 2)
        level_list = DataValidation(
            type="list", formula1=f"='{scale.title}'!$A$2:$A${len(levels) + 1}", allow_blank=True
        )
        level_list.add(f"E2:E{last + 200}")
        kind_list = DataValidation(
            type="list",
            formula1='"' + ",".join(str(label) for _c, label in Rating.SourceType.choices) + '"',
            allow_blank=True,
        )
        kind_list.add(f"G2:G{last + 200}")
        sheet.add_data_validation(level_list)
        sheet.add_data_validation(kind_list)
        for letter, width in zip("ABCDEFGHI", (12, 36, 26, 24, 30, 60, 16, 30, 12), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        book.save(buffer)
    return buffer.getvalue()
