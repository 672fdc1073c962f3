"""The role's change page, split by theme (issue 12: an admin page that fits a screen).

One page per theme of a role (« Texte de la fiche », « Compétences et matrice », and what
other apps add: « Salaires », « Entretiens »), shown as tabs at the top of each. Every theme
page is the role's own admin change page (`RoleAdmin.changeform_view`) with that theme's
inlines only: the same permissions (the role's), optimistic locking of each row, history,
`save_on_top` and error summary. The first theme is the role's usual change page, with the
role's own fields; the others, at `<id>/change/<theme>/`, carry only their rows.

Why not proxy models of Role, one ModelAdmin each: `Versioned.history` is simple-history's
`HistoricalRecords(inherit=True)`, which gives every subclass, a proxy too, a historical
table of its own; and proxies need their own permissions granted to the editors. Views on
the one RoleAdmin keep a single history, a single set of permissions, a single URL space.

Other apps add their theme with `add_role_theme()` from their admin module, so that the hub
names none of them.
"""

import contextlib
import operator
from dataclasses import dataclass, field
from functools import reduce

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import (
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    RelatedFieldWidgetWrapper,
)
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.utils import flatatt
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


@dataclass
class RoleTheme:
    slug: str  # "" for the role's own change page
    label: str
    inlines: list = field(default_factory=list)

    def url(self, role_pk):
        if not self.slug:
            return reverse("admin:roles_role_change", args=[role_pk])
        return reverse("admin:roles_role_theme", args=[role_pk, self.slug])


# The tabs, in order. roles/admin.py registers the hub's two; other apps append theirs.
ROLE_THEMES: list[RoleTheme] = []


def add_role_theme(slug, label, inlines):
    """A theme page of the role (a tab), with `inlines`; from other apps' admin modules."""
    if any(theme.slug == slug for theme in ROLE_THEMES):
        raise ValueError(f"Role theme {slug!r} registered twice")
    theme = RoleTheme(slug, label, list(inlines))
    ROLE_THEMES.append(theme)
    if admin.site.is_registered(theme_model()):
        # Every inline in `inlines` too, so that Django's system checks see all of them.
        role_admin = admin.site.get_model_admin(theme_model())
        role_admin.inlines = [*role_admin.inlines, *theme.inlines]
    return theme


def theme_model():
    from .models import Role

    return Role


def role_theme_urls(role):
    """(label, url) of each theme page of `role`, in tab order (tests and bench)."""
    return [(str(theme.label), theme.url(role.pk)) for theme in ROLE_THEMES]


