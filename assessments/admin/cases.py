"""Cases and what is recorded in them. Whatever changes a score goes through the services, so
the stored results stay true whichever door a change comes through."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .. import services
from ..models import Case, Conclusion, Rater, Rating, Recommendation


class RaterInline(admin.TabularInline):
    model = Rater
    extra = 0
    fields = ["name", "kind", "role", "institution", "user"]
    raw_id_fields = ["user"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "program", "place", "year_start", "year_end", "status", "owner"]
    list_filter = ["status", "program", "framework", "year_end"]
    search_fields = ["title", "place__name", "owner__username", "summary"]
    raw_id_fields = ["place", "owner"]
    filter_horizontal = ["collaborators"]
    list_select_related = ["program", "place", "owner"]
    inlines = [RaterInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # A case's framework changes through the case form, which refuses it once rated; its
        # rounds through the rounds page, which keeps the chain whole and in order.
        return ["framework", "previous_round"] if obj is not None else ["previous_round"]

    def save_model(self, request: HttpRequest, obj: Case, form: Any, change: bool) -> None:
        # Status, place, program and end year decide where the case is counted on dashboards.
        with services.tallies_kept(Case.objects.filter(pk=obj.pk)):
            super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # A new case, or raters removed inline with their ratings: store its scores again.
        services.case_results_store(cases=[form.instance])

    def delete_model(self, request: HttpRequest, obj: Case) -> None:
        services.case_delete(case=obj, user=request.user)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Case]) -> None:
        for case in queryset:
            services.case_delete(case=case, user=request.user)  # type: ignore[arg-type]


@admin.register(Rater)
class RaterAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "role", "institution", "case"]
    list_filter = ["kind"]
    search_fields = ["name", "role", "institution", "case__title"]
    list_select_related = ["case"]
    raw_id_fields = ["case", "user"]

    def delete_model(self, request: HttpRequest, obj: Rater) -> None:
        services.rater_delete(rater=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Rater]) -> None:
        for rater in queryset.select_related("case"):
            services.rater_delete(rater=rater)


@admin.register(Rating)
class RatingAdmin(SimpleHistoryAdmin):
    list_display = ["case", "indicator", "rater", "value", "source_type", "updated"]
    list_filter = ["source_type", "value", "indicator__framework"]
    search_fields = ["case__title", "indicator__code", "rater__name", "evidence"]
    list_select_related = ["case", "indicator", "rater"]
    raw_id_fields = ["case", "indicator", "rater"]

    def save_model(self, request, obj, form, change):
        # Same rules as every other entry point: the service validates scale, case and rater.
        try:
            saved = services.rating_upsert(
                case=obj.case,
                rater=obj.rater,
                indicator=obj.indicator,
                value=obj.value,
                evidence=obj.evidence,
                source_type=obj.source_type,
                source_detail=obj.source_detail,
                date=obj.date,
                user=request.user,
            )
            obj.pk = saved.pk
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)

    def delete_model(self, request: HttpRequest, obj: Rating) -> None:
        services.rating_delete(rating=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Rating]) -> None:
        for rating in queryset.select_related("case"):
            services.rating_delete(rating=rating)


@admin.register(Conclusion)
class ConclusionAdmin(SimpleHistoryAdmin):
    list_display = ["case", "variable", "override_level", "updated"]
    list_filter = ["override_level"]
    search_fields = ["case__title", "narrative", "override_reason"]
    list_select_related = ["case", "variable"]
    raw_id_fields = ["case", "variable"]

    def save_model(self, request, obj, form, change):
        try:
            saved = services.conclusion_set(
                case=obj.case,
                variable=obj.variable,
                narrative=obj.narrative,
                override_level=obj.override_level,
                override_reason=obj.override_reason,
                user=request.user,
            )
            obj.pk = saved.pk
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)

    def delete_model(self, request: HttpRequest, obj: Conclusion) -> None:
        services.conclusion_delete(conclusion=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Conclusion]) -> None:
        for conclusion in queryset.select_related("case"):
            services.conclusion_delete(conclusion=conclusion)


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["case", "order", "text", "variable", "addressed_to"]
    search_fields = ["case__title", "text", "addressed_to"]
    list_select_related = ["case", "variable"]
    raw_id_fields = ["case", "variable"]
