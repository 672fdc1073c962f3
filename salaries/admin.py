from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from roles.admin import RolePageInline
from roles.admin_themes import ExperienceLevelsByDocument, add_role_theme
from roles.history import HistoryAdmin
from roles.locking import VersionedAdminMixin

from .models import Location, SalaryBand


class SalaryBandInline(RolePageInline, admin.StackedInline):
    """Eleven fields: stacked, a few per line, so that a band fits a 1280 px window."""

    model = SalaryBand
    fields = [
        ("source", "experience_level", "location"),
        ("low", "high", "basis", "period"),
        ("date_label", "date_value"),
        "excerpt",
        "note",
    ]
    autocomplete_fields = []


add_role_theme("salaires", _("Salaires"), [SalaryBandInline])


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_filter = ["order"]
    search_fields = ["name"]


@admin.register(SalaryBand)
class SalaryBandAdmin(ExperienceLevelsByDocument, VersionedAdminMixin, HistoryAdmin):
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
