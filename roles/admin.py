from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .admin_themes import (
    ROLE_THEMES,
    ExperienceLevelsByDocument,
    RoleTheme,
    ThemedRoleAdminMixin,
    experience_level_choices,
    held_by_rows,
    lighten_row_widget,
)
from .history import HistoryAdmin, row_changes
from .locking import VersionedAdminMixin
from .models import (
    CareerMove,
    Divergence,
    DivergenceVersion,
    EducationLevel,
    EducationRequirement,
    EmployerType,
    ExperienceLevel,
    Fact,
    MatrixCell,
    Mission,
    Role,
    RoleAlias,
    RoleEmployer,
    RoleSkill,
    RoleTraining,
    Skill,
    Source,
    Training,
)


class RolePageInline(VersionedAdminMixin):
    """An inline of the role page: collapsed until opened, carrying its rows' versions
    (roles/locking.py), and cheap to show: each row's related rows fetched with it, each
    plain list of choices (documents, levels, places…) read once per page, not per row."""

    extra = 0
    classes = ["collapse"]
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 2})}}

    def get_queryset(self, request):
        related = [field.name for field in self.model._meta.fields if field.many_to_one]
        return super().get_queryset(request).select_related(*related)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        held = None
        if db_field.name in self.autocomplete_fields:
            held = held_by_rows(self, request, db_field)
        return lighten_row_widget(field, request, held)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is None or db_field.name in self.autocomplete_fields:
            return field
        cache = request.__dict__.setdefault("_role_page_choices", {})
        key = (db_field.related_model, db_field.name)  # the same list for every kind of row
        if key not in cache:
            if db_field.name == "experience_level":
                cache[key] = experience_level_choices(field)
            else:
                cache[key] = list(field.choices)
        field.choices = cache[key]
        return field


class RoleInline(RolePageInline, admin.TabularInline):
    """Rows of a role edited on its page; other apps' inlines for roles extend it too."""

    autocomplete_fields = []


class RoleAliasInline(RoleInline):
    model = RoleAlias
    fields = ["name", "source", "order"]


class MissionInline(RolePageInline, admin.StackedInline):
    model = Mission
    extra = 0
    fields = [("title", "order"), "description"]
    autocomplete_fields = []


class RoleSkillInline(RoleInline):
    model = RoleSkill
    fields = ["skill", "wording", "source", "order"]
    autocomplete_fields = ["skill"]


class MatrixCellInline(RoleInline):
    model = MatrixCell
    fields = ["skill", "experience_level", "description", "source", "order"]
    autocomplete_fields = ["skill"]


class RoleTrainingInline(RoleInline):
    model = RoleTraining
    fields = ["training", "note", "source", "order"]
    autocomplete_fields = ["training"]


class EducationRequirementInline(RoleInline):
    model = EducationRequirement
    fields = ["level", "wording", "source", "order"]


class RoleEmployerInline(RoleInline):
    model = RoleEmployer
    fields = ["employer_type"]


class FactInline(RolePageInline, admin.StackedInline):
    model = Fact
    extra = 0
    fields = [("kind", "order"), "heading", "text", "author"]
    autocomplete_fields = []


class CareerMoveInline(RoleInline):
    model = CareerMove
    fk_name = "from_role"
    fields = ["to_role", "specialisation", "note", "source", "order"]
    autocomplete_fields = ["to_role"]
    verbose_name = _("évolution vers un autre métier ou une spécialisation")
    verbose_name_plural = _("évolutions de carrière")


# The role's page, split by theme (roles/admin_themes.py): the hub's two themes; salaries and
# interviews add theirs with `add_role_theme()`.
ROLE_THEMES[:0] = [
    RoleTheme(
        "",
        _("Texte de la fiche"),
        [
            RoleAliasInline,
            MissionInline,
            FactInline,
            EducationRequirementInline,
            RoleEmployerInline,
            CareerMoveInline,
        ],
    ),
    RoleTheme(
        "competences",
        _("Compétences et matrice"),
        [RoleSkillInline, MatrixCellInline, RoleTrainingInline],
    ),
]


