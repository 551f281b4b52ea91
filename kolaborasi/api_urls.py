from django.urls import include, path
from rest_framework.routers import SimpleRouter

from assessments import apis, import_apis, round_apis
from reports import apis as report_apis
from reports.dashboard_api import DashboardApi
from stakeholders import apis as stakeholder_apis
from stakeholders import import_apis as stakeholder_import_apis

app_name = "api"

router = SimpleRouter()
router.register("frameworks", apis.FrameworkViewSet, basename="framework")
router.register("cases", apis.CaseViewSet, basename="case")
router.register("actors", stakeholder_apis.ActorViewSet, basename="actor")
router.register("jobs", report_apis.JobViewSet, basename="job")

recommendations = SimpleRouter()
recommendations.register("recommendations", apis.RecommendationViewSet, basename="recommendation")
for prefix, viewset in (
    ("participations", stakeholder_apis.ParticipationViewSet),
    ("ties", stakeholder_apis.TieViewSet),
    ("partnerships", stakeholder_apis.PartnershipViewSet),
    ("factors", stakeholder_apis.FactorViewSet),
    ("outputs", stakeholder_apis.ProgramOutputViewSet),
    ("slum-areas", stakeholder_apis.SlumAreaViewSet),
):
    recommendations.register(prefix, viewset, basename=prefix.rstrip("s").replace("-", "_"))

urlpatterns = [
    path("", apis.ApiRootApi.as_view(), name="root"),
    path("auth/token/", apis.TokenApi.as_view(), name="token"),
    path("programs/", apis.ProgramListApi.as_view(), name="programs"),
    path("places/", apis.PlaceListApi.as_view(), name="places"),
    path("scores/", apis.ScoreListApi.as_view(), name="scores"),
    path("dashboard/", DashboardApi.as_view(), name="dashboard"),
    path("cases/<int:case_pk>/raters/", apis.RaterListApi.as_view(), name="case-raters"),
    path("cases/<int:case_pk>/ratings/", apis.RatingListApi.as_view(), name="case-ratings"),
    path(
        "cases/<int:case_pk>/conclusions/<str:variable_code>/",
        apis.ConclusionApi.as_view(),
        name="case-conclusion",
    ),
    path("cases/<int:case_pk>/scores/", apis.CaseScoreApi.as_view(), name="case-scores"),
    path(
        "cases/<int:case_pk>/comparison/",
        round_apis.CaseComparisonApi.as_view(),
        name="case-comparison",
    ),
    path(
        "cases/<int:case_pk>/next-round/", round_apis.NextRoundApi.as_view(), name="case-next-round"
    ),
    path(
        "cases/<int:case_pk>/ratings/import/",
        import_apis.RatingImportApi.as_view(),
        name="case-ratings-import",
    ),
    path(
        "cases/<int:case_pk>/ties/import/",
        stakeholder_import_apis.TieImportApi.as_view(),
        name="case-ties-import",
    ),
    path(
        "cases/<int:case_pk>/ratings/template.xlsx",
        import_apis.RatingTemplateApi.as_view(),
        name="case-ratings-template",
    ),
    path(
        "cases/<int:case_pk>/recommendations/<int:recommendation_pk>/addressees/",
        stakeholder_apis.AddresseesApi.as_view(),
        name="case-recommendation-addressees",
    ),
    path("actor-types/", stakeholder_apis.ActorTypeListApi.as_view(), name="actor-types"),
    path(
        "cases/<int:case_pk>/network/", stakeholder_apis.NetworkApi.as_view(), name="case-network"
    ),
    *[
        path(
            f"cases/<int:case_pk>/network.{fmt}",
            stakeholder_apis.NetworkExportApi.as_view(export_format=fmt),
            name=f"case-network-{fmt}",
        )
        for fmt in ("gexf", "graphml", "csv")
    ],
    *[
        path(
            f"cases/<int:case_pk>/{name}.{kind}",
            report_apis.CaseReportApi.as_view(kind=kind),
            name=f"case-{name}-{kind}",
        )
        for name, kind in (
            ("report", "pdf"),
            ("report", "docx"),
            ("export", "xlsx"),
            ("export", "csv"),
        )
    ],
    path("cases/<int:case_pk>/", include(recommendations.urls)),
    path("", include(router.urls)),
]