class ThemedRoleAdminMixin:
    """RoleAdmin's theme pages: the current theme (from the URL) chooses inlines and fields."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        theme_page = path(
            "<path:object_id>/change/<slug:theme>/",
            self.admin_site.admin_view(self.theme_view),
            name="{}_{}_theme".format(*info),
        )
        return [theme_page, *super().get_urls()]

    def theme_view(self, request, object_id, theme):
        found = next((t for t in ROLE_THEMES[1:] if t.slug == theme), None)
        if found is None:
            raise Http404
        request.role_theme = found
        return self.changeform_view(request, object_id)

    def current_theme(self, request):
        return getattr(request, "role_theme", None) or ROLE_THEMES[0]

    def is_theme_page(self, request):
        return self.current_theme(request) is not ROLE_THEMES[0]

    def get_inlines(self, request, obj):
        return self.current_theme(request).inlines

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        if len(instances) == 1:
            # The theme's one table: the editor came to the tab for it, it opens at once.
            instances[0].classes = [c for c in instances[0].classes or [] if c != "collapse"]
        return instances

    def all_inline_instances(self, request, obj):
        """The inlines of every theme (for the role's history page)."""
        inlines = [inline for theme in ROLE_THEMES for inline in theme.inlines]
        return [inline(self.model, self.admin_site) for inline in inlines]

    def get_fieldsets(self, request, obj=None):
        # A theme page edits its rows only: no field of the role itself.
        return [] if self.is_theme_page(request) else super().get_fieldsets(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if self.is_theme_page(request):
            # No field of the role here: nothing of it to validate (its own page does).
            form = type(form.__name__, (form,), {"_post_clean": _nothing_to_validate})
        return form

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.is_theme_page(request) else super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if not self.is_theme_page(request):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if self.is_theme_page(request) and any(formset.has_changed() for formset in formsets):
            # As on the role's own page: the sheet's « Mise à jour le » follows its rows, and
            # the role's history (and the dashboard's latest changes) records the save. Only
            # those two columns: the role's fields were not on this page.
            form.instance.save(update_fields=["updated_at"])

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and not add:
            current = self.current_theme(request)
            context["role_tabs"] = [
                {"label": theme.label, "url": theme.url(obj.pk), "current": theme is current}
                for theme in ROLE_THEMES
            ]
            context["role_theme"] = current
            # The rows need the page's width: the admin's side menu stays folded away here.
            context["is_nav_sidebar_enabled"] = False
            context["title"] = str(obj)
            context["subtitle"] = current.label
        return super().render_change_form(request, context, add, change, form_url, obj)


def _nothing_to_validate(form):
    pass


class PageLabels:
    """The labels of one related model's rows that a role page's autocompletes show: those the
    page's rows hold (`held`: a subquery of their values per inline field), read in one query
    when the first row is drawn, never the whole table (15,000 skills at bench scale); a value
    chosen since (a form sent back with errors) is read when its row is drawn."""

    def __init__(self, field):
        self.queryset = field.queryset
        self.label_from_instance = field.label_from_instance
        self.held = []
        self.labels = None

    def _read(self, condition):
        rows = self.queryset.filter(condition)
        return {str(row.pk): self.label_from_instance(row) for row in rows}

    def of(self, values):
        if self.labels is None:
            held = [Q(pk__in=values) for values in self.held]
            self.labels = self._read(reduce(operator.or_, held)) if held else {}
        missing = {str(value) for value in values if value not in ("", None)} - set(self.labels)
        if missing:
            # Not a key: no label, and the form says why.
            with contextlib.suppress(ValueError, ValidationError):
                self.labels.update(self._read(Q(pk__in=missing)))
        return self.labels


class KnownLabels:
    """An autocomplete select whose chosen options are labelled from `labels` (a `PageLabels`,
    read once per page for all rows) instead of one query per row."""

    labels = None

    def optgroups(self, name, value, attr=None):
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        labels = self.labels.of(value)
        for chosen in value:
            if str(chosen) in labels:
                label = labels[str(chosen)]
                options.append(self.create_option(name, chosen, label, True, len(options)))
        return [(None, options, 0)]


class KnownLabelsAutocomplete(KnownLabels, AutocompleteSelect):
    pass


class KnownLabelsAutocompleteMultiple(KnownLabels, AutocompleteSelectMultiple):
    pass


class RowSelect(forms.Select):
    """A row's select, its options written here: Django's template renders one template per
    option, and the role's pages show hundreds of them (a fifth of a page's time)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = []
        for group, options, _index in widget["optgroups"]:
            lines = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (
                        "" if option["value"] is None else option["value"],
                        mark_safe(" selected") if option["selected"] else "",
                        option["label"],
                    )
                    for option in options
                ),
            )
            html.append(
                format_html('<optgroup label="{}">{}</optgroup>', group, lines) if group else lines
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(html)),
        )


def lighten_row_widget(field, request, held=None):
    """A field of an inline row, made cheap: no add/change/delete links repeated on each row
    (editors reach those lists from the index), selects written without a template per
    option, and an autocomplete's labels read once per page, for the values `held` by the
    page's rows (a subquery)."""
    widget = getattr(field, "widget", None)
    if isinstance(widget, RelatedFieldWidgetWrapper):
        field.widget = widget = widget.widget
    if type(widget) is forms.Select:
        widget.__class__ = RowSelect
    if isinstance(widget, AutocompleteSelect):
        pages = request.__dict__.setdefault("_role_page_labels", {})
        model = field.queryset.model
        if model not in pages:
            pages[model] = PageLabels(field)
        if held is not None:
            pages[model].held.append(held)
        widget.__class__ = (
            KnownLabelsAutocompleteMultiple
            if widget.allow_multiple_selected
            else KnownLabelsAutocomplete
        )
        widget.labels = pages[model]
    return field


def held_by_rows(inline, request, db_field):
    """What `db_field` holds in `inline`'s rows of the role this page edits: a subquery, or
    None on a page with no role yet."""
    match = request.resolver_match
    object_id = match.kwargs.get("object_id") if match else None
    if object_id is None:
        return None
    link = inline.fk_name or next(
        field.name
        for field in inline.model._meta.fields
        if field.many_to_one and field.related_model is inline.parent_model
    )
    rows = inline.model._default_manager.filter(**{link: unquote(object_id)})
    return rows.values(db_field.name)


def experience_level_choices(field):
    """The levels of a select, grouped by their document: each document words its own levels
    (« Junior (0-2 ans d’exp) » in one table, « Junior (1 à 2 ans d’expérience) » in another),
    so near-identical names read as what they are, one document's wording each."""
    levels = field.queryset.select_related("source").order_by("source__order", "order")
    groups = {}
    for level in levels:
        groups.setdefault(level.source.label, []).append((level.pk, str(level)))
    return [("", field.empty_label or "---------"), *groups.items()]


class ExperienceLevelsByDocument:
    """For the admins of rows with an experience level: its select grouped by document."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and db_field.name == "experience_level":
            field.choices = experience_level_choices(field)
        return field
