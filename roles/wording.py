"""« Rédaction de l'équipe » in the admin: a box on the form of every quoting row.

A quoted text not found in the chosen document is refused (roles/models/base.py `Quoting`)
unless the editor ticks the box: then the row is saved as the editors' wording, dated, and
shows no document badge. The box is added to the forms and fieldsets of the admins and
inlines of every `TeamWorded` model, whatever their field lists (no inline names it).
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .models.base import NOT_IN_DOCUMENT, Quoting

FIELD = "team_wording"

ASK_FOR_IT = _(
    "Si ce texte est votre propre formulation, cochez « Rédaction de l'équipe » : il sera "
    "montré comme tel, daté, sans le nom du document."
)


def is_team_worded(model):
    return issubclass(model, Quoting) and model.can_be_team_worded()


class TeamWordingFormMixin:
    """The box, ticked when the row is already the editors' wording; passed to the row before
    the model's `clean()` runs, with whether the quoted text changed (a new date)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.team_wording_on:
            self.fields[FIELD].initial = True
            self.fields[FIELD].help_text = _("Rédaction de l'équipe depuis le %(date)s.") % {
                "date": formats.date_format(self.instance.team_wording_on, "j F Y")
            }

    def clean(self):
        cleaned = super().clean()
        quoted = {*self.instance.quoted_fields, *self.instance.quoted_line_fields}
        self.instance.team_wording_requested = bool(cleaned.get(FIELD))
        self.instance.team_wording_rewritten = bool(quoted & set(self.changed_data))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        refused = any(
            error.message == NOT_IN_DOCUMENT
            for name, errors in self.errors.as_data().items()
            if name in self.fields and name != FIELD
            for error in errors
        )
        if refused and not self.cleaned_data.get(FIELD) and FIELD not in self.errors:
            self.add_error(FIELD, ASK_FOR_IT)


def with_team_wording(form):
    field = forms.BooleanField(
        label=_("Rédaction de l'équipe"),
        required=False,
        help_text=_(
            "Cochez si le texte est votre formulation et non les mots du document : montré "
            "« Rédaction de l'équipe » avec la date, sans le nom du document, jusqu'à ce qu'un "
            "enregistrement retrouve ses mots dans le document."
        ),
    )
    return type(form.__name__, (TeamWordingFormMixin, form), {FIELD: field})


class TeamWordingAdminMixin:
    """For the ModelAdmins and inlines of quoting models (through `VersionedAdminMixin`)."""

    def _without_box(self, request, obj, kwargs):
        fields = kwargs.get("fields", ...)
        if fields is ...:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        if fields is not None:
            kwargs["fields"] = [name for name in fields if name != FIELD]
        return kwargs

    def get_form(self, request, obj=None, **kwargs):
        if not is_team_worded(self.model):
            return super().get_form(request, obj, **kwargs)
        kwargs = self._without_box(request, obj, kwargs)
        return with_team_wording(super().get_form(request, obj, **kwargs))

    def get_formset(self, request, obj=None, **kwargs):
        if not is_team_worded(self.model):
            return super().get_formset(request, obj, **kwargs)
        kwargs = self._without_box(request, obj, kwargs)
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = with_team_wording(formset.form)
        return formset

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not is_team_worded(self.model) or FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        quoted = {*self.model.quoted_fields, *self.model.quoted_line_fields}
        at = next(
            (
                index
                for index, (_name, options) in enumerate(fieldsets)
                if quoted & set(flatten_fieldsets([(None, options)]))
            ),
            0,
        )
        fieldsets = list(fieldsets)
        name, options = fieldsets[at]
        fieldsets[at] = (name, {**options, "fields": [*options["fields"], FIELD]})
        return fieldsets
