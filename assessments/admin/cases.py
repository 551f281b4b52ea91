"""Cases and what is recorded in them; ratings save through the rating service."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
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


@admin.register(Rater)
class RaterAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "role", "institution", "case"]
    list_filter = ["kind"]
    search_fields = ["name", "role", "institution", "case__title"]
    list_select_related = ["case"]
    raw_id_fields = ["case", "user"]


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
            services.rating_upsert(
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
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)


@admin.register(Conclusion)
class ConclusionAdmin(SimpleHistoryAdmin):
    list_display = ["case", "variable", "override_level", "updated"]
    list_filter = ["override_level"]
    search_fields = ["case__title", "narrative", "override_reason"]
    list_select_related = ["case", "variable"]
    raw_id_fields = ["case", "variable"]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["case", "order", "text", "variable", "addressed_to"]
    search_fields = ["case__title", "text", "addressed_to"]
    list_select_related = ["case", "variable"]
    raw_id_fields = ["case", "variable"]
