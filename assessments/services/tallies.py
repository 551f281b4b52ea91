"""Keeping the tallies (counts of published cases' stored results per province, program, year
and framework) equal to the stored results they count.

A service that changes stored results, or what decides where a case is counted (its status,
program, place, end year or framework), runs the change inside `tallies_kept(cases)`: the
cases' counted contribution is read before and after, and only the difference is written.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.db.models import QuerySet, Sum

from ..models import (
    Case,
    CaseResult,
    CaseTally,
    IndicatorResult,
    IndicatorTally,
    VariableResult,
    VariableTally,
)

GROUP = ("framework_id", "program_id", "province", "year_end")
VARIABLE_KEY = (*GROUP, "code", "level", "score")
INDICATOR_KEY = (*GROUP, "code")
CASE_KEY = (*GROUP, "agreement", "complete")
# Indicator sums may differ from a fresh count by float rounding, never by more.
TOTAL_TOLERANCE = 1e-6

Key = tuple[Any, ...]
Row = TypeVar("Row", bound=models.Model)


@dataclass
class Tallies:
    variables: dict[Key, int] = field(default_factory=lambda: defaultdict(int))
    indicators: dict[Key, tuple[int, float]] = field(default_factory=dict)
    cases: dict[Key, int] = field(default_factory=lambda: defaultdict(int))


# One statement for the three counts: on the hot path of every rating write, compiling three
# ORM aggregates cost more than running them.
_COUNT_SQL = """
SELECT 'v', c.framework_id, c.program_id, SUBSTR(c.place_id, 1, 2), c.year_end,
       r.code, r.level, r.score, COUNT(*), NULL
  FROM {variables} r JOIN {cases} c ON c.id = r.case_id
 WHERE c.status = %s AND r.case_id IN ({ids})
 GROUP BY c.framework_id, c.program_id, SUBSTR(c.place_id, 1, 2), c.year_end,
       r.code, r.level, r.score
UNION ALL
SELECT 'i', c.framework_id, c.program_id, SUBSTR(c.place_id, 1, 2), c.year_end,
       r.code, NULL, NULL, COUNT(*), SUM(r.score)
  FROM {indicators} r JOIN {cases} c ON c.id = r.case_id
 WHERE c.status = %s AND r.case_id IN ({ids}) AND r.score IS NOT NULL
 GROUP BY c.framework_id, c.program_id, SUBSTR(c.place_id, 1, 2), c.year_end, r.code
UNION ALL
SELECT 'c', c.framework_id, c.program_id, SUBSTR(c.place_id, 1, 2), c.year_end,
       r.agreement, CASE WHEN r.complete THEN 1 ELSE 0 END, NULL, COUNT(*), NULL
  FROM {results} r JOIN {cases} c ON c.id = r.case_id
 WHERE c.status = %s AND r.case_id IN ({ids})
 GROUP BY c.framework_id, c.program_id, SUBSTR(c.place_id, 1, 2), c.year_end,
       r.agreement, r.complete
"""


def tallies_count(cases: QuerySet[Case]) -> Tallies:
    """What these cases count for, from their stored results: one query."""
    ids, id_params = cases.values("pk").query.sql_with_params()
    sql = _COUNT_SQL.format(
        variables=VariableResult._meta.db_table,
        indicators=IndicatorResult._meta.db_table,
        results=CaseResult._meta.db_table,
        cases=Case._meta.db_table,
        ids=ids,
    )
    params = [Case.Status.PUBLISHED.value, *id_params] * 3
    counted = Tallies()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for part, *group, code, level, score, n, total in cursor.fetchall():
            if part == "v":
                counted.variables[(*group, code, level, score)] += n
            elif part == "i":
                counted.indicators[(*group, code)] = (n, float(total))
            else:
                counted.cases[(*group, code, bool(level))] += n
    return counted


def _key(row: dict[str, Any], names: tuple[str, ...]) -> Key:
    return tuple(row[name] for name in names)


def tallies_stored() -> Tallies:
    """The tallies as stored, duplicate keys summed: three queries."""
    stored = Tallies()
    for row in VariableTally.objects.values(*VARIABLE_KEY).annotate(n=Sum("cases")):
        if row["n"]:
            stored.variables[_key(row, VARIABLE_KEY)] += row["n"]
    for row in IndicatorTally.objects.values(*INDICATOR_KEY).annotate(
        n=Sum("scored"), sum=Sum("total")
    ):
        if row["n"]:
            stored.indicators[_key(row, INDICATOR_KEY)] = (row["n"], row["sum"])
    for row in CaseTally.objects.values(*CASE_KEY).annotate(n=Sum("cases")):
        if row["n"]:
            stored.cases[_key(row, CASE_KEY)] += row["n"]
    return stored


def tallies_differences() -> list[str]:
    """Where the stored tallies disagree with a fresh count of every case's stored results."""
    fresh, stored = tallies_count(Case.objects.all()), tallies_stored()
    differences = [
        f"{name} {key}: {stored_counts.get(key)} stored, {fresh_counts.get(key)} counted"
        for name, fresh_counts, stored_counts in (
            ("variable", fresh.variables, stored.variables),
            ("case", fresh.cases, stored.cases),
        )
        for key in sorted(set(fresh_counts) | set(stored_counts), key=repr)
        if fresh_counts.get(key, 0) != stored_counts.get(key, 0)
    ]
    for key in sorted(set(fresh.indicators) | set(stored.indicators), key=repr):
        (n, total), (m, other) = (
            fresh.indicators.get(key, (0, 0.0)),
            stored.indicators.get(key, (0, 0.0)),
        )
        if n != m or not math.isclose(total, other, abs_tol=TOTAL_TOLERANCE):
            differences.append(f"indicator {key}: {m}, {other} stored, {n}, {total} counted")
    return differences


