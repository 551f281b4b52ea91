from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Case, Framework, Place
from .selectors import place_within_q

# Names a client may use for a place level, with the `kind` they narrow to (None: any kind).
PLACE_LEVELS: dict[str, tuple[int, str | None]] = {
    "provinsi": (1, None),
    "kabupaten_kota": (2, None),
    "kabupaten": (2, "kabupaten"),
    "kota": (2, "kota"),
    "kecamatan": (3, None),
    "kelurahan_desa": (4, None),
    "kelurahan": (4, "kelurahan"),
    "desa": (4, "desa"),
}


class CaseFilter(django_filters.FilterSet):
    program = django_filters.CharFilter(field_name="program__code", label=_("program code"))
    place = django_filters.CharFilter(
        method="filter_place", label=_("Kemendagri code: the place and everything inside it")
    )
    year = django_filters.NumberFilter(method="filter_year", label=_("a year within the period"))
    status = django_filters.ChoiceFilter(choices=Case.Status.choices)
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("title"))
    has_previous = django_filters.BooleanFilter(
        field_name="previous_round", lookup_expr="isnull", exclude=True, label=_("is a later round")
    )

    class Meta:
        model = Case
        fields = ["program", "place", "year", "status", "q", "has_previous"]

    def filter_place(self, queryset, name, value):
        return queryset.filter(place_within_q(value.strip(), "place__code"))

    def filter_year(self, queryset, name, value):
        return queryset.filter(year_start__lte=value, year_end__gte=value)


class PlaceFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(
        method="filter_level",
        choices=[(name, name) for name in PLACE_LEVELS],
        label=_("level"),
    )
    parent = django_filters.CharFilter(field_name="parent__code")

    class Meta:
        model = Place
        fields = ["level", "parent"]

    def filter_level(self, queryset, name, value):
        level, kind = PLACE_LEVELS[value]
        queryset = queryset.filter(level=level)
        return queryset.filter(kind=kind) if kind else queryset


class FrameworkFilter(django_filters.FilterSet):
    mine = django_filters.BooleanFilter(method="filter_mine", label=_("only my copies"))

    class Meta:
        model = Framework
        fields = ["code"]

    def filter_mine(self, queryset, name, value):
        owned = Q(owner_id=self.request.user.pk)
        return queryset.filter(owned) if value else queryset.exclude(owned)
