"""No lost edit: optimistic locking for the admin forms of `Versioned` rows.

Each form carries the row's `version` in a hidden field. When an editor saves a form whose
version is no longer the row's, another editor saved the row meanwhile: the form is refused
with a message that names who changed what (old → new, read from the row's history), and the
form is prepared for a second save: the fields this editor did not touch take the other
editor's values, the fields they changed keep their input, and the hidden version is brought
up to date. A form this editor did not touch at all simply takes the new values. A row deleted
meanwhile gives a message too (never a 500, never a silent loss).

The check runs inside the admin's transaction with `select_for_update()`, so that two saves
cannot both pass it (on PostgreSQL; SQLite serialises writes anyway).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from .wording import TeamWordingAdminMixin

VERSION = "version"
# The version an editor's form carries to say « re-create this row another editor deleted ».
RECREATE = "0"


def _display(field, value):
    """A value as an editor reads it: a choice's label, a related row's name, « (vide) »."""
    if value in (None, ""):
        return _("(vide)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if hasattr(value, "isoformat"):
        return formats.localize(value)
    return str(value)


def _who(record):
    user = record.history_user
    name = (user.get_full_name() or user.get_username()) if user else _("un autre éditeur")
    return format_html(
        "{} ({})", name, formats.date_format(record.history_date, "DATETIME_FORMAT")
    )


def _compared_fields(form):
    """The model fields of the form that hold a value on the row (not many-to-many)."""
    opts = form._meta.model._meta
    names = []
    for name in form.fields:
        if name == VERSION:
            continue
        try:
            field = opts.get_field(name)
        except Exception:  # a form-only field
            continue
        if field.concrete and not field.many_to_many and not field.primary_key:
            names.append(field)
    return names


def _value(obj, field):
    return _same(getattr(obj, field.attname))


def _same(value):
    """A value compared as the form sends it: browsers send textareas' lines with CRLF."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class VersionedModelForm(forms.ModelForm):
    """A model form refused when the row changed since the editor opened it."""

    # Restoring a version from the history (or recovering a deleted row) is meant to replace
    # what is there now: no check, the row takes its next version.
    restoring = False

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        pk_name = model._meta.pk.name
        if pk_name in self._errors and self.data.get(self.add_prefix(pk_name)):
            # An inline row whose id no longer exists: deleted by another editor meanwhile.
            stale_pk = self.data.get(self.add_prefix(pk_name))
            del self._errors[pk_name]
            deleted = getattr(self.instance, "deleted_meanwhile", None)
            if deleted is not None and self.data.get(self.add_prefix(VERSION)) == RECREATE:
                cleaned[VERSION] = deleted.version  # confirmed: saved again under its id
                return cleaned
            if deleted is not None:
                self.data = self.data.copy()
                self.data[self.add_prefix(VERSION)] = RECREATE
            raise ValidationError(self._deleted_message(model, stale_pk), code="deleted")
        if VERSION not in self.fields:
            return cleaned
        if self.instance.pk is None:
            if cleaned.get(VERSION) is None:  # a new row (an add form, an inline's new row)
                cleaned[VERSION] = self.instance.version or 1
            return cleaned
        submitted = cleaned.get(VERSION)
        # No join (a default ordering or select_related can add nullable outer joins, which
        # PostgreSQL cannot lock): the row itself, locked for the rest of the save.
        rows = model._default_manager.filter(pk=self.instance.pk).select_related(None)
        rows = rows.order_by("pk")
        if transaction.get_connection().in_atomic_block:
            rows = rows.select_for_update(of=("self",))
        current = rows.first()
        if self.restoring:
            cleaned[VERSION] = current.version if current is not None else submitted
            return cleaned
        if current is None:
            raise ValidationError(self._deleted_message(model, self.instance.pk), code="deleted")
        if submitted is None or submitted == current.version:
            return cleaned
        self._resolve_conflict(model, current, submitted)
        return cleaned

    def _deleted_message(self, model, pk):
        history = getattr(model, "history", None)
        record = None
        if history is not None and str(pk).isdigit():
            record = history.filter(**{model._meta.pk.attname: pk}).order_by("-history_date")
            record = record.first()
        if record is None:
            return _(
                "Cette ligne a été supprimée par un autre éditeur pendant votre modification. "
                "Cochez « Supprimer » pour l'abandonner, ou ajoutez-la de nouveau."
            )
        return format_html(
            "{} {} {}",
            _("Cette ligne (« %(row)s ») a été supprimée par") % {"row": record.instance},
            _who(record),
            _(
                "pendant votre modification. Vos saisies sont affichées : enregistrez de "
                "nouveau pour la recréer avec elles, ou cochez « Supprimer » pour l'abandonner."
            ),
        )

    def _resolve_conflict(self, model, current, submitted):
        fields = _compared_fields(self)
        history = getattr(model, "history", None)
        seen = latest = None
        if history is not None:
            records = history.filter(**{model._meta.pk.attname: current.pk})
            seen = records.filter(version=submitted).order_by("-history_date").first()
            latest = records.order_by("-history_date").first()
        data = self.data.copy()
        data[self.add_prefix(VERSION)] = str(current.version)
        changes, mine = [], []
        for field in fields:
            new = _value(current, field)
            old = _value(seen, field) if seen is not None else None
            typed = self.cleaned_data.get(field.name, None)
            typed = _same(getattr(typed, "pk", typed))
            if seen is not None and old != new:
                changes.append((field.verbose_name, _display(field, old), _display(field, new)))
            if seen is not None and typed == old:
                # Untouched by this editor: the form takes the other editor's value.
                self.cleaned_data[field.name] = getattr(current, field.name)
                data[self.add_prefix(field.name)] = "" if new is None else str(new)
            elif typed != new:
                mine.append(field.verbose_name)
        self.data = data
        self.cleaned_data[VERSION] = current.version
        if not mine or (seen is not None and not changes):
            # Nothing of this editor's conflicts (or the other save changed no value): the
            # row keeps the other's values and takes this editor's.
            return
        if seen is None:
            changes = [
                (f.verbose_name, _("?"), _display(f, _value(current, f)))
                for f in fields
                if f.verbose_name in mine
            ]
        lines = format_html_join(
            "", "<li>{} : « {} » → « {} »</li>", ((str(n), o, w) for n, o, w in changes)
        )
        raise ValidationError(
            format_html(
                "{} {} :<ul>{}</ul>{}",
                _("Enregistrement refusé : modifié entre-temps par"),
                _who(latest) if latest is not None else _("un autre éditeur"),
                lines,
                _(
                    "Vos saisies sont conservées ci-dessous ; les champs que vous n'aviez pas "
                    "modifiés ont pris les nouvelles valeurs. Vérifiez, puis enregistrez de "
                    "nouveau pour appliquer vos modifications."
                ),
            ),
            code="stale",
        )


