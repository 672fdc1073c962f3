from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from . import careers
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

    def get_context_data(self, **kwargs):
        # The neighbourhood diagram comes from the prefetched moves; the "Comparer avec…"
        # form lists the other roles (1 query).
        others = Role.objects.by_level().exclude(pk=self.object.pk).only("slug", "name", "level")
        return super().get_context_data(
            neighbourhood=careers.neighbourhood(self.object),
            compare_choices=careers.role_choices(others),
            **kwargs,
        )



class SourceListView(ListView):
    """Each source document and what came from it."""

    template_name = "roles/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return Source.objects.with_contributions()


class CareerMapView(TemplateView):
    """/parcours/: the map of documented career moves, told as text too, and with
    `?de=<slug>&vers=<slug>` the shortest path between two roles.

    Queries: 1 roles, 1 moves (the graph); with two roles asked for, 5 more for the roles
    on the path (or both ends): roles, trainings, salary bands, education, experience.
    """

    template_name = "roles/career_map.html"

    def get_context_data(self, **kwargs):
        graph = careers.CareerGraph.load()
        form = careers.CareerPathForm(self.request.GET or None, roles=graph.roles)
        start, end = form.chosen("de"), form.chosen("vers")
        context = {"form": form, "entries_by_level": graph.entries_by_level(), "chain": []}
        if start and end:
            chain = graph.shortest_path(start, end) or []
            wanted = [role.pk for role in chain] or [start.pk, end.pk]
            detailed = {
                role.pk: role
                for role in careers.roles_with_essentials(Role.objects.filter(pk__in=wanted))
            }
            context.update(start=detailed[start.pk], end=detailed[end.pk], chain=chain)
            if chain:
                context["path"] = careers.career_path(graph, chain, detailed)
            else:
                context["reverse_exists"] = graph.shortest_path(end, start) is not None
        elif start:
            context.update(start=start, reachable=graph.reachable_from(start))
        highlighted = context["chain"] or [role for role in (start, end) if role]
        context["diagram"] = graph.diagram(path=highlighted)
        return super().get_context_data(**context, **kwargs)


class RoleCompareView(TemplateView):
    """/metiers/comparer/?r=<slug>&r=<slug>[&r=<slug>]: two or three roles side by side.

    Queries: 1 roles (the choices), then with a valid choice the 9 of
    `careers.roles_for_comparison`.
    """

    template_name = "roles/compare.html"

    def get_context_data(self, **kwargs):
        form = careers.CompareForm(self.request.GET or None, roles=Role.objects.by_level())
        compared = []
        if form.asked and form.is_valid():
            chosen = form.chosen_roles()
            fetched = {
                role.pk: role
                for role in careers.roles_for_comparison(
                    Role.objects.filter(pk__in=[role.pk for role in chosen])
                )
            }
            compared = careers.compare([fetched[role.pk] for role in chosen])
        return super().get_context_data(
            form=form,
            compared=compared,
            shared_skills=careers.shared_skills(compared),
            **kwargs,
        )
