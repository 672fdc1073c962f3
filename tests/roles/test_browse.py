"""Browsing by skill, tool and training; the home page and header ways into the search."""

from itertools import pairwise

import pytest
from django.urls import reverse

from roles.models import (
    EducationLevel,
    ExperienceLevel,
    Level,
    MatrixCell,
    RoleSkill,
    RoleTraining,
    Skill,
    Training,
)
from tests.public_urls import PUBLIC_PAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def analytics(make_role, make_source, reindex):
    """Google Analytics, needed by two roles (one twice, by two sources), with a matrix."""
    source, other = make_source(), make_source()
    skill = Skill.objects.create(name="Google Analytics", category=Skill.Category.TOOL)
    coordinator = make_role("Coordinateur test", level=Level.COORDINATION, source=source)
    manager = make_role("Responsable test", level=Level.MANAGEMENT, source=source)
    RoleSkill.objects.create(
        role=manager, skill=skill, source=source, wording="Suivre le trafic du site."
    )
    RoleSkill.objects.create(role=manager, skill=skill, source=other, wording="Lire les KPI.")
    RoleSkill.objects.create(role=coordinator, skill=skill, source=source)
    for order, (name, expectation) in enumerate(
        [("Junior", "Lit les rapports standard."), ("Senior", "Construit les tableaux de bord.")]
    ):
        level = ExperienceLevel.objects.create(
            slug=f"t-{name.lower()}", name=name, tier=name.lower(), source=source, order=order
        )
        MatrixCell.objects.create(
            role=manager,
            skill=skill,
            experience_level=level,
            description=expectation,
            source=source,
        )
    reindex()
    return skill


