from django import forms
from django.contrib import admin
from django.db.models import Prefetch
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from roles.admin import RoleInline, RolePageInline
from roles.admin_themes import add_role_theme
from roles.history import HistoryAdmin
from roles.locking import VersionedAdminMixin, VersionedModelForm
from roles.models import Role

from .models import CaseStudy, InterviewQuestion


def _question_link_label(link):
    return str(link.interviewquestion)


# The rows of the automatic many-to-many table read as their question on the role page
# (instead of « InterviewQuestion_roles object (12) »).
InterviewQuestion.roles.through.__str__ = _question_link_label


class InterviewQuestionInline(RoleInline):
    model = InterviewQuestion.roles.through
    fields = ["interviewquestion"]
    autocomplete_fields = ["interviewquestion"]
    verbose_name = _("question d'entretien")
    verbose_name_plural = _("questions d'entretien")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("interviewquestion")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "interviewquestion":
            field.label = _("question")  # the automatic table's column has no French name
        return field


class CaseStudyInline(RolePageInline, admin.StackedInline):
    model = CaseStudy
    extra = 0
    fields = ["title", "scenario", "task", "skills", "source"]
    autocomplete_fields = ["skills"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("skills")


add_role_theme("entretiens", _("Entretiens"), [InterviewQuestionInline, CaseStudyInline])


class HasExpectedAnswerFilter(admin.SimpleListFilter):
    title = _("réponse attendue")
    parameter_name = "reponse"

    def lookups(self, request, model_admin):
        return [("oui", _("Avec réponse attendue")), ("non", _("Sans réponse attendue"))]

    def queryset(self, request, queryset):
        if self.value() == "oui":
            return queryset.exclude(expected_answer="")
        if self.value() == "non":
            return queryset.filter(expected_answer="")
        return queryset


class InterviewQuestionForm(VersionedModelForm):
    class Meta:
        model = InterviewQuestion
        fields = [
            "text",
            "kind",
            "theme",
            "roles",
            "skills",
            "source",
            "order",
            "expected_answer",
            "expected_answer_note",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "expected_answer": forms.Textarea(attrs={"rows": 6}),
            "expected_answer_note": forms.Textarea(attrs={"rows": 3}),
        }


@admin.register(InterviewQuestion)
class InterviewQuestionAdmin(VersionedAdminMixin, HistoryAdmin):
    form = InterviewQuestionForm
    list_display = [
        "short_text",
        "kind",
        "role_names",
        "has_expected_answer",
        "source_label",
        "order",
    ]
    list_display_links = ["short_text"]
    list_editable = ["order"]
    list_filter = [
        "kind",
        HasExpectedAnswerFilter,
        ("roles", admin.RelatedOnlyFieldListFilter),
        ("skills", admin.RelatedOnlyFieldListFilter),
        "source",
    ]
    list_select_related = ["source"]
    search_fields = ["text", "theme", "expected_answer", "skills__name", "roles__name"]
    autocomplete_fields = ["roles", "skills", "source"]
    ordering = ["source__order", "order"]
    fieldsets = [
        (None, {"fields": ["text", "kind", "theme"]}),
        (
            _("Métiers et compétences"),
            {
                "description": _(
                    "Rattachez la question à chaque métier pour lequel elle sert : elle "
                    "apparaîtra sur leurs fiches et dans leurs kits d’entretien. Les compétences "
                    "forment les lignes de la grille d’évaluation des kits."
                ),
                "fields": ["roles", "skills"],
            },
        ),
        (_("Source et position"), {"fields": ["source", "order"]}),
        (
            _("Réponse attendue (questions de connaissances)"),
            {
                "description": _(
                    "À remplir seulement quand le document donne ou implique la réponse. "
                    "Le public ne la voit que sur demande ; dans un kit, elle va sur la page "
                    "de l’intervieweur."
                ),
                "fields": ["expected_answer", "expected_answer_note"],
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("roles", queryset=Role.objects.only("id", "name")))
        )

    @admin.display(description=_("question"), ordering="text")
    def short_text(self, question):
        return Truncator(question.text).chars(120)

    @admin.display(description=_("métiers"))
    def role_names(self, question):
        return ", ".join(role.name for role in question.roles.all())

    @admin.display(description=_("réponse attendue"), boolean=True)
    def has_expected_answer(self, question):
        return bool(question.expected_answer)

    @admin.display(description=_("source"), ordering="source__order")
    def source_label(self, question):
        return question.source.label


@admin.register(CaseStudy)
class CaseStudyAdmin(VersionedAdminMixin, HistoryAdmin):
    list_display = ["title", "role", "source_label", "order"]
    list_editable = ["order"]
    list_filter = [
        ("role", admin.RelatedOnlyFieldListFilter),
        ("skills", admin.RelatedOnlyFieldListFilter),
        "source",
    ]
    list_select_related = ["role", "source"]
    search_fields = ["title", "scenario", "task", "role__name"]
    autocomplete_fields = ["role", "skills", "hints", "source"]
    fieldsets = [
        (None, {"fields": ["role", "title", "scenario", "task"]}),
        (
            _("Évaluation"),
            {
                "description": _(
                    "Les compétences forment la grille de l’étude de cas dans les kits. Les "
                    "documents ne donnent pas de corrigé : n’en écrivez pas. Les pistes sont "
                    "des faits qu’un document cite (une action marketing, par exemple), "
                    "montrés à l’intervieweur avec leur source."
                ),
                "fields": ["skills", "hints"],
            },
        ),
        (_("Source et position"), {"fields": ["source", "order"]}),
    ]

    @admin.display(description=_("source"), ordering="source__order")
    def source_label(self, case):
        return case.source.label
