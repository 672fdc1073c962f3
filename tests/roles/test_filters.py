"""/metiers/: filters in the URL, combined with each other and with keywords, on both databases."""

import pytest
from django.urls import reverse

from roles.filters import SKILL_CHOICES
from roles.models import (
    EducationLevel,
    EducationRequirement,
    EmployerType,
    ExperienceLevel,
    Level,
    RoleAlias,
    RoleEmployer,
    RoleSkill,
    RoleTraining,
    Skill,
    Training,
)
from salaries.models import Location, SalaryBand

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_role, make_source, reindex):
    """Three roles that differ on every filter."""
    source = make_source()
    paris = Location.objects.create(slug="paris", name="Paris")
    regions = Location.objects.create(slug="regions", name="Régions")
    senior = ExperienceLevel.objects.create(
        slug="senior-t", name="Senior", tier="senior", source=source
    )
    junior = ExperienceLevel.objects.create(
        slug="junior-t", name="Junior", tier="junior", source=source
    )
    bac5 = EducationLevel.objects.create(slug="bac-5", name="Bac +5", rank=5)
    bac2 = EducationLevel.objects.create(slug="bac-2", name="Bac +2", rank=2)
    startup = EmployerType.objects.create(slug="start-up", name="Start-up")
    analytics = Skill.objects.create(name="Google Analytics", category="outil")
    negotiation = Skill.objects.create(name="Négociation", category="savoir-faire")

    coordinator = make_role("Coordinateur test", level=Level.COORDINATION, source=source)
    manager = make_role("Responsable test", level=Level.MANAGEMENT, source=source)
    director = make_role(
        "Directeur test", level=Level.DIRECTION, source=source, is_documented=False
    )
    RoleAlias.objects.create(role=manager, name="Chef des ventes en ligne", source=source)
    for role, location, level, low, high in [
        (coordinator, regions, junior, 25000, 30000),
        (manager, paris, senior, 45000, 60000),
        (manager, regions, junior, 35000, 40000),
        (director, paris, None, 80000, 120000),
    ]:
        SalaryBand.objects.create(
            role=role,
            location=location,
            experience_level=level,
            low=low,
            high=high,
            source=source,
        )
    EducationRequirement.objects.create(role=manager, level=bac5, wording="Bac +5", source=source)
    RoleTraining.objects.create(
        role=coordinator,
        training=Training.objects.create(name="BTS MCO", kind="diplome", level=bac2),
        source=source,
    )
    RoleSkill.objects.create(role=coordinator, skill=analytics, source=source)
    RoleSkill.objects.create(role=manager, skill=analytics, source=source)
    RoleSkill.objects.create(role=director, skill=negotiation, source=source)
    RoleEmployer.objects.create(role=director, employer_type=startup, source=source)
    reindex()
    return {"coordinator": coordinator, "manager": manager, "director": director}


def names(client, **params):
    response = client.get(reverse("roles:list"), params)
    assert response.status_code == 200
    return [role.name for role in response.context["roles"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Coordinateur test", "Responsable test", "Directeur test"]),
        ({"niveau": "management"}, ["Responsable test"]),
        ({"salaire": "50000"}, ["Responsable test", "Directeur test"]),
        ({"salaire": "100000"}, ["Directeur test"]),
        ({"lieu": "paris"}, ["Responsable test", "Directeur test"]),
        ({"experience": "junior"}, ["Coordinateur test", "Responsable test", "Directeur test"]),
        ({"experience": "senior"}, ["Responsable test", "Directeur test"]),
        ({"formation": "bac-5"}, ["Responsable test"]),
        ({"formation": "bac-2"}, ["Coordinateur test"]),
        ({"competence": "negociation"}, ["Directeur test"]),
        ({"outil": "google-analytics"}, ["Coordinateur test", "Responsable test"]),
        ({"employeur": "start-up"}, ["Directeur test"]),
        ({"documentees": "oui"}, ["Coordinateur test", "Responsable test"]),
        ({"documentees": "non"}, ["Directeur test"]),
        ({"q": "ventes en ligne"}, ["Responsable test"]),
    ],
)
def test_each_filter_narrows_the_list(client, world, params, expected):
    assert names(client, **params) == expected


def test_salary_place_and_experience_must_hold_for_one_band(client, world):
    # The manager earns 60,000 in Paris as a senior, and up to 40,000 as a junior.
    assert names(client, salaire="50000", experience="junior") == ["Directeur test"]
    assert names(client, salaire="50000", lieu="regions") == []
    assert names(client, salaire="50000", lieu="paris", experience="senior") == [
        "Responsable test",
        "Directeur test",
    ]


def test_filters_combine_with_each_other_and_with_keywords(client, world):
    assert names(client, outil="google-analytics", niveau="coordination") == ["Coordinateur test"]
    assert names(client, q="test", salaire="40000", documentees="oui") == ["Responsable test"]
    assert names(client, q="chef des ventes en ligne", niveau="direction") == []


