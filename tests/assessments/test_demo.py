from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings

from assessments import selectors, services
from assessments.models import Case, Conclusion, Rater, Rating, Recommendation, User
from stakeholders.models import (
    Actor,
    Factor,
    Participation,
    Partnership,
    ProgramOutput,
    SlumArea,
    Tie,
)

pytestmark = pytest.mark.django_db

COUNTED = (
    User,
    Case,
    Rater,
    Rating,
    Rating.history.model,
    Conclusion,
    Conclusion.history.model,
    Recommendation,
    Actor,
    Participation,
    Tie,
    Partnership,
    Factor,
    ProgramOutput,
    SlumArea,
)


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@override_settings(DEBUG=True)
def test_load_demo_is_idempotent():
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert first["Rating"] == 15  # 15 indicators, one coder of seed 001
    # seed 001 has none, seed 003 one, seed 004 ten (for each of its two places)
    assert first["Recommendation"] == 0 + 1 + 2 * 10
    assert first["Case"] == 4  # Tanjungpinang, Pasar II, Kebondalem, Podosugih
    assert first["Tie"] == 15  # seed 003: 10 individual + 5 institutional
    assert first["ProgramOutput"] == 7 and first["SlumArea"] == 1


@override_settings(DEBUG=True)
def test_demo_case_is_the_tanjungpinang_case_and_its_verdicts_follow_from_ratings():
    call_command("load_demo")
    case = Case.objects.get(title__contains="Kampung Bugis")
    assert case.program.code == "kotaku"
    assert case.place.name == "Kampung Bugis"
    assert case.place.parent.parent.name == "Kota Tanjung Pinang"
    assert (case.year_start, case.year_end) == (2018, 2018)
    assert Rating.objects.filter(case=case).exclude(evidence="").count() == 15
    assert not case.recommendations.exists()  # the paper writes no Saran
    assert case.raters.count() == 1
    score = selectors.case_score_get(case)
    assert {v.spec.code: v.level.code for v in score.variables} == {
        "FTF": "baik_belum_optimal",
        "TB": "baik_belum_optimal",
        "CP": "baik_belum_optimal",
        "SU": "optimal",
        "IO": "optimal",
    }
    assert score.overall.level.code == "baik_belum_optimal"
    # Nothing is hard-coded: lowering the ratings of SU lowers its verdict.
    for rating in Rating.objects.filter(case=case, indicator__code__startswith="SU"):
        services.rating_upsert(
            case=case,
            rater=rating.rater,
            indicator=rating.indicator,
            value=1,
            evidence=rating.evidence,
            source_type=rating.source_type,
            source_detail=rating.source_detail,
            date=rating.date,
        )
    assert selectors.case_score_get(case).variable("SU").level.code == "belum_terlaksana"


@override_settings(DEBUG=True)
def test_demo_logins_exist_when_debug_is_on():
    call_command("load_demo")
    assert User.objects.get(username="demo").check_password("demo")
    pokja = User.objects.get(username="pokja")
    assert pokja.role == User.Role.POKJA and pokja.check_password("pokja")


@override_settings(DEBUG=False)
def test_no_demo_logins_without_debug():
    call_command("load_demo")
    assert not User.objects.get(username="demo").has_usable_password()
    assert not User.objects.filter(username="pokja").exists()
