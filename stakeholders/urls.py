from django.urls import path

from . import views

urlpatterns = [
    path("cases/<int:pk>/stakeholders/", views.stakeholders_page, name="case-stakeholders"),
    path("cases/<int:pk>/ties/import/", views.tie_import, name="tie-import"),
    path("cases/<int:pk>/ties/<int:tie_pk>/delete/", views.tie_delete, name="tie-delete"),
]