def test_sorting_by_name_and_by_salary_keeps_documented_roles_first(client, world):
    # The Directeur has no sheet yet (« fiche à venir »): it comes after the documented roles.
    assert names(client, tri="nom") == ["Coordinateur test", "Responsable test", "Directeur test"]
    # Every role here has bands: by name (tests/roles/test_salary_sort.py: not by figure).
    assert names(client, tri="salaire") == [
        "Coordinateur test",
        "Responsable test",
        "Directeur test",
    ]
    assert names(client) == ["Coordinateur test", "Responsable test", "Directeur test"]


def test_sorting_by_name_ignores_case(client, make_role):
    for name in ("CRM Test", "Cdiscount Test", "CMS Test"):
        make_role(name)

    assert names(client, tri="nom") == ["Cdiscount Test", "CMS Test", "CRM Test"]


def test_keywords_sort_by_relevance_and_say_why(client, world):
    response = client.get(reverse("roles:list"), {"q": "chef des ventes"})

    html = response.content.decode()
    assert [role.name for role in response.context["roles"]] == ["Responsable test"]
    assert "<mark>Chef</mark> des <mark>ventes</mark> en ligne" in html


def test_the_form_keeps_its_values_so_the_url_can_be_shared(client, world):
    html = client.get(
        reverse("roles:list"),
        {"q": "test", "niveau": "management", "salaire": "40000", "lieu": "paris", "tri": "nom"},
    ).content.decode()

    assert 'name="q" value="test"' in html
    assert '<option value="management" selected>' in html
    assert 'name="salaire" value="40000"' in html
    assert '<option value="paris" selected>' in html
    assert '<option value="nom" selected>' in html


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"niveau": "pdg"}, "niveau"),
        ({"salaire": "beaucoup"}, "salaire"),
        ({"salaire": "-5"}, "salaire"),
        ({"lieu": "mars"}, "lieu"),
        ({"experience": "expert"}, "experience"),
        ({"formation": "bac-12"}, "formation"),
        ({"competence": "google-analytics"}, "competence"),  # a tool, not a skill
        ({"outil": "inconnu"}, "outil"),
        ({"employeur": "<script>"}, "employeur"),
        ({"documentees": "peut-etre"}, "documentees"),
        ({"tri": "hasard"}, "tri"),
        ({"q": "a\x00b"}, "q"),
    ],
)
def test_an_invalid_value_is_a_form_error_on_a_200_page(client, world, params, field):
    response = client.get(reverse("roles:list"), {**params, "niveau": params.get("niveau", "")})

    assert response.status_code == 200
    assert field in response.context["filter"].form.errors
    assert "ne sont pas appliqués" in response.content.decode()


def test_an_invalid_value_leaves_the_other_filters_applied(client, world):
    assert names(client, niveau="management", salaire="beaucoup") == ["Responsable test"]


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "99999999999999999999"])
def test_any_page_number_shows_a_page(client, world, page):
    assert client.get(reverse("roles:list"), {"page": page}).status_code == 200


def test_pages_keep_the_filters_in_their_links(client, make_role):
    for i in range(30):
        make_role(f"Métier {i:02}", level=Level.MANAGEMENT)

    response = client.get(reverse("roles:list"), {"niveau": "management", "tri": "nom"})

    html = response.content.decode()
    assert len(response.context["roles"]) == 24
    assert "?niveau=management&amp;tri=nom&amp;page=2" in html
    second = client.get(reverse("roles:list"), {"niveau": "management", "tri": "nom", "page": 2})
    assert second.context["roles"][0].name == "Métier 24"


def test_the_skill_select_offers_the_most_needed_skills_and_the_chosen_one(
    client, make_role, make_source
):
    source = make_source()
    role = make_role(source=source)
    for i in range(SKILL_CHOICES + 10):
        skill = Skill.objects.create(name=f"Compétence {i:03}", category="savoir")
        RoleSkill.objects.create(role=role, skill=skill, source=source)
    rare = Skill.objects.create(name="Rare", category="savoir")

    form = client.get(reverse("roles:list"), {"competence": rare.slug}).context["filter"].form

    offered = [value for value, _label in form.fields["competence"].widget.choices if value]
    assert len(offered) == SKILL_CHOICES + 1
    assert rare.slug in offered
    assert form.is_valid()


@pytest.mark.parametrize("size", [5, 60])
def test_role_list_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_full_role, size, django_assert_num_queries
):
    for _ in range(size):
        make_full_role(size=2)

    # 1 count, 1 page of roles with their salary range, 1 aliases; the form's choices:
    # 1 places, 1 education levels, 1 skills, 1 tools, 1 employers
    with django_assert_num_queries(8):
        response = client.get(reverse("roles:list"))
    assert len(response.context["roles"]) == min(24, 2 * size)


@pytest.mark.parametrize("size", [5, 60])
def test_filtered_list_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_full_role, size, reindex, django_assert_num_queries
):
    for _ in range(size):
        make_full_role(size=2)
    reindex()
    skill = Skill.objects.exclude(category="outil").first()
    params = {"q": "Alias", "competence": skill.slug, "salaire": "30000", "tri": "salaire"}

    # the 8 above, 1 to check the chosen skill; with keywords, 4 for why each role matched
    # (aliases, missions, skills, training), and 1 to tell whether the words match at all
    # (else they are corrected: typos, on both databases)
    with django_assert_num_queries(14):
        response = client.get(reverse("roles:list"), params)
    assert response.status_code == 200
    assert len(response.context["roles"]) == 1