@admin.register(Role)
class RoleAdmin(ThemedRoleAdminMixin, VersionedAdminMixin, HistoryAdmin):
    list_display = ["name", "level", "is_documented", "alias_count", "mission_count"]
    list_filter = ["level", "is_documented", "sources"]
    search_fields = ["name", "slug", "aliases__name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["summary_source"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["name", "slug", "level", "is_documented"]}),
        (
            _("Publication et relecture"),
            {"fields": ["status", ("reviewed_on", "review_due")]},
        ),
        (
            _("Le texte de la fiche : résumé et documents"),
            {"fields": ["summary", "summary_source", "sources"]},
        ),
    ]
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 3})}}

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "sources":
            # The documents as a list of boxes: a handful, read at a glance, and accessible
            # (filter_horizontal's search box puts an aria-label on a bare <span>).
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # Every theme's inlines (for Django's checks); each page shows its theme's (get_inlines).
    inlines = [inline for theme in ROLE_THEMES for inline in theme.inlines]

    object_history_template = "admin/roles/role/object_history.html"

    def delete_model(self, request, role):
        """Deleting a role archives it: readers no longer see it, its rows and history stay,
        and setting its status back to « publiée » restores it."""
        role.status = Role.Status.ARCHIVED
        role.save()
        self.message_user(
            request,
            _(
                "« %(name)s » est archivé : les lecteurs ne le voient plus ; remettez son "
                "statut à « publiée » pour le restaurer."
            )
            % {"name": role.name},
        )

    def delete_queryset(self, request, queryset):
        for role in queryset:
            self.delete_model(request, role)

    def history_view(self, request, object_id, extra_context=None):
        role = self.get_object(request, object_id)
        if role is not None:
            inlines = self.all_inline_instances(request, role)
            extra_context = {
                **(extra_context or {}),
                "row_changes": row_changes(request, role, inlines),
            }
        return super().history_view(request, object_id, extra_context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                alias_count=Count("aliases", distinct=True),
                mission_count=Count("missions", distinct=True),
            )
        )

    @admin.display(description=_("appellations"), ordering="alias_count")
    def alias_count(self, role):
        return role.alias_count

    @admin.display(description=_("missions"), ordering="mission_count")
    def mission_count(self, role):
        return role.mission_count


def add_role_inlines(*inlines, before):
    """For the admin modules of other apps: their inlines on the theme page of the role that
    shows `before` (a hub inline), before it. A theme of their own: `add_role_theme()`."""
    role_admin = admin.site.get_model_admin(Role)
    theme = next(theme for theme in ROLE_THEMES if before in theme.inlines)
    at = theme.inlines.index(before)
    theme.inlines[at:at] = inlines
    role_admin.inlines = [*role_admin.inlines, *inlines]


