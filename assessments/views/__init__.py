"""Researchers' pages. Thin: load through selectors, write through services, render.

One module per topic; `assessments.urls` names each view as `views.<name>`.
"""

from .cases import case_create, case_detail, case_edit, home, place_search_view
from .conclusions import conclusions, recommendation_add, recommendation_delete
from .frameworks import framework_edit, frameworks
from .history import conclusion_history, rating_history
from .imports import rating_import, rating_template
from .raters import informant, informant_link, informant_quotes, raters
from .rating import rate_indicator, rate_variable, rate_variable_all, rater_self_create
from .rounds import case_rounds

__all__ = [
    "case_create",
    "case_detail",
    "case_edit",
    "case_rounds",
    "conclusion_history",
    "conclusions",
    "framework_edit",
    "frameworks",
    "home",
    "informant",
    "informant_link",
    "informant_quotes",
    "place_search_view",
    "rate_indicator",
    "rate_variable",
    "rate_variable_all",
    "rater_self_create",
    "raters",
    "rating_history",
    "rating_import",
    "rating_template",
    "recommendation_add",
    "recommendation_delete",
]
