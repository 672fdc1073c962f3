from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import CaseStudy, InterviewQuestion


@admin.register(InterviewQuestion)
class InterviewQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "theme", "source", "order"]
    list_editable = ["order"]
    list_filter = ["kind", "roles", "source"]
    list_select_related = ["source"]
    search_fields = ["text", "theme", "expected_answer"]
    autocomplete_fields = ["roles", "skills", "source"]
    fieldsets = [
        (None, {"fields": ["text", "kind", "theme", "roles", "skills", "source", "order"]}),
        (_("Réponse attendue"), {"fields": ["expected_answer", "expected_answer_note"]}),
    ]


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin):
    list_display = ["title", "role", "source"]
    list_filter = ["role", "source"]
    list_select_related = ["role", "source"]
    search_fields = ["title", "scenario", "task"]
    autocomplete_fields = ["role", "skills", "source"]
