"""Synthetic cases for measuring and for filling the dashboards: published cases on real
kelurahan of six provinces, three programs and seven years, each with three raters who rated
every indicator of Ansell & Gash (2008).

Nothing here comes from a paper: every title says "[Sintetis]" and every case belongs to the
user `sintetis`, so `delete_synthetic` removes exactly these. The rows are bulk-inserted
through the models (a service call per rating would take hours at national scale), then the
results are stored by the same service a full `rescore` uses.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction

from assessments import services
from assessments.models import (
    Case,
    CaseResult,
    Framework,
    Indicator,
    IndicatorResult,
    Place,
    Program,
    Rater,
    Rating,
    User,
    VariableResult,
)

OWNER = "sintetis"
TITLE_PREFIX = "[Sintetis]"
PROVINCES = ["13", "16", "21", "33", "35", "73"]
YEARS = range(2016, 2023)
RATERS = 3
BATCH = 5000
# Typical level per variable: trust and intermediate outcomes are the weak ones, as in the
# Indonesian studies; a place's own strength and a slow improvement over the years come on top.
VARIABLE_MEANS = {"FTF": 2.9, "TB": 2.3, "CP": 2.6, "SU": 2.7, "IO": 2.1}
# The share of places whose cases (one per year) are linked as rounds of the place.
ROUND_SHARE = 0.5


@dataclass
class Generated:
    cases: int
    ratings: int


def _value(rng: random.Random, mean: float) -> int | None:
    if rng.random() < 0.04:  # now and then a rater leaves an indicator unrated
        return None
    return min(4, max(1, round(rng.gauss(mean, 0.6))))


def synthetic_owner() -> User:
    owner, created = User.objects.get_or_create(
        username=OWNER, defaults={"role": User.Role.RESEARCHER, "first_name": "Data sintetis"}
    )
    if created:
        owner.set_unusable_password()
        owner.save(update_fields=["password"])
    return owner


def generate_synthetic(
    *, cases: int, seed: int, progress: Callable[[int], object] | None = None
) -> Generated:
    """Adds `cases` synthetic cases (deterministic for a seed) and stores their results."""
    rng = random.Random(seed)
    owner = synthetic_owner()
    framework = Framework.objects.get(code="ansell-gash-2008")
    indicators = list(Indicator.objects.filter(framework=framework).select_related("variable"))
    programs = list(Program.objects.order_by("code"))
    places = list(
        Place.objects.filter(level=Place.Level.KELURAHAN_DESA, parent__parent__parent__in=PROVINCES)
        .order_by("code")
        .values_list("code", flat=True)
    )
    # A place is assessed in several years: fewer places than cases, some of them improving.
    chosen = rng.sample(places, min(len(places), max(1, cases // 3)))
    strength = {code: rng.gauss(0, 0.35) for code in chosen}
    improving = {code for code in chosen if rng.random() < 0.4}
    start = Case.objects.filter(owner=owner).count()
    made = ratings = 0
    by_place: dict[str, list[tuple[int, int]]] = {}
    while made < cases:
        size = min(BATCH // (len(indicators) * RATERS) or 1, cases - made)
        with transaction.atomic():
            batch = []
            for n in range(start + made, start + made + size):
                place = rng.choice(chosen)
                year = rng.choice(YEARS)
                batch.append(
                    Case(
                        title=f"{TITLE_PREFIX} Kasus {n + 1:05d}",
                        program=rng.choice(programs),
                        place_id=place,
                        year_start=year,
                        year_end=year,
                        framework=framework,
                        owner=owner,
                        status=Case.Status.PUBLISHED,
                        summary="Data sintetis untuk uji skala dan dasbor; bukan hasil penelitian.",
                    )
                )
            batch = Case.objects.bulk_create(batch)
            for case in batch:
                by_place.setdefault(case.place_id, []).append((case.year_end, case.pk))
            raters = Rater.objects.bulk_create(
                [
                    Rater(case=case, name=f"Penilai {k + 1}", kind=Rater.Kind.RESEARCHER)
                    for case in batch
                    for k in range(RATERS)
                ]
            )
            rows = []
            for index, case in enumerate(batch):
                lift = strength[case.place_id] + (
                    0.12 * (case.year_end - YEARS[0]) if case.place_id in improving else 0
                )
                for rater in raters[index * RATERS : (index + 1) * RATERS]:
                    for indicator in indicators:
                        value = _value(rng, VARIABLE_MEANS[indicator.variable.code] + lift)
                        rows.append(
                            Rating(case=case, rater=rater, indicator=indicator, value=value)
                        )
            Rating.objects.bulk_create(rows)
            services.case_results_store(cases=batch)
        made += size
        ratings += len(rows)
        if progress is not None:
            progress(size)
    _link_rounds(rng, by_place)
    # Fresh statistics: without them the planner takes the new rows for none and picks
    # plans made for a handful (seen: the national dashboard at 270 ms instead of 130 ms).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return Generated(cases=made, ratings=ratings)


def _link_rounds(rng: random.Random, by_place: dict[str, list[tuple[int, int]]]) -> None:
    """For a share of the places, their new cases become rounds: the first case of each year,
    each following the one of the year before, numbered in order."""
    links = []
    for code in sorted(by_place):
        if rng.random() >= ROUND_SHARE:
            continue
        chain: list[int] = []
        years: set[int] = set()
        for year, pk in sorted(by_place[code]):
            if year not in years:
                years.add(year)
                chain.append(pk)
        if len(chain) < 2:
            continue
        for number, (previous, pk) in enumerate(
            zip([None, *chain[:-1]], chain, strict=True), start=1
        ):
            links.append(Case(pk=pk, previous_round_id=previous, round_number=number))
    Case.objects.bulk_update(links, ["previous_round", "round_number"], batch_size=1000)


@transaction.atomic
def delete_synthetic() -> int:
    """Removes every synthetic case with its raters, ratings and results."""
    cases = Case.objects.filter(owner__username=OWNER, title__startswith=TITLE_PREFIX)
    count = cases.count()
    with services.tallies_kept(cases):
        # The bulk rows go without the ORM's collector: it would fetch and history-log each
        # of half a million ratings that were never logged when they were made.
        for model in (IndicatorResult, VariableResult, CaseResult, Rating, Rater):
            rows = model.objects.filter(case__in=cases.values("pk"))
            rows._raw_delete(rows.db)
        cases.delete()
    return count
