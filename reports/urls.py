from django.urls import path

from . import views

urlpatterns = [
    path("dasbor/", views.dashboard, name="dashboard"),
    path("dasbor/indikator/<str:code>/", views.dashboard_indicator, name="dashboard-indicator"),
    path("dasbor/ringkasan.pdf", views.dashboard_download, {"kind": "pdf"}, name="dashboard-pdf"),
    path(
        "dasbor/ringkasan.xlsx", views.dashboard_download, {"kind": "xlsx"}, name="dashboard-xlsx"
    ),
    path("masuk/", views.landing, name="landing"),
    path("reports/", views.batch, name="report-batch"),
    path("reports/jobs/<uuid:pk>/", views.job_detail, name="report-job"),
    path("reports/jobs/<uuid:pk>/download/", views.job_download, name="report-job-download"),
    path("reports/jobs/<uuid:pk>/retry/", views.job_retry, name="report-job-retry"),
]
