"""The salary explorer and its CSV run the same queries, and the page keeps its size, whatever
the number of bands."""

import pytest

from salaries.views import PAGE_SIZE
from tests.salaries.explorer_pages import CSV, EXPLORER, many_bands, read_csv

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [5, 80])
def test_explorer_runs_the_same_queries_whatever_the_number_of_bands(
    client, make_role, make_level, make_band, size, django_assert_max_num_queries
):
    many_bands(make_role, make_level, make_band, size)

    # 1 count, 1 the page's ids in table order, 1 their bands with role, level, location
    # and source, 1 locations
    # (the `lieu` choices and the chart series)
    with django_assert_max_num_queries(4):
        response = client.get(EXPLORER)
    assert len(response.context["bands"]) == min(size, PAGE_SIZE)

    # the same with every filter: `lieu` is checked against the locations already read
    with django_assert_max_num_queries(4):
        response = client.get(f"{EXPLORER}?role=metier-000&lieu=ville-0&nature=brut&tri=-salaire")
    assert response.status_code == 200

    with django_assert_max_num_queries(4):
        response = client.get(f"{EXPLORER}?page=2")  # the last page when there is only one
    assert len(response.context["bands"]) == (
        min(size - PAGE_SIZE, PAGE_SIZE) if size > PAGE_SIZE else size
    )


@pytest.mark.parametrize("size", [PAGE_SIZE + 10, 4 * PAGE_SIZE])
def test_page_stays_the_same_size_whatever_the_number_of_roles(
    client, make_role, make_level, make_band, size, django_assert_max_num_queries
):
    """The page draws only its 30 rows and the charts of their roles: four times the
    content must not make it grow (the bands differ only by their figures)."""
    many_bands(make_role, make_level, make_band, size)

    first = len(client.get(EXPLORER).content)
    make_more = 3 * size
    for i in range(size, size + make_more):
        role = make_role(f"Métier {i:04}")
        level = make_level(f"Niveau {i}", "junior", role.sources.get())
        make_band(role, 30000, 40000, level=level, location=f"Ville {i % 7}", date="2024")
    again = client.get(EXPLORER)

    assert again.context["paginator"].count == size + make_more
    assert abs(len(again.content) - first) < 1000
    assert len(again.content) < 150_000


@pytest.mark.parametrize("size", [5, 80])
def test_csv_runs_the_same_queries_whatever_the_number_of_bands(
    client, make_role, make_level, make_band, size, django_assert_max_num_queries
):
    many_bands(make_role, make_level, make_band, size)

    # 1 check of `lieu`, 1 bands with role, level, location and source
    with django_assert_max_num_queries(2):
        response = client.get(f"{CSV}?lieu=ville-0")
    assert len(read_csv(response)) == 1 + len(range(0, size, 7))
