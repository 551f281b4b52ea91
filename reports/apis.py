"""Report downloads: the chapter as PDF or DOCX, the scores and ratings as XLSX or CSV."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from assessments.apis import CaseNestedMixin
from assessments.serializers import CaseScoreSerializer

from . import services

LANGUAGE = OpenApiParameter("lang", str, enum=["id", "en"], description="default id")


def report_language(request: Request) -> str:
    language = request.query_params.get("lang", "id")
    if language not in ("id", "en"):
        raise ValidationError({"lang": ["Choose id or en."]})
    return language


class CaseReportApi(CaseNestedMixin, generics.GenericAPIView):
    """BAB V KESIMPULAN DAN SARAN of one case (`pdf`, `docx`), or its scores and ratings
    (`xlsx`, `csv`)."""

    serializer_class = CaseScoreSerializer
    kind = "pdf"

    @extend_schema(
        parameters=[LANGUAGE], responses={(200, "application/octet-stream"): OpenApiTypes.BINARY}
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        case = self.get_case()
        report = services.case_report(case=case, kind=self.kind, language=report_language(request))
        response = HttpResponse(report.content, content_type=report.content_type)
        response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
        return response
