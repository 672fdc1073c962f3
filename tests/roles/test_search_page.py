"""/recherche/: roles best first with why each matched, skills and training after them,
help for empty or nonsense queries, and queries that do not grow with the content."""

import pytest

from tests.roles.searching import COORDINATEUR, DIRECTEUR, RESPONSABLE, ROLE_NAMES, search_page

# The content of the five documents and its search rows (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


# --------------------------------------------------------------------------- the page


def test_search_page_lists_roles_best_first_with_why_each_matched(client):
    response = search_page(client, "chargée de projets e-commerce")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(ROLE_NAMES[COORDINATEUR]) < html.index(ROLE_NAMES[RESPONSABLE])
    assert "Autre appellation" in html
    assert "<mark>Chargé(e)</mark> de <mark>projets</mark> <mark>e-commerce</mark>" in html


def test_search_page_excerpts_a_long_mission_text_around_the_match(client):
    html = search_page(client, "carrefour du réseau de magasins").content.decode()

    assert "<mark>carrefour</mark>" in html
    assert "<mark>magasins</mark>" in html


def test_search_page_lists_matching_skills_and_training_after_the_roles(client):
    html = search_page(client, "Google Analytics").content.decode()

    assert 'href="/competences/google-analytics/"' in html
    assert html.index("Compétences et outils") > html.index(ROLE_NAMES[COORDINATEUR])
    assert (
        "Certification en outils e-commerce"
        in search_page(client, "certification").content.decode()
    )


def test_search_page_escapes_what_the_reader_typed(client):
    html = search_page(client, "<script>alert(1)</script>").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("text", ["", "zzqxw", "de la", "x" * 5000, "\x00", "%", "_"])
def test_empty_nonsense_or_huge_queries_get_a_helpful_page(client, text):
    response = search_page(client, text)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Quelques idées" in html
    assert "Les métiers par niveau" in html
    assert ROLE_NAMES[DIRECTEUR] in html


def test_a_very_long_query_is_searched_on_its_first_words(client):
    response = search_page(client, "e-merchandiser " + "mot " * 2000)

    html = response.content.decode()
    assert response.status_code == 200
    assert "seuls ses premiers mots" in html


def test_search_page_paginates_without_404(client):
    for page in ("2", "999", "abc", "-1"):
        assert search_page(client, "e-commerce", page=page).status_code == 200


def test_the_header_search_box_shows_the_query_on_the_results_page(client):
    html = search_page(client, "e-merchandiser").content.decode()

    assert 'id="recherche-entete" name="q"' in html
    assert 'value="e-merchandiser"' in html


# --------------------------------------------------------------------------- queries


@pytest.mark.parametrize("size", [3, 30])
def test_search_page_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_full_role, size, reindex, django_assert_num_queries
):
    for _ in range(size):
        make_full_role(size=3)
    reindex()
    # 1 page of roles with their total, 2 divergence notes with their versions, 4 for why
    # each matched (aliases, missions, skills, training), 1 skills, 1 training
    expected = 9
    with django_assert_num_queries(expected):
        response = search_page(client, "Alias")

    assert response.status_code == 200
    assert len(response.context["results"]) == min(size, 20)


@pytest.mark.parametrize("size", [3, 30])
def test_search_help_page_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_role, size, django_assert_num_queries
):
    for _ in range(size):
        make_role()

    # 1 suggested titles, 1 suggested skills, 1 roles by level
    with django_assert_num_queries(3):
        search_page(client, "")


@pytest.mark.parametrize("size", [3, 30])
def test_a_search_with_a_typo_runs_the_same_queries_whatever_the_number_of_roles(
    client, make_full_role, size, reindex, django_assert_num_queries
):
    for _ in range(size):
        make_full_role(size=3)
    reindex()

    # 1 page of roles (none), 1 to correct the words, 1 page of roles for the corrected
    # words, 2 divergence notes with their versions, 4 for why each matched, 1 skills,
    # 1 training
    with django_assert_num_queries(11):
        response = search_page(client, "Aliaz")

    assert response.context["query"].correction.text == "alias"
    assert len(response.context["results"]) == min(size, 20)
