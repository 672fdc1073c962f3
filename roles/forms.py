"""The forms of the career pages: a path between two roles, a comparison of two or three.

A role is typed, not picked from a list of every role (there may be thousands): a text box
takes its address name (slug) or its name, and a script (static/js/role-picker.js) offers
names as the reader types, from roles:suggestions. Without the script the form still works.
"""

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Role

MAX_TYPED = 150  # a role's name or slug is at most this long (Role.name, Role.slug)


class RoleInput(forms.TextInput):
    """A text box for a role, which role-picker.js turns into a suggestion box."""

    def __init__(self, attrs=None):
        super().__init__(
            {
                "autocomplete": "off",
                "spellcheck": "false",
                "maxlength": MAX_TYPED,
                "class": "role-input",
                "data-suggestions": reverse_lazy("roles:suggestions"),
                **(attrs or {}),
            }
        )


def find_roles(typed, queryset=None):
    """{typed text: Role} for texts that are a role's slug or name (case-insensitive).
    One query whatever the number of texts (at most a handful)."""
    typed = [text for text in dict.fromkeys(typed) if text]
    if not typed:
        return {}
    condition = Q(slug__in=typed)
    for text in typed:
        condition |= Q(name__iexact=text)
    found = list(
        (queryset if queryset is not None else Role.objects.published()).filter(condition)
    )
    by_slug = {role.slug: role for role in found}
    by_name = {role.name.casefold(): role for role in found}
    return {
        text: by_slug.get(text) or by_name[text.casefold()]
        for text in typed
        if text in by_slug or text.casefold() in by_name
    }


class RoleField(forms.CharField):
    """A role typed by its slug or name; cleans to the Role (looked up by the form)."""

    widget = RoleInput
    default_error_messages = {
        "invalid_choice": _("Le métier « %(value)s » n’existe pas dans nos fiches."),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=MAX_TYPED, strip=True, **kwargs)
        self.found = {}

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if value not in self.found:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return self.found[value]


class CareerPathForm(forms.Form):
    """`?de=<slug or name>&vers=<slug or name>`: two roles to join by documented moves.

    `roles`: {slug: Role} the view already has (the career graph), so that choosing costs no
    query; a name is looked up among them too."""

    de = RoleField(label=_("Métier de départ"), required=False)
    vers = RoleField(label=_("Métier visé"), required=False)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        by_name = {role.name.casefold(): role for role in roles.values()}
        for name, field in self.fields.items():
            typed = (self.data.get(name) or "").strip() if self.is_bound else ""
            role = roles.get(typed) or by_name.get(typed.casefold())
            field.found = {typed: role} if role else {}
            field.widget.attrs["placeholder"] = _("Ex. : Responsable e-commerce")

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
    """Several roles by slug or name (`?r=a&r=b`), blanks ignored, duplicates dropped, order
    kept. `found` ({typed: Role}) is filled by the form (one query)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.found = {}

    def to_python(self, value):
        return list(
            dict.fromkeys(
                text.strip()[:MAX_TYPED] for text in super().to_python(value) if text.strip()
            )
        )

    def validate(self, value):
        unknown = [text for text in value if text not in self.found]
        if unknown:
            raise forms.ValidationError(
                _("Ces métiers n’existent pas dans nos fiches : %(slugs)s.")
                if len(unknown) > 1
                else _("Le métier « %(slugs)s » n’existe pas dans nos fiches."),
                code="invalid_choice",
                params={"slugs": ", ".join(f"« {text} »" for text in unknown)}
                if len(unknown) > 1
                else {"slugs": unknown[0]},
            )

    def clean(self, value):
        roles = [self.found[text] for text in super().clean(value)]
        return list({role.pk: role for role in roles}.values())


class CompareForm(forms.Form):
    """`?r=<slug or name>&r=…[&r=…]`: two or three roles to show side by side. Looking the
    typed roles up is one query (at most `MAX_TYPED_VALUES` texts)."""

    MIN_ROLES, MAX_ROLES = 2, 3
    MAX_TYPED_VALUES = 10  # more is not a comparison: the rest is not even looked up

    r = RolesField(label=_("Métiers à comparer"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typed = self.typed()
        self.fields["r"].found = find_roles(typed[: self.MAX_TYPED_VALUES])

    def typed(self):
        if not self.is_bound:
            return []
        texts = (text.strip()[:MAX_TYPED] for text in self.data.getlist("r", []))
        return list(dict.fromkeys(text for text in texts if text))

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
        return bool(self.typed())

    def chosen_roles(self):
        return self.cleaned_data["r"] if self.is_valid() else []

    def slots(self):
        """What each of the three text boxes shows: the name of a role found, else the text
        as typed (so that the reader can correct it)."""
        found = self.fields["r"].found
        values = [found[text].name if text in found else text for text in self.typed()]
        return [*values, "", "", ""][: self.MAX_ROLES]
