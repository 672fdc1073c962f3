"""Finding a role by any word the documents use for it, on SQLite and on PostgreSQL.

The same tests run on both databases, typos included (pg_trgm on PostgreSQL, an edit
distance on SQLite). Ranking tests use the content of the five documents. The search page:
test_search_page.py; rows kept current: test_search_updates.py; as-you-type:
test_suggestions.py.
"""

import pytest

from roles.models import Mission, RoleAlias, SearchWord, Skill
from roles.search import Query, corrected, fold, key
from roles.search.queries import edit_distance
from tests.roles.searching import (
    ALIASES,
    COORDINATEUR,
    DIRECTEUR,
    DIRECTEUR_MARKETING,
    MARKETING_DIGITAL,
    MISSIONS,
    RESPONSABLE,
    ROLE_NAMES,
    SKILL_ROLES,
    ranked,
    search_page,
)

# The content of the five documents and its search rows (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


# --------------------------------------------------------------------------- what finds what


@pytest.mark.parametrize(("alias", "slug"), ALIASES, ids=[alias for alias, _slug in ALIASES])
def test_every_alternate_title_finds_its_role_first(alias, slug):
    named = [s for s, name in ROLE_NAMES.items() if key(name) == key(alias) and s != slug]

    found = ranked(alias)

    if named:
        # "Responsable e-commerce" is a role's name and another role's alias: the role of
        # that name comes first, the role it is an alias of right after.
        assert found[:2] == [named[0], slug]
    else:
        assert found[0] == slug


def titled(words):
    """The slugs of the roles whose name or an alias has all these (stemmed) words."""
    titles = [(name, slug) for slug, name in ROLE_NAMES.items()] + ALIASES
    return {slug for name, slug in titles if set(words) <= set(key(name).split())}


@pytest.mark.parametrize("skill_slug", sorted(SKILL_ROLES))
def test_every_skill_finds_a_role_that_needs_it_first(skill_slug):
    skill = Skill.objects.get(slug=skill_slug)
    # Roles whose titles have the skill's words come first ("Marketing": Directeur marketing).
    in_titles = titled(key(skill.name).split())

    found = [slug for slug in ranked(skill.name) if slug not in in_titles]

    assert found[0] in SKILL_ROLES[skill_slug], (skill.name, found[:3])


@pytest.mark.parametrize(("title", "slug"), MISSIONS, ids=[title for title, _slug in MISSIONS])
def test_every_mission_title_finds_its_role_first(title, slug):
    assert ranked(title)[0] == slug


def test_a_phrase_from_a_mission_text_finds_its_role():
    assert ranked("visuels et prix")[0] == COORDINATEUR
    assert ranked("boutique en ligne")[0] == DIRECTEUR


@pytest.mark.parametrize("text", ["referencement", "RÉFÉRENCEMENT", "Référencement naturel"])
def test_accents_and_case_do_not_matter(text):
    assert ranked(text)[0] == RESPONSABLE


def test_plurals_find_the_singular():
    assert ranked("commerciaux") == ranked("commercial")
    assert COORDINATEUR in ranked("commerciaux")
    assert ranked("catalogues produits")[0] == COORDINATEUR


def test_ecommerce_written_three_ways_is_one_word():
    expected = ranked("e-commerce")

    assert expected[:3] == sorted(expected[:3], key=expected.index)
    assert set(expected) >= {COORDINATEUR, RESPONSABLE, DIRECTEUR}
    assert ranked("ecommerce") == expected
    assert ranked("e commerce") == expected
    assert ranked("E-Commerce") == expected


@pytest.mark.parametrize(
    "text",
    [
        "coordinatrice des ventes en ligne",
        "Coordinateur des ventes en ligne",
        "chargée de projets e-commerce",
        "chargé de projet ecommerce",
        "assistante commerciale e-commerce",
    ],
)
def test_feminine_and_masculine_forms_find_the_role(text):
    assert ranked(text)[0] == COORDINATEUR


def test_an_exact_alternate_title_beats_the_name_its_words_come_from():
    # "Responsable E-commerce Junior" is an alias of the coordinator, not a kind of
    # Responsable E-commerce, though its words contain that name.
    assert ranked("Responsable E-commerce Junior")[0] == COORDINATEUR
    assert ranked("e-merchandiser")[0] == RESPONSABLE
    assert ranked("directrice ecommerce")[0] == DIRECTEUR


def test_a_word_in_a_name_or_alias_beats_the_same_word_in_a_mission(make_role, reindex):
    in_mission = make_role("Chef de rayon")
    Mission.objects.create(
        role=in_mission,
        source=in_mission.sources.get(),
        order=0,
        title="Animer le rayon",
        description="Travaille avec le growth hacker de l’enseigne.",
    )
    in_alias = make_role("Responsable acquisition")
    RoleAlias.objects.create(role=in_alias, name="Growth hacker", source=in_alias.sources.get())
    reindex()

    assert ranked("growth hacker")[:2] == [in_alias.slug, in_mission.slug]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("coordinatuer", COORDINATEUR),
        ("coordinatrice des vente en lgne", COORDINATEUR),
        ("e-merchandisre", RESPONSABLE),
        ("directuer ecommerce", DIRECTEUR),
        ("markting", DIRECTEUR_MARKETING),
        ("coordinatuer commercial", COORDINATEUR),
    ],
)
def test_typos_find_the_role(client, text, slug):
    assert ranked(text)[0] == slug
    html = search_page(client, text).content.decode()
    assert "Vouliez-vous dire" in html
    assert ROLE_NAMES[slug] in html
    assert "Quelques idées" not in html


