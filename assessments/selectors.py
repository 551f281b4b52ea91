"""Reads. Every function here costs a fixed number of queries, whatever the data size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from . import scoring
from .models import (
    Case,
    Conclusion,
    Framework,
    Indicator,
    Place,
    Rating,
    ScaleLevel,
    User,
    Variable,
)
from .reference import normalize_place_query


def place_within_q(code: str, field: str = "code") -> Q:
    """The place with this code and every place inside it ("13" → all of Sumatera Barat)."""
    return Q(**{field: code}) | Q(**{f"{field}__startswith": f"{code}."})


def case_visible_q(user: Any) -> Q:
    """Which cases a user may open: the one rule for pages, the API, reports and dashboards."""
    if not user or not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_superuser or user.role == User.Role.ADMIN:
        return Q()
    published = Q(status=Case.Status.PUBLISHED)
    if user.role == User.Role.POKJA:
        codes = list(user.places.values_list("code", flat=True))
        if not codes:
            return published
        scope = Q(pk__in=[])
        for code in codes:
            scope |= place_within_q(code, "place__code")
        return published & scope
    collaborating = Case.collaborators.through.objects.filter(user_id=user.pk).values("case_id")
    return published | Q(owner_id=user.pk) | Q(pk__in=collaborating)


def case_can_edit(user: Any, case: Case) -> bool:
    if not user or not user.is_authenticated:
        return False
    if user.is_superuser or user.role == User.Role.ADMIN:
        return True
    if user.role == User.Role.POKJA:
        return False
    if case.owner_id == user.pk:
        return True
    return case.collaborators.filter(pk=user.pk).exists()


def case_get_for(*, user: Any, pk: int, write: bool = False) -> Case:
    """The case if the user may open it (Http404 otherwise); with `write`, only if they may
    also change it (PermissionDenied). Pages and the API both answer through this."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    case = case_list(user=user).filter(pk=pk).first()
    if case is None:
        raise Http404
    if write and not case_can_edit(user, case):
        raise PermissionDenied
    return case


def case_list(*, user: Any) -> QuerySet[Case]:
    return (
        Case.objects.filter(case_visible_q(user))
        .select_related("program", "place", "framework", "owner")
        .order_by("-year_end", "title", "pk")
    )


def place_search(query: str, *, level: int | None = None) -> QuerySet[Place]:
    """Places whose name contains the query, larger regions first; every place without one."""
    places = Place.objects.all()
    needle = normalize_place_query(query)
    if needle:
        places = places.filter(search_name__contains=needle)
    if level:
        places = places.filter(level=level)
    return places.order_by("level", "name", "code")


def framework_list(*, user: Any) -> QuerySet[Framework]:
    """Shipped frameworks and the user's own copies."""
    owned = Q(owner__isnull=True)
    if user and user.is_authenticated:
        owned |= Q(owner_id=user.pk)
    return Framework.objects.filter(owned).select_related("scale", "owner").order_by("name")


def frameworks_with_structure(frameworks: QuerySet[Framework]) -> QuerySet[Framework]:
    """Frameworks with their scale levels, variables and indicators in order: 4 queries."""
    return frameworks.select_related("scale", "owner").prefetch_related(
        Prefetch("scale__levels", queryset=ScaleLevel.objects.order_by("value")),
        Prefetch(
            "variables",
            queryset=Variable.objects.order_by("order", "code").prefetch_related(
                Prefetch("indicators", queryset=Indicator.objects.order_by("order", "code"))
            ),
        ),
    )


def framework_with_structure(framework_id: int) -> Framework:
    return frameworks_with_structure(Framework.objects.all()).get(pk=framework_id)


def framework_spec(framework: Framework) -> scoring.FrameworkSpec:
    """The scoring core's view of a framework loaded by `framework_with_structure`."""
    scale = scoring.Scale(tuple(level.to_spec() for level in framework.scale.levels.all()))
    return scoring.FrameworkSpec(
        scale=scale,
        variables=tuple(
            scoring.VariableSpec(
                code=variable.code,
                name_id=variable.name_id,
                name_en=variable.name_en,
                indicators=tuple(
                    scoring.IndicatorSpec(
                        code=indicator.code,
                        name_id=indicator.name_id,
                        name_en=indicator.name_en,
                        weight=indicator.weight,
                    )
                    for indicator in variable.indicators.all()
                ),
            )
            for variable in framework.variables.all()
        ),
        indicator_aggregation=scoring.IndicatorAggregation(framework.indicator_aggregation),
        overall_method=scoring.OverallMethod(framework.overall_method),
        banding=scoring.Banding(framework.banding),
        thresholds=tuple(Decimal(str(t)) for t in framework.band_thresholds) or None,
    )


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
        overrides[case_id][variable_code] = scoring.Override(level, reason)
    return {
        case.pk: scoring.score_case(
            frameworks[case.framework_id], ratings[case.pk], overrides[case.pk]
        )
        for case in cases
    }


def case_score_get(case: Case) -> scoring.CaseScore:
    return case_scores_get([case])[case.pk]


def history_records(obj: Rating | Conclusion) -> QuerySet[Any]:
    """Every saved version of a rating or conclusion, newest first, with who saved it."""
    return obj.history.select_related("history_user").order_by("-history_date")


def score_rows(cases: Iterable[Case]) -> list[dict[str, Any]]:
    """One flat row per case and variable, for the scores list, CSV and dashboards."""
    from django.utils.translation import gettext

    cases = list(cases)
    scores = case_scores_get(cases)
    rows = []
    for case in cases:
        for verdict in scores[case.pk].variables:
            rated, total = verdict.coverage
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
                    "variable": verdict.spec.code,
                    "variable_name": verdict.spec.name,
                    "score": round(float(verdict.score), 4) if verdict.score is not None else None,
                    "level": verdict.level.value if verdict.level else None,
                    "verdict": verdict.level.code if verdict.level else None,
                    "verdict_label": verdict.level.label
                    if verdict.level
                    else gettext("Not assessed"),
                    "computed_level": (
                        verdict.computed_level.value if verdict.computed_level else None
                    ),
                    "rated": rated,
                    "total": total,
                }
            )
    return rows
