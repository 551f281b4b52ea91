"""Rounds: the same place assessed again, the chain's rules, and what changed (figures worked
out by hand from the ratings below)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from assessments import scoring, selectors, services
from assessments.models import Case, Indicator, Rater, Variable
from stakeholders import services as stakeholder_services
from stakeholders.models import Level, Participation, Sector
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db


def rate(case: Case, rater: Rater, code: str, value: int | None) -> None:
    indicator = Indicator.objects.get(framework=case.framework, code=code)
    services.rating_upsert(case=case, rater=rater, indicator=indicator, value=value)


@pytest.fixture
def baseline(researcher):
    case = CaseFactory(owner=researcher, title="Kampung Bugis", year_start=2014, year_end=2014)
    a, b = RaterFactory(case=case, name="Peneliti A"), RaterFactory(case=case, name="Peneliti B")
    for code, value in (("FTF1", 2), ("FTF2", 2), ("FTF3", 3), ("TB1", 3)):
        rate(case, a, code, value)
        rate(case, b, code, value)
    return case


def second_round(baseline: Case, user) -> Case:
    return services.round_next_create(user=user, case=baseline, year_start=2018, year_end=2018)


def test_next_round_copies_the_set_up_and_nothing_rated(baseline, researcher):
    colleague = UserFactory(username="rekan")
    baseline.collaborators.add(colleague)
    actor = stakeholder_services.actor_create(
        name="BKM Kampung Bugis", kind=Level.INSTITUTION, sector=Sector.MASYARAKAT
    )
    stakeholder_services.participation_set(
        case=baseline, actor=actor, role="pelaksana", stages=["pelaksanaan"], note="p. 7"
    )
    services.conclusion_set(case=baseline, variable=None, narrative="Baik.", user=researcher)
    services.recommendation_create(case=baseline, text="Lanjutkan forum.")

    new = services.round_next_create(user=colleague, case=baseline, year_start=2018, year_end=2018)

    new.refresh_from_db()
    assert new.previous_round == baseline and new.round_number == 2
    assert new.title == "Kampung Bugis (2018)"
    assert (new.place_id, new.program_id, new.framework_id, new.owner_id) == (
        baseline.place_id,
        baseline.program_id,
        baseline.framework_id,
        researcher.pk,
    )
    assert list(new.collaborators.all()) == [colleague]
    assert sorted(new.raters.values_list("name", "kind")) == [
        ("Peneliti A", "researcher"),
        ("Peneliti B", "researcher"),
    ]
    assert not new.ratings.exists()
    assert not new.conclusions.exists()
    assert not new.recommendations.exists()
    [copied] = Participation.objects.filter(case=new)
    assert (copied.actor, copied.role, copied.stages, copied.note) == (
        actor,
        "pelaksana",
        ["pelaksanaan"],
        "p. 7",
    )
    assert new.result.level is None  # stored from the start, not assessed yet


def test_comparison_figures_by_hand(baseline, researcher):
    new = second_round(baseline, researcher)
    a, b = new.raters.order_by("name")
    rate(new, a, "FTF1", 3)
    rate(new, b, "FTF1", 3)
    rate(new, a, "FTF2", 3)
    rate(new, a, "TB1", 2)
    rate(new, b, "TB1", 2)

    view = selectors.case_rounds_view(researcher, Case.objects.get(pk=new.pk))

    assert [c.pk for c in view.rounds] == [baseline.pk, new.pk]
    assert view.then.pk == baseline.pk
    comparison = view.comparison
    assert (comparison.then_label, comparison.now_label) == ("2014", "2018")
    ftf = next(c for c in comparison.variables if c.code == "FTF")
    # Then: indicators 2, 2, 3 → mean 7/3 = 2,33; now: 3, 3 (FTF3 unrated) → 3,00.
    assert round(ftf.then.score, 4) == round(7 / 3, 4) and ftf.now.score == 3
    assert ftf.delta == 0.67 and ftf.trend == scoring.Trend.UP and ftf.arrow == "↑"
    assert (ftf.then.level.value, ftf.now.level.value) == (2, 3)
    assert ftf.words == (
        f"naik dari 2,33 ({ftf.then.level.label}) menjadi 3,00 ({ftf.now.level.label})"
    )
    assert ftf.notes == ("2 dari 3 indikator dinilai kini, 3 dari 3 pada 2014",)
    by_code = {i.code: i for i in ftf.indicators}
    assert by_code["FTF1"].trend == scoring.Trend.UP and by_code["FTF1"].notes == ()
    assert by_code["FTF2"].notes == ("1 penilai kini, 2 pada 2014",)
    assert by_code["FTF3"].trend == scoring.Trend.NOT_COMPARABLE
    assert by_code["FTF3"].words.startswith("3,00 (")
    tb = next(c for c in comparison.variables if c.code == "TB")
    assert (tb.then.score, tb.now.score, tb.trend) == (3, 2, scoring.Trend.DOWN)
    unrated = next(c for c in comparison.variables if c.code == "CP")
    assert unrated.trend == scoring.Trend.NOT_COMPARABLE
    assert unrated.words == "belum dinilai pada kedua putaran"
    assert comparison.notes == () and comparison.not_comparable == ()
    assert view.lines["FTF"] == [(2014, pytest.approx(7 / 3)), (2018, 3.0)]


def test_unchanged_score_is_tetap(baseline, researcher):
    new = second_round(baseline, researcher)
    a = new.raters.get(name="Peneliti A")
    rate(new, a, "TB1", 3)
    tb = next(
        c
        for c in selectors.case_rounds_view(researcher, new).comparison.variables
        if c.code == "TB"
    )
    assert (tb.delta, tb.trend, tb.arrow) == (0.0, scoring.Trend.SAME, "→")
    assert tb.words.startswith("tetap 3,00")
    # One rater now, two then: said next to the change.
    assert tb.indicators[0].notes == ("1 penilai kini, 2 pada 2014",)


def test_framework_mismatch_is_reported(baseline, researcher):
    own = services.framework_copy(framework=baseline.framework, owner=researcher, name="Versi 2")
    services.variable_delete(
        variable=Variable.objects.get(framework=own, code="TB"), user=researcher
    )
    services.indicator_create(
        variable=Variable.objects.get(framework=own, code="FTF"),
        user=researcher,
        code="FTF9",
        name_id="Forum warga daring",
    )
    later = CaseFactory(
        owner=researcher, framework=own, place=baseline.place, year_start=2019, year_end=2019
    )
    services.round_link(case=later, previous=baseline)
    rate(later, RaterFactory(case=later, name="Peneliti A"), "FTF1", 4)

    comparison = selectors.case_rounds_view(researcher, later).comparison

    assert any("kerangka" in note.lower() for note in comparison.notes)
    assert "TB Membangun kepercayaan: hanya pada 2014" in comparison.not_comparable
    assert "FTF9 Forum warga daring: hanya pada 2019" in comparison.not_comparable
    assert "TB" not in {c.code for c in comparison.variables}
    ftf = next(c for c in comparison.variables if c.code == "FTF")
    assert [i.code for i in ftf.indicators] == ["FTF1", "FTF2", "FTF3"]
    # Two coders then, one now: said for the whole comparison.
    assert "1 peneliti menilai putaran ini, 2 menilai 2014." in comparison.notes


def test_links_that_are_refused(baseline, researcher):
    def refused(case: Case, previous: Case) -> str:
        with pytest.raises(ValidationError) as caught:
            services.round_link(case=case, previous=previous)
        return " ".join(caught.value.message_dict["previous_round"])

    assert "tidak dapat mengikuti dirinya sendiri" in refused(baseline, baseline)
    elsewhere = CaseFactory(
        owner=researcher,
        place=services.place_ensure(code="13.75.01.1001"),
        year_start=2019,
        year_end=2019,
    )
    assert "satu tempat" in refused(elsewhere, baseline)
    earlier = CaseFactory(owner=researcher, place=baseline.place, year_start=2010, year_end=2010)
    assert "harus berakhir setelah 2014" in refused(earlier, baseline)
    new = second_round(baseline, researcher)
    assert "lingkaran" in refused(baseline, new)
    rival = CaseFactory(owner=researcher, place=baseline.place, year_start=2020, year_end=2020)
    assert "sudah diikuti" in refused(rival, baseline)
    with pytest.raises(ValidationError):
        second_round(baseline, researcher)
    # Nothing half-written: the chain is as it was.
    assert list(Case.objects.filter(previous_round=baseline)) == [new]
    assert Case.objects.get(pk=baseline.pk).previous_round is None


def test_deleting_a_middle_round_keeps_the_chain(baseline, researcher):
    second = second_round(baseline, researcher)
    third = services.round_next_create(user=researcher, case=second, year_start=2022, year_end=2022)
    assert Case.objects.get(pk=third.pk).round_number == 3

    services.case_delete(case=second, user=researcher)

    third.refresh_from_db()
    assert third.previous_round_id == baseline.pk and third.round_number == 2
    assert [c.pk for c in selectors.case_rounds(researcher, third)] == [baseline.pk, third.pk]


def test_editing_a_round_keeps_place_and_order(baseline, researcher):
    new = second_round(baseline, researcher)
    with pytest.raises(ValidationError) as caught:
        services.case_update(case=new, year_start=2012, year_end=2012)
    assert "previous_round" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.case_update(case=baseline, year_start=2019, year_end=2019)
    assert "year_end" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.case_update(case=new, place=services.place_ensure(code="13.75.01.1001"))
    assert "place" in caught.value.message_dict
    assert Case.objects.get(pk=new.pk).year_end == 2018


def test_unlinking_starts_a_chain_of_its_own(baseline, researcher):
    new = second_round(baseline, researcher)
    services.round_link(case=new, previous=None)
    new.refresh_from_db()
    assert new.previous_round is None and new.round_number == 1
    assert selectors.case_rounds_view(researcher, new).comparison is None


def test_rounds_view_queries_are_bounded(baseline, researcher, django_assert_max_num_queries):
    case = baseline
    for year in (2016, 2018, 2020, 2022):
        case = services.round_next_create(
            user=researcher, case=case, year_start=year, year_end=year
        )
    case = selectors.case_get_for(user=researcher, pk=case.pk)
    with django_assert_max_num_queries(8):
        view = selectors.case_rounds_view(researcher, case)
    assert len(view.rounds) == 5 and view.comparison is not None
