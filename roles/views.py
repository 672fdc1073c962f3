from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from .models import Level, Role, Source


def roles_by_level(roles):
    """[(level label, [roles])] in career order, from an already fetched list."""
    groups = {value: [] for value in [*Level.values, ""]}
    for role in roles:
        groups[role.level].append(role)
    labels = dict(Level.choices) | {"": _("Niveau non précisé")}
    return [(labels[value], items) for value, items in groups.items() if items]


class HomeView(TemplateView):
    """Home page: what the site is, the roles by level, ways in for each reader."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        roles = list(Role.objects.by_level().for_list())
        return super().get_context_data(
            roles_by_level=roles_by_level(roles),
            documented_count=sum(role.is_documented for role in roles),
            source_count=Source.objects.count(),
            **kwargs,
        )


class RoleListView(ListView):
    template_name = "roles/role_list.html"
    context_object_name = "roles"

    def get_queryset(self):
        return Role.objects.by_level().for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles_by_level"] = roles_by_level(context["roles"])
        return context


class RoleDetailView(DetailView):
    """The role sheet: every fact the sources state about one role."""

    template_name = "roles/role_detail.html"
    context_object_name = "role"

    def get_queryset(self):
        return Role.objects.with_sheet()


class SourceListView(ListView):
    """Each source document and what came from it."""

    template_name = "roles/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return Source.objects.with_contributions()
