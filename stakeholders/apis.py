"""Stakeholder endpoints under /api/v1/, with the case rules of the assessments API."""

from __future__ import annotations

from typing import Any, cast

from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from assessments.api_base import CaseNestedMixin, api_user
from common.api import CSVRenderer, query_choice

from . import network, selectors, services
from .models import (
    Actor,
    Addressee,
    Factor,
    Level,
    Participation,
    Partnership,
    ProgramOutput,
    SlumArea,
    Stage,
    Tie,
)
from .serializers import (
    ActorSerializer,
    ActorTypeSerializer,
    AddresseesSerializer,
    FactorSerializer,
    NetworkSerializer,
    ParticipationSerializer,
    PartnershipSerializer,
    ProgramOutputSerializer,
    SlumAreaSerializer,
    TieSerializer,
    network_payload,
)


class ActorTypeListApi(generics.ListAPIView):
    queryset = selectors.actor_type_list()
    serializer_class = ActorTypeSerializer
    filterset_fields = ["sector"]


@extend_schema(parameters=[OpenApiParameter("q", str, description="name contains")])
class ActorViewSet(viewsets.ModelViewSet):
    serializer_class = ActorSerializer
    filterset_fields = ["kind", "sector", "type__code"]
    ordering_fields = ["name"]

    def get_queryset(self):
        return selectors.actor_list(query=self.request.query_params.get("q", ""))

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.actor_create(
            created_by=api_user(self.request), **serializer.validated_data
        )

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.actor_update(
            actor=cast(Actor, serializer.instance),
            user=api_user(self.request),
            **serializer.validated_data,
        )

    def perform_destroy(self, instance: Actor) -> None:
        services.actor_delete(actor=instance, user=api_user(self.request))


class CaseChildViewSet(
    CaseNestedMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """List, add, read and remove the rows of one case; writes need edit rights on it."""

    related_name = ""
    create_service: Any = None

    def case_queryset(self, case):
        return selectors.case_rows(case, self.related_name)

    def perform_create(self, serializer) -> None:
        serializer.instance = type(self).create_service(
            case=self.get_case(write=True), **serializer.validated_data
        )

    def perform_destroy(self, instance) -> None:
        self.get_case(write=True)
        services.case_row_delete(row=instance)


class ParticipationViewSet(CaseChildViewSet):
    serializer_class = ParticipationSerializer
    model = Participation
    related_name = "participations"
    create_service = services.participation_set

    def case_queryset(self, case):
        return selectors.case_participations(case)


class TieViewSet(CaseChildViewSet):
    serializer_class = TieSerializer
    model = Tie
    related_name = "ties"
    create_service = services.tie_create
    filterset_fields = ["level", "stage", "strength", "direction", "form"]


class PartnershipViewSet(CaseChildViewSet):
    serializer_class = PartnershipSerializer
    model = Partnership
    related_name = "partnerships"
    create_service = services.partnership_create

    def case_queryset(self, case):
        return selectors.case_partnerships(case)


class FactorViewSet(CaseChildViewSet):
    serializer_class = FactorSerializer
    model = Factor
    related_name = "factors"
    create_service = services.factor_create
    filterset_fields = ["kind"]


class ProgramOutputViewSet(CaseChildViewSet):
    serializer_class = ProgramOutputSerializer
    model = ProgramOutput
    related_name = "outputs"
    create_service = services.output_create


class SlumAreaViewSet(CaseChildViewSet):
    serializer_class = SlumAreaSerializer
    model = SlumArea
    related_name = "slum_areas"
    create_service = services.slum_area_create


class AddresseesApi(CaseNestedMixin, generics.GenericAPIView):
    """Whom a recommendation of the case addresses ("Saran untuk Bappeda"): actors taking part
    in the case. BAB V groups its Saran by them. PUT replaces the whole set."""

    serializer_class = AddresseesSerializer
    model = Addressee

    def _recommendation(self, case: Any) -> Any:
        recommendation = selectors.case_recommendation_addressed(
            case, self.kwargs["recommendation_pk"]
        )
        if recommendation is None:
            raise Http404
        return recommendation

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self._recommendation(self.get_case())).data)

    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case(write=True)
        recommendation = self._recommendation(case)
        serializer = self.get_serializer(recommendation, data=request.data)
        serializer.is_valid(raise_exception=True)
        services.addressees_set(
            recommendation=recommendation, actors=serializer.validated_data["actors"]
        )
        return Response(self.get_serializer(self._recommendation(case)).data)


def _network_params(request: Request) -> tuple[str, str]:
    level = query_choice(request, "level", Level.values, Level.INSTITUTION)
    stage = query_choice(request, "stage", ["", *Stage.values], "")
    return level, stage


NETWORK_PARAMETERS = [
    OpenApiParameter("level", str, enum=Level.values, description="default institution"),
    OpenApiParameter("stage", str, enum=Stage.values),
]


@extend_schema(parameters=NETWORK_PARAMETERS)
class NetworkApi(CaseNestedMixin, generics.GenericAPIView):
    """Nodes with their metrics, edges with the tie fields, and a summary."""

    serializer_class = NetworkSerializer

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        level, stage = _network_params(request)
        analysed = selectors.case_network(self.get_case(), level=level, stage=stage)
        return Response(
            self.get_serializer(network_payload(analysed, level=level, stage=stage)).data
        )


class NetworkExportApi(CaseNestedMixin, generics.GenericAPIView):
    """The network as a file for Gephi or Kumu: GEXF, GraphML or a CSV edge list."""

    serializer_class = NetworkSerializer
    renderer_classes = [CSVRenderer]
    export_format = "gexf"
    csv_columns = network.EDGE_COLUMNS

    @extend_schema(
        parameters=NETWORK_PARAMETERS,
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        level, stage = _network_params(request)
        case = self.get_case()
        analysed = selectors.case_network(case, level=level, stage=stage)
        name = f"kolaborasi-case-{case.pk}-{level}{'-' + stage if stage else ''}"
        if self.export_format == "csv":
            return Response(
                network.edge_rows(analysed),
                headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
            )
        body, content_type = (
            (network.to_gexf(analysed), "application/gexf+xml")
            if self.export_format == "gexf"
            else (network.to_graphml(analysed), "application/graphml+xml")
        )
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}.{self.export_format}"'
        return response
