"""Browsing by skill, tool and training; the home page and header ways into the search."""

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

    assert 'id="recherche-accueil"' in html
    assert "Les compétences les plus demandées" in html
    assert f'href="{analytics.get_absolute_url()}"' in html


@pytest.mark.parametrize(("name", "path", "_params"), PUBLIC_PAGES)
def test_every_page_has_the_search_box_in_its_header(client, content, name, path, _params):
    html = client.get(path).content.decode()

    assert 'role="search"' in html, name
    assert 'action="/recherche/"' in html, name
    assert 'href="/competences/"' in html and 'href="/formations/"' in html


@pytest.mark.parametrize("size", [3, 30])
def test_browsing_pages_run_the_same_queries_whatever_the_amount_of_content(
    client, make_full_role, size, django_assert_num_queries
):
    for _ in range(size):
        make_full_role(size=3)
    skill = Skill.objects.first()

    for url, expected in [
        (reverse("roles:skills"), 1),  # skills with their role counts
        (reverse("roles:tools"), 1),
        (skill.get_absolute_url(), 3),  # skill, role skills, matrix cells
        (reverse("roles:trainings"), 2),  # training with levels, the roles they lead to
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