def test_skills_page_groups_every_skill_by_category_with_its_number_of_roles(client, analytics):
    Skill.objects.create(name="Veille", category=Skill.Category.KNOW_HOW)

    response = client.get(reverse("roles:skills"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Savoir-faire / technique") < html.index("Veille")
    assert html.index("Outil") < html.index("Google Analytics")
    assert "2 métiers" in html  # two roles, though one is cited by two sources


def test_skill_page_shows_each_role_with_its_wording_and_the_matrix_per_level(client, analytics):
    response = client.get(analytics.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Coordinateur test") < html.index("Responsable test")  # by level
    assert "Suivre le trafic du site." in html and "Lire les KPI." in html
    assert html.index("Junior") < html.index("Lit les rapports standard.")
    assert html.index("Senior") < html.index("Construit les tableaux de bord.")
    assert 'scope="row"' in html and "<caption" in html
    assert 'href="/metiers/?outil=google-analytics"' in html
    assert 'href="/outils/"' in html  # a tool's page sits under the tools


def test_unknown_skill_is_a_404(client):
    assert client.get("/competences/competence-inconnue/").status_code == 404


def test_tools_page_lists_only_tools(client, analytics):
    Skill.objects.create(name="Négociation", category=Skill.Category.KNOW_HOW)

    html = client.get(reverse("roles:tools")).content.decode()

    assert "Google Analytics" in html
    assert "Négociation" not in html


def test_trainings_page_shows_level_school_and_the_roles_they_lead_to(client, make_role):
    role = make_role("Responsable test")
    bac5 = EducationLevel.objects.create(slug="bac-5", name="Bac +5", rank=5)
    master = Training.objects.create(
        name="Master e-business", kind="programme", level=bac5, institution="ISTA"
    )
    RoleTraining.objects.create(
        role=role, training=master, source=role.sources.get(), note="Recommandé."
    )
    Training.objects.create(name="Certification Google", kind="certification")

    html = client.get(reverse("roles:trainings")).content.decode()

    assert "Master e-business" in html and "ISTA" in html and "Bac +5" in html
    assert f'href="{role.get_absolute_url()}"' in html
    assert "Recommandé." in html
    assert html.index('id="h-programme"') < html.index("Master e-business")
    assert html.index('id="h-certification"') < html.index("Certification Google")


def test_home_has_the_search_box_and_the_most_needed_skills(client, analytics):
    html = client.get(reverse("home")).content.decode()

    assert 'id="recherche-entete"' in html  # the one search box of the page, in the header
    assert "Les compétences les plus demandées" in html
    assert f'href="{analytics.get_absolute_url()}"' in html


@pytest.mark.parametrize(("name", "path", "_params"), PUBLIC_PAGES)
def test_every_page_has_the_search_box_in_its_header(client, content, name, path, _params):
    html = client.get(path).content.decode()

    assert 'role="search"' in html, name
    assert html.count('action="/recherche/"') == 1, name  # one site search box per page
    assert 'href="/competences/"' in html and 'href="/formations/"' in html


@pytest.mark.parametrize("size", [3, 30])
def test_browsing_pages_run_the_same_queries_whatever_the_amount_of_content(
    client, make_full_role, size, django_assert_num_queries
):
    for _ in range(size):
        make_full_role(size=3)
    skill = Skill.objects.first()
    Skill.objects.create(name="Outil Test", slug="outil-test", category=Skill.Category.TOOL)

    for url, expected in [
        (reverse("roles:skills"), 2),  # count, the page of skills with their role counts
        (reverse("roles:tools"), 2),
        (skill.get_absolute_url(), 3),  # skill, role skills, matrix cells
        (reverse("roles:trainings"), 4),  # count, the page, number of roles, first roles of each
    ]:
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200


def test_a_skills_role_count_follows_the_roles_that_need_it(
    make_role, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        role, other = make_role(), make_role()
        skill = Skill.objects.create(name="Excel", category=Skill.Category.TOOL)
        word = Skill.objects.create(name="Word", category=Skill.Category.TOOL)
        RoleSkill.objects.create(role=role, skill=skill, source=role.sources.get())
        link = RoleSkill.objects.create(role=other, skill=skill, source=other.sources.get())
    skill.refresh_from_db()
    assert skill.role_count == 2

    with django_capture_on_commit_callbacks(execute=True):
        link.skill = word
        link.save()
    skill.refresh_from_db()
    word.refresh_from_db()
    assert (skill.role_count, word.role_count) == (1, 1)

    with django_capture_on_commit_callbacks(execute=True):
        role.delete()
    skill.refresh_from_db()
    assert skill.role_count == 0


# --------------------------------------------------------------------------- home, lists


def test_home_puts_documented_roles_first_and_groups_the_others_as_to_come(client, make_role):
    make_role("Responsable Test", level=Level.MANAGEMENT)
    make_role("Chef de projet Test", level=Level.MANAGEMENT, is_documented=False)

    response = client.get(reverse("home"))

    html = response.content.decode()
    levels = html[html.index('id="titre-niveaux"') : html.index('id="titre-a-venir"')]
    upcoming = html[html.index('id="titre-a-venir"') :]
    assert "Responsable Test" in levels and "Chef de projet Test" not in levels
    assert "Fiches à venir" in upcoming and "Chef de projet Test" in upcoming
    assert "classement éditorial" in levels  # the levels are the site's own grouping


def test_role_cards_never_show_a_salary_range_across_documents(client, make_role, make_source):
    from salaries.models import SalaryBand

    role = make_role("Responsable Test")
    SalaryBand.objects.create(role=role, low=40000, high=60000, source=role.sources.get())
    SalaryBand.objects.create(role=role, low=69500, high=150000, source=make_source())

    for url in (reverse("home"), reverse("roles:list")):
        html = client.get(url).content.decode()
        assert "bruts par an" not in html and "40\u202f000" not in html, url
        assert "150\u202f000" not in html, url
        assert f'href="{role.get_absolute_url()}#salaires"' in html, url


def test_role_list_sorts_documented_roles_first_in_french_order(client, make_role):
    for name in ("CRM Test", "Cdiscount Test", "CMS Test"):
        make_role(name, level=Level.MANAGEMENT)
    make_role("Agent Test", level=Level.MANAGEMENT, is_documented=False)

    response = client.get(reverse("roles:list"))

    assert [role.name for role in response.context["roles"]] == [
        "Cdiscount Test",
        "CMS Test",
        "CRM Test",
        "Agent Test",
    ]
    html = response.content.decode()
    assert '<details class="filters-fold">' in html  # one button on a phone
    assert html.index("CRM Test") < html.index("Fiches à venir") < html.index("Agent Test")


def test_skill_and_tool_pages_say_cited_never_needed(client, analytics):
    for url in (analytics.get_absolute_url(), reverse("roles:tools"), reverse("roles:skills")):
        html = client.get(url).content.decode()
        assert "en a besoin" not in html and "en ont besoin" not in html, url
        assert "s’en servent" not in html, url
    html = client.get(analytics.get_absolute_url()).content.decode()
    assert "Cité par nos documents sources pour 2 métiers" in html
    assert "Suivre le trafic du site." in html  # each document's own words


def test_skills_have_a_letter_index_and_pages(client, make_skill):
    for n in range(120):
        make_skill(f"Analyse {n:03}")
    make_skill("Écoute client")
    make_skill("emailing")

    page_one = client.get(reverse("roles:skills"))
    by_e = client.get(reverse("roles:skills"), {"lettre": "e"})
    wrong = client.get(reverse("roles:skills"), {"lettre": "??"})

    assert len(page_one.context["skills"]) == 100 and page_one.context["page_obj"].has_next()
    # Accents and case do not count (the order itself is French on PostgreSQL only).
    assert {s.name for s in by_e.context["skills"]} == {"Écoute client", "emailing"}
    assert 'href="/competences/?lettre=b"' in page_one.content.decode()
    assert wrong.status_code == 200
    assert "Cette lettre n’est pas dans l’index" in wrong.content.decode()


def test_search_for_a_title_documents_disagree_on_shows_the_divergence_with_badges(
    client, make_role, make_source, reindex
):
    from roles.models import Divergence, DivergenceVersion

    director = make_role("Directeur Test")
    source = make_source(text="Aussi appelé Responsable e-commerce")
    note = Divergence.objects.create(
        slug="titre-test", topic="Qui est « Responsable e-commerce » ?", summary="Deux lectures."
    )
    note.roles.add(director)
    DivergenceVersion.objects.create(
        divergence=note, source=source, excerpt="Aussi appelé Responsable e-commerce"
    )
    reindex()

    html = client.get(reverse("roles:search"), {"q": "responsable e-commerce"}).content.decode()

    assert "Les documents divergent" in html
    note_html = html[html.index('id="divergence-titre-test"') :]
    assert "<q>Aussi appelé Responsable e-commerce</q>" in note_html
    assert f"/sources/{source.slug}/" in note_html  # the badge opens the document
    other = client.get(reverse("roles:search"), {"q": "logistique"}).content.decode()
    assert "Les documents divergent" not in other


# --------------------------------------------------------------------------- pages that stay small

PAGE_BUDGET = 150_000  # bytes of HTML, whatever the amount of content (issue 16)


def grow(make_source, roles, start=0):
    """`roles` more roles (a third not yet documented), each with a skill and a training,
    chained by career moves: bulk inserts, so that hundreds take a second."""
    from roles.models import CareerMove, Role

    source = make_source()
    made = Role.objects.bulk_create(
        Role(
            name=f"Métier {n:04}",
            slug=f"metier-{n:04}",
            level=Level.values[n % 3],
            is_documented=n % 3 != 0,
        )
        for n in range(start, start + roles)
    )
    skills = Skill.objects.bulk_create(
        Skill(
            name=f"Compétence {n:04}", slug=f"competence-{n:04}", category=Skill.Category.KNOW_HOW
        )
        for n in range(start, start + roles)
    )
    trainings = Training.objects.bulk_create(
        Training(name=f"Formation {n:04}", slug=f"formation-{n:04}", kind=Training.Kind.DIPLOMA)
        for n in range(start, start + roles)
    )
    RoleSkill.objects.bulk_create(
        RoleSkill(role=role, skill=skill, source=source)
        for role, skill in zip(made, skills, strict=True)
    )
    RoleTraining.objects.bulk_create(
        RoleTraining(role=role, training=training, source=source)
        for role, training in zip(made, trainings, strict=True)
    )
    CareerMove.objects.bulk_create(
        CareerMove(from_role=a, to_role=b, source=source) for a, b in pairwise(made)
    )
    return made


def page_sizes():
    urls = [
        reverse("home"),
        reverse("roles:list"),
        reverse("roles:careers"),
        f"{reverse('roles:careers')}?de=metier-0001&vers=metier-0004",
        f"{reverse('roles:compare')}?r=metier-0001&r=metier-0002&r=metier-0004",
        reverse("roles:skills"),
        reverse("roles:tools"),
        reverse("roles:trainings"),
        f"{reverse('roles:search')}?q=zzqxw",
    ]
    from django.test import Client

    client = Client()
    sizes = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        sizes[url] = len(response.content)
    return sizes


def test_browsing_pages_stay_small_and_stop_growing_with_the_number_of_roles(make_source):
    grow(make_source, 10)
    small = page_sizes()
    grow(make_source, 190, start=10)
    medium = page_sizes()
    grow(make_source, 200, start=200)
    large = page_sizes()

    for url, size in large.items():
        assert small[url] <= PAGE_BUDGET and size <= PAGE_BUDGET, (url, size)
        # Past the first pages, more roles make no page bigger (names are all as long).
        assert size - medium[url] <= 500, (url, medium[url], size)


def test_names_sort_the_french_way_on_both_databases(db):
    from roles.filters import french_order

    for name in ["CRM", "zèbre", "Cdiscount", "École", "CMS", "Ecommerce"]:
        Skill.objects.create(name=name, category=Skill.Category.TOOL)

    names = list(Skill.objects.order_by(french_order("name")).values_list("name", flat=True))

    assert names == ["Cdiscount", "CMS", "CRM", "École", "Ecommerce", "zèbre"]
