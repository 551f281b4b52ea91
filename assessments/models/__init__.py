from .cases import Case, Conclusion, Rater, Rating, Recommendation
from .frameworks import Framework, Indicator, Scale, ScaleLevel, Variable
from .people_places import Place, Program, User, Visitor
from .results import Agreement, CaseResult, IndicatorResult, VariableResult
from .tallies import CaseTally, IndicatorTally, VariableTally

__all__ = [
    "Agreement",
    "Case",
    "CaseResult",
    "CaseTally",
    "Conclusion",
    "Framework",
    "Indicator",
    "IndicatorResult",
    "IndicatorTally",
    "Place",
    "Program",
    "Rater",
    "Rating",
    "Recommendation",
    "Scale",
    "ScaleLevel",
    "User",
    "Variable",
    "VariableResult",
    "VariableTally",
    "Visitor",
]
