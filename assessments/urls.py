from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("places/search/", views.place_search_view, name="place-search"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
]
