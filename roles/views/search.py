"""/recherche/ and its suggestions as you type."""

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import search
from ..filters import most_needed_skills
from ..models import (
    Divergence,
    DivergenceVersion,
    Role,
    RoleAlias,
    Skill,
    Training,
    group_by_level,
)

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
