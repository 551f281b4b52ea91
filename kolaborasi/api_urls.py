from django.urls import include, path
from rest_framework.routers import SimpleRouter

from assessments import apis

app_name = "api"

router = SimpleRouter()
router.register("frameworks", apis.FrameworkViewSet, basename="framework")
router.register("cases", apis.CaseViewSet, basename="case")

recommendations = SimpleRouter()
recommendations.include_format_suffixes = False
recommendations.register("recommendations", apis.RecommendationViewSet, basename="recommendation")

urlpatterns = [
    path("", apis.ApiRootApi.as_view(), name="root"),
    path("auth/token/", apis.TokenApi.as_view(), name="token"),
    path("programs/", apis.ProgramListApi.as_view(), name="programs"),
    path("places/", apis.PlaceListApi.as_view(), name="places"),
    path("scores/", apis.ScoreListApi.as_view(), name="scores"),
    path("cases/<int:case_pk>/raters/", apis.RaterListApi.as_view(), name="case-raters"),
    path("cases/<int:case_pk>/ratings/", apis.RatingListApi.as_view(), name="case-ratings"),
    path(
        "cases/<int:case_pk>/conclusions/<str:variable_code>/",
        apis.ConclusionApi.as_view(),
        name="case-conclusion",
    ),
    path("cases/<int:case_pk>/scores/", apis.CaseScoreApi.as_view(), name="case-scores"),
    path("cases/<int:case_pk>/", include(recommendations.urls)),
    path("", include(router.urls)),
]
