"""One role and where it leads: the role sheet and /parcours/ (the career map)."""

from operator import attrgetter

from django.core.paginator import Paginator
from django.views.generic import DetailView, TemplateView

from .. import careers
from ..forms import CareerPathForm
from ..models import Role, group_by_level


class RoleDetailView(DetailView):
    """The role sheet: every fact the sources state about one role."""

    template_name = "roles/role_detail.html"
    context_object_name = "role"

    def get_queryset(self):
        # Editors (staff) preview drafts and archived roles at the sheet's own address.
        return Role.objects.with_sheet().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        # The neighbourhood diagram comes from the prefetched moves; the "Comparer avec…"
        # form has the other role typed, with names from roles:suggestions (1 query: is there
        # another role at all), never a list of every role (issue 16: 300 KB at 3,000 roles).
        return super().get_context_data(
            neighbourhood=careers.neighbourhood(self.object),
            can_compare=Role.objects.published().exclude(pk=self.object.pk).exists(),
            **kwargs,
        )


class CareerMapView(TemplateView):
    """/parcours/: the map of documented career moves, told as text too, and with
    `?de=<slug or name>&vers=<slug or name>` the shortest path between two roles.

    The map is drawn whole while it is small (`careers.FULL_MAP_ROLES`); beyond, around the
    chosen roles only. The text version is paginated (`MAP_PAGE_SIZE` roles a page).

    Queries: 1 roles, 1 moves (the graph); with two roles asked for, 5 more for the roles
    on the path (or both ends): roles, trainings, salary bands, education, experience; and
    up to 3 for the bands' experience levels, places and sources.
    """

    template_name = "roles/career_map.html"
    MAP_PAGE_SIZE = 60
    REACHABLE_SHOWN = 30

    def get_context_data(self, **kwargs):
        graph = careers.CareerGraph.load()
        form = CareerPathForm(self.request.GET or None, roles=graph.by_slug)
        start, end = form.chosen("de"), form.chosen("vers")
        context = {"form": form, "chain": [], "role_count": len(graph.roles)}
        if start and end:
            chain = graph.shortest_path(start, end) or []
            wanted = [role.pk for role in chain] or [start.pk, end.pk]
            detailed = {
                role.pk: role for role in Role.objects.filter(pk__in=wanted).with_essentials()
            }
            context.update(start=detailed[start.pk], end=detailed[end.pk], chain=chain)
            if chain:
                context["path"] = careers.career_path(graph, chain, detailed)
            else:
                context["reverse_exists"] = graph.shortest_path(end, start) is not None
        elif start:
            reachable = graph.reachable_from(start)
            context.update(
                start=start,
                reachable=reachable[: self.REACHABLE_SHOWN],
                reachable_more=len(reachable) - self.REACHABLE_SHOWN,
            )
        highlighted = context["chain"] or [role for role in (start, end) if role]
        if len(graph.roles) <= careers.FULL_MAP_ROLES:
            context["diagram"] = graph.diagram(path=highlighted)
        elif highlighted:
            context["diagram"] = graph.neighbourhood_of(highlighted).diagram(path=highlighted)
            context["partial_map"] = True
        page = Paginator(graph.entries(), self.MAP_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        context["page_obj"] = page
        context["entries_by_level"] = group_by_level(page.object_list, attrgetter("role.level"))
        return super().get_context_data(**context, **kwargs)
