"""GET /api/v1/dashboard/: the dashboard's aggregates as JSON, for the same filters."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments.api_base import api_user

from .dashboard import Counts, Dashboard, dashboard_get
from .dashboard_forms import DashboardForm


class CountsSchema(serializers.Serializer):
    median_level = serializers.IntegerField(allow_null=True)
    assessed = serializers.IntegerField(help_text="cases with a verdict")
    levels = serializers.DictField(
        child=serializers.IntegerField(), help_text='cases per level, "none" for not assessed'
    )


@extend_schema_field(CountsSchema)
class CountsField(serializers.Field):
    """Level counts as {"1": n, …, "none": n}, with the median level."""

    def to_representation(self, counts: Counts) -> dict[str, Any]:
        return {
            "median_level": counts.median,
            "assessed": counts.assessed,
            "levels": {
                ("none" if level is None else str(level)): n
                for level, n in sorted(counts.by_level.items(), key=lambda i: (i[0] is None, i[0]))
            },
        }


class HeatRowSerializer(serializers.Serializer):
    place = serializers.CharField(source="place.code")
    place_name = serializers.CharField(source="place.name")
    cases = serializers.IntegerField()
    cells = serializers.ListField(child=CountsField())
    whole = serializers.BooleanField(
        help_text="the cases sited at the scope's place itself, with no finer place"
    )


class WeakIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    variable = serializers.CharField()
    mean_score = serializers.FloatField()
    cases = serializers.IntegerField()


class TrendPointSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="the year cases ended, or the round with over=round")
    median_score = serializers.FloatField(allow_null=True, help_text="of the assessed cases")
    mean_score = serializers.FloatField(allow_null=True)
    counts = CountsField()


class DashboardSerializer(serializers.Serializer):
    place = serializers.CharField(source="scope.place.code", allow_null=True, default=None)
    framework = serializers.CharField(source="scope.framework.code")
    cases = serializers.IntegerField()
    variables = serializers.SerializerMethodField()
    heatmap = HeatRowSerializer(source="rows", many=True)
    distribution = serializers.ListField(child=CountsField())
    weakest_indicators = WeakIndicatorSerializer(source="weakest", many=True)
    over = serializers.CharField(source="scope.over")
    trend = serializers.DictField(child=TrendPointSerializer(many=True))
    agreement = serializers.DictField(child=serializers.IntegerField())
    complete = serializers.IntegerField()

    def get_variables(self, board: Dashboard) -> list[dict[str, str]]:
        return [{"code": code, "name": name} for code, name in board.variables]


@extend_schema(
    parameters=[
        OpenApiParameter("place", str, description="Kemendagri code; empty: all of Indonesia"),
        OpenApiParameter("program", str, description="program code, e.g. kotaku"),
        OpenApiParameter("year_from", int, description="cases that ended in or after"),
        OpenApiParameter("year_to", int, description="cases that ended in or before"),
        OpenApiParameter("framework", int, description="framework id (default Ansell & Gash)"),
        OpenApiParameter(
            "over",
            str,
            enum=["year", "round"],
            description="trend by the year cases ended (default) or by round: the places "
            "assessed more than once, their first, second, … round",
        ),
    ],
    responses=DashboardSerializer,
)
class DashboardApi(APIView):
    """Heatmap cells (level counts per place one level below the scope and variable), verdict
    distribution per variable, weakest indicators, the trend per year and agreement, over the
    cases the user may open."""

    def get(self, request: Request) -> Response:
        user = api_user(request)
        form = DashboardForm(request.query_params, user=user)
        if not form.is_valid():
            raise ValidationError(
                {
                    ("non_field_errors" if field == "__all__" else field): [str(e) for e in errors]
                    for field, errors in form.errors.items()
                }
            )
        board = dashboard_get(user=user, scope=form.scope())
        return Response(DashboardSerializer(board).data)
