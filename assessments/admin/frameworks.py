"""Scales and frameworks. Variables and indicators change only where the framework editor
would let them change, and through the same services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .. import services
from ..models import Framework, Indicator, Scale, ScaleLevel, User, Variable


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
    if not isinstance(request.user, User):
        return False
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

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
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

    user: User | None = None

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
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


def _with_user(form_class: type[forms.BaseForm], request: HttpRequest) -> Any:
    """The admin's form class, told who is editing."""
    return type(form_class.__name__, (form_class,), {"user": request.user})


class FrameworkPartRules(BaseModelAdmin):
    form = FrameworkPartForm

    def framework_of(self, obj: Model | None) -> Framework | None:
        return obj.framework if isinstance(obj, Variable | Indicator) else None

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _framework_editable(
            request, self.framework_of(obj)
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _framework_editable(
            request, self.framework_of(obj)
        )


def _changed(form: forms.BaseForm, editable: set[str]) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in form.changed_data if name in editable}


class IndicatorInline(FrameworkPartRules, admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["order", "code", "name_id", "name_en", "weight"]

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = _with_user(formset.form, request)
        return formset

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and _framework_editable(
            request, self.framework_of(obj)
        )


class FrameworkPartAdmin(FrameworkPartRules, admin.ModelAdmin):
    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        return _with_user(super().get_form(request, obj, change, **kwargs), request)


@admin.register(Variable)
class VariableAdmin(FrameworkPartAdmin):
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
        # What formset.save() would record; the admin's change message reads it.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for indicator_form in formset.forms:
            indicator = indicator_form.instance
            if indicator_form in formset.deleted_forms:
                if indicator.pk:
                    services.indicator_delete(indicator=indicator, user=request.user)
                    formset.deleted_objects.append(indicator)
            elif indicator.pk and indicator_form.has_changed():
                services.indicator_update(
                    indicator=indicator,
                    user=request.user,
                    **_changed(indicator_form, services.INDICATOR_FIELDS),
                )
                formset.changed_objects.append((indicator, indicator_form.changed_data))
            elif not indicator.pk and indicator_form.has_changed():
                created = services.indicator_create(
                    variable=variable,
                    user=request.user,
                    code=indicator.code,
                    name_id=indicator.name_id,
                    name_en=indicator.name_en,
                    weight=indicator.weight,
                )
                formset.new_objects.append(created)


@admin.register(Indicator)
class IndicatorAdmin(FrameworkPartAdmin):
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
