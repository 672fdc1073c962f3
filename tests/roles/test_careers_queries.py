"""The career map, a path and a role's neighbourhood run the same queries whatever the number
of roles; a big map draws only the neighbourhood of the chosen roles."""

import pytest
from django.urls import reverse

from roles.careers import FULL_MAP_ROLES
from roles.models import Level, Role
from roles.views import CareerMapView
from tests.roles.career_pages import path_url

pytestmark = pytest.mark.django_db


def make_chain(make_role, move, band, size):
    """`size` roles in a chain of moves, each with a salary band and a specialisation."""
    levels = list(Level.values)
    roles = [make_role(f"Étape {i:03}", level=levels[i * 3 // size]) for i in range(size)]
    for i, role in enumerate(roles):
        band(role, 20000 + i * 1000, 30000 + i * 1000)
        move(role, specialisation=f"Spécialité {i}")
        if i:
            move(roles[i - 1], role)
    return roles


@pytest.mark.parametrize("size", [5, 60])
def test_map_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_role, move, band, size, django_assert_max_num_queries
):
    make_chain(make_role, move, band, size)

    # 1 roles in career order, 1 moves with their sources
    with django_assert_max_num_queries(2):
        response = client.get(reverse("roles:careers"))
    assert response.context["page_obj"].paginator.count == size
    if size <= FULL_MAP_ROLES:
        assert len(response.context["diagram"].boxes) == 2 * size
    else:  # too many to draw: the text version, a page at a time, and a prompt
        assert "diagram" not in response.context
        assert len(response.context["page_obj"].object_list) == CareerMapView.MAP_PAGE_SIZE


def test_a_big_map_draws_only_the_neighbourhood_of_the_chosen_role(client, make_role, move, band):
    roles = make_chain(make_role, move, band, FULL_MAP_ROLES + 10)

    response = client.get(f"{reverse('roles:careers')}?de={roles[20].slug}")

    keys = {box.key for box in response.context["diagram"].boxes if "node" in box.css}
    assert {roles[19].slug, roles[20].slug, roles[21].slug} <= keys
    assert roles[0].slug not in keys and roles[-1].slug not in keys
    assert response.context["partial_map"]


@pytest.mark.parametrize("size", [5, 60])
def test_path_runs_the_same_queries_whatever_its_length(
    client, make_role, move, band, size, django_assert_max_num_queries
):
    roles = make_chain(make_role, move, band, size)

    # 1 roles, 1 moves (the graph); for the roles on the path: 1 roles, then one prefetch
    # each: trainings, salary bands, education requirements, experience facts; and the
    # bands' locations and sources, prefetched by relation name (and their experience
    # levels when a band has one: none here)
    with django_assert_max_num_queries(9):
        response = client.get(path_url(roles[0], roles[-1]))
    assert len(response.context["path"].steps) == size


@pytest.mark.parametrize("size", [5, 60])
def test_no_path_page_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_role, move, band, size, django_assert_max_num_queries
):
    roles = make_chain(make_role, move, band, size)

    # the same 9 as a path: the two ends are fetched with what they show
    with django_assert_max_num_queries(9):
        response = client.get(path_url(roles[-1], roles[0]))
    assert response.context["reverse_exists"]


@pytest.mark.parametrize("size", [2, 60])
def test_role_sheet_neighbourhood_adds_no_query_per_move(
    client, make_role, move, size, django_assert_max_num_queries
):
    centre = make_role("Centre Test")
    for i in range(size):
        move(make_role(f"Avant {i}"), centre)
        move(centre, make_role(f"Après {i}"))

    # the sheet's 17 (see test_views) + 1 divergence notes + 1 other roles for "Comparer avec…"
    with django_assert_max_num_queries(19):
        response = client.get(centre.get_absolute_url())
    assert len(response.context["neighbourhood"].boxes) == 2 * size + 1
    assert Role.objects.count() == 2 * size + 1
