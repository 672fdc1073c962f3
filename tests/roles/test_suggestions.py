"""/recherche/suggestions/: role names and alternate titles starting with the typed letters,
as JSON, for the search box's list as you type."""

import pytest
from django.urls import reverse

from tests.roles.searching import COORDINATEUR, DIRECTEUR, ROLE_NAMES

# The content of the five documents and its search rows (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


# --------------------------------------------------------------------------- suggestions


def suggest(client, text, **params):
    return client.get(reverse("roles:suggestions"), {"q": text, **params})


def names(response):
    return [(item["name"], item["alias"]) for item in response.json()["suggestions"]]


def test_suggestions_list_role_names_starting_with_the_typed_letters(client):
    response = suggest(client, "dir")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    found = response.json()["suggestions"]
    assert {"name": "Directeur E-commerce", "url": f"/metiers/{DIRECTEUR}/", "alias": None} in (
        found
    )
    assert all(item["name"].startswith("Directeur") for item in found)
    assert len(found) == 6  # the six Directeurs, and nothing else


def test_suggestions_ignore_accents_case_and_feminine_forms(client):
    assert names(suggest(client, "DIR")) == names(suggest(client, "dir"))
    assert ("Coordinateur Commercial E-commerce", None) in names(suggest(client, "coordinatrice"))
    assert names(suggest(client, "e-com")) == names(suggest(client, "ecom"))


def test_suggestions_match_the_start_of_any_word_of_a_title(client):
    found = names(suggest(client, "market"))

    assert ("Directeur marketing", None) in found
    assert ("Responsable Marketing Digital", None) in found
    assert ("Responsable Marketplace", None) in found


def test_suggestions_give_the_alternate_title_that_matched_and_its_role(client):
    found = suggest(client, "chargée").json()["suggestions"]

    assert {
        "name": ROLE_NAMES[COORDINATEUR],
        "url": f"/metiers/{COORDINATEUR}/",
        "alias": "Chargé(e) de projets e-commerce",
    } in found
    assert all(item["alias"] for item in found)  # no role is named "Chargé…"


def test_suggestions_list_names_before_alternate_titles(client):
    found = names(suggest(client, "responsable"))

    kinds = [alias is None for _name, alias in found]
    assert kinds == sorted(kinds, reverse=True)
    assert found[0] == ("Responsable E-commerce", None)


@pytest.mark.parametrize(("limit", "count"), [("3", 3), ("1", 1), ("500", 20), ("", 8)])
def test_suggestions_take_a_limit_capped_at_twenty(client, make_role, reindex, limit, count):
    for n in range(25):
        make_role(f"Directeur régional {n}")
    reindex()

    assert len(suggest(client, "dir", limit=limit).json()["suggestions"]) == count


@pytest.mark.parametrize("text", ["", " ", "d", "de la", "zzqxw", "x" * 5000, "%", "_", "'"])
def test_suggestions_for_nothing_or_nonsense_are_an_empty_list(client, text):
    response = suggest(client, text)

    assert response.status_code == 200
    assert response.json() == {"suggestions": []}


@pytest.mark.parametrize(
    "params", [{"q": "dir\x00"}, {"q": "dir", "limit": "abc"}, {"q": "dir", "limit": "0"}]
)
def test_suggestions_answer_bad_parameters_with_a_400_not_an_error(client, params):
    response = client.get(reverse("roles:suggestions"), params)

    assert response.status_code == 400
    assert "errors" in response.json()


def test_suggestions_answer_get_and_head_only(client):
    url = reverse("roles:suggestions") + "?q=dir"

    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    assert client.put(url).status_code == 405


@pytest.mark.parametrize("size", [3, 30])
def test_suggestions_run_the_same_queries_whatever_the_number_of_roles(
    client, make_full_role, size, reindex, django_assert_max_num_queries
):
    for _ in range(size):
        make_full_role(size=3)
    reindex()

    # 1 matching names and alternate titles with their roles, 1 the alternate titles' text
    with django_assert_max_num_queries(2):
        response = suggest(client, "alias")

    assert len(response.json()["suggestions"]) == min(size * 3, 8)
