"""Storing the scoring core's results. Every service that changes what a score depends on
calls `case_results_store` in its own transaction, so the stored rows never disagree with
what the core computes from the ratings, overrides and framework of the moment."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction

from django.db import connection, connections, transaction
from django.db.models import QuerySet

from .. import scoring, selectors
from ..models import Case, CaseResult, Framework, IndicatorResult, VariableResult
from ..selectors.results import CaseResults, FrameworkPartIds
from .tallies import tallies_kept

# Scores are stored rounded; comparisons with a fresh computation round the same way.
SCORE_PLACES = 6
CHUNK = 500


def stored_score(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), SCORE_PLACES)


def _level(level: scoring.Level | None) -> int | None:
    return level.value if level is not None else None


def _rule_levels(check: scoring.RuleCheck | None) -> list[list[str | int | None]]:
    return check.stored() if check is not None else []


def case_results_build(
    case: Case, score: scoring.CaseScore, parts: FrameworkPartIds
) -> CaseResults:
    variables_rated = sum(1 for v in score.variables if v.assessed)
    indicators = [i for v in score.variables for i in v.indicators]
    results = CaseResults(
        CaseResult(
            case=case,
            level=_level(score.overall.level),
            computed_level=_level(score.overall.computed_level),
            score=stored_score(score.overall.score),
            variables_rated=variables_rated,
            variables_total=len(score.variables),
            complete=bool(indicators) and all(i.rated for i in indicators),
            alpha=score.agreement.alpha,
            agreement=score.agreement.reading,
            rule_levels=_rule_levels(score.overall.robustness),
        )
    )
    for order, verdict in enumerate(score.variables, start=1):
        rated, total = verdict.coverage
        results.variables.append(
            VariableResult(
                case=case,
                variable_id=parts.variables[verdict.spec.code],
                code=verdict.spec.code,
                order=order,
                score=stored_score(verdict.score),
                level=_level(verdict.level),
                computed_level=_level(verdict.computed_level),
                verdict=verdict.level.code if verdict.level else "",
                rated=rated,
                total=total,
                alpha=verdict.agreement.alpha,
                agreement=verdict.agreement.reading,
                rule_levels=_rule_levels(verdict.robustness),
            )
        )
        results.indicators.extend(
            IndicatorResult(
                case=case,
                indicator_id=parts.indicators[indicator.spec.code],
                variable_code=verdict.spec.code,
                code=indicator.spec.code,
                score=stored_score(indicator.score),
                level=_level(indicator.level),
                raters=sum(1 for r in indicator.ratings if r.value is not None),
            )
            for indicator in verdict.indicators
        )
    return results


def case_results_compute(cases: Sequence[Case]) -> dict[int, CaseResults]:
    """The rows the core gives for these cases now, unsaved: a fixed number of queries."""
    scores = selectors.case_scores_compute(cases)
    parts = selectors.framework_part_ids({case.framework_id for case in cases})
    return {
        case.pk: case_results_build(case, scores[case.pk], parts[case.framework_id])
        for case in cases
    }


@transaction.atomic
def case_results_store(*, cases: Iterable[Case]) -> int:
    """Replaces the stored results of these cases with what the core computes now."""
    cases = list(cases)
    if not cases:
        return 0
    computed = case_results_compute(cases)
    case_ids = list(computed)
    with tallies_kept(Case.objects.filter(pk__in=case_ids)):
        IndicatorResult.objects.filter(case_id__in=case_ids).delete()
        VariableResult.objects.filter(case_id__in=case_ids).delete()
        CaseResult.objects.filter(case_id__in=case_ids).delete()
        CaseResult.objects.bulk_create([r.case for r in computed.values()])
        VariableResult.objects.bulk_create([v for r in computed.values() for v in r.variables])
        IndicatorResult.objects.bulk_create([i for r in computed.values() for i in r.indicators])
    return len(cases)


def _chunks(cases: QuerySet[Case]) -> Iterator[list[Case]]:
    chunk: list[Case] = []
    for case in cases.order_by("pk").iterator(chunk_size=CHUNK):
        chunk.append(case)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _store_ids(ids: list[int]) -> int:
    return case_results_store(cases=list(Case.objects.filter(pk__in=ids).order_by("pk")))


def _parallel_jobs(jobs: int | None) -> int:
    """Worker processes for a rescore: several only on PostgreSQL and outside a transaction
    (a worker could not see what the transaction has not committed)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return 1
    return max(1, jobs if jobs is not None else (os.cpu_count() or 1))


def cases_results_store(
    *,
    cases: QuerySet[Case],
    progress: Callable[[int], object] | None = None,
    jobs: int | None = 1,
) -> int:
    """Rescores many cases, a chunk (and a transaction) at a time; `progress` hears how many
    cases each chunk held. `jobs` None: one worker process per CPU where that is safe."""
    workers = _parallel_jobs(jobs)
    if workers == 1:
        done = 0
        for chunk in _chunks(cases):
            done += case_results_store(cases=chunk)
            if progress is not None:
                progress(len(chunk))
        return done
    ids = list(cases.order_by("pk").values_list("pk", flat=True))
    chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
    # A forked worker must open its own connection, not share the parent's.
    connections.close_all()
    done = 0
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for stored in pool.imap_unordered(_store_ids, chunks):
            done += stored
            if progress is not None:
                progress(stored)
    return done


def framework_results_store(*, framework: Framework) -> int:
    """After a framework's structure or rule changed: every case scored with it."""
    return cases_results_store(cases=Case.objects.filter(framework=framework))


def cases_results_differences(
    *, cases: QuerySet[Case], progress: Callable[[int], object] | None = None
) -> list[int]:
    """The ids of the cases whose stored results differ from a fresh computation."""
    differing: list[int] = []
    for chunk in _chunks(cases):
        computed = case_results_compute(chunk)
        stored = selectors.stored_case_results([case.pk for case in chunk])
        differing.extend(
            pk
            for pk, fresh in computed.items()
            if pk not in stored or stored[pk].fingerprint() != fresh.fingerprint()
        )
        if progress is not None:
            progress(len(chunk))
    return differing