class VersionedInlineFormSet(BaseInlineFormSet):
    """Inline rows, with those another editor deleted while this editor's form was open: each
    is rebuilt from its history so that its form shows (with the editor's input and the
    message) instead of vanishing from the page."""

    def get_queryset(self):
        if not hasattr(self, "_with_deleted"):
            rows = list(super().get_queryset())
            history = getattr(self.model, "history", None)
            if self.is_bound and history is not None:
                present = {str(row.pk) for row in rows}
                pk_name = self.model._meta.pk.name
                for i in range(self.initial_form_count()):
                    raw = self.data.get(f"{self.add_prefix(i)}-{pk_name}", "")
                    if not raw.isdigit() or raw in present:
                        continue
                    record = history.filter(**{pk_name: raw}).order_by("-history_date").first()
                    if record is not None:
                        row = record.instance
                        row.deleted_meanwhile = row
                        # Saved like a row that exists: Django then inserts it again.
                        row._state.adding = False
                        rows.insert(min(i, len(rows)), row)
            self._with_deleted = rows
        return self._with_deleted


class VersionedAdminMixin(TeamWordingAdminMixin):
    """For ModelAdmins and inlines of `Versioned` models: the hidden version in the form (and,
    for the rows that quote a document, the « Rédaction de l'équipe » box: roles/wording.py)."""

    form = VersionedModelForm
    formset = VersionedInlineFormSet  # used by inlines only

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if getattr(request, "restoring_from_history", False):
            form = type(form.__name__, (form,), {"restoring": True})
        return form

    def history_form_view(self, request, *args, **kwargs):
        request.restoring_from_history = True
        return super().history_form_view(request, *args, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == VERSION:
            # The model's default as initial: an add form's hidden input is never empty.
            return forms.IntegerField(
                widget=forms.HiddenInput, required=False, initial=db_field.default
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not any(field.name == VERSION for field in self.model._meta.fields) or any(
            VERSION in _flat(options.get("fields", ())) for _name, options in fieldsets
        ):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], VERSION]}), *rest]


def _flat(fields):
    for field in fields:
        if isinstance(field, list | tuple):
            yield from field
        else:
            yield field
