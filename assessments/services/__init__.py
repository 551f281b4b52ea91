"""Writes. The admin, the forms, the API, the commands and the tasks all call these.

One module per topic; this package keeps every service importable as
`assessments.services.<name>`.
"""

from common.saving import EditConflict

from .cases import CASE_EDITABLE_FIELDS, case_create, case_delete, case_update
from .chains import round_link
from .conclusions import (
    conclusion_delete,
    conclusion_set,
    recommendation_create,
    recommendation_delete,
    recommendation_update,
)
from .frameworks import (
    FRAMEWORK_RULE_FIELDS,
    INDICATOR_FIELDS,
    VARIABLE_FIELDS,
    IndicatorInput,
    framework_assert_editable,
    framework_copy,
    framework_update,
    indicator_create,
    indicator_delete,
    indicator_update,
    variable_create,
    variable_delete,
    variable_update,
)
from .history import conclusion_restore, rating_restore
from .ordering import indicator_move, indicators_reorder, variable_move, variables_reorder
from .places import place_ensure
from .raters import (
    INFORMANT_LINK_SALT,
    InformantLinkError,
    informant_link_issue,
    informant_link_renew,
    informant_link_revoke,
    informant_link_token,
    informant_quotes_set,
    informant_rater_from_token,
    rater_create,
    rater_delete,
    rater_for_user,
)
from .rating_lists import RatingItem, check_batch_size, ratings_upsert
from .ratings import check_level, rating_delete, rating_upsert
from .results import (
    case_results_compute,
    case_results_store,
    cases_results_differences,
    cases_results_store,
    framework_results_store,
)
from .rounds import round_next_create, round_started
from .tallies import tallies_differences, tallies_kept, tallies_rebuild

__all__ = [
    "CASE_EDITABLE_FIELDS",
    "FRAMEWORK_RULE_FIELDS",
    "INDICATOR_FIELDS",
    "INFORMANT_LINK_SALT",
    "VARIABLE_FIELDS",
    "EditConflict",
    "IndicatorInput",
    "InformantLinkError",
    "RatingItem",
    "case_create",
    "case_delete",
    "case_results_compute",
    "case_results_store",
    "case_update",
    "cases_results_differences",
    "cases_results_store",
    "check_batch_size",
    "check_level",
    "conclusion_delete",
    "conclusion_restore",
    "conclusion_set",
    "framework_assert_editable",
    "framework_copy",
    "framework_results_store",
    "framework_update",
    "indicator_create",
    "indicator_delete",
    "indicator_move",
    "indicator_update",
    "indicators_reorder",
    "informant_link_issue",
    "informant_link_renew",
    "informant_link_revoke",
    "informant_link_token",
    "informant_quotes_set",
    "informant_rater_from_token",
    "place_ensure",
    "rater_create",
    "rater_delete",
    "rater_for_user",
    "rating_delete",
    "rating_restore",
    "rating_upsert",
    "ratings_upsert",
    "recommendation_create",
    "recommendation_delete",
    "recommendation_update",
    "round_link",
    "round_next_create",
    "round_started",
    "tallies_differences",
    "tallies_kept",
    "tallies_rebuild",
    "variable_create",
    "variable_delete",
    "variable_move",
    "variable_update",
    "variables_reorder",
]
