"""Would another shipped rule change a verdict? Hand-computed cases, and the property that the
framework's own rule always gives the verdict itself."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings

from assessments.scoring import Banding, OverallMethod, score_case

from .test_scoring import (
    FIVE_VARIABLES,
    as_inputs,
    build,
    framework_options,
    rating_lists,
    ratings,
)


def one_and_two_then_threes():
    """FTF rated 1 and 2 by two raters on every indicator (1,50); the others 3 by one rater."""
    values = {f"FTF{n}": [1, 2] for n in (1, 2, 3)}
    values.update({f"{v}{n}": [3] for v in ("TB", "CP", "SU", "IO") for n in (1, 2, 3)})
    return ratings(values)


def store_one_and_two_then_threes(case, raters) -> None:
    """The same ratings stored through the service, `raters` being coders 1 and 2."""
    from assessments import services
    from assessments.models import Indicator

    indicators = {i.code: i for i in Indicator.objects.filter(framework=case.framework)}
    for rating in one_and_two_then_threes():
        services.rating_upsert(
            case=case,
            rater=raters[rating.rater - 1],
            indicator=indicators[rating.indicator],
            value=rating.value,
        )


def test_a_mean_of_one_and_a_half_depends_on_the_banding():
    """1,50 is below 1,75 (interval class: level 1) but 37,5 % of the ideal score 4 (up to
    50 %: level 2); median and mean of the two raters are both 1,50."""
    check = score_case(FIVE_VARIABLES, one_and_two_then_threes()).variable("FTF").robustness
    assert check.levels() == {
        "median/interval": 1,
        "median/percentage": 2,
        "mean/interval": 1,
        "mean/percentage": 2,
    }
    assert check.reading == "depends_on_rule" and not check.stable
    assert [(rule.key, level.value) for rule, level in check.alternatives] == [
        ("median/percentage", 2),
        ("mean/percentage", 2),
    ]
    assert check.alternatives[0][0].label == "median penilai · persentase skor ideal"


def test_threes_are_stable_under_every_rule():
    """3 is in [2,50; 3,25) and is 75 % of 4 (closed above): level 3 whichever the rule."""
    check = score_case(FIVE_VARIABLES, one_and_two_then_threes()).variable("TB").robustness
    assert set(check.levels().values()) == {3} and check.reading == "stable"


def test_the_overall_depends_on_the_method_when_one_variable_lags():
    """Levels (1, 3, 3, 3, 3) by interval class, (2, 3, 3, 3, 3) by percentage: the median is
    3 both ways, the mean 2,70 is level 3 both ways (67,5 %), the lowest is 1 or 2."""
    overall = score_case(FIVE_VARIABLES, one_and_two_then_threes()).overall.robustness
    assert overall.level.value == 3 and overall.reading == "depends_on_rule"
    assert {rule.key: level.value for rule, level in overall.alternatives} == {
        "median/interval/minimum": 1,
        "median/percentage/minimum": 2,
        "mean/interval/minimum": 1,
        "mean/percentage/minimum": 2,
    }
    assert len(overall.outcomes) == 12


def test_the_frameworks_own_rule_comes_first():
    framework = replace(
        FIVE_VARIABLES,
        banding=Banding.PERCENTAGE,
        overall_method=OverallMethod.MINIMUM,
    )
    overall = score_case(framework, one_and_two_then_threes()).overall.robustness
    assert overall.outcomes[0][0].key == "median/percentage/minimum"
    assert overall.level.value == 2


def test_nothing_rated_is_not_assessed_under_any_rule():
    result = score_case(FIVE_VARIABLES, [])
    assert result.variable("FTF").robustness.reading == "not_assessed"
    assert result.overall.robustness.reading == "not_assessed"


@settings(max_examples=200, deadline=None)
@given(rows=rating_lists, options=framework_options)
def test_the_own_rule_gives_the_verdict_itself(rows, options):
    result = score_case(build(options), as_inputs(rows))
    for verdict in result.variables:
        assert verdict.robustness.level == verdict.computed_level
    assert result.overall.robustness.level == result.overall.computed_level


def test_the_case_page_the_api_and_the_chapter_show_which_verdicts_depend_on_the_rule(
    client, researcher, case, raters
):

    from assessments.models import CaseResult
    from reports.chapter import build_chapter

    store_one_and_two_then_threes(case, raters)
    stored = CaseResult.objects.get(case=case)
    assert len(stored.rule_levels) == 12
    assert stored.rule_levels[0] == ["median/interval/median", 3]
    client.force_login(researcher)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert 'id="variable-FTF"' in page
    ftf_row = page.split('id="variable-FTF"')[1].split("</tr>")[0]
    assert 'data-robustness="depends_on_rule"' in ftf_row
    assert "median penilai · persentase skor ideal: Terlaksana namun kurang baik" in ftf_row
    tb_row = page.split('id="variable-TB"')[1].split("</tr>")[0]
    assert "stabil dengan semua aturan" in tb_row
    body = client.get(f"/api/v1/cases/{case.pk}/scores/").json()
    ftf = next(v for v in body["variables"] if v["code"] == "FTF")
    assert ftf["robustness"]["reading"] == "depends_on_rule"
    assert [r["level"] for r in ftf["robustness"]["rules"]] == [1, 2, 1, 2]
    assert body["overall"]["robustness"]["rules"][0]["rule"] == "median/interval/median"
    note = " ".join(build_chapter(case, "id").method_note)
    assert "Kekokohan: dengan aturan lain yang tersedia, simpulan berikut akan berubah" in note
    assert "Dialog tatap muka (median penilai · persentase skor ideal" in note
