from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("places/search/", views.place_search_view, name="place-search"),
    path("cases/new/", views.case_create, name="case-create"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/edit/", views.case_edit, name="case-edit"),
    path("cases/<int:pk>/rounds/", views.case_rounds, name="case-rounds"),
    path("cases/<int:pk>/raters/", views.raters, name="case-raters"),
    path("cases/<int:pk>/ratings/import/", views.rating_import, name="rating-import"),
    path("cases/<int:pk>/ratings/template.xlsx", views.rating_template, name="rating-template"),
    path("cases/<int:pk>/raters/<int:rater_pk>/link/", views.informant_link, name="informant-link"),
    path("cases/<int:pk>/informants/quotes/", views.informant_quotes, name="informant-quotes"),
    path("cases/<int:pk>/rate/<str:code>/", views.rate_variable, name="rate-variable"),
    path("cases/<int:pk>/rate/<str:code>/all/", views.rate_variable_all, name="rate-variable-all"),
    path("cases/<int:pk>/rate/<str:code>/me/", views.rater_self_create, name="rater-self-create"),
    path(
        "cases/<int:pk>/rate/<str:code>/<str:indicator_code>/",
        views.rate_indicator,
        name="rate-indicator",
    ),
    path("cases/<int:pk>/conclusions/", views.conclusions, name="case-conclusions"),
    path("cases/<int:pk>/recommendations/", views.recommendation_add, name="recommendation-add"),
    path(
        "cases/<int:pk>/recommendations/<int:recommendation_pk>/delete/",
        views.recommendation_delete,
        name="recommendation-delete",
    ),
    path(
        "cases/<int:pk>/ratings/<int:rating_pk>/history/",
        views.rating_history,
        name="rating-history",
    ),
    path(
        "cases/<int:pk>/conclusions/<int:conclusion_pk>/history/",
        views.conclusion_history,
        name="conclusion-history",
    ),
    path("frameworks/", views.frameworks, name="frameworks"),
    path("frameworks/<int:pk>/", views.framework_edit, name="framework-edit"),
    path("q/<str:token>/", views.informant, name="informant"),
]
