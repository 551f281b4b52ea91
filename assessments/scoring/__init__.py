"""The one scoring core: plain values in, verdicts and their explanations out.

No ORM here. The selector `case_scores_compute` feeds it (and `case_score_get` puts a
stored score together again with `stored_case_score`); the pages, the API, the spreadsheets and
the PDF and DOCX chapter all read its results. Arithmetic is exact (`Fraction`) so a mean of
exactly 1,75 lands in the band that starts at 1,75 and never in the one below because of
floating-point error.
"""

from common.numbers import format_number

from .case import score_case
from .change import (
    Change,
    Measured,
    Reading,
    RoundComparison,
    RoundSnapshot,
    Trend,
    compare_rounds,
)
from .compute import (
    aggregate_indicator,
    agreement_counts,
    coders_only,
    indicator_voices,
    krippendorff_alpha,
    score_overall,
    score_variable,
    weighted_mean,
)
from .panel import PanelIndicator, PanelSpread, panel_spread
from .results import (
    AGREEMENT_READINGS,
    Agreement,
    CaseScore,
    FrameworkSpec,
    IndicatorScore,
    IndicatorSpec,
    OverallVerdict,
    Override,
    RatingInput,
    VariableSpec,
    VariableVerdict,
    agreement_label,
    overall_label,
)
from .robustness import Robustness, Rule, RuleCheck, robustness
from .scale import (
    Band,
    Banding,
    IndicatorAggregation,
    Level,
    OverallMethod,
    Scale,
    ScoringError,
    band_for,
    build_bands,
    level_label,
)
from .stored import StoredCase, StoredVariable, stored_case_score

__all__ = [
    "AGREEMENT_READINGS",
    "Agreement",
    "Band",
    "Banding",
    "CaseScore",
    "Change",
    "FrameworkSpec",
    "IndicatorAggregation",
    "IndicatorScore",
    "IndicatorSpec",
    "Level",
    "Measured",
    "OverallMethod",
    "OverallVerdict",
    "Override",
    "PanelIndicator",
    "PanelSpread",
    "RatingInput",
    "Reading",
    "Robustness",
    "RoundComparison",
    "RoundSnapshot",
    "Rule",
    "RuleCheck",
    "Scale",
    "ScoringError",
    "StoredCase",
    "StoredVariable",
    "Trend",
    "VariableSpec",
    "VariableVerdict",
    "aggregate_indicator",
    "agreement_counts",
    "agreement_label",
    "band_for",
    "build_bands",
    "coders_only",
    "compare_rounds",
    "format_number",
    "indicator_voices",
    "krippendorff_alpha",
    "level_label",
    "overall_label",
    "panel_spread",
    "robustness",
    "score_case",
    "score_overall",
    "score_variable",
    "stored_case_score",
    "weighted_mean",
]
