"""The salary explorer's filters: every query parameter bound to a form field."""

import django_filters
from django import forms
from django.db.models import F, Q
from django.urls import reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from roles.models import ExperienceLevel

from .models import Location, SalaryBand

NOT_DETAILED = "non-detaille"
NOT_STATED = "non-precise"
NATURE_CHOICES = [
    *SalaryBand.Basis.choices[1:],
    (NOT_STATED, _("non précisée")),
]
EXPERIENCE_CHOICES = [
    *ExperienceLevel.Tier.choices,
    (NOT_DETAILED, _("Fourchette donnée pour tous les niveaux")),
]

# Table order when no sort is asked for, and the tie-breakers after one. Explicit NULL
# placement so that SQLite and PostgreSQL give the same order.
TABLE_ORDER = [
    F("role__name").asc(),
    F("source__order").asc(),
    F("experience_level__order").asc(nulls_first=True),
    F("location__order").asc(),
    F("pk").asc(),
]

# (parameter, field, label) of each sortable column of the table.
SORTS = [
    ("metier", "role__name", _("Métier")),
    ("experience", "experience_level__order", _("Expérience")),
    ("lieu", "location__order", _("Lieu")),
    ("salaire", "low", _("Salaire")),
    ("date", "date_value", _("Date")),
    ("source", "source__order", _("Source")),
]


class SortFilter(django_filters.OrderingFilter):
    """`tri=<column>` or `tri=-<column>`; the default table order breaks ties."""

    def filter(self, qs, value):
        keys = [self.get_ordering_value(param) for param in value or [] if param]
        if not keys:
            return qs
        expressions = [
            F(key[1:]).desc(nulls_last=True)
            if key.startswith("-")
            else F(key).asc(nulls_last=True)
            for key in keys
        ]
        return qs.order_by(*expressions, *TABLE_ORDER)


def _sort_choices():
    choices = []
    for param, _field, label in SORTS:
        choices.append((param, label))
        choices.append((f"-{param}", _("%(label)s (décroissant)") % {"label": label}))
    return choices


class SalaryBandFilter(django_filters.FilterSet):
    role = django_filters.CharFilter(
        label=_("Métier"),
        method="filter_role",
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "placeholder": _("nom ou identifiant"),
                "autocomplete": "off",
                "data-suggestions-url": reverse_lazy("roles:suggestions"),
            }
        ),
    )
    experience = django_filters.ChoiceFilter(
        label=_("Expérience"),
        choices=EXPERIENCE_CHOICES,
        method="filter_experience",
        empty_label=_("Tous les niveaux"),
        error_messages={"invalid_choice": _("Le niveau d’expérience « %(value)s » n’existe pas.")},
    )
    lieu = django_filters.ChoiceFilter(
        label=_("Lieu"),
        choices=[],  # set per request from self.locations: one query, shared with the charts
        method="filter_location",
        empty_label=_("Tous les lieux"),
        error_messages={"invalid_choice": _("Le lieu « %(value)s » n’existe pas.")},
    )
    nature = django_filters.ChoiceFilter(
        label=_("Nature du chiffre"),
        choices=NATURE_CHOICES,
        method="filter_nature",
        empty_label=_("Toutes"),
        error_messages={
            "invalid_choice": _("« %(value)s » n’est ni brut, ni net, ni non précisé.")
        },
    )
    tri = SortFilter(
        label=_("Trier par"),
        fields={field: param for param, field, _label in SORTS},
        choices=_sort_choices(),
        empty_label=_("Métier, puis source"),
        error_messages={"invalid_choice": _("On ne peut pas trier par « %(value)s ».")},
    )

    class Meta:
        model = SalaryBand
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            # Without the documents' whole texts and the roles' summaries: the table shows
            # neither, and sorting 9,000 rows with them made the page 0.2 s slower.
            queryset = (
                SalaryBand.objects.for_table()
                .defer("source__text", "source__description", "role__summary")
                .order_by(*TABLE_ORDER)
            )
        super().__init__(data, queryset, **kwargs)
        # A plain function (a bound method would be deep-copied with the request).
        self.filters["lieu"].extra["choices"] = lambda: self.location_choices()

    @cached_property
    def locations(self):
        """Every location in order (the `lieu` choices, the charts' series)."""
        return list(Location.objects.all())

    def location_choices(self):
        return [
            *((location.slug, location.name) for location in self.locations),
            (NOT_STATED, _("lieu non précisé")),
        ]

    def filter_role(self, queryset, name, value):
        """A role's slug (the sheets link with it), else part of its name or an alias."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(role__slug=value) | Q(role__name__icontains=value))

    def filter_location(self, queryset, name, value):
        if value == NOT_STATED:
            return queryset.filter(location__isnull=True)
        return queryset.filter(location__slug=value)

    def filter_nature(self, queryset, name, value):
        return queryset.filter(basis="" if value == NOT_STATED else value)

    def filter_experience(self, queryset, name, value):
        if value == NOT_DETAILED:
            return queryset.filter(experience_level__isnull=True)
        return queryset.filter(experience_level__tier=value)

    @property
    def sort(self):
        """The sort the table shows (first key), e.g. "-salaire", or "" for the default."""
        if not self.is_bound or "tri" in self.errors:
            return ""
        value = self.form.cleaned_data.get("tri") or []
        return value[0] if value else ""
