from operator import attrgetter

from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from . import careers, passages, search
from .filters import RoleFilterSet, french_key, french_order, most_needed_skills
from .forms import CareerPathForm, CompareForm
from .models import (
    Divergence,
    DivergenceVersion,
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
        # form has the other role typed, with names from roles:suggestions (1 query: is there
        # another role at all), never a list of every role (issue 16: 300 KB at 3,000 roles).
        return super().get_context_data(
            neighbourhood=careers.neighbourhood(self.object),
            can_compare=Role.objects.published().exclude(pk=self.object.pk).exists(),
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
    roles/passages.py). Queries: the source with its number of roles, its first roles, and
    at most two per quoted field (roles/passages.py), whatever the content's size."""

    template_name = "roles/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        return Source.objects.with_roles_shown()

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=passages.annotate(self.object), **kwargs)


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
SEARCH_DIVERGENCES = 3  # « les documents divergent » notes shown above the results
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
        context["divergences"] = divergences_about(searched)
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


def divergences_about(query):
    """The notes where documents disagree whose topic or versions hold every word of `query`
    (a recruiter searching « responsable e-commerce » learns that 002 calls the Directeur so).
    2 queries: the notes are few, written by editors."""
    wanted = set(query.words)
    if not wanted:
        return []
    versions = DivergenceVersion.objects.select_related("source").defer("source__text")
    found = []
    for divergence in Divergence.objects.prefetch_related(Prefetch("versions", versions)):
        text = " ".join([divergence.topic, *(v.excerpt for v in divergence.versions.all())])
        if wanted <= set(search.words(text)):
            found.append(divergence)
    return found[:SEARCH_DIVERGENCES]


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


# The letter index of the long lists: a letter keeps the names starting with it, accents and
# case ignored (« École » under E); "0" keeps those starting with anything else.
LETTERS = "abcdefghijklmnopqrstuvwxyz"
OTHERS = "0"
ACCENTED = {"a": "àâäá", "c": "ç", "e": "éèêë", "i": "îïí", "o": "ôöó", "u": "ùûüú", "y": "ÿ"}


def starting_with(letter, field="name"):
    """Q: `field` starts with `letter` (a–z, any case or accent) or, for OTHERS, with none."""
    if letter == OTHERS:
        condition = Q()
        for each in LETTERS:
            condition |= starting_with(each, field)
        return ~condition
    condition = Q()
    for variant in letter + ACCENTED.get(letter, ""):
        for case in {variant, variant.upper()}:
            condition |= Q(**{f"{field}__startswith": case})
    return condition


class LetterIndexMixin(AnyPageMixin):
    """A paginated list with a letter index: `?lettre=a` keeps the names starting with A; an
    unknown letter is said on the page and ignored. Context: `letters`, `letter`,
    `letter_error`."""

    paginate_by = 100

    def letter(self):
        value = self.request.GET.get("lettre", "").strip().casefold()
        if not value:
            return ""
        if value in LETTERS or value == OTHERS:
            return value
        self.letter_error = True
        return ""

    def by_letter(self, queryset):
        letter = self.letter()
        return queryset.filter(starting_with(letter)) if letter else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            letters=[(letter, letter.upper()) for letter in LETTERS],
            others=OTHERS,
            letter=self.letter(),
            letter_error=getattr(self, "letter_error", False),
        )
        return context


class SkillListView(LetterIndexMixin, ListView):
    """/competences/: the skills in French order, a page at a time, grouped by category
    within the page, with the number of roles for which the documents cite each, and a
    letter index. Queries: 1 count, 1 page."""

    template_name = "roles/skill_list.html"
    context_object_name = "skills"

    def get_queryset(self):
        skills = Skill.objects.defer("description", "search_text")
        return self.by_letter(self.filter_category(skills)).order_by(french_order("name"), "pk")

    def filter_category(self, skills):
        return skills

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = skills_by_category(context["skills"])
        return context


class ToolListView(SkillListView):
    """/outils/: the tools (a category of skills), with the number of roles for which the
    documents cite each."""

    template_name = "roles/tool_list.html"

    def filter_category(self, skills):
        return skills.filter(category=Skill.Category.TOOL)


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
            .defer("source__text")  # the whole document: never needed for a badge
            .order_by("role__name", "source__order", "order")
        )
        cells = (
            MatrixCell.objects.filter(skill=self.object)
            .select_related("role", "experience_level", "source")
            .defer("source__text")
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


class TrainingListView(LetterIndexMixin, ListView):
    """/formations/: diplomas, certifications, school programmes and paths in French order, a
    page at a time with a letter index, grouped by kind within the page, each with its level
    and the first `ROLES_SHOWN` roles it leads to (with what the source adds) and how many
    more. Queries: 1 count, 1 trainings, 1 number of roles of each, 1 their first roles."""

    template_name = "roles/training_list.html"
    context_object_name = "trainings"
    paginate_by = 25
    ROLES_SHOWN = 4

    def get_queryset(self):
        return self.by_letter(
            Training.objects.select_related("level").order_by(french_order("name"), "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trainings = context["trainings"]
        of_page = RoleTraining.objects.filter(training__in=[t.pk for t in trainings])
        counts = dict(
            of_page.order_by()
            .values("training_id")
            .annotate(n=Count("role_id", distinct=True))
            .values_list("training_id", "n")
        )
        first = Window(
            RowNumber(),
            partition_by=F("training_id"),
            order_by=[F("role__is_documented").desc(), "role__name", "source__order", "pk"],
        )
        links = (
            of_page.select_related("role", "source")
            .defer("source__text")  # the whole document: never needed for a badge
            .annotate(rank=first)
            .filter(rank__lte=self.ROLES_SHOWN)
            .order_by("training_id", "rank")
        )
        by_training = {}
        for link in links:
            by_training.setdefault(link.training_id, []).append(link)
        for training in trainings:
            training.links = by_training.get(training.pk, [])
            shown = len({link.role_id for link in training.links})
            training.more_roles = counts.get(training.pk, 0) - shown
        groups = grouped(trainings, attrgetter("kind"), Training.Kind.values)
        context["kinds"] = [(Training.Kind(value), items) for value, items in groups.items()]
        return context
