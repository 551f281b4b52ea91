"""Rounds over the API: what changed since an earlier round of the place, and the next round."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from . import selectors, services
from .api_base import CaseNestedMixin, api_user
from .models import Case
from .serializers import CaseRoundsSerializer, CaseSerializer, NextRoundSerializer


@extend_schema(
    parameters=[
        OpenApiParameter(
            "with",
            int,
            description="another round of this place to compare against (default: the previous)",
        )
    ]
)
class CaseComparisonApi(CaseNestedMixin, generics.GenericAPIView):
    """The rounds of this case's place and, per variable and indicator, the score and verdict
    then and now with the change (up, down, same), matched by code; what cannot be compared
    (another framework) and what differs (coverage, raters) is listed, not hidden."""

    serializer_class = CaseRoundsSerializer

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case()
        view = selectors.case_rounds_view(
            request.user, case, with_id=request.query_params.get("with") or None
        )
        payload = {
            "case_id": case.pk,
            "compared_with": view.then.pk if view.then else None,
            "rounds": view.rounds,
            "comparison": view.comparison,
            "lines": view.lines,
        }
        return Response(self.get_serializer(payload).data)


@extend_schema(request=NextRoundSerializer, responses={201: CaseSerializer})
class NextRoundApi(CaseNestedMixin, generics.GenericAPIView):
    """Start the next round of this case: a new case for a later period at the same place with
    its set-up (framework, researchers, raters without answers, actors), nothing rated."""

    serializer_class = NextRoundSerializer

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case(write=True)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        new = services.round_next_create(
            user=api_user(request), case=case, **serializer.validated_data
        )
        created = Case.objects.select_related("place").get(pk=new.pk)
        data = CaseSerializer(created, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)
