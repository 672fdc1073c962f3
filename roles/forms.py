"""The forms of the career pages: a path between two roles, a comparison of two or three.

Each reads roles the view fetched once (by slug), so that choosing costs no query."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import group_by_level


def role_choices(roles, blank=None):
    """Choices grouped by level, in career order, from an already fetched list of roles."""
    choices = [
        (str(label), [(role.slug, role.name) for role in members])
        for label, members in group_by_level(roles)
    ]
    return [("", blank), *choices] if blank else choices


class RoleChoiceField(forms.ChoiceField):
    """A role chosen by its slug among roles the view fetched once; cleans to the Role."""

    default_error_messages = {
        "invalid_choice": _("Le métier « %(value)s » n’existe pas dans nos fiches."),
    }

    def __init__(self, *, roles=(), blank=None, **kwargs):
        super().__init__(**kwargs)
        self.set_roles(roles, blank)

    def set_roles(self, roles, blank=None):
        self.roles_by_slug = {role.slug: role for role in roles}
        self.choices = role_choices(roles, blank=blank)

    def clean(self, value):
        value = super().clean(value)
        return self.roles_by_slug.get(value)


class CareerPathForm(forms.Form):
    """`?de=<slug>&vers=<slug>`: two roles to join by documented moves."""

    de = RoleChoiceField(label=_("Métier de départ"), required=False)
    vers = RoleChoiceField(label=_("Métier visé"), required=False)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].set_roles(roles, blank=_("— Choisir un métier —"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("de"), cleaned.get("vers")
        if start and start == end:
            raise forms.ValidationError(
                _(
                    "Le métier de départ et le métier visé sont le même (%(name)s) : "
                    "choisissez deux métiers différents."
                ),
                code="same_role",
                params={"name": start.name},
            )
        return cleaned

    def chosen(self, name):
        """The role chosen in field `name` ("de" or "vers"), once the form is valid."""
        return self.cleaned_data.get(name) if self.is_bound and self.is_valid() else None


class RolesField(forms.MultipleChoiceField):
    """Several roles by slug (`?r=a&r=b`), blanks ignored, duplicates dropped, order kept."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.roles_by_slug = {}

    def to_python(self, value):
        return list(dict.fromkeys(slug for slug in super().to_python(value) if slug))

    def validate(self, value):
        unknown = [slug for slug in value if slug not in self.roles_by_slug]
        if unknown:
            raise forms.ValidationError(
                _("Ces métiers n’existent pas dans nos fiches : %(slugs)s.")
                if len(unknown) > 1
                else _("Le métier « %(slugs)s » n’existe pas dans nos fiches."),
                code="invalid_choice",
                params={"slugs": ", ".join(f"« {slug} »" for slug in unknown)}
                if len(unknown) > 1
                else {"slugs": unknown[0]},
            )

    def clean(self, value):
        return [self.roles_by_slug[slug] for slug in super().clean(value)]


class CompareForm(forms.Form):
    """`?r=<slug>&r=<slug>[&r=<slug>]`: two or three roles to show side by side."""

    MIN_ROLES, MAX_ROLES = 2, 3

    r = RolesField(label=_("Métiers à comparer"), required=False)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = list(roles)
        self.fields["r"].roles_by_slug = {role.slug: role for role in self.roles}
        self.fields["r"].choices = role_choices(self.roles)

    def clean_r(self):
        chosen = self.cleaned_data["r"]
        if len(chosen) > self.MAX_ROLES:
            raise forms.ValidationError(
                _(
                    "Vous avez choisi %(count)s métiers : on peut en comparer trois au plus. "
                    "Retirez-en un."
                ),
                code="too_many",
                params={"count": len(chosen)},
            )
        if len(chosen) < self.MIN_ROLES:
            raise forms.ValidationError(
                _("Choisissez au moins deux métiers différents à comparer."),
                code="too_few",
            )
        return chosen

    @property
    def asked(self):
        """True when the address names at least one role (otherwise: just show the form)."""
        return self.is_bound and any(self.data.getlist("r", []))

    def chosen_roles(self):
        return self.cleaned_data["r"] if self.is_valid() else []

    def slots(self):
        """The slug selected in each of the three selects the page shows."""
        slugs = [slug for slug in self.data.getlist("r", []) if slug] if self.is_bound else []
        slugs = [slug for slug in dict.fromkeys(slugs) if slug in self.fields["r"].roles_by_slug]
        return [*slugs, "", "", ""][: self.MAX_ROLES]
