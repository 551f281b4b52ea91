from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from django import forms
from django.http import HttpRequest, QueryDict

from common.saving import EditConflict

from .. import selectors
from ..models import Case


def case_for(request: HttpRequest, pk: int, *, write: bool = False) -> Case:
    return selectors.case_get_for(user=request.user, pk=pk, write=write)


FormT = TypeVar("FormT", bound=forms.Form)


def form_after_conflict(
    form: forms.Form, error: EditConflict, build: Callable[[QueryDict], FormT]
) -> FormT:
    """The form again with what this person typed and the conflict above it; its version is
    now the other person's, so a second save knowingly replaces their value."""
    posted = cast(QueryDict, form.data).copy()
    posted[form.add_prefix("version")] = str(error.current.version if error.current else 0)
    again = build(posted)
    again.is_valid()
    again.add_error(None, error.messages)
    return again
