"""The filters of /metiers/: every parameter in the URL, so that a filtered list can be shared.

`q` searches like /recherche/; `salaire`, `lieu` and `experience` ask for one salary band that
meets all three (a band reaching the figure, in that place, for that experience tier; a band
given for all tiers counts for each); the others keep the roles that have what they name.
A bad value is a form error shown on the page; the other filters still apply.
"""

import unicodedata

import django_filters as filters
from django import forms
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Collate
from django.utils.translation import gettext_lazy as _

from . import search
from .models import (
    EducationLevel,
    EducationRequirement,
    EmployerType,
    ExperienceLevel,
    Level,
    Role,
    RoleEmployer,
    RoleSkill,
    RoleTraining,
    Skill,
)

# French order ---------------------------------------------------------------------------------
# « Cdiscount, CMS, CRM », « École » with the E: accents and case do not count.


def french_key(text):
    """Sort key for names already fetched: accents and case ignored, then the text itself."""
    folded = unicodedata.normalize("NFKD", str(text)).casefold()
    return "".join(char for char in folded if not unicodedata.combining(char)), str(text)


def french_order(field):
    """An order_by() expression sorting `field` the French way: PostgreSQL's ICU French
    collation; on SQLite the « fr » collation that roles/apps.py registers on each connection,
    which compares `french_key`s."""
    return Collate(field, "fr-x-icu" if connection.vendor == "postgresql" else "fr")


def compare_french(left, right):
    """SQLite collation: -1, 0 or 1 as `french_key` orders the two texts."""
    left, right = french_key(left), french_key(right)
    return (left > right) - (left < right)


# A select offers the skills most roles need, and the one chosen: 15,000 options help no one.
SKILL_CHOICES = 60


class Sort:
    RELEVANCE = "pertinence"
    LEVEL = "niveau"
    NAME = "nom"
    SALARY = "salaire"
    CHOICES = [
        (RELEVANCE, _("Pertinence (avec des mots-clés)")),
        (LEVEL, _("Niveau hiérarchique")),
        (NAME, _("Nom")),
        # Roles with figures first, not by figure: a salary order would compare the bands of
        # different documents (monthly or yearly, net or gross, places, dates).
        (SALARY, _("Avec salaires d’abord")),
    ]


class Documented:
    YES = "oui"
    NO = "non"
    CHOICES = [(YES, _("Fiches documentées")), (NO, _("Fiches à documenter"))]


def most_needed_skills(queryset, limit, selected=None):
    """The `limit` skills most roles need, and `selected` in any case."""
    skills = queryset.only("pk", "slug", "name", "category", "role_count")
    if selected:
        chosen = Case(When(slug=selected, then=Value(1)), default=Value(0))
        return skills.alias(chosen=chosen).order_by("-chosen", "-role_count", "name")[: limit + 1]
    return skills.order_by("-role_count", "name")[:limit]


def band_places():
    """(slug, name) of each place salary bands are given for, in the places' order: read
    through the roles' `salary_bands` relation, as the filter applies it."""
    return (
        Role.objects.filter(salary_bands__isnull=False)
        .order_by("salary_bands__location__order", "salary_bands__location__name")
        .values_list("salary_bands__location__slug", "salary_bands__location__name")
        .distinct()
    )