def test_a_typo_is_corrected_to_the_closest_word_of_the_content():
    assert corrected(Query.parse("markting")).text == "marketing"
    assert corrected(Query.parse("Coordinatuer commercial")).text == "coordinateur commercial"
    assert corrected(Query.parse("marketing")) is None  # nothing to correct
    assert corrected(Query.parse("zzqxw")) is None  # nothing close


def test_a_word_of_the_content_added_by_an_editor_becomes_a_correction(make_role, reindex):
    make_role("Dresseur de chimères")
    reindex()

    assert SearchWord.objects.filter(word="chimeres").exists()
    assert corrected(Query.parse("chimèrse")).text == "chimeres"


def test_the_page_offers_the_corrected_query_as_a_link(client):
    html = search_page(client, "markting").content.decode()

    assert "Aucun métier ne contient « markting »" in html
    assert 'Vouliez-vous dire « <a href="/recherche/?q=marketing">marketing</a> » ?' in html


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("coordinatuer", "coordinateur", 1),  # two letters swapped: one edit
        ("markting", "marketing", 1),
        ("lgne", "ligne", 1),
        ("vente", "vente", 0),
        ("directeur", "dirigeant", 3),  # beyond the limit of 2: 3, and no further work
    ],
)
def test_edit_distance_counts_a_swap_as_one_edit_and_stops_at_the_limit(a, b, distance):
    assert edit_distance(a, b, 2) == distance


# --------------------------------------------------------------------------- the issue's queries


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("markting", {DIRECTEUR_MARKETING, MARKETING_DIGITAL}),
        ("coordinatuer commercial", {COORDINATEUR}),
        ("directeurs e-commerce", {DIRECTEUR}),
        ("marketing", {DIRECTEUR_MARKETING, MARKETING_DIGITAL}),
    ],
)
def test_the_queries_of_issue_13_find_the_expected_roles_first(text, first):
    assert set(ranked(text)[: len(first)]) == first


def test_a_word_in_a_role_name_ranks_above_the_same_word_as_a_skill():
    found = ranked("marketing")

    # Directeur E-commerce needs the skill "Marketing"; the two others have it in their name.
    assert DIRECTEUR in found
    assert found.index(DIRECTEUR) > max(
        found.index(DIRECTEUR_MARKETING), found.index(MARKETING_DIGITAL)
    )


def test_a_title_bonus_needs_whole_words_of_one_title():
    # "Gestionnaire E-commerce" and "Chargé(e) de projets" are two aliases of the
    # Coordinateur: "gestion de projet" is in neither, so the roles that need the skill
    # "Gestion de projet" come first.
    assert ranked("gestion de projet")[0] in SKILL_ROLES["gestion-de-projet"]


# --------------------------------------------------------------------------- sections


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("salaire", "/salaires/"),
        ("Salaires", "/salaires/"),
        ("formations", "/formations/"),
        ("entretien", "/entretiens/"),
        ("outils", "/outils/"),
        ("compétence", "/competences/"),
        ("parcours", "/parcours/"),
        ("évolution", "/parcours/"),
    ],
)
def test_a_query_naming_a_section_links_to_it_first(client, text, url):
    html = search_page(client, text).content.decode()

    link = f'<a href="{url}">'
    assert link in html
    assert html.index(link) < html.index("</h1>") + 1000  # right under the search form


def test_salaire_links_to_the_salaries_even_though_no_role_matches(client):
    response = search_page(client, "salaire")

    html = response.content.decode()
    assert not response.context["results"]
    assert response.context["query"].correction is None  # a section word is no typo
    assert '<a href="/salaires/">Les salaires par métier</a>' in html
    assert "la rubrique ci-dessus" in html


def test_a_section_link_comes_with_the_roles_that_match(client):
    response = search_page(client, "formation marketing")

    html = response.content.decode()
    assert response.context["results"]
    assert html.index('<a href="/formations/">') < html.index("métiers trouvés")


def test_roles_are_searched_without_the_section_word_when_it_finds_none(client):
    response = search_page(client, "salaires markting")

    html = response.content.decode()
    assert response.context["query"].correction.text == "marketing"
    assert html.index('<a href="/salaires/">') < html.index(ROLE_NAMES[DIRECTEUR_MARKETING])


def test_a_query_without_a_section_word_offers_no_section_link(client):
    assert search_page(client, "marketing").context["sections"] == []


@pytest.mark.parametrize("text", ["", "   ", "de la", "?!", "\x00", "zzqxw"])
def test_empty_stop_word_or_nonsense_queries_find_nothing_without_error(text):
    assert ranked(text) == []


def test_the_query_is_cut_when_very_long():
    query = Query.parse("marketing " * 500)

    assert query.truncated
    assert len(query.text) <= 200
    assert len(query.words) <= 12
    assert ranked("marketing " * 500) == ranked("marketing")


def test_normalisation_is_the_same_for_documents_and_queries():
    assert fold("Chargé(e) de projets E-commerce") == "charge de projets ecommerce"
    assert key("Coordinateur(trice) des ventes en ligne") == key(
        "coordinatrice des ventes en ligne"
    )
    assert key("Assistant(e) Commercial(e)") == key("assistantes commerciales")
    assert key("Directrice") == key("directeur")
