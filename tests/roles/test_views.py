"""The public pages about roles: home, list, role sheet, sources."""

import re

import pytest
from django.urls import reverse

from roles.models import CareerMove, Level, Role

pytestmark = pytest.mark.django_db


def test_home_lists_roles_by_level_with_ways_in_for_each_reader(client, make_role):
    make_role("Coordinateur Test", level=Level.COORDINATION)
    make_role("Directeur Test", level=Level.DIRECTION)

    response = client.get(reverse("home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Coordinateur Test") < html.index("Directeur Test")
    for reader in ("Recruteurs", "Candidats", "Éditeurs RH"):
        assert reader in html


def test_role_list_shows_every_role_and_marks_undocumented_ones(client, make_role):
    make_role("Responsable Test")
    make_role("Chef de projet Test", is_documented=False)

    response = client.get(reverse("roles:list"))

    assert response.status_code == 200
    assert "Responsable Test" in response.content.decode()
    assert "Fiche à venir" in response.content.decode()


def test_role_sheet_shows_each_kind_of_fact_with_its_source(client, make_full_role):
    role = make_full_role(size=2)

    response = client.get(role.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    for alias in role.aliases.all():
        assert alias.name in html
    for mission in role.missions.all():
        assert mission.title in html
    for question in role.interview_questions.all():
        assert question.text in html
    assert "30\u202f000\u00a0€" in html  # French money format
    assert re.search(r'href="/sources/[\w-]+/#p-[0-9a-f]{10}"', html)
    assert "<caption" in html and 'scope="row"' in html


def test_role_sheet_links_career_moves_in_both_directions(client, make_role):
    coordinator = make_role("Coordinateur Test")
    manager = make_role("Responsable Test")
    CareerMove.objects.create(
        from_role=coordinator, to_role=manager, source=coordinator.sources.get()
    )

    coordinator_html = client.get(coordinator.get_absolute_url()).content.decode()
    manager_html = client.get(manager.get_absolute_url()).content.decode()

    assert f'href="{manager.get_absolute_url()}"' in coordinator_html
    assert f'href="{coordinator.get_absolute_url()}"' in manager_html


def test_unknown_role_slug_gets_the_french_404_page(client):
    response = client.get("/metiers/metier-qui-n-existe-pas/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_sources_page_says_what_came_from_each_document(client, make_full_role):
    role = make_full_role(size=3)
    source = role.sources.get()

    response = client.get(reverse("roles:sources"))

    html = response.content.decode()
    assert source.title in html
    assert "3 missions" in html
    assert "3 appellations" in html
    assert role.name in html


def test_role_slug_is_derived_from_the_name(make_role):
    role = make_role("Directeur E-commerce")

    assert role.slug == "directeur-e-commerce"


# The query counts of /metiers/ are in test_filters.py, with its filters.


@pytest.mark.parametrize("size", [5, 200])
def test_home_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_role, size, django_assert_max_num_queries
):
    for _ in range(size):
        make_role()

    # 1 counts, 1 documented roles, 1 their aliases, 1 roles to come, 1 source count,
    # 1 most-needed skills
    with django_assert_max_num_queries(6):
        client.get(reverse("home"))


@pytest.mark.parametrize("size", [5, 200])
def test_role_sheet_runs_the_same_queries_whatever_the_amount_of_content(
    client, make_full_role, size, django_assert_max_num_queries
):
    role = make_full_role(size=size)

    # 1 role + summary source, then one prefetch each: sources, aliases, missions, skills,
    # matrix, trainings, education, employers, facts, moves out, moves in, salary bands,
    # questions, question skills, case studies, case skills; the rows of the other apps are
    # prefetched by relation name, so their sources come in prefetches too: the bands'
    # experience levels, locations and sources, the questions' and the case studies' sources;
    # divergence notes (their versions, with their sources, when there are some);
    # 1 other roles for "Comparer avec…"
    with django_assert_max_num_queries(24):
        response = client.get(role.get_absolute_url())
    assert response.status_code == 200
    assert Role.objects.count() >= 2


def test_sources_page_runs_the_same_queries_whatever_the_number_of_sources(
    client, make_full_role, django_assert_max_num_queries
):
    for _ in range(3):
        make_full_role(size=2)

    # 1 sources with their counts, 1 roles prefetch
    with django_assert_max_num_queries(2):
        client.get(reverse("roles:sources"))