class SkillChoiceField(forms.ModelChoiceField):
    """A skill chosen by slug: checked against every skill, offered from the most needed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)

    def offer(self, selected):
        skills = most_needed_skills(self.queryset, SKILL_CHOICES, selected)
        skills = sorted(skills, key=lambda skill: skill.name.lower())
        self.widget.choices = [
            ("", self.empty_label),
            *((skill.slug, f"{skill.name} ({skill.role_count})") for skill in skills),
        ]


class SkillFilter(filters.ModelChoiceFilter):
    field_class = SkillChoiceField


class IntegerFilter(filters.NumberFilter):
    field_class = forms.IntegerField


class RoleFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("competence", "outil"):
            self.fields[name].offer(self.data.get(name) if self.is_bound else None)


class RoleFilterSet(filters.FilterSet):
    q = filters.CharFilter(
        label=_("Mots-clés"),
        method="filter_nothing",  # applied in filter_queryset(), with the ordering
        help_text=_("Un intitulé, une compétence, un outil, une mission…"),
    )
    niveau = filters.ChoiceFilter(
        label=_("Niveau hiérarchique"),
        field_name="level",
        choices=Level.choices,
        empty_label=_("Tous les niveaux"),
    )
    salaire = IntegerFilter(
        label=_("Salaire visé (€)"),
        method="filter_nothing",  # with lieu and experience: one band must meet all three
        min_value=0,
        max_value=10_000_000,
        help_text=_(
            "Les métiers dont une fourchette atteint ce montant, tel que le document le donne "
            "(brut ou net, par an ou par mois quand il le précise)."
        ),
    )
    lieu = filters.ChoiceFilter(
        label=_("Lieu"),
        choices=band_places,  # a callable: read when the form is validated or shown
        method="filter_nothing",
        empty_label=_("Tous les lieux"),
        # as a choice of rows, which it was: a place is a row of the salaries app
        error_messages={
            "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
        },
    )
    experience = filters.ChoiceFilter(
        label=_("Expérience"),
        choices=ExperienceLevel.Tier.choices,
        method="filter_nothing",
        empty_label=_("Tous les niveaux d’expérience"),
    )
    formation = filters.ModelChoiceFilter(
        label=_("Niveau d’études"),
        queryset=EducationLevel.objects.all(),
        to_field_name="slug",
        method="filter_education",
        empty_label=_("Tous les niveaux d’études"),
    )
    competence = SkillFilter(
        label=_("Compétence"),
        queryset=Skill.objects.exclude(category=Skill.Category.TOOL),
        method="filter_skill",
        empty_label=_("Toutes les compétences"),
    )
    outil = SkillFilter(
        label=_("Outil"),
        queryset=Skill.objects.filter(category=Skill.Category.TOOL),
        method="filter_skill",
        empty_label=_("Tous les outils"),
    )
    employeur = filters.ModelChoiceFilter(
        label=_("Employeur"),
        queryset=EmployerType.objects.all(),
        to_field_name="slug",
        method="filter_employer",
        empty_label=_("Tous les employeurs"),
    )
    documentees = filters.ChoiceFilter(
        label=_("Fiches"),
        choices=Documented.CHOICES,
        method="filter_documented",
        empty_label=_("Toutes les fiches"),
    )
    tri = filters.ChoiceFilter(
        label=_("Trier par"),
        choices=Sort.CHOICES,
        method="filter_nothing",  # applied in filter_queryset()
        empty_label=None,
    )

    class Meta:
        form = RoleFilterForm
        fields = []

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_education(self, queryset, name, level):
        return queryset.filter(
            Exists(EducationRequirement.objects.filter(role=OuterRef("pk"), level=level))
            | Exists(RoleTraining.objects.filter(role=OuterRef("pk"), training__level=level))
        )

    def filter_skill(self, queryset, name, skill):
        return queryset.filter(Exists(RoleSkill.objects.filter(role=OuterRef("pk"), skill=skill)))

    def filter_employer(self, queryset, name, employer_type):
        return queryset.filter(
            Exists(RoleEmployer.objects.filter(role=OuterRef("pk"), employer_type=employer_type))
        )

    def filter_documented(self, queryset, name, value):
        return queryset.filter(is_documented=value == Documented.YES)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        # One band must meet all three: the conditions go in one filter() of the relation.
        band = Q()
        if data.get("salaire") is not None:
            band &= Q(salary_bands__high__gte=data["salaire"])
        if data.get("lieu"):
            band &= Q(salary_bands__location__slug=data["lieu"])
        if data.get("experience"):
            band &= Q(salary_bands__experience_level__tier=data["experience"]) | Q(
                salary_bands__experience_level__isnull=True  # a band for every tier
            )
        if band:
            having = Role.objects.filter(band, salary_bands__isnull=False)
            queryset = queryset.filter(Exists(having.filter(pk=OuterRef("pk"))))
        return self.sort(queryset, data)

    def sort(self, queryset, data):
        query = search.Query.parse(data.get("q"))
        self.query = query
        order = data.get("tri") or (Sort.RELEVANCE if query else Sort.LEVEL)
        if query:
            queryset = queryset.search(query)
        # Documented roles first whatever the order: the others are only « fiche à venir ».
        if order == Sort.NAME:
            return queryset.order_by("-is_documented", french_order("name"))
        if order == Sort.SALARY:
            return queryset.order_by(
                "-is_documented", F("has_salary_bands").desc(), french_order("name")
            )
        if order == Sort.LEVEL or not query:
            return queryset.by_level().order_by(
                "-is_documented", "level_rank", french_order("name")
            )
        return queryset  # relevance: search_roles() ordered it
