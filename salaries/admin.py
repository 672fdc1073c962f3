from django.contrib import admin

from .models import Location, SalaryBand


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_filter = ["order"]
    search_fields = ["name"]


@admin.register(SalaryBand)
class SalaryBandAdmin(admin.ModelAdmin):
    list_display = ["role", "experience_level", "location", "low", "high", "year", "source"]
    list_filter = ["role", "location", "experience_level__tier", "year", "source"]
    list_select_related = ["role", "experience_level", "location", "source"]
    search_fields = ["role__name", "note"]
    autocomplete_fields = ["role", "source"]
