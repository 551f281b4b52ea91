from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import (
    Case,
    Conclusion,
    Framework,
    Indicator,
    Place,
    Program,
    Rater,
    Rating,
    Recommendation,
    Scale,
    ScaleLevel,
    User,
    Variable,
)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "role", "is_staff"]
    list_filter = ["role", "is_staff", "is_superuser", "is_active"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Kolaborasi"), {"fields": ["role", "places"]}),
    ]
    autocomplete_fields = ["places"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "ministry", "start_year"]
    search_fields = ["code", "name", "ministry"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "kind", "path"]
    list_filter = ["level", "kind"]
    search_fields = ["code", "search_name"]
    readonly_fields = ["search_name"]
    raw_id_fields = ["parent"]
    show_full_result_count = False


class ScaleLevelInline(admin.TabularInline):
    model = ScaleLevel
    extra = 0


@admin.register(Scale)
class ScaleAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    inlines = [ScaleLevelInline]


class VariableInline(admin.TabularInline):
    model = Variable
    extra = 0
    fields = ["order", "code", "name_id", "name_en"]
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "owner",
        "scale",
        "indicator_aggregation",
        "overall_method",
        "banding",
    ]
    list_filter = ["banding", "overall_method", "indicator_aggregation", "scale"]
    search_fields = ["code", "name", "citation", "owner__username"]
    raw_id_fields = ["owner", "copied_from"]
    inlines = [VariableInline]
    actions = ["copy_frameworks"]

    @admin.action(description=_("Copy the selected frameworks for me"))
    def copy_frameworks(self, request, queryset):
        for framework in queryset:
            copy = services.framework_copy(framework=framework, owner=request.user)
            self.message_user(request, _("Created %(code)s") % {"code": copy.code})


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "code", "name_id", "name_en", "weight"]


@admin.register(Variable)
class VariableAdmin(admin.ModelAdmin):
    list_display = ["code", "name_id", "name_en", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["code", "name_id", "name_en"]
    inlines = [IndicatorInline]

    def save_formset(self, request, form, formset, change):
        # The denormalised framework of a new indicator comes from its variable.
        for indicator in formset.save(commit=False):
            indicator.framework_id = indicator.variable.framework_id
            indicator.save()
        for deleted in formset.deleted_objects:
            deleted.delete()


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_id", "variable", "framework", "weight", "order"]
    list_filter = ["framework"]
    search_fields = ["code", "name_id", "name_en"]
    readonly_fields = ["framework"]

    def save_model(self, request, obj, form, change):
        obj.framework_id = obj.variable.framework_id
        super().save_model(request, obj, form, change)


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
