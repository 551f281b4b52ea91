"""The order of a framework's variables and of a variable's indicators."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from common.errors import ApplicationError

from ..models import Framework, Indicator, User, Variable
from .frameworks import framework_assert_editable
from .results import framework_results_store

Part = TypeVar("Part", Variable, Indicator)


def _set_order(siblings: QuerySet[Part], codes: Sequence[str], message: str) -> None:
    """Numbers `siblings` in the order of `codes`, which must name each of them once."""
    by_code = {part.code: part for part in siblings}
    if sorted(codes) != sorted(by_code):
        raise ApplicationError({"codes": message})
    for position, code in enumerate(codes, start=1):
        by_code[code].order = position
    siblings.model.objects.bulk_update(by_code.values(), ["order"])


def _moved(siblings: QuerySet[Part], code: str, offset: int) -> list[str]:
    """The codes of `siblings` in order, `code` swapped with its neighbour `offset` places
    away (-1 up, +1 down); unchanged at either end."""
    codes = list(siblings.order_by("order", "code").values_list("code", flat=True))
    index = codes.index(code)
    other = index + offset
    if 0 <= other < len(codes):
        codes[index], codes[other] = codes[other], codes[index]
    return codes


@transaction.atomic
def variables_reorder(*, framework: Framework, user: User, codes: Sequence[str]) -> None:
    framework_assert_editable(framework=framework, user=user)
    _set_order(
        framework.variables.all(),
        codes,
        _("Give every variable code of the framework exactly once."),
    )
    # Stored results keep the variables in the framework's order.
    framework_results_store(framework=framework)


@transaction.atomic
def indicators_reorder(*, variable: Variable, user: User, codes: Sequence[str]) -> None:
    framework_assert_editable(framework=variable.framework, user=user)
    _set_order(
        variable.indicators.all(),
        codes,
        _("Give every indicator code of the variable exactly once."),
    )


@transaction.atomic
def variable_move(*, variable: Variable, user: User, offset: int) -> None:
    """One place up (-1) or down (+1); at either end nothing moves."""
    codes = _moved(variable.framework.variables.all(), variable.code, offset)
    variables_reorder(framework=variable.framework, user=user, codes=codes)


@transaction.atomic
def indicator_move(*, indicator: Indicator, user: User, offset: int) -> None:
    """One place up (-1) or down (+1) among its variable's indicators."""
    codes = _moved(indicator.variable.indicators.all(), indicator.code, offset)
    indicators_reorder(variable=indicator.variable, user=user, codes=codes)
