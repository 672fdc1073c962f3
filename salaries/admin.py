from django.contrib import admin

from roles.admin import CareerMoveInline, RoleInline, add_role_inlines
from roles.history import HistoryAdmin
from roles.locking import VersionedAdminMixin

from .models import Location, SalaryBand


class SalaryBandInline(RoleInline):
    model = SalaryBand
    fields = [
        "source",
        "excerpt",
        "experience_level",
        "location",
        "low",
        "high",
        "basis",
        "period",
        "date_label",
        "date_value",
        "note",
    ]


add_role_inlines(SalaryBandInline, before=CareerMoveInline)


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_filter = ["order"]
    search_fields = ["name"]


@admin.register(SalaryBand)
class SalaryBandAdmin(VersionedAdminMixin, HistoryAdmin):
    list_display = [
        "role",
        "experience_level",
        "location",
        "low",
        "high",
        "basis",
        "period",
        "date_value",
        "source",
    ]
    list_filter = ["role", "location", "experience_level__tier", "basis", "period", "source"]
    list_select_related = ["role", "experience_level", "location", "source"]
    search_fields = ["role__name", "note"]
    autocomplete_fields = ["role", "source"]
