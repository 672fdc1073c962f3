"""The ways into the roles: the home page, /metiers/ (filtered, paginated) and the
side-by-side comparison."""

from operator import attrgetter

from django.db.models import Count, Q
from django.views.generic import TemplateView
from django_filters.views import FilterView

from .. import comparison, search
from ..filters import RoleFilterSet, french_key, french_order, most_needed_skills
from ..forms import CompareForm
from ..models import Role, Skill, Source, group_by_level
from ..pagination import AnyPageMixin

HOME_SKILLS = 12  # the most-needed skills the home page shows
HOME_ROLES = 36  # documented roles the home page shows; the list has the rest
HOME_UPCOMING = 12  # roles still without a sheet, named in one line


class HomeView(TemplateView):
    """Home page: the search box, the documented roles by level (at most `HOME_ROLES`, with
    the counts and a link to the list), the roles still without a sheet in one small group,
    the most-needed skills, ways in.

    Queries: 1 counts, 1 documented roles, 1 their aliases, 1 roles to come, 1 sources,
    1 skills: the same whatever the number of roles.
    """

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        counts = Role.objects.published().aggregate(
            documented=Count("pk", filter=Q(is_documented=True)),
            upcoming=Count("pk", filter=Q(is_documented=False)),
        )
        documented = list(
            Role.objects.published()
            .documented()
            .for_list()
            .by_level()
            .order_by("level_rank", french_order("name"))[:HOME_ROLES]
        )
        upcoming = sorted(
            Role.objects.published()
            .filter(is_documented=False)
            .order_by(french_order("name"))
            .only("slug", "name")[:HOME_UPCOMING],
            key=lambda role: french_key(role.name),
        )
        return super().get_context_data(
            roles_by_level=group_by_level(sorted_by_name(documented)),
            documented_count=counts["documented"],
            documented_more=counts["documented"] > len(documented),
            upcoming=upcoming,
            upcoming_count=counts["upcoming"],
            source_count=Source.objects.count(),
            top_skills=most_needed_skills(Skill.objects.all(), HOME_SKILLS),
            **kwargs,
        )


def sorted_by_name(items, name=attrgetter("name")):
    """Fetched items in French order of their name (stable: a level grouping keeps it)."""
    return sorted(items, key=lambda item: french_key(name(item)))


class RoleListView(AnyPageMixin, FilterView):
    """/metiers/: every role, filtered by the parameters of `RoleFilterSet`, paginated.

    Template roles/role_list.html; context: `filter` (its form), `roles` (the page; with a
    `q`, each role's `reasons`: why it matched).
    """

    template_name = "roles/role_list.html"
    context_object_name = "roles"
    filterset_class = RoleFilterSet
    strict = False  # a bad parameter shows its error; the other filters still apply
    paginate_by = 24

    def get_queryset(self):
        return Role.objects.published().for_list()

    def get_filterset_kwargs(self, filterset_class):
        # Always bound, even without parameters: the default order is applied by the filters.
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = getattr(self.filterset, "query", None)
        if query:
            searched = query.correction or query
            for role in search.for_results(context["roles"], searched):
                role.reasons = search.reasons(role, searched, limit=2)
        return context


class RoleCompareView(TemplateView):
    """/metiers/comparer/?r=<slug or name>&r=…[&r=…]: two or three roles side by side.

    Queries: 1 to find the typed roles, then with a valid choice the 12 of
    `Role.objects.for_comparison()`.
    """

    template_name = "roles/compare.html"

    def get_context_data(self, **kwargs):
        form = CompareForm(self.request.GET or None)
        compared = []
        if form.asked and form.is_valid():
            chosen = form.chosen_roles()
            fetched = {
                role.pk: role
                for role in Role.objects.filter(
                    pk__in=[role.pk for role in chosen]
                ).for_comparison()
            }
            compared = comparison.compare([fetched[role.pk] for role in chosen])
        return super().get_context_data(
            form=form,
            compared=compared,
            shared_skills=comparison.shared_skills(compared),
            **kwargs,
        )
