"""What the stakeholders and reports APIs build on: endpoints nested under a case. It knows
cases and who may open them, so it lives here rather than in `common`; everything
domain-free is in `common.api`."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from rest_framework.request import Request

from . import selectors
from .models import Case


def case_for(request: Request, pk: int, *, write: bool = False) -> Case:
    return selectors.case_get_for(user=request.user, pk=pk, write=write)


class CaseNestedMixin:
    """Endpoints under /cases/{id}/: the case decides who may read and who may write."""

    request: Request
    kwargs: dict[str, Any]
    model: type[Model]

    def get_case(self, *, write: bool = False) -> Case:
        return case_for(self.request, self.kwargs["case_pk"], write=write)

    def case_queryset(self, case: Case) -> QuerySet[Any]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no case
            return self.model._default_manager.none()
        return self.case_queryset(self.get_case())
