"""Scores: the scoring core fed from the database, for one case or many."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from .. import scoring
from ..models import Case, Conclusion, Framework, Rating
from .frameworks import framework_spec, frameworks_with_structure


def case_scores_get(cases: Iterable[Case]) -> dict[int, scoring.CaseScore]:
    """Scores for many cases in six queries, however many cases, raters or indicators."""
    cases = list(cases)
    if not cases:
        return {}
    framework_ids = {case.framework_id for case in cases}
    frameworks = {
        framework.pk: framework_spec(framework)
        for framework in frameworks_with_structure(Framework.objects.filter(pk__in=framework_ids))
    }
    case_ids = [case.pk for case in cases]
    ratings: dict[int, list[scoring.RatingInput]] = defaultdict(list)
    for case_id, indicator_code, rater_id, value in Rating.objects.filter(
        case_id__in=case_ids
    ).values_list("case_id", "indicator__code", "rater_id", "value"):
        ratings[case_id].append(scoring.RatingInput(indicator_code, rater_id, value))
    overrides: dict[int, dict[str | None, scoring.Override]] = defaultdict(dict)
    for case_id, variable_code, level, reason in Conclusion.objects.filter(
        case_id__in=case_ids, override_level__isnull=False
    ).values_list("case_id", "variable__code", "override_level", "override_reason"):
        if level is not None:
            overrides[case_id][variable_code] = scoring.Override(level, reason)
    return {
        case.pk: scoring.score_case(
            frameworks[case.framework_id], ratings[case.pk], overrides[case.pk]
        )
        for case in cases
    }


def case_score_get(case: Case) -> scoring.CaseScore:
    return case_scores_get([case])[case.pk]


def score_rows(
    cases: Iterable[Case], *, variable: str = "", verdict: str = ""
) -> list[dict[str, Any]]:
    """One flat row per case and variable, for the scores list and its CSV; `variable` and
    `verdict` (codes) keep only the matching rows."""
    cases = list(cases)
    scores = case_scores_get(cases)
    rows = []
    for case in cases:
        for result in scores[case.pk].variables:
            if variable and result.spec.code != variable:
                continue
            if verdict and (result.level.code if result.level else None) != verdict:
                continue
            rated, total = result.coverage
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
                    "variable": result.spec.code,
                    "variable_name": result.spec.name,
                    "score": round(float(result.score), 4) if result.score is not None else None,
                    "level": result.level.value if result.level else None,
                    "verdict": result.level.code if result.level else None,
                    "verdict_label": result.label,
                    "computed_level": (
                        result.computed_level.value if result.computed_level else None
                    ),
                    "rated": rated,
                    "total": total,
                }
            )
    return rows
