"""REST API v1. Thin: validate input, call a service or a selector, serialize the result."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions, status, viewsets
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from common.api import CSVRenderer, KnownCount, conflict_response
from common.hostile import StrictJSONParser
from common.problems import locked_out

from . import selectors, services
from .api_base import CaseNestedMixin, api_user
from .filters import CaseFilter, FrameworkFilter, PlaceFilter
from .models import Case, Framework, Rater, Rating, Recommendation, Variable
from .serializers import (
    CaseScoreSerializer,
    CaseSerializer,
    ConclusionSerializer,
    FrameworkCopySerializer,
    FrameworkRuleSerializer,
    FrameworkSerializer,
    PlaceSerializer,
    ProgramSerializer,
    RaterSerializer,
    RatingBatchResultSerializer,
    RatingSerializer,
    RecommendationSerializer,
    RulePreviewSerializer,
    ScoreCodesSerializer,
    ScoreRowSerializer,
    VariableInputSerializer,
    VariableSerializer,
)


class TokenApi(ObtainAuthToken):
    """Exchange a username and password for an API token."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"
    renderer_classes = [JSONRenderer]
    # One request body in the schema: clients generated from it get one clean function.
    parser_classes = [StrictJSONParser]

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            # django-axes marks the request it was given, DRF's here, which its middleware
            # (reading Django's request) never sees: answer a lockout as the sign-in page does.
            if getattr(request, "axes_locked_out", False):
                return locked_out(request._request)  # type: ignore[return-value]
            raise


class ProgramListApi(generics.ListAPIView):
    queryset = selectors.program_list()
    serializer_class = ProgramSerializer
    filterset_fields = ["code"]
    ordering_fields = ["code", "name", "start_year"]


@extend_schema(parameters=[OpenApiParameter("q", str, description="name, e.g. bukittinggi")])
class PlaceListApi(generics.ListAPIView):
    serializer_class = PlaceSerializer
    filterset_class = PlaceFilter
    ordering_fields = ["code", "name", "level"]

    def get_queryset(self):
        return selectors.place_search(self.request.query_params.get("q", ""))


class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FrameworkSerializer
    filterset_class = FrameworkFilter
    ordering_fields = ["code", "name", "created"]

    def get_queryset(self):
        return selectors.frameworks_with_structure(selectors.framework_list(user=self.request.user))

    def _detail(self, framework: Framework, code: int = status.HTTP_200_OK) -> Response:
        fresh = selectors.framework_with_structure(framework.pk)
        return Response(self.get_serializer(fresh).data, status=code)

    @extend_schema(request=FrameworkCopySerializer, responses={201: FrameworkSerializer})
    @action(detail=True, methods=["post"])
    def copy(self, request: Request, pk: Any = None) -> Response:
        data = FrameworkCopySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        copy = services.framework_copy(
            framework=self.get_object(), owner=api_user(request), **data.validated_data
        )
        return self._detail(copy, status.HTTP_201_CREATED)

    def _rule(self, framework: Framework) -> Response:
        return Response(FrameworkRuleSerializer(framework).data)

    @extend_schema(methods=["GET"], responses={200: FrameworkRuleSerializer})
    @extend_schema(
        methods=["PUT"],
        request=FrameworkRuleSerializer,
        responses={200: FrameworkRuleSerializer},
        description="Sets the rule of your own framework copy and scores its cases again; "
        "refused (400) for a shipped framework or one that a published case uses.",
    )
    @action(detail=True, methods=["get", "put"])
    def rule(self, request: Request, pk: Any = None) -> Response:
        framework = self.get_object()
        if request.method == "PUT":
            data = FrameworkRuleSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            services.framework_update(
                framework=framework, user=api_user(request), **data.validated_data
            )
            framework.refresh_from_db()
        return self._rule(framework)

    @extend_schema(
        request=FrameworkRuleSerializer,
        responses={200: RulePreviewSerializer},
        description="What the proposed rule would change in your cases on this framework; "
        "nothing is saved.",
    )
    @action(detail=True, methods=["post"], url_path="rule/preview")
    def rule_preview(self, request: Request, pk: Any = None) -> Response:
        framework = self.get_object()
        services.framework_assert_editable(framework=framework, user=api_user(request))
        data = FrameworkRuleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        preview = selectors.framework_rule_preview(
            framework=framework, user=api_user(request), rule=data.validated_data
        )
        return Response(RulePreviewSerializer(preview).data)

    @extend_schema(request=VariableInputSerializer, responses={201: VariableSerializer})
    @action(detail=True, methods=["post"])
    def variables(self, request: Request, pk: Any = None) -> Response:
        data = VariableInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        variable = services.variable_create(
            framework=self.get_object(),
            user=api_user(request),
            code=values["code"],
            name_id=values["name"],
            name_en=values["name_en"],
            description=values["description"],
            indicators=[
                services.IndicatorInput(
                    code=item["code"],
                    name_id=item["name"],
                    name_en=item["name_en"],
                    description=item["description"],
                    weight=item["weight"],
                )
                for item in values["indicators"]
            ],
        )
        return Response(VariableSerializer(variable).data, status=status.HTTP_201_CREATED)


