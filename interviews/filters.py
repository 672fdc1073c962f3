"""The question bank's filters: role, competency, kind and a text search, read from the URL."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from roles.models import Role, Skill

from .models import CaseStudy, InterviewQuestion

CASE_STUDY = "etude-de-cas"


def roles_with_questions():
    """Published roles that have at least one question or case study, in career order."""
    return (
        Role.objects.published()
        .filter(
            Exists(InterviewQuestion.roles.through.objects.filter(role=OuterRef("pk")))
            | Exists(CaseStudy.objects.filter(role=OuterRef("pk")))
        )
        .by_level()
    )


def probed_skills():
    """Competencies that at least one question or case study probes."""
    questions = InterviewQuestion.objects.public()
    cases = CaseStudy.objects.public()
    return Skill.objects.filter(
        Exists(
            InterviewQuestion.skills.through.objects.filter(
                skill=OuterRef("pk"), interviewquestion__in=questions
            )
        )
        | Exists(
            CaseStudy.skills.through.objects.filter(skill=OuterRef("pk"), casestudy__in=cases)
        )
    ).order_by("name")


class QuestionBankFilter(django_filters.FilterSet):
    """Filters the questions; `case_studies()` applies the same choices to the case studies."""

    q = django_filters.CharFilter(
        label=_("Rechercher"),
        method="filter_text",
        max_length=100,
        help_text=_("Un ou plusieurs mots : question, thème ou compétence."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    metier = django_filters.ModelChoiceFilter(
        label=_("Métier"),
        field_name="roles",
        to_field_name="slug",
        queryset=lambda request: roles_with_questions(),
        empty_label=_("Tous les métiers"),
        error_messages={
            "invalid_choice": _("Ce métier n’existe pas ou n’a pas de question dans la banque.")
        },
    )
    competence = django_filters.ModelChoiceFilter(
        label=_("Compétence évaluée"),
        field_name="skills",
        to_field_name="slug",
        queryset=lambda request: probed_skills(),
        empty_label=_("Toutes les compétences"),
        error_messages={
            "invalid_choice": _("Aucune question n’évalue cette compétence : choisissez-en une.")
        },
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=[*InterviewQuestion.Kind.choices, (CASE_STUDY, _("Étude de cas"))],
        method="filter_kind",
        empty_label=_("Tous les types"),
        error_messages={
            "invalid_choice": _(
                "« %(value)s » n’est pas un type proposé : expérience, mise en situation, "
                "question de connaissances ou étude de cas."
            )
        },
    )

    class Meta:
        model = InterviewQuestion
        fields = ["q", "metier", "competence", "type"]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_kind(self, queryset, name, value):
        if value == CASE_STUDY:
            return queryset.none()
        return queryset.filter(kind=value)

    def case_studies(self):
        """The case studies that match the same choices; none when the form is invalid."""
        cases = CaseStudy.objects.public().with_details()
        if not self.is_bound:
            return cases
        if not self.is_valid():
            return cases.none()
        data = self.form.cleaned_data
        if data.get("type") and data["type"] != CASE_STUDY:
            return cases.none()
        if data.get("metier"):
            cases = cases.filter(role=data["metier"])
        if data.get("competence"):
            cases = cases.filter(skills=data["competence"])
        if data.get("q"):
            cases = cases.search(data["q"])
        return cases
