"""Ratings from a spreadsheet (the case's template, filled in, or any XLSX/CSV with its
columns): every row checked first, a preview of what would change, then one all-or-nothing
save through `ratings_upsert`, the service the API's list save uses, so history, optimistic
locking and the stored scores stay true."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.uploads import CellError, Plan, Table, file_refused, read_tables, refused, status_label

from .. import selectors
from ..models import Case, Indicator, Rater, Rating, User
from .rating_lists import RatingItem, ratings_upsert

# The columns of the sheet, in order: (key, heading). Headings are matched without regard to
# case or spaces, so a researcher's own sheet with these headings reads as well.
COLUMNS = (
    ("indicator", gettext_lazy("Indicator code")),
    ("indicator_name", gettext_lazy("Indicator")),
    ("variable", gettext_lazy("Variable")),
    ("rater", gettext_lazy("Rater")),
    ("value", gettext_lazy("Level")),
    ("evidence", gettext_lazy("Evidence")),
    ("source_type", gettext_lazy("Source type")),
    ("source_detail", gettext_lazy("Source detail")),
    ("date", gettext_lazy("Date")),
)
REQUIRED = ("indicator", "rater", "value")
SHEET = gettext_lazy("Ratings")
LEADING_NUMBER = re.compile(r"^\s*(-?\d+)(?:[.,]0+)?(?:\s|$|[–—-])")


@dataclass
class RowPlan:
    row: int
    indicator: str
    rater: str
    status: str  # "new", "changed", "unchanged"
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def cells(self) -> list[object]:
        value = self.after.get("value")
        if self.status == "changed" and self.before.get("value") != value:
            return [
                self.indicator,
                self.rater,
                f"{level_shown(self.before.get('value'))} → {level_shown(value)}",
            ]
        return [self.indicator, self.rater, level_shown(value)]


@dataclass
class ImportPlan(Plan):
    rows: list[RowPlan] = field(default_factory=list)
    items: list[RatingItem] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [_("Indicator"), _("Rater"), _("Level")]


def level_shown(value: object) -> str:
    return _("not assessed") if value is None else str(value)


def _heading_key(text: str) -> str:
    return " ".join(str(text).lower().split())


def _columns(table: Table) -> tuple[dict[str, int], list[CellError]]:
    known = {_heading_key(str(heading)): key for key, heading in COLUMNS}
    known.update({key: key for key, _heading in COLUMNS})  # the codes, for scripts
    positions: dict[str, int] = {}
    for index, heading in enumerate(table.header):
        key = known.get(_heading_key(heading))
        if key is not None:
            positions.setdefault(key, index)
    missing = [str(h) for k, h in COLUMNS if k in REQUIRED and k not in positions]
    errors = [
        CellError(table.sheet, 1, name, _("This column is missing from the first row."))
        for name in missing
    ]
    return positions, errors


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _level(value: Any) -> tuple[int | None, bool]:
    """(level, readable): empty is "not assessed"; "3", 3, 3.0 and "3 – Baik …" are 3."""
    if value is None or _text(value) == "":
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int):
        return value, True
    if isinstance(value, float):
        return (int(value), True) if value.is_integer() else (None, False)
    match = LEADING_NUMBER.match(str(value) + " ")
    return (int(match.group(1)), True) if match else (None, False)


def _date(value: Any) -> tuple[datetime.date | None, bool]:
    if value is None or _text(value) == "":
        return None, True
    if isinstance(value, datetime.datetime):
        return value.date(), True
    if isinstance(value, datetime.date):
        return value, True
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(_text(value), pattern).date(), True
        except ValueError:
            continue
    return None, False


def _source_types() -> dict[str, str]:
    """Code or label (in either language) to code."""
    names = {}
    for code, label in Rating.SourceType.choices:
        names[code] = code
        names[str(label).lower()] = code
    return names


def _stored(case: Case) -> dict[tuple[str, int], Rating]:
    return {
        (r.indicator.code, r.rater_id): r
        for r in Rating.objects.filter(case=case).select_related("indicator")
    }


def _shown(rating: Rating | RatingItem | None) -> dict[str, Any]:
    if rating is None:
        return {}
    return {
        "value": rating.value,
        "evidence": rating.evidence,
        "source_type": rating.source_type,
        "source_detail": rating.source_detail,
        "date": rating.date.isoformat() if rating.date else None,
    }


def ratings_plan(*, case: Case, content: bytes, filename: str) -> ImportPlan:
    """What the file would change, row by row; every bad cell raises, all listed at once, as
    ApplicationError whose detail is {"file": [{sheet, row, column, message}, …]}."""
    tables = read_tables(content, filename)
    if not tables:
        raise file_refused(_("The file has no sheet to read."))
    # The first sheet with the rating columns (the template's instructions come before it).
    readings = [(t, *_columns(t)) for t in tables]
    table, positions, errors = next(
        (reading for reading in readings if not reading[2]),
        next((r for r in readings if r[0].sheet == str(SHEET)), readings[0]),
    )
    if errors:
        raise refused(errors)
    indicators = {i.code: i for i in Indicator.objects.filter(framework_id=case.framework_id)}
    raters = {r.name.strip().lower(): r for r in Rater.objects.filter(case=case)}
    scale = selectors.scale_values(case)
    source_types = _source_types()
    stored = _stored(case)
    headings = dict(COLUMNS)
    seen: dict[tuple[str, int], int] = {}
    plan = ImportPlan(rows=[], items=[])

    def cell(row: list[Any], key: str) -> Any:
        index = positions.get(key)
        return row[index] if index is not None and index < len(row) else None

    if len(table.rows) > settings.IMPORT_MAX_ROWS:
        raise file_refused(
            _("At most %(limit)d rows can be imported at once; this sheet has %(count)d.")
            % {"limit": settings.IMPORT_MAX_ROWS, "count": len(table.rows)}
        )
    for offset, row in enumerate(table.rows):
        number = table.first_row + offset
        if all(_text(v) == "" for v in row):
            continue

        def fail(key: str, message: str, number: int = number) -> None:
            errors.append(CellError(table.sheet, number, str(headings[key]), message))

        code = _text(cell(row, "indicator")).upper()
        indicator = indicators.get(code)
        if indicator is None:
            fail(
                "indicator",
                _("Indicator %(code)s is not in this case's framework.") % {"code": code or "—"},
            )
        name = _text(cell(row, "rater"))
        rater = raters.get(name.lower())
        if rater is None:
            fail("rater", _("No rater named %(name)s in this case.") % {"name": name or "—"})
        value, readable = _level(cell(row, "value"))
        if not readable:
            fail("value", _("%(value)s is not a level.") % {"value": _text(cell(row, "value"))})
        elif value is not None and value not in scale:
            fail(
                "value",
                _("Level %(value)s is outside the scale (%(levels)s).")
                % {"value": value, "levels": ", ".join(map(str, scale))},
            )
        when, readable_date = _date(cell(row, "date"))
        if not readable_date:
            fail("date", _("Write the date as YYYY-MM-DD or DD/MM/YYYY."))
        kind = _text(cell(row, "source_type")).lower()
        source_type = source_types.get(kind, "") if kind else ""
        if kind and not source_type:
            fail("source_type", _("Unknown source type %(kind)s.") % {"kind": kind})
        detail = _text(cell(row, "source_detail"))
        if len(detail) > Rating._meta.get_field("source_detail").max_length:  # type: ignore[operator]
            fail("source_detail", _("At most 300 characters."))
        if indicator is None or rater is None:
            continue
        key = (indicator.code, rater.pk)
        if key in seen:
            fail(
                "rater",
                _("The same indicator and rater are in row %(row)d too.") % {"row": seen[key]},
            )
            continue
        seen[key] = number
        item = RatingItem(
            indicator=indicator.code,
            rater=rater.pk,
            value=value,
            evidence=_text(cell(row, "evidence")),
            source_type=source_type,
            source_detail=detail,
            date=when,
        )
        current = stored.get(key)
        if current is None and value is None and not (item.evidence or detail or kind or when):
            continue  # a template row left as it came: nothing to rate yet
        before, after = _shown(current), _shown(item)
        status = "new" if current is None else ("unchanged" if before == after else "changed")
        plan.rows.append(RowPlan(number, indicator.code, rater.name, status, before, after))
        plan.items.append(item)
    if errors:
        raise refused(errors)
    if not plan.rows:
        raise file_refused(_("The file has no rating rows."))
    return plan


@transaction.atomic
def ratings_import(*, case: Case, content: bytes, filename: str, user: User | None) -> ImportPlan:
    """Checks the whole file, then saves its new and changed ratings in one transaction;
    the same file again changes nothing."""
    plan = ratings_plan(case=case, content=content, filename=filename)
    changes = [
        item for item, row in zip(plan.items, plan.rows, strict=True) if row.status != "unchanged"
    ]
    size = settings.RATINGS_PER_REQUEST
    for start in range(0, len(changes), size):
        ratings_upsert(case=case, items=changes[start : start + size], user=user)
    return plan
