"""Bringing a new document in, in the admin: the document's add form (its text pasted in a
big box, its identifier made from its title when left empty), then the guided page at
/admin/roles/source/<id>/passages/ that turns its lines into the rows of a role."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.forms import Textarea
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roles.admin import SourceAdmin
from roles.models import Source

from .forms import PassagesForm, document_lines
from .intake import LinesRefused, bring_in

# What an editor needs to bring a document in: every row the page may create.
INTAKE_PERMISSIONS = (
    "roles.change_source",
    "roles.add_role",
    "roles.change_role",
    "roles.add_mission",
    "roles.add_roleskill",
    "roles.add_skill",
    "roles.add_fact",
    "salaries.add_salaryband",
    "interviews.add_interviewquestion",
)


class IntakeSourceAdmin(SourceAdmin):
    change_form_template = "admin/workspace/source_change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "short_title", "slug", "kind", "publisher", "date", "url"]}),
        (None, {"fields": ["text"]}),
        (_("Pour l'équipe"), {"fields": ["file_name", "description", "order"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = Textarea(attrs={"rows": 24, "class": "vLargeTextField"})
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "text":
            field.required = True
            field.error_messages["required"] = _(
                "Collez le texte du document : chaque passage repris sur le site doit s'y trouver."
            )
        if db_field.name == "slug":
            field.required = False
            field.help_text = _("Vide : fait à partir du titre.")
        return field

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (SlugFromTitleForm, form), {})

    def response_add(self, request, obj, post_url_continue=None):
        if any(key in request.POST for key in ("_continue", "_addanother", "_popup")):
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request,
            _("Le document « %(title)s » est ajouté : choisissez ce que deviennent ses lignes.")
            % {"title": obj.title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(passages_url(obj))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/passages/",
                self.admin_site.admin_view(self.passages_view),
                name="roles_source_passages",
            ),
            *super().get_urls(),
        ]

    def passages_view(self, request, object_id):
        """The guided page: each line of the document, a use and a role for each.
        Template: admin/workspace/passages.html (form: PassagesForm)."""
        source = self.get_object(request, unquote(object_id))
        if source is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not request.user.has_perms(INTAKE_PERMISSIONS):
            raise PermissionDenied
        lines = document_lines(source) if source.text.strip() else []
        form = PassagesForm(request.POST if request.method == "POST" else None, lines=lines)
        if request.method == "POST" and lines and form.is_valid():
            try:
                roles = bring_in(
                    source, form.cleaned_data["picks"], form.cleaned_data["new_role_name"]
                )
            except LinesRefused as refused:
                for number, errors in refused.errors.items():
                    for error in errors:
                        form.add_error(f"use-{number}", error)
            else:
                return self._done(request, source, roles, len(form.cleaned_data["picks"]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reprendre des passages de « %(title)s »") % {"title": source.label},
            "opts": self.opts,
            "original": source,
            "form": form,
            "has_lines": bool(lines),
        }
        return TemplateResponse(request, "admin/workspace/passages.html", context)

    def _done(self, request, source, roles, count):
        for role in roles:
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a> · <a href="{}">{}</a>',
                    ngettext(
                        "%(count)s ligne de « %(source)s » reprise.",
                        "%(count)s lignes de « %(source)s » reprises.",
                        count,
                    )
                    % {"count": count, "source": source.label},
                    reverse("admin:roles_role_change", args=[role.pk]),
                    role.name,
                    role.get_absolute_url(),
                    _("aperçu de la fiche") if role.status == role.Status.DRAFT else _("la fiche"),
                ),
                messages.SUCCESS,
            )
        if len(roles) == 1:
            return HttpResponseRedirect(reverse("admin:roles_role_change", args=[roles[0].pk]))
        return HttpResponseRedirect(passages_url(source))


def passages_url(source):
    return reverse("admin:roles_source_passages", args=[source.pk])


class SlugFromTitleForm:
    """A document's identifier made from its title when the editor leaves it empty (the
    admin fills it with JavaScript; without, the editor need not type it)."""

    def clean(self):
        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug") and cleaned.get("title"):
            slug = slugify(cleaned["title"])[:80].strip("-")
            taken = Source.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists()
            if not slug or taken:
                self.add_error(
                    "slug",
                    _("Donnez un identifiant : « %(slug)s » est déjà pris ou vide.")
                    % {"slug": slug},
                )
            else:
                cleaned["slug"] = slug
                self.instance.slug = slug
        return cleaned


admin.site.unregister(Source)
admin.site.register(Source, IntakeSourceAdmin)
