from django.contrib import admin

from .models import (
    Actor,
    ActorType,
    Factor,
    Participation,
    Partnership,
    ProgramOutput,
    SlumArea,
    Tie,
)


@admin.register(ActorType)
class ActorTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sector"]
    list_filter = ["sector"]
    search_fields = ["code", "name"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "short_label", "kind", "sector", "type", "institution", "place"]
    list_filter = ["kind", "sector", "type"]
    search_fields = ["name", "short_label"]
    raw_id_fields = ["place", "institution", "created_by"]
    list_select_related = ["type", "institution", "place"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["case", "actor", "role", "stages"]
    list_filter = ["role"]
    search_fields = ["case__title", "actor__name"]
    raw_id_fields = ["case", "actor"]
    list_select_related = ["case", "actor"]


@admin.register(Tie)
class TieAdmin(admin.ModelAdmin):
    list_display = ["case", "level", *(f for f in Tie.ENTRY_FIELDS if f != "evidence")]
    list_filter = ["level", "form", "direction", "strength", "stage"]
    search_fields = ["case__title", "source__name", "target__name", "evidence"]
    raw_id_fields = ["case", "source", "target", "dominant"]
    list_select_related = ["case", "source", "target", "dominant"]


class FactorInline(admin.TabularInline):
    model = Factor
    extra = 0
    fields = ["kind", "text", "evidence"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = [
        "case",
        "form",
        "description",
        "value_rupiah",
        "process",
        "status",
        "year",
        "continued",
    ]
    list_filter = ["form", "process", "status", "continued"]
    search_fields = ["case__title", "description", "partners__name"]
    raw_id_fields = ["case"]
    filter_horizontal = ["partners"]
    list_select_related = ["case"]
    inlines = [FactorInline]


@admin.register(Factor)
class FactorAdmin(admin.ModelAdmin):
    list_display = ["case", "kind", "text"]
    list_filter = ["kind"]
    search_fields = ["case__title", "text", "evidence"]
    raw_id_fields = ["case", "partnership"]
    list_select_related = ["case"]


@admin.register(ProgramOutput)
class ProgramOutputAdmin(admin.ModelAdmin):
    list_display = ["case", *(f for f in ProgramOutput.ENTRY_FIELDS if f != "source_note")]
    list_filter = ["funding_source", "year"]
    search_fields = ["case__title", "activity", "location"]
    raw_id_fields = ["case"]
    list_select_related = ["case"]


@admin.register(SlumArea)
class SlumAreaAdmin(admin.ModelAdmin):
    list_display = ["case", *SlumArea.ENTRY_FIELDS]
    search_fields = ["case__title", "location", "decree"]
    raw_id_fields = ["case"]
    list_select_related = ["case"]
