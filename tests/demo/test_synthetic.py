"""Synthetic data: marked as such, published, scored, the same for a seed, and removable."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments import services
from assessments.models import Case, Rating, VariableResult
from demo.synthetic import TITLE_PREFIX, delete_synthetic, generate_synthetic
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_synthetic_cases_are_marked_published_and_scored(researcher):
    made = generate_synthetic(cases=12, seed=7)
    synthetic = Case.objects.filter(owner__username="sintetis")
    assert made.cases == 12 and synthetic.count() == 12
    assert all(c.title.startswith(TITLE_PREFIX) for c in synthetic)
    assert set(synthetic.values_list("status", flat=True)) == {Case.Status.PUBLISHED}
    assert made.ratings == Rating.objects.filter(case__in=synthetic).count() == 12 * 3 * 15
    assert VariableResult.objects.filter(case__in=synthetic).count() == 12 * 5
    assert services.cases_results_differences(cases=synthetic) == []
    codes = set(synthetic.values_list("place_id", flat=True))
    assert all(code.count(".") == 3 for code in codes)


def test_a_share_of_places_has_rounds_in_order(researcher):
    generate_synthetic(cases=60, seed=7)
    later = Case.objects.filter(previous_round__isnull=False).select_related("previous_round")
    assert later.exists()
    for case in later:
        previous = case.previous_round
        assert previous.place_id == case.place_id and previous.year_end < case.year_end
        assert case.round_number == previous.round_number + 1
    firsts = Case.objects.filter(previous_round__isnull=True, next_round__isnull=False)
    assert set(firsts.values_list("round_number", flat=True)) == {1}
    # Rounds of the same places, counted by round on the dashboard.
    from assessments.models import Framework
    from reports.dashboard import Scope, dashboard_get

    board = dashboard_get(
        user=researcher,
        scope=Scope(framework=Framework.objects.get(code="ansell-gash-2008"), over="round"),
    )
    assert board.years[0] == 1 and len(board.years) >= 2
    in_chains = firsts.count() + later.count()
    assert sum(p.counts.total for p in board.trend["FTF"]) == in_chains


def test_the_same_seed_gives_the_same_data():
    generate_synthetic(cases=5, seed=3)
    first = list(Rating.objects.order_by("pk").values_list("value", flat=True))
    delete_synthetic()
    generate_synthetic(cases=5, seed=3)
    again = list(Rating.objects.order_by("pk").values_list("value", flat=True))
    assert first == again


def test_delete_removes_only_synthetic_cases(researcher):
    own = CaseFactory(owner=researcher, title=f"{TITLE_PREFIX} judul milik peneliti")
    generate_synthetic(cases=4, seed=1)
    assert delete_synthetic() == 4
    assert list(Case.objects.all()) == [own]
    assert VariableResult.objects.filter(case=own).exists()


def test_the_command_refuses_a_bad_count():
    with pytest.raises(CommandError, match="1 to 100000"):
        call_command("generate_synthetic", "--cases", "0")