def _changes(before: dict[Key, Any], after: dict[Key, Any]) -> dict[Key, Any]:
    changes: dict[Key, Any] = {}
    for key in set(before) | set(after):
        old, new = before.get(key), after.get(key)
        if isinstance(old, tuple) or isinstance(new, tuple):
            (n, total), (m, other) = old or (0, 0.0), new or (0, 0.0)
            if (m - n, other - total) != (0, 0.0):
                changes[key] = (m - n, other - total)
        elif (new or 0) != (old or 0):
            changes[key] = (new or 0) - (old or 0)
    return changes


def _locked_rows(
    model: type[Row], changed: dict[Key, Any], names: tuple[str, ...]
) -> dict[Key, Row]:
    """The existing rows of the changed groups, locked in one order (so two writers of the same
    group wait for each other instead of deadlocking)."""
    if not changed:
        return {}
    columns = {name: {key[i] for key in changed} for i, name in enumerate(GROUP)}
    rows = (
        model._default_manager.select_for_update()
        .filter(**{f"{name}__in": values for name, values in columns.items()})
        .order_by("pk")
    )
    return {tuple(getattr(row, name) for name in names): row for row in rows}


def _write_changes(
    model: type[Row], changed: dict[Key, dict[str, Any]], names: tuple[str, ...], counted: str
) -> None:
    """Adds each key's changes to its row; a row whose `counted` field falls to 0 goes."""
    rows = _locked_rows(model, changed, names)
    new, updated, emptied = [], [], []
    for key, changes in changed.items():
        row = rows.get(key)
        if row is None:
            new.append(model(**dict(zip(names, key, strict=True)), **changes))
        elif getattr(row, counted) + changes[counted] == 0:
            emptied.append(row.pk)
        else:
            for name, change in changes.items():
                setattr(row, name, getattr(row, name) + change)
            updated.append(row)
    _save(model, new, updated, emptied, list(next(iter(changed.values()))))


def _save(
    model: type[Row], new: list[Row], updated: list[Row], emptied: list[int], fields: list[str]
) -> None:
    # Each statement only when it has rows: a rating write usually moves one or two keys.
    if new:
        model._default_manager.bulk_create(new)
    if updated:
        model._default_manager.bulk_update(updated, fields)
    if emptied:
        model._default_manager.filter(pk__in=emptied).delete()


def _write(before: Tallies, after: Tallies) -> None:
    if variables := _changes(before.variables, after.variables):
        _write_changes(
            VariableTally, {k: {"cases": n} for k, n in variables.items()}, VARIABLE_KEY, "cases"
        )
    if indicators := _changes(before.indicators, after.indicators):
        _write_changes(
            IndicatorTally,
            {k: {"scored": n, "total": total} for k, (n, total) in indicators.items()},
            INDICATOR_KEY,
            "scored",
        )
    if cases := _changes(before.cases, after.cases):
        _write_changes(CaseTally, {k: {"cases": n} for k, n in cases.items()}, CASE_KEY, "cases")


@contextmanager
def tallies_kept(cases: QuerySet[Case]) -> Iterator[None]:
    """Runs a change to these cases or their stored results and writes what it changed in the
    tallies, in one transaction. `cases` is re-read afterwards: pass a query by id. Not to be
    nested over the same cases: the inner change would be counted twice."""
    with transaction.atomic():
        before = tallies_count(cases)
        yield
        _write(before, tallies_count(cases))


@transaction.atomic
def tallies_rebuild() -> int:
    """Counts every case again from its stored results; the tally rows it wrote."""
    for model in (VariableTally, IndicatorTally, CaseTally):
        model._default_manager.all().delete()
    _write(Tallies(), tallies_count(Case.objects.all()))
    return sum(m._default_manager.count() for m in (VariableTally, IndicatorTally, CaseTally))
