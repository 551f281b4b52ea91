"""Stored results: whatever the services do, in whatever order, the stored rows equal what the
scoring core computes from the data of the moment."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments import selectors, services
from assessments.models import (
    Case,
    CaseResult,
    Framework,
    Rater,
    VariableResult,
    VariableTally,
)
from assessments.serializers import CaseScoreSerializer
from common.errors import ApplicationError
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

levels = st.one_of(st.none(), st.integers(min_value=1, max_value=4))
steps = st.one_of(
    st.tuples(st.just("rate"), st.integers(0, 2), st.integers(0, 14), levels),
    st.tuples(
        st.just("rate_list"),
        st.lists(st.tuples(st.integers(0, 2), st.integers(0, 14), levels), max_size=5),
    ),
    st.tuples(st.just("restore"), st.integers(0, 14)),
    st.tuples(st.just("override"), st.integers(-1, 4), levels),
    st.tuples(st.just("weight"), st.integers(0, 14), st.integers(1, 3)),
    st.tuples(st.just("add_indicator"), st.integers(0, 4)),
    st.tuples(st.just("move_variable"), st.integers(0, 4), st.sampled_from([-1, 1])),
    st.tuples(st.just("delete_rater"), st.integers(0, 2)),
    st.tuples(st.just("delete_case")),
    st.tuples(st.just("publish"), st.booleans()),
    st.tuples(
        st.just("move"),
        st.sampled_from(["21.72.03.1005", "13.75.01.1001", "21.72"]),
        st.integers(2018, 2020),
        st.sampled_from(["kotaku", "plpbk"]),
    ),
)


def shown(score) -> dict:
    return CaseScoreSerializer({"case_id": 0, "framework_code": "", "score": score}).data


class World:
    case: Case | None

    def __init__(self) -> None:
        self.owner = UserFactory.create(username="pemilik-sifat")
        self.framework = services.framework_copy(
            framework=Framework.objects.get(code="ansell-gash-2008"), owner=self.owner
        )
        program = selectors.program_list().get(code="kotaku")
        place = services.place_ensure(code="21.72.03.1005")
        self.case = services.case_create(
            owner=self.owner,
            title="Sifat",
            program=program,
            place=place,
            year_start=2018,
            year_end=2018,
            framework=self.framework,
        )
        for name in ("A", "B", "C"):
            services.rater_create(case=self.case, name=name)
        self.added = 0

    def raters(self) -> list[Rater]:
        return list(Rater.objects.filter(case=self.case).order_by("pk"))

    def indicators(self):
        return list(self.framework.indicators.order_by("pk"))

    def apply(self, step: tuple) -> None:
        kind, *args = step
        if self.case is None:
            return
        if kind == "delete_case":
            services.case_delete(case=self.case, user=self.owner)
            self.case = None
            return
        if kind == "publish":
            status = Case.Status.PUBLISHED if args[0] else Case.Status.DRAFT
            services.case_update(case=self.case, status=status)
            return
        if kind == "move":
            code, year, program = args
            services.case_update(
                case=self.case,
                place=services.place_ensure(code=code),
                year_start=year,
                year_end=year,
                program=selectors.program_list().get(code=program),
            )
            return
        raters, indicators = self.raters(), self.indicators()
        if kind == "rate" and raters:
            rater, indicator, value = args
            services.rating_upsert(
                case=self.case,
                rater=raters[rater % len(raters)],
                indicator=indicators[indicator % len(indicators)],
                value=value,
            )
        elif kind == "rate_list" and raters:
            items = [
                services.RatingItem(
                    indicator=indicators[i % len(indicators)].code,
                    rater=raters[r % len(raters)].pk,
                    value=value,
                )
                for r, i, value in args[0]
            ]
            # The same (indicator, rater) twice in a list: the last one wins.
            services.ratings_upsert(case=self.case, items=items, user=self.owner)
        elif kind == "restore":
            rating = self.case.ratings.order_by("pk").first()
            if rating is not None:
                oldest = rating.history.order_by("history_date").first()
                services.rating_restore(
                    rating=rating, history_id=oldest.history_id, user=self.owner
                )
        elif kind == "override":
            target, level = args
            variables = list(selectors.framework_variables(self.framework))
            services.conclusion_set(
                case=self.case,
                variable=None if target < 0 else variables[target % len(variables)],
                override_level=level,
                override_reason="Alasan peneliti" if level is not None else "",
            )
        elif kind == "weight":
            indicator, weight = args
            services.indicator_update(
                indicator=indicators[indicator % len(indicators)],
                user=self.owner,
                weight=Decimal(weight),
            )
        elif kind == "add_indicator":
            variables = list(selectors.framework_variables(self.framework))
            self.added += 1
            services.indicator_create(
                variable=variables[args[0] % len(variables)],
                user=self.owner,
                code=f"X{self.added}",
                name_id=f"Indikator tambahan {self.added}",
            )
        elif kind == "move_variable":
            variables = list(selectors.framework_variables(self.framework))
            services.variable_move(
                variable=variables[args[0] % len(variables)], user=self.owner, offset=args[1]
            )
        elif kind == "delete_rater" and raters:
            services.rater_delete(rater=raters[args[0] % len(raters)])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=st.lists(steps, min_size=1, max_size=10))
def test_stored_results_equal_the_core_after_every_service_call(sequence):
    with transaction.atomic():
        world = World()
        case_id = world.case.pk
        for step in sequence:
            # A refused step (a published case's framework is not edited) changes nothing.
            with contextlib.suppress(ApplicationError):
                world.apply(step)
            cases = Case.objects.filter(pk=case_id)
            assert services.cases_results_differences(cases=cases) == [], step
            # What the dashboards count follows too: scores, status, place, program and year.
            assert services.tallies_differences() == [], step
            if world.case is None:
                assert not CaseResult.objects.filter(case_id=case_id).exists()
                assert not VariableResult.objects.filter(case_id=case_id).exists()
            else:
                assert CaseResult.objects.filter(case_id=case_id).exists()
                # What a case's page and API show, put together from the stored rows, is
                # what the core computes: scores, verdicts, explanations, agreement.
                case = Case.objects.get(pk=case_id)
                assert shown(selectors.case_score_get(case)) == shown(
                    selectors.case_scores_compute([case])[case_id]
                ), step
        transaction.set_rollback(True)


def test_a_new_case_is_stored_as_not_assessed(case_with_results):
    result = case_with_results.result
    assert result.level is None and result.variables_rated == 0 and result.variables_total == 5
    assert set(case_with_results.variable_results.values_list("level", flat=True)) == {None}


@pytest.fixture
def case_with_results(researcher):
    return services.case_create(
        owner=researcher,
        title="Baru",
        program=selectors.program_list().get(code="kotaku"),
        place=services.place_ensure(code="21.72.03.1005"),
        year_start=2019,
        year_end=2019,
    )


def test_rescore_check_fails_on_a_stale_row_and_rescore_repairs_it(case_with_results):
    call_command("rescore", "--check")
    VariableResult.objects.filter(case=case_with_results, code="FTF").update(level=4)
    with pytest.raises(CommandError, match="1 of 1 cases"):
        call_command("rescore", "--check")
    call_command("rescore", "--case", str(case_with_results.pk))
    call_command("rescore", "--check")


def test_rescore_check_fails_on_a_stale_tally_and_rescore_counts_again(case_with_results):
    services.case_update(case=case_with_results, status=Case.Status.PUBLISHED)
    assert VariableTally.objects.filter(year_end=2019, province="21").exists()
    call_command("rescore", "--check")
    VariableTally.objects.filter(code="FTF").update(cases=7)
    with pytest.raises(CommandError, match="dashboard tallies differ"):
        call_command("rescore", "--check")
    call_command("rescore", "--missing")
    call_command("rescore", "--check")


def test_rescore_refuses_an_unknown_place_or_program(case_with_results):
    with pytest.raises(CommandError, match="Kemendagri"):
        call_command("rescore", "--place", "99.99")
    with pytest.raises(CommandError, match="no program"):
        call_command("rescore", "--program", "tidak-ada")


def test_a_variable_added_with_its_indicators_is_stored_for_the_frameworks_cases(researcher):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    case = services.case_create(
        owner=researcher,
        title="Kerangka sendiri",
        program=selectors.program_list().get(code="kotaku"),
        place=services.place_ensure(code="21.72.03.1005"),
        year_start=2019,
        year_end=2019,
        framework=copy,
    )
    services.variable_create(
        framework=copy,
        user=researcher,
        code="KOM",
        name_id="Komunikasi",
        indicators=[
            services.IndicatorInput(code="KOM1", name_id="Koordinasi"),
            services.IndicatorInput(code="KOM2", name_id="Rapat rutin"),
        ],
    )
    stored = case.variable_results.get(code="KOM")
    assert (stored.rated, stored.total, stored.order) == (0, 2, 6)
    assert services.cases_results_differences(cases=Case.objects.filter(pk=case.pk)) == []


@pytest.mark.django_db(transaction=True)
def test_a_full_rescore_in_worker_processes_stores_every_case(reference_data, researcher):
    """On PostgreSQL outside a transaction the rescore forks workers; elsewhere it runs in
    this process. Either way every stale row is stored again and the tallies follow."""
    program = selectors.program_list().get(code="kotaku")
    cases = [
        services.case_create(
            owner=researcher,
            title=f"Paralel {n}",
            program=program,
            place=services.place_ensure(code="21.72.03.1005"),
            year_start=2019,
            year_end=2019,
            status=Case.Status.PUBLISHED,
        )
        for n in range(3)
    ]
    VariableResult.objects.filter(case__in=cases, code="FTF").update(level=4)
    call_command("rescore", "--jobs", "2")
    call_command("rescore", "--check")
    assert set(VariableResult.objects.filter(code="FTF").values_list("level", flat=True)) == {None}
