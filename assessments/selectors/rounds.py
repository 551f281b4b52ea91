"""Rounds of a place, read: the chain a case belongs to, and what changed between two of its
rounds, from the stored results. A fixed number of queries, however long the chain."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from common.errors import ApplicationError

from .. import scoring
from ..models import Case, IndicatorResult, Rater, Rating, ScaleLevel, VariableResult, Visitor
from .cases import case_visible_q


def chain_ids(case: Case) -> list[int]:
    """Every round of the chain `case` is in, first to last: one query (a chain never leaves
    its place, so the place's cases hold it)."""
    links = dict(Case.objects.filter(place_id=case.place_id).values_list("pk", "previous_round_id"))
    following = {previous: pk for pk, previous in links.items() if previous is not None}
    first, seen = case.pk, {case.pk}
    while links.get(first) is not None and links[first] not in seen:
        first = links[first]
        seen.add(first)
    chain, current = [first], following.get(first)
    while current is not None and current not in chain:
        chain.append(current)
        current = following.get(current)
    return chain


def case_rounds(user: Visitor, case: Case, chain: list[int] | None = None) -> list[Case]:
    """The rounds of this case's place that the user may open, in order, this case among them:
    two queries."""
    ids = chain or chain_ids(case)
    if ids == [case.pk]:
        return [case]
    found = {
        c.pk: c
        for c in Case.objects.filter(case_visible_q(user), pk__in=ids).select_related(
            "framework", "result"
        )
    }
    return [found[pk] for pk in ids if pk in found]


@dataclass(frozen=True)
class RoundsView:
    """A case's rounds, the change from one of them to this one, and each variable's score over
    all of them (year → score) for the small line."""

    rounds: list[Case]
    # Whether a later round exists (whether or not the user may open it).
    followed: bool = False
    then: Case | None = None
    comparison: scoring.RoundComparison | None = None
    lines: dict[str, list[tuple[int, float | None]]] = field(default_factory=dict)


def round_snapshots(cases: list[Case]) -> dict[int, scoring.RoundSnapshot]:
    """These cases (loaded with framework and result) as the comparison reads them: four
    queries."""
    ids = [c.pk for c in cases]
    levels = {
        (lv.scale_id, lv.value): lv.to_spec()
        for lv in ScaleLevel.objects.filter(scale_id__in={c.framework.scale_id for c in cases})
    }
    scale_values: dict[int, list[int]] = defaultdict(list)
    for scale_id, value in sorted(levels):
        scale_values[scale_id].append(value)
    variables: dict[int, list[scoring.Measured]] = defaultdict(list)
    scales = {c.pk: c.framework.scale_id for c in cases}
    for v in VariableResult.objects.filter(case_id__in=ids).select_related("variable"):
        level = levels.get((scales[v.case_id], v.level)) if v.level is not None else None
        reading = scoring.Reading(v.score, level, rated=v.rated, total=v.total)
        variables[v.case_id].append(scoring.Measured(v.code, v.variable.name, reading))
    indicators: dict[int, list[scoring.Measured]] = defaultdict(list)
    for i in (
        IndicatorResult.objects.filter(case_id__in=ids)
        .select_related("indicator__variable")
        .order_by("case_id", "indicator__variable__order", "indicator__order", "code")
    ):
        level = levels.get((scales[i.case_id], i.level)) if i.level is not None else None
        measured = scoring.Measured(
            i.code,
            i.indicator.name,
            scoring.Reading(i.score, level, raters=i.raters),
            i.variable_code,
        )
        indicators[i.case_id].append(measured)
    coders = dict(
        Rating.objects.filter(
            case_id__in=ids, value__isnull=False, rater__kind=Rater.Kind.RESEARCHER
        )
        .values("case_id")
        .annotate(n=Count("rater_id", distinct=True))
        .values_list("case_id", "n")
    )
    snapshots = {}
    for case in cases:
        result = getattr(case, "result", None)
        scale = case.framework.scale_id
        overall = scoring.Reading(
            result.score if result else None,
            levels.get((scale, result.level)) if result and result.level is not None else None,
            rated=result.variables_rated if result else 0,
            total=result.variables_total if result else 0,
        )
        snapshots[case.pk] = scoring.RoundSnapshot(
            label=case.period,
            framework_id=case.framework_id,
            framework_name=case.framework.name,
            scale_values=tuple(scale_values[scale]),
            variables=tuple(variables[case.pk]),
            indicators=tuple(indicators[case.pk]),
            overall=overall,
            coders=coders.get(case.pk, 0),
        )
    return snapshots


def case_rounds_view(user: Visitor, case: Case, *, with_id: int | str | None = None) -> RoundsView:
    """This case's rounds and the change from `with_id` (by default the round before it that
    the user may open) to this case; no comparison for a lone round."""
    ids = chain_ids(case)
    rounds = case_rounds(user, case, ids)
    followed = ids[-1] != case.pk
    if len(rounds) == 1 and with_id is None:
        return RoundsView(rounds, followed)
    position = next(i for i, c in enumerate(rounds) if c.pk == case.pk)
    if with_id is None:
        then = rounds[position - 1] if position > 0 else None
    else:
        then = next((c for c in rounds if str(c.pk) == str(with_id) and c.pk != case.pk), None)
        if then is None:
            raise ApplicationError(
                {"with": _("Choose another round of this place that you may open.")}
            )
    lines: dict[str, list[tuple[int, float | None]]] = defaultdict(list)
    years = {c.pk: c.year_end for c in rounds}
    for case_id, code, score in (
        VariableResult.objects.filter(case_id__in=years)
        .order_by("order", "code")
        .values_list("case_id", "code", "score")
    ):
        lines[code].append((years[case_id], score))
    for points in lines.values():
        points.sort()
    if then is None:
        return RoundsView(rounds, followed, lines=dict(lines))
    snapshots = round_snapshots([then, rounds[position]])
    comparison = scoring.compare_rounds(snapshots[then.pk], snapshots[case.pk])
    return RoundsView(rounds, followed, then, comparison, dict(lines))


def round_candidates(user: Visitor, case: Case) -> list[Case]:
    """Cases this one could follow: at its place, visible, earlier, not yet followed."""
    return list(
        Case.objects.filter(
            case_visible_q(user),
            place_id=case.place_id,
            year_end__lt=case.year_end,
            year_start__lte=case.year_start,
        )
        .filter(Q(next_round__isnull=True) | Q(next_round=case))
        .exclude(pk=case.pk)
        .order_by("-year_end", "title")
    )


def with_next_round(user: Visitor, cases: QuerySet[Case]) -> QuerySet[Case]:
    """Each case with `next_round_visible`: the id of the round after it, if the user may open
    it (in the same query)."""
    following = Case.objects.filter(case_visible_q(user), previous_round=OuterRef("pk"))
    return cases.annotate(next_round_visible=Subquery(following.values("pk")[:1]))


def next_round_id(user: Visitor, case: Case) -> int | None:
    return (
        Case.objects.filter(case_visible_q(user), previous_round=case)
        .values_list("pk", flat=True)
        .first()
    )
