"""Users with their role and Pokja scope, programs and places."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from ..models import Place, Program, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "role", "is_staff"]
    list_filter = ["role", "is_staff", "is_superuser", "is_active"]
    fieldsets = [
        *(DjangoUserAdmin.fieldsets or ()),
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
