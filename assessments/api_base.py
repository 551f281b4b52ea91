"""What the stakeholders and reports APIs build on: endpoints nested under a case, and the
signed-in user of a request. Both know cases and users, so they live here rather than in
`common`; everything domain-free is in `common.api`."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from rest_framework import generics
from rest_framework.exceptions import NotAuthenticated
from rest_framework.request import Request

from . import selectors
from .models import Case, User


def api_user(request: Request) -> User:
    """The signed-in user of an API request; every endpoint but the token one needs one."""
    user = request.user
    if not isinstance(user, User):
        raise NotAuthenticated
    return user


def case_for(request: Request, pk: int, *, write: bool = False) -> Case:
    return selectors.case_get_for(user=request.user, pk=pk, write=write)


class CaseNestedMixin(generics.GenericAPIView[Any]):
    """Endpoints under /cases/{id}/: the case decides who may read and who may write."""

    model: type[Model]

    def get_case(self, *, write: bool = False) -> Case:
        return case_for(self.request, self.kwargs["case_pk"], write=write)

    def case_queryset(self, case: Case) -> QuerySet[Any]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no case
            return self.model._default_manager.none()
        return self.case_queryset(self.get_case())
