"""Scores: the scoring core fed from the database, for one case or many."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from .. import scoring
from ..models import (
    Case,
    CaseResult,
    Conclusion,
    Framework,
    Rater,
    Rating,
    ScaleLevel,
    VariableResult,
)
from .frameworks import framework_spec, frameworks_with_structure
from .results import stored_case_results


def scoring_inputs(
    case_ids: list[int],
) -> tuple[dict[int, list[scoring.RatingInput]], dict[int, dict[str | None, scoring.Override]]]:
    """The ratings and overrides of these cases: two queries."""
    ratings: dict[int, list[scoring.RatingInput]] = defaultdict(list)
    for case_id, indicator_code, rater_id, value, kind in Rating.objects.filter(
        case_id__in=case_ids
    ).values_list("case_id", "indicator__code", "rater_id", "value", "rater__kind"):
        # An informant's answer is one member's of the case's panel, not a coder's rating.
        panel = kind == Rater.Kind.INFORMANT
        ratings[case_id].append(scoring.RatingInput(indicator_code, rater_id, value, panel))
    overrides: dict[int, dict[str | None, scoring.Override]] = defaultdict(dict)
    for case_id, variable_code, level, reason in Conclusion.objects.filter(
        case_id__in=case_ids, override_level__isnull=False
    ).values_list("case_id", "variable__code", "override_level", "override_reason"):
        if level is not None:
            overrides[case_id][variable_code] = scoring.Override(level, reason)
    return ratings, overrides


def case_scores_compute(cases: Iterable[Case]) -> dict[int, scoring.CaseScore]:
    """Scores computed now for many cases in six queries, however many cases, raters or
    indicators: what the services store. Readers read the stored ones (`case_score_get`)."""
    cases = list(cases)
    if not cases:
        return {}
    framework_ids = {case.framework_id for case in cases}
    frameworks = {
        framework.pk: framework_spec(framework)
        for framework in frameworks_with_structure(Framework.objects.filter(pk__in=framework_ids))
    }
    ratings, overrides = scoring_inputs([case.pk for case in cases])
    return {
        case.pk: scoring.score_case(
            frameworks[case.framework_id], ratings[case.pk], overrides[case.pk]
        )
        for case in cases
    }


def case_score_get(case: Case) -> scoring.CaseScore:
    """One case's score as stored, with its ratings and overrides: nine queries. A case with
    no stored results yet (a database from before they were kept) is scored now."""
    stored = stored_case_results([case.pk]).get(case.pk)
    if stored is None:
        return case_scores_compute([case])[case.pk]
    indicators: dict[str, dict[str, tuple[float | None, int | None]]] = defaultdict(dict)
    for row in stored.indicators:
        indicators[row.variable_code][row.code] = (row.score, row.level)
    results = scoring.StoredCase(
        variables={
            v.code: scoring.StoredVariable(
                v.score, v.computed_level, v.alpha, indicators[v.code], v.rule_levels
            )
            for v in stored.variables
        },
        score=stored.case.score,
        computed_level=stored.case.computed_level,
        alpha=stored.case.alpha,
        rule_levels=stored.case.rule_levels,
    )
    [framework] = frameworks_with_structure(Framework.objects.filter(pk=case.framework_id))
    ratings, overrides = scoring_inputs([case.pk])
    return scoring.stored_case_score(
        framework_spec(framework), results, ratings[case.pk], overrides[case.pk]
    )


def score_results(
    cases: QuerySet[Case], *, variable: str = "", verdict: str = ""
) -> QuerySet[VariableResult]:
    """The stored verdict of every variable of these cases, in the case list's order; `variable`
    and `verdict` (codes) narrow it in the database."""
    results = VariableResult.objects.filter(case__in=cases.values("pk"))
    if variable:
        results = results.filter(code=variable)
    if verdict:
        results = results.filter(verdict=verdict)
    return results.select_related(
        "case__program", "case__place", "case__framework", "variable"
    ).order_by("-case__year_end", "case__title", "case_id", "order")


def score_results_count(cases: QuerySet[Case], *, variable: str = "", verdict: str = "") -> int:
    """How many rows `score_results` gives. Without a code filter, every case stores one row per
    variable, which its case row counts: a sum over the cases instead of a count of five times
    as many rows."""
    if variable or verdict:
        return score_results(cases, variable=variable, verdict=verdict).count()
    total = CaseResult.objects.filter(case__in=cases.values("pk")).aggregate(
        rows=Sum("variables_total")
    )["rows"]
    return int(total or 0)


def _level_words(scale_ids: Iterable[int]) -> dict[tuple[int, int], scoring.Level]:
    """The levels of these scales by (scale, value): one query."""
    return {
        (level.scale_id, level.value): level.to_spec()
        for level in ScaleLevel.objects.filter(scale_id__in=set(scale_ids))
    }


def panel_visible(panel: scoring.PanelSpread | None) -> bool:
    """The informant panel's spread is shown (page and API alike) only from PANEL_MIN_ANSWERS
    informants on: fewer would let a reader work out one informant's answers."""
    return panel is not None and panel.members >= settings.PANEL_MIN_ANSWERS


def panel_withheld(panel: scoring.PanelSpread | None) -> str:
    """Why the panel's spread is not shown ("too few answers"), or "" when it is (or when no
    informant answered): the words the page, the API and the export use."""
    if panel is None or panel_visible(panel):
        return ""
    return _("Too few answers to show (%(count)d of at least %(minimum)d).") % {
        "count": panel.members,
        "minimum": settings.PANEL_MIN_ANSWERS,
    }


def cases_with_verdicts(
    cases: Iterable[Case],
) -> list[tuple[Case, scoring.Level | None, str]]:
    """Each case (loaded with `result` and `framework`) with its stored overall verdict and
    that verdict in words ("cannot be concluded yet (3 of 5 …)" short of its variables)."""
    cases = list(cases)
    words = _level_words(case.framework.scale_id for case in cases)
    rows = []
    for case in cases:
        result = getattr(case, "result", None)
        level = result.level if result is not None else None
        verdict = words.get((case.framework.scale_id, level)) if level is not None else None
        rated, total = (result.variables_rated, result.variables_total) if result else (0, 0)
        rows.append((case, verdict, scoring.overall_label(verdict, rated, total)))
    return rows


def score_rows(results: Iterable[VariableResult]) -> list[dict[str, Any]]:
    """One flat row per stored result, for the scores list and its CSV: one more query, for
    the words of the levels."""
    results = list(results)
    labels = _level_words(r.case.framework.scale_id for r in results)
    rows = []
    for result in results:
        case = result.case
        level = (
            labels.get((case.framework.scale_id, result.level))
            if result.level is not None
            else None
        )
        rows.append(
            {
                "case": case.pk,
                "case_title": case.title,
                "program": case.program.code,
                "place": case.place_id,
                "place_name": case.place.name,
                "year_start": case.year_start,
                "year_end": case.year_end,
                "status": case.status,
                "variable": result.code,
                "variable_name": result.variable.name,
                "score": round(result.score, 4) if result.score is not None else None,
                "level": result.level,
                "verdict": result.verdict or None,
                "verdict_label": scoring.level_label(level),
                "computed_level": result.computed_level,
                "rated": result.rated,
                "total": result.total,
            }
        )
    return rows
