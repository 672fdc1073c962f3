"""Finding a role by any word the documents use for it, on SQLite and on PostgreSQL.

The same tests run on both databases, typos included (pg_trgm on PostgreSQL, an edit
distance on SQLite). Ranking tests use the content of the five documents.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from roles.models import (
    Mission,
    Role,
    RoleAlias,
    RoleSkill,
    RoleTraining,
    SearchKey,
    SearchWord,
    Skill,
)
from roles.search import Query, corrected, fold, key, search_roles_or_similar
from roles.search.queries import edit_distance

pytestmark = pytest.mark.django_db


ROWS = json.loads((Path(settings.BASE_DIR) / "fixtures" / "roles.json").read_text())
ROLE_NAMES = {
    row["fields"]["slug"]: row["fields"]["name"] for row in ROWS if row["model"] == "roles.role"
}
ALIASES = [
    (row["fields"]["name"], row["fields"]["role"][0])
    for row in ROWS
    if row["model"] == "roles.rolealias"
]
MISSIONS = [
    (row["fields"]["title"], row["fields"]["role"][0])
    for row in ROWS
    if row["model"] == "roles.mission"
]
SKILL_ROLES = {}
for row in ROWS:
    if row["model"] == "roles.roleskill":
        SKILL_ROLES.setdefault(row["fields"]["skill"][0], set()).add(row["fields"]["role"][0])

COORDINATEUR = "coordinateur-commercial-e-commerce"
RESPONSABLE = "responsable-e-commerce"
DIRECTEUR = "directeur-e-commerce"
DIRECTEUR_MARKETING = "directeur-marketing"
MARKETING_DIGITAL = "responsable-marketing-digital"


@pytest.fixture(autouse=True)
def _content(content):
    """The content of the five documents and its search rows (tests/conftest.py)."""


def ranked(text):
    roles = search_roles_or_similar(Role.objects.all(), Query.parse(text))
    return list(roles.values_list("slug", flat=True))


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


# --------------------------------------------------------------------------- the page


def search_page(client, text, **params):
    return client.get(reverse("roles:search"), {"q": text, **params})


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


# --------------------------------------------------------------------------- kept current


def test_a_new_alias_is_found_once_saved(django_capture_on_commit_callbacks):
    role = Role.objects.get(slug=DIRECTEUR)

    with django_capture_on_commit_callbacks(execute=True):
        RoleAlias.objects.create(
            role=role, name="Chief e-commerce officer", source=role.sources.first()
        )

    assert ranked("chief ecommerce officer")[0] == DIRECTEUR


def test_a_deleted_alias_no_longer_ranks_its_role_first(django_capture_on_commit_callbacks):
    assert SearchKey.objects.filter(role__slug=RESPONSABLE, key="emerchandiser").exists()

    with django_capture_on_commit_callbacks(execute=True):
        RoleAlias.objects.filter(name="e-merchandiser").delete()

    assert not SearchKey.objects.filter(key="emerchandiser").exists()


def test_a_renamed_skill_is_found_under_its_new_name(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        skill = Skill.objects.get(slug="shopify")
        skill.name = "Shopify Plus"
        skill.save()

    assert ranked("Shopify Plus")[0] == COORDINATEUR


def test_missions_skills_and_training_changed_by_editors_are_searchable(
    django_capture_on_commit_callbacks, make_source
):
    role = Role.objects.get(slug=DIRECTEUR)
    source = role.sources.first()
    skill = Skill.objects.create(name="Négociation fournisseurs", category="savoir-faire")

    with django_capture_on_commit_callbacks(execute=True):
        Mission.objects.create(role=role, source=source, order=99, title="Ouvrir la Belgique")
        RoleSkill.objects.create(role=role, skill=skill, source=source)
        training = role.role_trainings.first().training
        training.name = "Mastère spécialisé omnicanal"
        training.save()

    assert ranked("ouvrir la belgique")[0] == DIRECTEUR
    assert ranked("négociation fournisseurs")[0] == DIRECTEUR
    assert ranked("mastere omnicanal")[0] == DIRECTEUR
    assert RoleTraining.objects.filter(role=role, training=training).exists()


def test_an_editor_changing_a_mission_in_the_admin_updates_the_search(
    client, editor, django_capture_on_commit_callbacks
):
    mission = Mission.objects.get(role__slug=DIRECTEUR, title="Gestion du centre de profit")
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:roles_mission_change", args=[mission.pk]),
            {
                "role": mission.role_id,
                "source": mission.source_id,
                "order": mission.order,
                "title": "un côté un peu « geek »",  # document 004's words too
                "description": "",
            },
        )

    assert response.status_code == 302
    assert ranked("geek")[0] == DIRECTEUR
    assert ranked("centre de profit") == []


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
