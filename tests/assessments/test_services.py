from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assessments import services
from assessments.models import Case, Conclusion, Framework, Indicator, Program, Rating, Variable
from common.errors import ApplicationError
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db


def indicator(code: str, framework_code: str = "ansell-gash-2008") -> Indicator:
    return Indicator.objects.get(framework__code=framework_code, code=code)


def test_shipped_reference_data():
    assert set(Program.objects.values_list("code", flat=True)) >= {
        "kotaku",
        "plpbk",
        "penanggulangan-kemiskinan",
    }
    framework = Framework.objects.get(code="ansell-gash-2008")
    assert [
        (v.code, [i.code for i in v.indicators.order_by("order")])
        for v in framework.variables.order_by("order")
    ] == [
        ("FTF", ["FTF1", "FTF2", "FTF3"]),
        ("TB", ["TB1", "TB2", "TB3"]),
        ("CP", ["CP1", "CP2", "CP3"]),
        ("SU", ["SU1", "SU2", "SU3"]),
        ("IO", ["IO1", "IO2", "IO3"]),
    ]
    assert indicator("IO1").name_id == "Hasil capaian sementara (small wins)"
    full = Framework.objects.get(code="ansell-gash-2008-full")
    assert list(full.variables.order_by("order").values_list("code", flat=True)) == [
        "SC",
        "ID",
        "FL",
        "FTF",
        "TB",
        "CP",
        "SU",
        "IO",
    ]
    assert list(framework.scale.levels.values_list("code", flat=True)) == [
        "belum_terlaksana",
        "kurang_baik",
        "baik_belum_optimal",
        "optimal",
    ]


def test_rating_upsert_creates_then_replaces_one_rating(case, raters):
    services.rating_upsert(
        case=case,
        rater=raters[0],
        indicator=indicator("FTF1"),
        value=2,
        evidence="“Rapat rutin tiap bulan.”",
        source_type="wawancara",
    )
    services.rating_upsert(case=case, rater=raters[0], indicator=indicator("FTF1"), value=3)
    rating = Rating.objects.get()
    assert rating.value == 3
    assert rating.history.count() == 2


def test_not_assessed_is_a_rating_without_value(case, raters):
    services.rating_upsert(case=case, rater=raters[0], indicator=indicator("FTF1"), value=None)
    assert Rating.objects.get().value is None


@pytest.mark.parametrize("value", [0, 5, -1])
def test_rating_outside_the_scale_is_rejected(case, raters, value):
    with pytest.raises(ApplicationError) as error:
        services.rating_upsert(case=case, rater=raters[0], indicator=indicator("FTF1"), value=value)
    assert "value" in error.value.message_dict
    assert not Rating.objects.exists()


def test_indicator_from_another_framework_is_rejected(case, raters):
    with pytest.raises(ApplicationError) as error:
        services.rating_upsert(
            case=case, rater=raters[0], indicator=indicator("SC1", "ansell-gash-2008-full"), value=3
        )
    assert "indicator" in error.value.message_dict
    assert not Rating.objects.exists()


def test_rater_from_another_case_is_rejected(case):
    stranger = RaterFactory()
    with pytest.raises(ApplicationError) as error:
        services.rating_upsert(case=case, rater=stranger, indicator=indicator("FTF1"), value=3)
    assert "rater" in error.value.message_dict
    assert not Rating.objects.exists()


def test_bad_source_type_is_rejected(case, raters):
    with pytest.raises(ValidationError) as error:
        services.rating_upsert(
            case=case, rater=raters[0], indicator=indicator("FTF1"), value=3, source_type="gosip"
        )
    assert "source_type" in error.value.message_dict


def test_override_without_reason_is_rejected(case):
    variable = Variable.objects.get(framework=case.framework, code="FTF")
    with pytest.raises(ApplicationError) as error:
        services.conclusion_set(
            case=case, variable=variable, override_level=3, override_reason="   "
        )
    assert "override_reason" in error.value.message_dict
    assert not Conclusion.objects.exists()


def test_override_outside_the_scale_is_rejected(case):
    with pytest.raises(ApplicationError) as error:
        services.conclusion_set(case=case, variable=None, override_level=9, override_reason="x")
    assert "override_level" in error.value.message_dict


def test_database_refuses_an_override_without_reason(case):
    with pytest.raises(IntegrityError), transaction.atomic():
        Conclusion.objects.create(case=case, override_level=2, override_reason="")


def test_overall_and_variable_conclusions_are_one_each(case, researcher):
    variable = Variable.objects.get(framework=case.framework, code="TB")
    services.conclusion_set(case=case, variable=None, narrative="a", user=researcher)
    services.conclusion_set(case=case, variable=None, narrative="b", user=researcher)
    services.conclusion_set(
        case=case,
        variable=variable,
        narrative="c",
        override_level=2,
        override_reason="Notulen rapat tidak ditemukan.",
    )
    assert Conclusion.objects.count() == 2
    overall = Conclusion.objects.get(variable=None)
    assert overall.narrative == "b"
    history = list(overall.history.order_by("history_date"))
    assert [h.narrative for h in history] == ["a", "b"]
    assert history[-1].history_user == researcher
    with pytest.raises(IntegrityError), transaction.atomic():
        Conclusion.objects.create(case=case, variable=None)


