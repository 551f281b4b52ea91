"""Report downloads: the chapter as PDF or DOCX, the scores and ratings as XLSX or CSV."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from assessments import selectors as assessment_selectors
from assessments.api_base import CaseNestedMixin, api_user
from assessments.fields import PlaceCodeField
from assessments.serializers import CaseScoreSerializer
from common.api import query_choice, query_flag

from . import selectors, services
from .models import Job

LANGUAGE = OpenApiParameter("lang", str, enum=["id", "en"], description="default id")


APPENDIX = OpenApiParameter(
    "lampiran",
    bool,
    description="PDF and DOCX: end the chapter with its appendix (LAMPIRAN); default true",
)


def report_appendix(request: Request) -> bool:
    return query_flag(request, "lampiran", default=True)


def report_language(request: Request) -> str:
    return query_choice(request, "lang", ("id", "en"), "id")


class CaseReportApi(CaseNestedMixin, generics.GenericAPIView):
    """BAB V KESIMPULAN DAN SARAN of one case (`pdf`, `docx`), or its scores and ratings
    (`xlsx`, `csv`)."""

    serializer_class = CaseScoreSerializer
    kind = "pdf"

    @extend_schema(
        parameters=[LANGUAGE, APPENDIX],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        case = self.get_case()
        report = services.case_report(
            case=case,
            kind=self.kind,
            language=report_language(request),
            reader=api_user(request),
            appendix=report_appendix(request),
        )
        response = HttpResponse(report.content, content_type=report.content_type)
        response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
        return response


class JobSerializer(serializers.ModelSerializer):
    program = serializers.SlugRelatedField(
        slug_field="code",
        queryset=assessment_selectors.program_list(),
        required=False,
        allow_null=True,
    )
    place = PlaceCodeField(required=False, allow_null=True)
    percent = serializers.IntegerField(read_only=True)
    download = serializers.SerializerMethodField()

    class Meta:
        model = Job
        fields = [
            "id",
            "status",
            "progress",
            "total",
            "percent",
            "program",
            "place",
            "language",
            "format",
            "download",
            "error",
            "created",
            "finished",
        ]
        read_only_fields = ["id", "status", "progress", "total", "error", "created", "finished"]

    def get_download(self, job: Job) -> str | None:
        if job.status != Job.Status.DONE:
            return None
        return self.context["request"].build_absolute_uri(
            reverse("api:job-download", args=[job.pk])
        )

    def to_representation(self, job: Job) -> dict:
        data = super().to_representation(job)
        data["place"] = job.place_id
        return data


class JobViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Batches of reports for a program or a place, built in the background (zipped)."""

    serializer_class = JobSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Job.objects.none()
        return selectors.job_list(user=api_user(self.request))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = services.report_batch_start(user=api_user(request), **serializer.validated_data)
        job.refresh_from_db()
        return Response(self.get_serializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(request=None, responses={202: JobSerializer})
    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk: Any = None) -> Response:
        """Start a failed batch again, from its first case."""
        job = services.report_batch_retry(job=self.get_object(), user=api_user(request))
        return Response(self.get_serializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: Any = None) -> FileResponse:
        return selectors.job_archive(self.get_object())
