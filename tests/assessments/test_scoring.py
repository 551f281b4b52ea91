"""The scoring core, table-style, without the database."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.reference import DEFAULT_SCALE
from assessments.scoring import (
    Banding,
    FrameworkSpec,
    IndicatorAggregation,
    IndicatorSpec,
    Level,
    OverallMethod,
    Override,
    RatingInput,
    Scale,
    ScoringError,
    VariableSpec,
    aggregate_indicator,
    band_for,
    build_bands,
    format_number,
    krippendorff_alpha,
    score_case,
)

FOUR = Scale(
    tuple(
        Level(v, code, label_id, label_en)
        for v, code, label_id, label_en, *_ in DEFAULT_SCALE["levels"]
    )
)
FIVE = Scale(tuple(Level(v, f"l{v}", f"Tingkat {v}", f"Level {v}") for v in range(1, 6)))


def spec(
    *variables: tuple[str, list[str]], weights: dict[str, int] | None = None, **options
) -> FrameworkSpec:
    weights = weights or {}
    return FrameworkSpec(
        scale=options.pop("scale", FOUR),
        variables=tuple(
            VariableSpec(
                code,
                f"Variabel {code}",
                f"Variable {code}",
                tuple(
                    IndicatorSpec(i, f"Indikator {i}", weight=weights.get(i, 1)) for i in indicators
                ),
            )
            for code, indicators in variables
        ),
        **options,
    )


ONE_VARIABLE = spec(("FTF", ["FTF1", "FTF2", "FTF3"]))
FIVE_VARIABLES = spec(*[(v, [f"{v}1", f"{v}2", f"{v}3"]) for v in ("FTF", "TB", "CP", "SU", "IO")])


def ratings(values: dict[str, list[int | None]]) -> list[RatingInput]:
    return [
        RatingInput(indicator, rater, value)
        for indicator, by_rater in values.items()
        for rater, value in enumerate(by_rater, start=1)
    ]


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (Fraction(1), 1),
        (Fraction(174, 100), 1),
        (Fraction(7, 4), 2),  # 1,75 opens level 2 exactly
        (Fraction(249, 100), 2),
        (Fraction(5, 2), 3),
        (Fraction(13, 4), 4),
        (Fraction(4), 4),
    ],
)
def test_interval_class_bands_follow_the_thesis_rule(score, expected):
    bands = build_bands(FOUR, Banding.INTERVAL)
    assert [(b.lower, b.upper) for b in bands] == [
        (1, Fraction(7, 4)),
        (Fraction(7, 4), Fraction(5, 2)),
        (Fraction(5, 2), Fraction(13, 4)),
        (Fraction(13, 4), 4),
    ]
    assert band_for(score, bands, FOUR).level.value == expected


def test_a_five_level_scale_has_bands_of_width_0_8():
    bands = build_bands(FIVE, Banding.INTERVAL)
    assert [float(b.lower) for b in bands] == [1.0, 1.8, 2.6, 3.4, 4.2]
    assert band_for(Fraction(34, 10), bands, FIVE).level.value == 4


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (Fraction(1), 1),
        (Fraction(2), 2),
        (Fraction(21, 10), 3),
        (Fraction(3), 3),
        (Fraction(31, 10), 4),
        (Fraction(4), 4),
    ],
)
def test_percentage_of_ideal_bands_close_above_at_25_50_75(score, expected):
    # 2 of 4 is 50 % (level 2, "26–50 %"); 3,1 of 4 is 77,5 % (level 4).
    bands = build_bands(FOUR, Banding.PERCENTAGE)
    assert band_for(score, bands, FOUR).level.value == expected


def test_explicit_cut_points_replace_the_interval_rule():
    bands = build_bands(FOUR, Banding.EXPLICIT, [Decimal("2"), Decimal("3"), Decimal("3.5")])
    assert band_for(Fraction(2), bands, FOUR).level.value == 2
    assert band_for(Fraction(349, 100), bands, FOUR).level.value == 3
    assert band_for(Fraction(7, 2), bands, FOUR).level.value == 4


@pytest.mark.parametrize(
    "thresholds",
    [[], [2, 3], [3, 2, 3.5], [1, 2, 3], [2, 3, 4]],
    ids=["none", "too-few", "descending", "at-minimum", "at-maximum"],
)
def test_bad_explicit_cut_points_are_refused(thresholds):
    with pytest.raises(ScoringError):
        build_bands(FOUR, Banding.EXPLICIT, thresholds)


@pytest.mark.parametrize(
    ("values", "method", "expected"),
    [
        ([1, 3, 4], IndicatorAggregation.MEDIAN, Fraction(3)),
        ([2, 3], IndicatorAggregation.MEDIAN, Fraction(5, 2)),
        ([1, 3, 4], IndicatorAggregation.MEAN, Fraction(8, 3)),
        ([], IndicatorAggregation.MEDIAN, None),
    ],
)
def test_indicator_score_aggregates_its_raters(values, method, expected):
    assert aggregate_indicator(values, method) == expected


def test_worked_example_mean_of_three_indicators_in_indonesian():
    result = score_case(ONE_VARIABLE, ratings({"FTF1": [2], "FTF2": [2], "FTF3": [3]}))
    verdict = result.variable("FTF")
    assert verdict.score == Fraction(7, 3)
    assert verdict.computed_level.code == "kurang_baik"
    assert verdict.coverage == (3, 3)
    assert verdict.explanation == (
        "Rata-rata 2,33 dari 3 indikator berada pada kelas 1,75–2,50: Terlaksana namun kurang baik"
    )


def test_worked_example_explanation_in_english():
    result = score_case(ONE_VARIABLE, ratings({"FTF1": [2], "FTF2": [2], "FTF3": [3]}))
    with translation.override("en"):
        assert result.variable("FTF").explanation == (
            "Mean 2.33 of 3 indicators is in the class 1.75–2.50: Implemented, but poorly"
        )


def test_median_across_raters_then_mean_across_indicators():
    # FTF1: median(1, 3, 4) = 3; FTF2: median(2, 2, 4) = 2; FTF3: median(4, 4, 3) = 4 → 3,00.
    result = score_case(
        ONE_VARIABLE, ratings({"FTF1": [1, 3, 4], "FTF2": [2, 2, 4], "FTF3": [4, 4, 3]})
    )
    verdict = result.variable("FTF")
    assert [i.score for i in verdict.indicators] == [3, 2, 4]
    assert verdict.score == 3
    assert verdict.computed_level.code == "baik_belum_optimal"


def test_weights_pull_the_variable_score():
    framework = spec(("FTF", ["FTF1", "FTF2"]), weights={"FTF1": 2})
    # (4·2 + 1·1) / 3 = 3,00
    assert score_case(framework, ratings({"FTF1": [4], "FTF2": [1]})).variable("FTF").score == 3


def test_unrated_indicators_are_left_out_and_reported_in_coverage():
    result = score_case(ONE_VARIABLE, ratings({"FTF1": [4], "FTF2": [None], "FTF3": [3]}))
    verdict = result.variable("FTF")
    assert verdict.coverage == (2, 3)
    assert verdict.score == Fraction(7, 2)
    assert verdict.explanation == (
        "Rata-rata 3,50 dari 2 indikator yang dinilai (dari 3) berada pada kelas 3,25–4,00: Optimal"
    )


def test_a_variable_without_ratings_is_not_assessed_never_zero():
    result = score_case(FIVE_VARIABLES, ratings({"FTF1": [3]}))
    verdict = result.variable("TB")
    assert verdict.score is None
    assert verdict.level is None
    assert not verdict.assessed
    assert verdict.coverage == (0, 3)
    assert "belum dinilai" in verdict.explanation.lower()
    # One assessed variable of five: by default an overall verdict needs all five.
    assert result.overall.computed_level is None and result.overall.variable_levels == ()


def test_an_overall_verdict_needs_the_frameworks_coverage():
    """Hand-computed: FTF at 3 and TB at 2 assessed, CP, SU and IO not."""
    given = ratings(five_levels(3, 2))
    strict = score_case(FIVE_VARIABLES, given)
    overall = strict.overall
    assert (overall.rated, overall.total, overall.needed) == (2, 5, 5)
    assert overall.level is None and not overall.concludable
    assert overall.label == "Belum dapat disimpulkan (2 dari 5 variabel dinilai)"
    assert "2 dari 5 variabel" in overall.explanation and "memerlukan 5" in overall.explanation
    # A framework content with two variables concludes: median of (2, 3) is the lower, 2.
    lenient = score_case(replace(FIVE_VARIABLES, min_variables_rated=2), given)
    assert lenient.overall.concludable and lenient.overall.computed_level.value == 2
    assert lenient.overall.label == "Terlaksana namun kurang baik"
    # Three needed, two assessed: not yet, under any method.
    for method in OverallMethod:
        three = replace(FIVE_VARIABLES, min_variables_rated=3, overall_method=method)
        assert score_case(three, given).overall.level is None
    # An override still stands: the researcher may conclude, with a written reason.
    overridden = score_case(FIVE_VARIABLES, given, {None: Override(3, "Wawancara Lurah")})
    assert overridden.overall.level.value == 3 and overridden.overall.computed_level is None
    # Nothing assessed is "not assessed", not "cannot be concluded".
    assert score_case(FIVE_VARIABLES, []).overall.label == "Belum dinilai"
    # A minimum above the number of variables asks for every variable, never more.
    assert replace(FIVE_VARIABLES, min_variables_rated=9).variables_needed == 5


def test_a_case_without_ratings_is_not_assessed():
    result = score_case(FIVE_VARIABLES, [])
    assert result.overall.level is None
    assert not result.agreement.computable


def five_levels(*levels: int) -> dict[str, list[int]]:
    """One rating per indicator so that variable i lands exactly on levels[i]."""
    return {
        f"{v}{n}": [level]
        for v, level in zip(("FTF", "TB", "CP", "SU", "IO"), levels, strict=False)
        for n in (1, 2, 3)
    }


@pytest.mark.parametrize(
    ("levels", "method", "expected"),
    [
        ((2, 3, 3, 4, 1), OverallMethod.MEDIAN, 3),
        ((1, 2, 3, 4), OverallMethod.MEDIAN, 2),  # lower middle when even
        ((2, 3, 3, 4, 1), OverallMethod.MINIMUM, 1),
        ((2, 3), OverallMethod.MEAN, 3),  # mean 2,50 opens level 3
        ((1, 2), OverallMethod.MEAN, 1),  # mean 1,50 is below 1,75
    ],
)
def test_overall_verdict_methods(levels, method, expected):
    # As many variables as are rated: the coverage rule is tested on its own below.
    codes = ("FTF", "TB", "CP", "SU", "IO")[: len(levels)]
    framework = spec(*[(v, [f"{v}1", f"{v}2", f"{v}3"]) for v in codes], overall_method=method)
    result = score_case(framework, ratings(five_levels(*levels)))
    assert result.overall.computed_level.value == expected


def test_overall_median_explanation_lists_the_levels():
    result = score_case(FIVE_VARIABLES, ratings(five_levels(2, 3, 3, 4, 1)))
    assert result.overall.explanation == (
        "Median tingkat dari 5 variabel (1, 2, 3, 3, 4) adalah 3: Baik namun belum optimal"
    )


def test_percentage_explanation_names_the_ideal_score():
    framework = spec(("FTF", ["FTF1", "FTF2", "FTF3"]), banding=Banding.PERCENTAGE)
    verdict = score_case(framework, ratings({"FTF1": [2], "FTF2": [3], "FTF3": [3]})).variable(
        "FTF"
    )
    assert verdict.computed_level.code == "baik_belum_optimal"
    assert verdict.explanation == (
        "Rata-rata 2,67 dari 3 indikator = 66,67 % dari skor ideal 4, berada pada kelas "
        "50–75 %: Baik namun belum optimal"
    )


def test_override_keeps_the_computed_verdict_beside_it():
    result = score_case(
        ONE_VARIABLE,
        ratings({"FTF1": [2], "FTF2": [2], "FTF3": [2]}),
        {"FTF": Override(3, "Dokumen notulen menunjukkan forum rutin."), None: Override(4, "x")},
    )
    verdict = result.variable("FTF")
    assert verdict.computed_level.value == 2
    assert verdict.level.value == 3
    assert result.overall.computed_level.value == 2  # from computed, not overridden, levels
    assert result.overall.level.value == 4


def test_agreement_is_not_computable_with_one_rater():
    agreement = krippendorff_alpha(ratings({"A": [3], "B": [2]}), ["A", "B"], FOUR)
    assert agreement.alpha is None
    assert agreement.reading == "not_computable"


def test_agreement_is_not_computable_when_raters_share_no_indicator():
    data = [RatingInput("A", 1, 3), RatingInput("B", 2, 2)]
    assert krippendorff_alpha(data, ["A", "B"], FOUR).alpha is None


def test_identical_varied_ratings_agree_perfectly():
    data = ratings({"A": [1, 1], "B": [2, 2], "C": [4, 4]})
    agreement = krippendorff_alpha(data, ["A", "B", "C"], FOUR)
    assert agreement.alpha == 1.0
    assert agreement.reading == "reliable"
    assert (agreement.raters, agreement.units) == (2, 3)


def test_opposite_ratings_are_unreliable():
    data = ratings({"A": [1, 4], "B": [4, 1], "C": [2, 3]})
    agreement = krippendorff_alpha(data, ["A", "B", "C"], FOUR)
    assert agreement.alpha < 0
    assert agreement.reading == "unreliable"


def test_hand_computed_ordinal_alpha():
    """Units (1,1), (2,2), (3,4), (4,4) by two raters, worked out by hand.

    Value counts n1=2, n2=2, n3=1, n4=3, n=8. Ordinal δ²(c,k) = (Σ_{g=c..k} n_g − (n_c+n_k)/2)²:
    δ²(1,2)=4, δ²(1,3)=12,25, δ²(1,4)=30,25, δ²(2,3)=2,25, δ²(2,4)=12,25, δ²(3,4)=4.
    Observed: only the (3,4) unit disagrees, o_34 = o_43 = 1 → D_o = (4 + 4) / 8 = 1.
    Expected: Σ_{c≠k} n_c·n_k·δ² = 2·(16 + 24,5 + 181,5 + 4,5 + 73,5 + 12) = 624,
    D_e = 624 / (8·7) = 11,142857. α = 1 − 1 / 11,142857 = 0,910.
    """
    data = ratings({"A": [1, 1], "B": [2, 2], "C": [3, 4], "D": [4, 4]})
    agreement = krippendorff_alpha(data, ["A", "B", "C", "D"], FOUR)
    assert agreement.alpha == pytest.approx(0.910, abs=0.0005)
    assert agreement.reading == "reliable"


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        (19762620000, "id", "19.762.620.000,00"),
        (19762620000, "en", "19,762,620,000.00"),
        (Fraction(7, 3), "id", "2,33"),
    ],
)
def test_numbers_are_formatted_for_the_language(value, language, text):
    with translation.override(language):
        assert format_number(value) == text


# Properties ---------------------------------------------------------------------------------

INDICATORS = [f"{v}{n}" for v in ("FTF", "TB", "CP", "SU", "IO") for n in (1, 2, 3)]
rating_lists = st.lists(
    st.tuples(
        st.sampled_from(INDICATORS), st.integers(1, 4), st.one_of(st.none(), st.integers(1, 4))
    ),
    min_size=1,
    max_size=40,
    unique_by=lambda t: (t[0], t[1]),
)
framework_options = st.fixed_dictionaries(
    {
        "indicator_aggregation": st.sampled_from(list(IndicatorAggregation)),
        "overall_method": st.sampled_from(list(OverallMethod)),
        "banding": st.sampled_from([Banding.INTERVAL, Banding.PERCENTAGE]),
    }
)


def build(options) -> FrameworkSpec:
    return spec(
        *[(v, [f"{v}1", f"{v}2", f"{v}3"]) for v in ("FTF", "TB", "CP", "SU", "IO")],
        weights={"FTF1": 3, "TB2": 2},
        **options,
    )


def as_inputs(rows) -> list[RatingInput]:
    return [RatingInput(indicator, rater, value) for indicator, rater, value in rows]


def levels_of(result) -> list[int]:
    values = [v.computed_level.value if v.computed_level else 0 for v in result.variables]
    overall = result.overall.computed_level
    return [*values, overall.value if overall else 0]


@settings(max_examples=150, deadline=None)
@given(rows=rating_lists, options=framework_options)
def test_scores_stay_within_the_scale(rows, options):
    result = score_case(build(options), as_inputs(rows))
    for verdict in result.variables:
        if verdict.score is not None:
            assert 1 <= verdict.score <= 4
            assert verdict.computed_level is not None
        for indicator in verdict.indicators:
            assert indicator.score is None or 1 <= indicator.score <= 4
    if result.agreement.alpha is not None:
        assert -1 <= result.agreement.alpha <= 1


@settings(max_examples=150, deadline=None)
@given(rows=rating_lists, options=framework_options, data=st.data())
def test_raising_any_single_rating_never_lowers_a_verdict(rows, options, data):
    rated = [i for i, row in enumerate(rows) if row[2] is not None and row[2] < 4]
    if not rated:
        return
    index = data.draw(st.sampled_from(rated))
    indicator, rater, value = rows[index]
    raised = list(rows)
    raised[index] = (indicator, rater, data.draw(st.integers(value + 1, 4)))
    framework = build(options)
    before = levels_of(score_case(framework, as_inputs(rows)))
    after = levels_of(score_case(framework, as_inputs(raised)))
    assert all(a >= b for a, b in zip(after, before, strict=True))


@settings(max_examples=100, deadline=None)
@given(rows=rating_lists, options=framework_options, data=st.data())
def test_input_order_never_matters(rows, options, data):
    shuffled = data.draw(st.permutations(rows))
    framework = build(options)
    first, second = (
        score_case(framework, as_inputs(rows)),
        score_case(framework, as_inputs(shuffled)),
    )
    assert [v.score for v in first.variables] == [v.score for v in second.variables]
    assert levels_of(first) == levels_of(second)
    assert first.agreement == second.agreement