class CaseViewSet(viewsets.ModelViewSet):
    serializer_class = CaseSerializer
    filterset_class = CaseFilter
    ordering_fields = ["title", "year_start", "year_end", "created", "updated"]

    def get_queryset(self):
        user = self.request.user
        return selectors.with_next_round(user, selectors.case_list(user=user)).prefetch_related(
            "collaborators"
        )

    def get_object(self) -> Case:
        case = super().get_object()
        if self.request.method not in permissions.SAFE_METHODS and not (
            selectors.case_can_edit(self.request.user, case)
        ):
            raise PermissionDenied("You may read this case but not change it.")
        return case

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.case_create(
            owner=api_user(self.request), **serializer.validated_data
        )

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        values = dict(serializer.validated_data)
        collaborators = values.pop("collaborators", None)
        serializer.instance = services.case_update(
            case=cast(Case, serializer.instance), collaborators=collaborators, **values
        )

    def perform_destroy(self, instance: Case) -> None:
        services.case_delete(case=instance, user=api_user(self.request))


class RaterListApi(CaseNestedMixin, generics.ListCreateAPIView):
    serializer_class = RaterSerializer
    model = Rater
    filterset_fields = ["kind"]
    ordering_fields = ["name", "kind"]

    def case_queryset(self, case: Case):
        return selectors.case_raters_visible(self.request.user, case)

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        serializer.instance = services.rater_create(
            case=self.get_case(write=True), **serializer.validated_data
        )


@extend_schema_view(
    post=extend_schema(
        request=RatingSerializer(many=True),
        responses={200: RatingBatchResultSerializer},
        description="One rating object or a list of at most 500 (the RATINGS_PER_REQUEST "
        "setting); creates or replaces by (indicator, rater). A list is all-or-nothing: errors "
        "come back keyed by item index.",
    )
)
class RatingListApi(CaseNestedMixin, generics.ListCreateAPIView):
    serializer_class = RatingSerializer
    model = Rating
    filterset_fields = ["rater"]
    ordering_fields = ["updated", "value"]

    def case_queryset(self, case: Case):
        return selectors.case_ratings_visible(self.request.user, case)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case(write=True)
        many = isinstance(request.data, list)
        if many:
            services.check_batch_size(len(request.data))
        serializer = self.get_serializer(data=request.data, many=many)
        if not serializer.is_valid():
            errors = serializer.errors
            if many:
                # Newer DRF keys list errors by index already; older returns a list.
                pairs = errors.items() if isinstance(errors, dict) else enumerate(errors)
                errors = {str(i): e for i, e in pairs if e}
            raise ValidationError(cast(dict[str, Any], errors))
        items = serializer.validated_data if many else [serializer.validated_data]
        saved = services.ratings_upsert(
            case=case,
            items=[services.RatingItem(**item) for item in items],
            user=api_user(request),
        )
        result = RatingBatchResultSerializer({"saved": len(saved), "ratings": saved})
        return Response(result.data, status=status.HTTP_200_OK)


class ConclusionApi(CaseNestedMixin, generics.GenericAPIView):
    """A variable's conclusion (by variable code), or the overall one at `overall`."""

    serializer_class = ConclusionSerializer

    def get_variable(self, case: Case) -> Variable | None:
        code = self.kwargs["variable_code"]
        if code == "overall":
            return None
        variable = selectors.framework_variable(case.framework, code)
        if variable is None:
            raise Http404
        return variable

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case()
        conclusion = selectors.case_conclusion_of(case, self.get_variable(case))
        if conclusion is None:
            raise Http404
        return Response(self.get_serializer(conclusion).data, headers=_etag(conclusion.version))

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "If-Match", str, OpenApiParameter.HEADER, description='the ETag read, e.g. "3"'
            )
        ]
    )
    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case(write=True)
        variable = self.get_variable(case)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        body_version = values.pop("version", None)
        if_match = _if_match(request)
        try:
            conclusion = services.conclusion_set(
                case=case,
                variable=variable,
                user=api_user(request),
                expected_version=if_match if if_match is not None else body_version,
                **values,
            )
        except services.EditConflict as conflict:
            if if_match is None:
                raise
            return conflict_response(
                conflict, self.get_serializer, status.HTTP_412_PRECONDITION_FAILED
            )
        return Response(self.get_serializer(conclusion).data, headers=_etag(conclusion.version))


