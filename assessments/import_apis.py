"""Ratings from a spreadsheet over the API: the same check, preview and all-or-nothing save as
the case's import page."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from common.api import query_choice, query_flag
from common.errors import ApplicationError

from .api_base import CaseNestedMixin, api_user
from .rating_sheet import ratings_template
from .services.rating_import import ratings_import, ratings_plan


class RatingImportUploadSerializer(serializers.Serializer[Any]):
    file = serializers.FileField()


class ImportRowSerializer(serializers.Serializer[Any]):
    row = serializers.IntegerField()
    status = serializers.ChoiceField(choices=["new", "changed", "unchanged"])
    cells = serializers.ListField(child=serializers.CharField())


class ImportSummarySerializer(serializers.Serializer[Any]):
    new = serializers.IntegerField()
    changed = serializers.IntegerField()
    unchanged = serializers.IntegerField()


class RatingImportResultSerializer(serializers.Serializer[Any]):
    saved = serializers.BooleanField()
    summary = ImportSummarySerializer()
    rows = ImportRowSerializer(many=True)


class RatingImportApi(CaseNestedMixin, generics.GenericAPIView):
    """Upload a filled-in ratings template (XLSX) or a CSV with its columns. `?dry_run=true`
    only says what would change. Every row is checked first: one bad row and nothing is saved,
    every error listed in `file` with its sheet, row and column. The same file twice changes
    nothing the second time."""

    serializer_class = RatingImportUploadSerializer
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        parameters=[OpenApiParameter("dry_run", bool, description="preview only; default false")],
        responses={200: RatingImportResultSerializer},
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        case = self.get_case(write=True)
        dry_run = query_flag(request, "dry_run", default=False)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        content = upload.read()
        try:
            plan = self.run(
                case=case,
                content=content,
                filename=upload.name,
                user=api_user(request),
                dry_run=dry_run,
            )
        except ApplicationError as error:
            if error.detail is None:
                raise
            # Rows stay numbers: {"file": [{"sheet", "row", "column", "message"}, …]}.
            return Response(error.detail, status=status.HTTP_400_BAD_REQUEST)
        rows = [
            {
                "row": row.row,
                "status": row.status,
                "cells": [str(cell) for cell in row.cells],
            }
            for row in plan.rows
        ]
        payload = {"saved": not dry_run, "summary": plan.summary, "rows": rows}
        return Response(RatingImportResultSerializer(payload).data)

    def run(self, *, case: Any, content: bytes, filename: str, user: Any, dry_run: bool) -> Any:
        if dry_run:
            return ratings_plan(case=case, content=content, filename=filename)
        return ratings_import(case=case, content=content, filename=filename, user=user)


class RatingTemplateApi(CaseNestedMixin, generics.GenericAPIView):
    """The case's ratings template: instructions, one row per indicator × rater with what is
    saved, the scale's levels as a drop-down."""

    serializer_class = RatingImportUploadSerializer

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        case = self.get_case(write=True)
        language = query_choice(request, "lang", ("id", "en"), "id")
        response = HttpResponse(
            ratings_template(case, language),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="templat-penilaian-{case.pk}.xlsx"'
        return response
