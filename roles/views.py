from operator import attrgetter

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from . import careers, passages, search
from .filters import RoleFilterSet, most_needed_skills
from .forms import CareerPathForm, CompareForm, role_choices
from .models import (
    MatrixCell,
    Role,
    RoleAlias,
    RoleSkill,
    RoleTraining,
    Skill,
    Source,
    Training,
    group_by_level,
    grouped,
)
from .pagination import AnyPageMixin  # the question bank's view imports it from here too

HOME_SKILLS = 12  # the most-needed skills the home page shows


class HomeView(TemplateView):
    """Home page: the search box, the roles by level, the most-needed skills, ways in."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        roles = list(Role.objects.published().by_level().for_list())
        return super().get_context_data(
            roles_by_level=group_by_level(roles),
            documented_count=sum(role.is_documented for role in roles),
            source_count=Source.objects.count(),
            top_skills=most_needed_skills(Skill.objects.all(), HOME_SKILLS),
            **kwargs,
        )


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


class RoleDetailView(DetailView):
    """The role sheet: every fact the sources state about one role."""

    template_name = "roles/role_detail.html"
    context_object_name = "role"

    def get_queryset(self):
        # Editors (staff) preview drafts and archived roles at the sheet's own address.
        roles = Role.objects.with_sheet()
        return roles if self.request.user.is_staff else roles.published()

    def get_context_data(self, **kwargs):
        # The neighbourhood diagram comes from the prefetched moves; the "Comparer avec…"
        # form lists the other roles (1 query).
        others = (
            Role.objects.published()
            .by_level()
            .exclude(pk=self.object.pk)
            .only("slug", "name", "level")
        )
        return super().get_context_data(
            neighbourhood=careers.neighbourhood(self.object),
            compare_choices=role_choices(others),
            **kwargs,
        )


class SourceListView(ListView):
    """Each source document and what came from it."""

    template_name = "roles/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return Source.objects.with_contributions().defer("text")


class SourceDetailView(DetailView):
    """/sources/<slug>/: the whole document, every passage the site quotes marked and linked
    to where the site shows it, the share of the document used (`document`, see
    roles/passages.py). Queries: the source, its roles, one per model that quotes."""

    template_name = "roles/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        return Source.objects.prefetch_related("roles")

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=passages.annotate(self.object), **kwargs)


class CareerMapView(TemplateView):
    """/parcours/: the map of documented career moves, told as text too, and with
    `?de=<slug>&vers=<slug>` the shortest path between two roles.

    Queries: 1 roles, 1 moves (the graph); with two roles asked for, 5 more for the roles
    on the path (or both ends): roles, trainings, salary bands, education, experience; and
    up to 3 for the bands' experience levels, places and sources.
    """

    template_name = "roles/career_map.html"

    def get_context_data(self, **kwargs):
        graph = careers.CareerGraph.load()
        form = CareerPathForm(self.request.GET or None, roles=graph.roles)
        start, end = form.chosen("de"), form.chosen("vers")
        context = {"form": form, "entries_by_level": graph.entries_by_level(), "chain": []}
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
            context.update(start=start, reachable=graph.reachable_from(start))
        highlighted = context["chain"] or [role for role in (start, end) if role]
        context["diagram"] = graph.diagram(path=highlighted)
        return super().get_context_data(**context, **kwargs)


class RoleCompareView(TemplateView):
    """/metiers/comparer/?r=<slug>&r=<slug>[&r=<slug>]: two or three roles side by side.

    Queries: 1 roles (the choices), then with a valid choice the 12 of
    `Role.objects.for_comparison()`.
    """

    template_name = "roles/compare.html"

    def get_context_data(self, **kwargs):
        form = CompareForm(self.request.GET or None, roles=Role.objects.published().by_level())
        compared = []
        if form.asked and form.is_valid():
            chosen = form.chosen_roles()
            fetched = {
                role.pk: role
                for role in Role.objects.filter(
                    pk__in=[role.pk for role in chosen]
                ).for_comparison()
            }
            compared = careers.compare([fetched[role.pk] for role in chosen])
        return super().get_context_data(
            form=form,
            compared=compared,
            shared_skills=careers.shared_skills(compared),
            **kwargs,
        )


# --------------------------------------------------------------------------- search, browsing

SEARCH_PAGE_SIZE = 20
SEARCH_SKILLS = 12  # skills and training listed under the roles that match
SUGGESTIONS = 6
HELP_ROLES_PER_LEVEL = 12  # the help lists a few roles of each level, and links to the rest


def search_view(request):
    """/recherche/?q=…: the roles that match, best first, each with why it matched, then the
    skills and training that match. Template roles/search.html.

    Without a usable query, or when nothing matches: suggestions (titles and skills from the
    content) and the roles by level. A query naming a section of the site ("salaires") links
    to it first. Queries: 1 page of roles with their total, 4 for why each matched, 1
    skills, 1 training; when the words match nothing, 1 to correct them (typos) and 1 page
    for the corrected words; the help adds 2 suggestions and 1 roles by level.
    """
    query = search.Query.parse(request.GET.get("q", ""))
    context = {
        "query": query,
        "page_obj": None,
        "results": [],
        "skills": [],
        "trainings": [],
        "sections": search.section_links(query),
    }
    if query:
        page = search.search_page(
            Role.objects.published(), query, request.GET.get("page"), SEARCH_PAGE_SIZE
        )
        searched = query.correction or query
        context["page_obj"] = page
        context["results"] = [
            (role, search.reasons(role, searched))
            for role in search.for_results(page.object_list, searched)
        ]
        context["skills"] = search.search_by_name(Skill.objects.all(), searched, SEARCH_SKILLS)
        context["trainings"] = search.search_by_name(
            Training.objects.select_related("level"), searched, SEARCH_SKILLS
        )
    if not context["results"]:
        context["suggested_titles"] = RoleAlias.objects.order_by("order", "pk").values_list(
            "name", flat=True
        )[:SUGGESTIONS]
        context["suggested_skills"] = most_needed_skills(Skill.objects.all(), SUGGESTIONS)
        roles = Role.objects.published().by_level().only("name", "slug", "level", "is_documented")
        context["levels"] = [
            (label, items[0].level, items[:HELP_ROLES_PER_LEVEL], len(items))
            for label, items in group_by_level(roles)
        ]
    return render(request, "roles/search.html", context)


@require_safe
def suggestions_view(request):
    """/recherche/suggestions/?q=dir[&limit=8]: JSON `{"suggestions": [{"name", "url",
    "alias"}]}`, the roles whose name or an alternate title starts with the typed words
    (roles.search.suggestions). A bad `limit` is a 400 with the form's errors. 2 queries."""
    form = search.SuggestionsForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    found = search.suggestions(form.cleaned_data["q"], form.cleaned_data["limit"])
    return JsonResponse({"suggestions": found})


