from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
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


def _framework_editable(request: HttpRequest, framework: Framework | None) -> bool:
    """The framework editor's rule, asked of the admin too: shipped frameworks and those that
    published cases use stay as they are."""
    if framework is None:
        return True
    try:
        services.framework_assert_editable(framework=framework, user=request.user)
    except ValidationError:
        return False
    return True


class VariableInline(admin.TabularInline):
    """Variables shown in their framework; they are changed on their own page (Variable), where
    the framework's rules apply."""

    model = Variable
    extra = 0
    fields = ["order", "code", "name_id", "name_en"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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


class FrameworkPartForm(forms.ModelForm):
    """Checks what the services will check, so a refusal shows on the form and never as an
    error page: a new part's framework must be editable, and codes unique in it."""

    user = None

    def _post_clean(self) -> None:
        super()._post_clean()
        instance = self.instance
        if isinstance(instance, Indicator) and instance.variable_id:
            # Denormalised: an indicator's framework is its variable's.
            instance.framework_id = instance.variable.framework_id
        if instance.pk is None and instance.framework_id and self.user is not None:
            try:
                services.framework_assert_editable(framework=instance.framework, user=self.user)
            except ValidationError as error:
                self.add_error(None, error.messages)
        try:
            instance.validate_constraints()
        except ValidationError as error:
            self.add_error(None, error.messages)


class FrameworkPartAdminMixin:
    """Variables and indicators change only where the framework editor would let them, and
    through the same services."""

    form = FrameworkPartForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = type(formset.form.__name__, (formset.form,), {"user": request.user})
        return formset

    def framework_of(self, obj):
        return obj.framework if obj is not None else None

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _framework_editable(
            request, self.framework_of(obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _framework_editable(
            request, self.framework_of(obj)
        )


def _changed(form, editable: set[str]) -> dict:
    return {name: form.cleaned_data[name] for name in form.changed_data if name in editable}


class IndicatorInline(FrameworkPartAdminMixin, admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "code", "name_id", "name_en", "weight"]

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _framework_editable(
            request, self.framework_of(obj)
        )


@admin.register(Variable)
class VariableAdmin(FrameworkPartAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name_id", "name_en", "framework", "order"]
    list_filter = ["framework"]
    search_fields = ["code", "name_id", "name_en"]
    inlines = [IndicatorInline]

    def get_readonly_fields(self, request, obj=None):
        # A variable stays in the framework it was made in.
        return ["framework"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            services.variable_update(
                variable=obj, user=request.user, **_changed(form, services.VARIABLE_FIELDS)
            )
            return
        created = services.variable_create(
            framework=obj.framework,
            user=request.user,
            code=obj.code,
            name_id=obj.name_id,
            name_en=obj.name_en,
            description=obj.description,
        )
        obj.pk, obj.order = created.pk, created.order

    def delete_model(self, request, obj):
        services.variable_delete(variable=obj, user=request.user)

    def save_formset(self, request, form, formset, change):
        variable = form.instance
        for indicator_form in formset.forms:
            indicator = indicator_form.instance
            if indicator_form in formset.deleted_forms:
                if indicator.pk:
                    services.indicator_delete(indicator=indicator, user=request.user)
            elif indicator.pk and indicator_form.has_changed():
                services.indicator_update(
                    indicator=indicator,
                    user=request.user,
                    **_changed(indicator_form, services.INDICATOR_FIELDS),
                )
            elif not indicator.pk and indicator_form.has_changed():
                services.indicator_create(
                    variable=variable,
                    user=request.user,
                    code=indicator.code,
                    name_id=indicator.name_id,
                    name_en=indicator.name_en,
                    weight=indicator.weight,
                )


@admin.register(Indicator)
class IndicatorAdmin(FrameworkPartAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name_id", "variable", "framework", "weight", "order"]
    list_filter = ["framework"]
    search_fields = ["code", "name_id", "name_en"]
    readonly_fields = ["framework"]

    def get_readonly_fields(self, request, obj=None):
        return ["framework", "variable"] if obj is not None else ["framework"]

    def save_model(self, request, obj, form, change):
        if change:
            services.indicator_update(
                indicator=obj, user=request.user, **_changed(form, services.INDICATOR_FIELDS)
            )
            return
        created = services.indicator_create(
            variable=obj.variable,
            user=request.user,
            code=obj.code,
            name_id=obj.name_id,
            name_en=obj.name_en,
            description=obj.description,
            weight=obj.weight,
        )
        obj.pk, obj.order, obj.framework_id = created.pk, created.order, created.framework_id

    def delete_model(self, request, obj):
        services.indicator_delete(indicator=obj, user=request.user)


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