@admin.register(Source)
class SourceAdmin(VersionedAdminMixin, HistoryAdmin):
    list_display = ["title", "file_name", "kind", "publisher", "order"]
    list_filter = ["kind"]
    search_fields = ["title", "file_name", "publisher"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "category"]
    list_filter = ["category"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "level", "institution"]
    list_filter = ["kind", "level"]
    list_select_related = ["level"]
    search_fields = ["name", "institution", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(EducationLevel)
class EducationLevelAdmin(admin.ModelAdmin):
    list_display = ["name", "rank"]
    list_filter = ["rank"]
    search_fields = ["name"]


@admin.register(ExperienceLevel)
class ExperienceLevelAdmin(admin.ModelAdmin):
    list_display = ["name", "years", "tier", "source", "order"]
    fields = ["slug", "name", "years", "tier", "source", "order"]
    list_filter = ["tier", "source"]
    list_select_related = ["source"]
    search_fields = ["name", "years"]


@admin.register(EmployerType)
class EmployerTypeAdmin(admin.ModelAdmin):
    list_display = ["name"]
    list_filter = ["role_employers__role"]
    search_fields = ["name"]


class ChildAdmin(VersionedAdminMixin, HistoryAdmin):
    """Lists of rows that belong to a role, for editors who search across roles. Each names
    its form's `fields`: a row's `source` and `order` come from `SourcedRow`, which would
    otherwise put them first."""

    list_filter = ["role", "source"]
    list_select_related = ["role", "source"]
    autocomplete_fields = ["role", "source"]


@admin.register(RoleAlias)
class RoleAliasAdmin(ChildAdmin):
    list_display = ["name", "role", "source"]
    fields = ["role", "name", "source", "order"]
    search_fields = ["name", "role__name"]


@admin.register(Mission)
class MissionAdmin(ChildAdmin):
    list_display = ["title", "role", "source", "order"]
    fields = ["role", "source", "order", "title", "description"]
    search_fields = ["title", "description", "role__name"]


@admin.register(RoleSkill)
class RoleSkillAdmin(ChildAdmin):
    list_display = ["skill", "role", "source"]
    fields = ["role", "skill", "source", "wording", "order"]
    list_filter = ["role", "source", "skill__category"]
    list_select_related = ["role", "source", "skill"]
    search_fields = ["skill__name", "wording", "role__name"]
    autocomplete_fields = ["role", "skill", "source"]


@admin.register(MatrixCell)
class MatrixCellAdmin(ExperienceLevelsByDocument, ChildAdmin):
    list_display = ["skill", "experience_level", "role", "source"]
    fields = ["role", "skill", "experience_level", "description", "source", "order"]
    list_select_related = ["role", "source", "skill", "experience_level"]
    search_fields = ["description", "skill__name"]
    autocomplete_fields = ["role", "skill", "source"]


@admin.register(RoleTraining)
class RoleTrainingAdmin(ChildAdmin):
    list_display = ["training", "role", "source"]
    fields = ["role", "training", "source", "note", "order"]
    list_select_related = ["role", "source", "training"]
    search_fields = ["training__name", "note"]
    autocomplete_fields = ["role", "training", "source"]


@admin.register(EducationRequirement)
class EducationRequirementAdmin(ChildAdmin):
    list_display = ["role", "level", "source"]
    fields = ["role", "level", "wording", "source", "order"]
    list_select_related = ["role", "source", "level"]
    search_fields = ["wording", "role__name"]


@admin.register(RoleEmployer)
class RoleEmployerAdmin(ChildAdmin):
    list_display = ["role", "employer_type", "source"]
    list_select_related = ["role", "source", "employer_type"]
    search_fields = ["employer_type__name", "role__name"]


@admin.register(Fact)
class FactAdmin(ChildAdmin):
    list_display = ["__str__", "kind", "role", "source"]
    fields = ["role", "source", "kind", "heading", "text", "author", "order"]
    list_filter = ["kind", "role", "source"]
    search_fields = ["text", "heading", "author"]


@admin.register(CareerMove)
class CareerMoveAdmin(VersionedAdminMixin, HistoryAdmin):
    list_display = ["from_role", "to_role", "specialisation", "source"]
    fields = ["from_role", "to_role", "specialisation", "note", "source", "order"]
    list_filter = ["source", "from_role"]
    list_select_related = ["from_role", "to_role", "source"]
    search_fields = ["from_role__name", "to_role__name", "specialisation"]
    autocomplete_fields = ["from_role", "to_role", "source"]


class DivergenceVersionInline(VersionedAdminMixin, admin.StackedInline):
    model = DivergenceVersion
    extra = 0
    fields = ["source", "excerpt", "order"]
    autocomplete_fields = ["source"]


@admin.register(Divergence)
class DivergenceAdmin(VersionedAdminMixin, HistoryAdmin):
    list_display = ["topic", "slug"]
    search_fields = ["topic", "summary"]
    prepopulated_fields = {"slug": ["topic"]}
    filter_horizontal = ["roles"]
    fields = ["topic", "slug", "summary", "roles"]
    inlines = [DivergenceVersionInline]