def skills_by_category(skills):
    """[(category, [skills])] in the order of Skill.Category, from fetched skills."""
    groups = grouped(skills, attrgetter("category"), Skill.Category.values)
    return [(Skill.Category(value), items) for value, items in groups.items()]


class SkillListView(ListView):
    """/competences/: every skill by category, with the number of roles that need it."""

    template_name = "roles/skill_list.html"
    context_object_name = "skills"

    def get_queryset(self):
        return Skill.objects.defer("description", "search_text").order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = skills_by_category(context["skills"])
        return context


class ToolListView(SkillListView):
    """/outils/: the tools (a category of skills), with the number of roles that use each."""

    template_name = "roles/tool_list.html"

    def get_queryset(self):
        return super().get_queryset().filter(category=Skill.Category.TOOL)


class SkillDetailView(DetailView):
    """/competences/<slug>/: the roles that need a skill (or a tool), what each source says
    of it for that role and, where a skills matrix has it, the expectation at each level.

    Template roles/skill_detail.html; context `skill`, `roles`: [(role, [role skills],
    [matrix cells])]. Queries: 1 skill, 1 role skills, 1 matrix cells.
    """

    template_name = "roles/skill_detail.html"
    context_object_name = "skill"

    def get_queryset(self):
        return Skill.objects.all()

    def get_context_data(self, **kwargs):
        role_skills = (
            RoleSkill.objects.filter(skill=self.object)
            .select_related("role", "source")
            .order_by("role__name", "source__order", "order")
        )
        cells = (
            MatrixCell.objects.filter(skill=self.object)
            .select_related("role", "experience_level", "source")
            .order_by("role__name", "experience_level__order")
        )
        by_role = {}
        for role_skill in role_skills:
            by_role.setdefault(role_skill.role, ([], []))[0].append(role_skill)
        for cell in cells:
            by_role.setdefault(cell.role, ([], []))[1].append(cell)
        roles = sorted(by_role.items(), key=lambda item: (item[0].level_rank, item[0].name))
        return super().get_context_data(
            roles=[(role, wordings, cells) for role, (wordings, cells) in roles], **kwargs
        )


class TrainingListView(ListView):
    """/formations/: diplomas, certifications, school programmes and paths, each with its
    level and the roles it leads to (with what the source adds). Queries: 1 training, 1 roles.
    """

    template_name = "roles/training_list.html"
    context_object_name = "trainings"

    def get_queryset(self):
        return (
            Training.objects.select_related("level")
            .prefetch_related(
                Prefetch(
                    "role_trainings",
                    queryset=RoleTraining.objects.select_related("role", "source").order_by(
                        "role__name", "source__order"
                    ),
                )
            )
            .order_by("level__rank", "name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = grouped(context["trainings"], attrgetter("kind"), Training.Kind.values)
        context["kinds"] = [(Training.Kind(value), items) for value, items in groups.items()]
        return context
