from django.urls import path

from . import registry, row_views, views

urlpatterns = [
    path("actors/", registry.actor_registry, name="actor-registry"),
    path("cases/<int:pk>/stakeholders/", views.stakeholders_page, name="case-stakeholders"),
    path("cases/<int:pk>/ties/import/", views.tie_import, name="tie-import"),
    path("cases/<int:pk>/ties/<int:tie_pk>/delete/", views.tie_delete, name="tie-delete"),
    path("cases/<int:pk>/outputs/<int:output_pk>/edit/", row_views.output_edit, name="output-edit"),
    path(
        "cases/<int:pk>/<slug:kind>/<int:row_pk>/delete/",
        row_views.row_delete,
        name="case-row-delete",
    ),
]