def _etag(version: int) -> dict[str, str]:
    return {"ETag": f'"{version}"'}


def _if_match(request: Request) -> int | None:
    """The version an If-Match header names ('"3"' or 'W/"3"'); None without the header."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        return None
    digits = header.removeprefix("W/").strip('"')
    if not digits.isdigit():
        raise ValidationError({"If-Match": [_('An ETag of this API, e.g. "3".')]})
    return int(digits)


class RecommendationViewSet(CaseNestedMixin, viewsets.ModelViewSet):
    serializer_class = RecommendationSerializer
    model = Recommendation
    ordering_fields = ["order"]

    def case_queryset(self, case: Case):
        return selectors.case_recommendations(case).select_related("case")

    def _variable(self, case: Case, code: str | None) -> Variable | None:
        if not code:
            return None
        variable = selectors.framework_variable(case.framework, code)
        if variable is None:
            raise ValidationError(
                {"variable": [_("No variable %(code)s in this case's framework.") % {"code": code}]}
            )
        return variable

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        case = self.get_case(write=True)
        values = dict(serializer.validated_data)
        values["variable"] = self._variable(case, values.get("variable"))
        serializer.instance = services.recommendation_create(case=case, **values)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        case = self.get_case(write=True)
        values = dict(serializer.validated_data)
        if "variable" in values:
            values["variable"] = self._variable(case, values["variable"])
        serializer.instance = services.recommendation_update(
            recommendation=cast(Recommendation, serializer.instance), **values
        )

    def perform_destroy(self, instance: Recommendation) -> None:
        self.get_case(write=True)
        services.recommendation_delete(recommendation=instance)


class CaseScoreApi(CaseNestedMixin, generics.GenericAPIView):
    """Every variable's verdict with its explanation and agreement, and the overall verdict."""

    serializer_class = CaseScoreSerializer

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case()
        score = selectors.case_score_get(case)
        payload = {"case_id": case.pk, "framework_code": case.framework.code, "score": score}
        return Response(self.get_serializer(payload).data)


@extend_schema(
    parameters=[
        OpenApiParameter("variable", str, description="variable code, e.g. FTF"),
        OpenApiParameter("verdict", str, description="verdict code, e.g. kurang_baik"),
        OpenApiParameter("format", str, enum=["json", "csv"]),
    ],
    responses={
        (200, "application/json"): ScoreRowSerializer(many=True),
        (200, "text/csv"): OpenApiTypes.STR,
    },
)
class ScoreListApi(generics.ListAPIView):
    """One row per case and variable; `?format=csv` returns every row as CSV."""

    serializer_class = ScoreRowSerializer
    filterset_class = CaseFilter
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer]  # type: ignore[list-item]
    ordering_fields: list[str] = []  # rows follow the case order
    csv_columns = list(ScoreRowSerializer().fields)

    def get_queryset(self):
        return selectors.case_list(user=self.request.user)

    def _scope(self, queryset: QuerySet[Any]) -> tuple[QuerySet[Any], dict[str, str]]:
        """The cases the case filters pick, and the variable and verdict codes asked for."""
        cases = super().filter_queryset(queryset)
        codes = ScoreCodesSerializer(data=self.request.query_params)
        codes.is_valid(raise_exception=True)
        return cases, dict(codes.validated_data)

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        # The stored results of the picked cases are the rows.
        cases, codes = self._scope(queryset)
        return selectors.score_results(cases, **codes)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        cases, codes = self._scope(self.get_queryset())
        results = selectors.score_results(cases, **codes)
        if request.accepted_renderer.format == "csv":
            return Response(selectors.score_rows(results))
        count = selectors.score_results_count(cases, **codes)
        # Paginates anything sliceable with a count, not only a queryset.
        page: list[Any] | None = self.paginate_queryset(KnownCount(results, count))  # type: ignore[arg-type]
        return self.get_paginated_response(selectors.score_rows(page or []))


class ApiRootApi(APIView):
    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        from django.urls import reverse

        return Response(
            {
                name: request.build_absolute_uri(reverse(f"api:{name}"))
                for name in ("programs", "places", "framework-list", "case-list", "scores")
            }
        )