def test_case_end_year_before_start_is_rejected(researcher):
    with pytest.raises(ValidationError) as error:
        services.case_create(
            owner=researcher,
            title="x",
            program=Program.objects.first(),
            place=services.place_ensure(code="13.75"),
            year_start=2019,
            year_end=2018,
        )
    assert "year_end" in error.value.message_dict
    assert not Case.objects.exists()


def test_case_create_defaults_to_ansell_gash_and_adds_collaborators(researcher):
    colleague = UserFactory(username="rekan")
    case = services.case_create(
        owner=researcher,
        title="Studi",
        place=services.place_ensure(code="13.75"),
        program=Program.objects.get(code="plpbk"),
        year_start=2010,
        year_end=2012,
        collaborators=["rekan"],
    )
    assert case.framework.code == "ansell-gash-2008"
    assert list(case.collaborators.all()) == [colleague]


def test_unknown_collaborator_is_rejected_and_nothing_saved(researcher):
    with pytest.raises(ApplicationError) as error:
        services.case_create(
            owner=researcher,
            title="Studi",
            place=services.place_ensure(code="13.75"),
            program=Program.objects.first(),
            year_start=2010,
            year_end=2012,
            collaborators=["tidak-ada"],
        )
    assert "collaborators" in error.value.message_dict
    assert not Case.objects.exists()


def test_place_ensure_creates_the_place_with_its_parents():
    from assessments.models import Place

    for level in (4, 3, 2):  # children first: parents are protected
        Place.objects.filter(code__startswith="16.74", level=level).delete()
    assert not Place.objects.filter(code="16.74").exists()
    place = services.place_ensure(code="1674")
    assert place.code == "16.74"
    assert place.name == "Kota Prabumulih"
    assert place.parent.code == "16"


def test_place_ensure_rejects_an_unknown_code():
    with pytest.raises(ApplicationError):
        services.place_ensure(code="99.99")


def test_framework_copy_is_deep_and_leaves_the_original_alone(case, raters, researcher):
    services.rating_upsert(case=case, rater=raters[0], indicator=indicator("FTF1"), value=3)
    original = case.framework
    copy = services.framework_copy(framework=original, owner=researcher)
    assert copy.owner == researcher and copy.copied_from == original
    assert copy.indicators.count() == 15
    ftf = copy.variables.get(code="FTF")
    services.variable_update(variable=ftf, user=researcher, name_id="Dialog langsung")
    services.indicator_create(variable=ftf, user=researcher, code="FTF4", name_id="Rapat daring")
    services.indicator_delete(indicator=copy.indicators.get(code="FTF2"), user=researcher)
    services.variables_reorder(
        framework=copy, user=researcher, codes=["IO", "SU", "CP", "TB", "FTF"]
    )
    services.variable_create(
        framework=copy,
        user=researcher,
        code="KOM",
        name_id="Komunikasi antarinstansi",
        indicators=[services.IndicatorInput(code="KOM1", name_id="Koordinasi")],
    )
    assert list(copy.variables.order_by("order").values_list("code", flat=True)) == [
        "IO",
        "SU",
        "CP",
        "TB",
        "FTF",
        "KOM",
    ]
    assert sorted(ftf.indicators.values_list("code", flat=True)) == ["FTF1", "FTF3", "FTF4"]
    # The original and the case scored with it are unchanged.
    original.refresh_from_db()
    assert original.variables.get(code="FTF").name_id == "Dialog tatap muka"
    assert original.indicators.count() == 15
    assert Rating.objects.get().indicator.framework == original


def test_shipped_frameworks_cannot_be_edited(researcher):
    framework = Framework.objects.get(code="ansell-gash-2008")
    with pytest.raises(ApplicationError):
        services.variable_update(
            variable=framework.variables.get(code="FTF"), user=researcher, name_id="x"
        )


def test_a_framework_used_by_a_published_case_cannot_be_edited(researcher):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    CaseFactory(owner=researcher, framework=copy, status=Case.Status.PUBLISHED)
    with pytest.raises(ApplicationError) as error:
        services.variable_create(framework=copy, user=researcher, code="X", name_id="X")
    assert "published" in str(error.value) or "terbit" in str(error.value)


def test_someone_elses_framework_cannot_be_edited(researcher):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    with pytest.raises(ApplicationError):
        services.variable_delete(
            variable=copy.variables.get(code="IO"), user=UserFactory(username="lain")
        )


def test_an_indicator_with_ratings_cannot_be_removed(researcher):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    case = CaseFactory(owner=researcher, framework=copy)
    rater = RaterFactory(case=case)
    target = copy.indicators.get(code="TB1")
    services.rating_upsert(case=case, rater=rater, indicator=target, value=2)
    with pytest.raises(ApplicationError):
        services.indicator_delete(indicator=target, user=researcher)
    assert Indicator.objects.filter(pk=target.pk).exists()


def test_explicit_bands_that_do_not_fit_the_scale_are_rejected(researcher):
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=researcher
    )
    with pytest.raises(ApplicationError) as error:
        services.framework_update(
            framework=copy, user=researcher, banding="explicit", band_thresholds=[3, 2]
        )
    assert "band_thresholds" in error.value.message_dict
    copy.refresh_from_db()
    assert copy.banding == "interval"
