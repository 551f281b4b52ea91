from .cases import Case, Conclusion, Rater, Rating, Recommendation
from .frameworks import Framework, Indicator, Scale, ScaleLevel, Variable
from .people_places import Place, Program, User, Visitor
from .results import Agreement, CaseResult, IndicatorResult, VariableResult

__all__ = [
    "Agreement",
    "Case",
    "CaseResult",
    "Conclusion",
    "Framework",
    "Indicator",
    "IndicatorResult",
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
    "Visitor",
]
