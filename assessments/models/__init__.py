from .cases import Case, Conclusion, Rater, Rating, Recommendation
from .frameworks import Framework, Indicator, Scale, ScaleLevel, Variable
from .people_places import Place, Program, User, Visitor

__all__ = [
    "Case",
    "Conclusion",
    "Framework",
    "Indicator",
    "Place",
    "Program",
    "Rater",
    "Rating",
    "Recommendation",
    "Scale",
    "ScaleLevel",
    "User",
    "Variable",
    "Visitor",
]
