"""The career map (/parcours/), the path between two roles, and each sheet's neighbourhood.

Queries and big maps: test_careers_queries.py; the fixtures (`move`, `band`, `ladder`) are in
conftest.py.
"""

import re

import pytest
from django.urls import reverse

from roles.careers import CareerGraph
from roles.models import EducationLevel, EducationRequirement, Fact
from salaries.models import SalaryBand
from tests.roles.career_pages import path_url

pytestmark = pytest.mark.django_db


def test_map_draws_every_role_as_a_link_to_its_sheet(client, ladder):
    response = client.get(reverse("roles:careers"))

    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert response.status_code == 200
    for role in ladder.values():
        assert f'<a href="{role.get_absolute_url()}"' in svg
        assert role.name.split()[0] in svg


def test_map_draws_undocumented_roles_with_a_dashed_class_and_a_written_mark(client, ladder):
    diagram = client.get(reverse("roles:careers")).context["diagram"]

    boxes = {box.key: box for box in diagram.boxes}
    marketing = boxes[ladder["marketing"].slug]
    assert "undocumented" in marketing.css
    assert marketing.note == "fiche à venir"  # not told by colour alone
    assert "undocumented" not in boxes[ladder["director"].slug].css


def test_map_places_roles_by_level_from_coordination_to_direction(client, ladder):
    diagram = client.get(reverse("roles:careers")).context["diagram"]

    x = {box.key: box.x for box in diagram.boxes}
    assert x[ladder["coordinator"].slug] < x[ladder["manager"].slug] < x[ladder["director"].slug]
    assert [lane.label for lane in diagram.lanes] == ["Coordination", "Management", "Direction"]
    # A move within a level pushes its target one column further.
    assert x[ladder["project"].slug] < x[ladder["expert"].slug]
    assert x[ladder["director"].slug] < x[ladder["marketing"].slug]


def test_map_draws_one_arrow_per_documented_move_and_shows_specialisations(client, ladder):
    diagram = client.get(reverse("roles:careers")).context["diagram"]

    titles = [arrow.title for arrow in diagram.arrows]
    assert "Coordinateur Test → Responsable Test" in titles
    assert "Directeur Test → Directeur marketing Test" in titles
    assert len([a for a in diagram.arrows if "specialisation" not in a.css]) == 6
    specialisation = next(box for box in diagram.boxes if "specialisation" in box.css)
    assert specialisation.title == "logistique e-commerce"
    assert specialisation.url == ladder["coordinator"].get_absolute_url() + "#evolutions"


def test_map_is_told_as_text_too_with_moves_and_their_sources(client, ladder):
    html = client.get(reverse("roles:careers")).content.decode()

    text = html[html.index('id="carte-texte"') :]
    assert "Mène à :" in text and "On y arrive depuis :" in text
    assert "logistique e-commerce" in text
    assert "(fiche à venir)" in text
    assert text.count('class="src"') >= 7  # every move with its source


def test_career_pages_have_no_style_attributes_for_the_content_security_policy(client, ladder):
    for url in (
        reverse("roles:careers"),
        path_url(ladder["coordinator"], ladder["marketing"]),
        ladder["coordinator"].get_absolute_url(),
    ):
        html = client.get(url).content.decode()
        assert not re.search(r"\sstyle=", html), url
        # no inline script (a JSON-LD data block is data, never run)
    assert not re.search(r'<script(?![^>]*\ssrc=)(?![^>]*type="application/ld\+json")', html), url


def test_path_follows_the_fewest_documented_moves(client, ladder):
    response = client.get(path_url(ladder["coordinator"], ladder["director"]))

    path = response.context["path"]
    assert [step.role for step in path.steps] == [
        ladder["coordinator"],
        ladder["manager"],
        ladder["director"],
    ]
    assert "2 évolutions documentées" in response.content.decode()


def test_path_shows_training_and_each_documents_figures_but_no_change_across_documents(
    client, ladder
):
    response = client.get(path_url(ladder["coordinator"], ladder["marketing"]))

    html = response.content.decode()
    steps = html[html.index('class="path-steps"') : html.index("</ol>", html.index("path-steps"))]
    assert "BTS Test" in steps  # training named for Responsable
    assert "de 40\u202f000\u00a0€ à 60\u202f000\u00a0€" in steps  # as its document gives it
    assert "de 25\u202f000\u00a0€ à 30\u202f000\u00a0€" in steps
    # Each role's figures come from its own document: no change is computed between them.
    assert "+15\u202f000" not in html and "en bas de fourchette" not in steps
    assert "aucun document ne chiffre à la fois cette étape et la précédente" in steps
    assert "Avec davantage de responsabilités." in steps  # the move as the source words it
    assert "Aucun de nos documents ne donne de chiffre pour ce métier." in steps  # marketing
    assert "Aucun de nos documents ne chiffre à la fois le départ et l’arrivée" in html
    assert "brut annuel" not in html.lower() and "bruts par an" not in html


def test_path_gives_a_salary_change_only_from_one_document_giving_both_ends(client, ladder):
    coordinator, manager = ladder["coordinator"], ladder["manager"]
    same_document = coordinator.sources.get()
    SalaryBand.objects.create(
        role=manager, low=35000, high=45000, source=same_document, excerpt="35 à 45 k€"
    )

    response = client.get(path_url(coordinator, manager))

    path = response.context["path"]
    assert [(c.source, c.low, c.high) for c in path.overall_change] == [
        (same_document, 10000, 15000)  # 25–30 k€ → 35–45 k€, both from this document
    ]
    assert [(c.low, c.high) for c in path.steps[1].change] == [(10000, 15000)]
    html = response.content.decode()
    assert "selon le même document : +10\u202f000\u00a0€ en bas de fourchette" in html
    assert "+15\u202f000\u00a0€ en haut de fourchette" in html  # the overall change
    # The manager's other document (40–60 k€) is shown, never subtracted from.
    assert "+20\u202f000" not in html and "+30\u202f000" not in html


def test_path_is_highlighted_on_the_map(client, ladder):
    diagram = client.get(path_url(ladder["coordinator"], ladder["director"])).context["diagram"]

    on_path = {box.key for box in diagram.boxes if "on-path" in box.css}
    assert on_path == {ladder[k].slug for k in ("coordinator", "manager", "director")}
    assert len([arrow for arrow in diagram.arrows if "on-path" in arrow.css]) == 2


def test_no_documented_path_says_so_and_shows_what_is_known_of_both_ends(client, ladder):
    director, coordinator = ladder["director"], ladder["coordinator"]
    level = EducationLevel.objects.create(slug="bac-5-test", name="Bac +5", rank=5)
    EducationRequirement.objects.create(
        role=director, level=level, wording="Un master.", source=director.sources.get()
    )
    Fact.objects.create(
        role=director,
        source=director.sources.get(),
        kind=Fact.Kind.EXPERIENCE,
        text="Cinq ans dans le e-commerce.",
    )

    response = client.get(path_url(director, coordinator))

    html = response.content.decode()
    assert response.status_code == 200
    assert "path" not in response.context
    assert "Aucun chemin documenté de Directeur Test à Coordinateur Test" in html
    assert "Un master." in html
    assert "Cinq ans dans le e-commerce." in html
    assert "de 70\u202f000\u00a0€ à 90\u202f000\u00a0€" in html  # salary of one end
    assert "de 25\u202f000\u00a0€ à 30\u202f000\u00a0€" in html  # and of the other
    assert "Le chemin inverse existe" in html
    assert f"?de={coordinator.slug}&amp;vers={director.slug}" in html


@pytest.mark.parametrize(
    "query",
    ["de=metier-inconnu&vers=directeur-test", "de=coordinateur-test&vers=%3Cscript%3E"],
)
def test_unknown_slugs_are_a_form_error_on_the_page(client, ladder, query):
    response = client.get(f"{reverse('roles:careers')}?{query}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "n’existe pas dans nos fiches" in html
    assert 'aria-invalid="true"' in html
    assert "path" not in response.context
    assert "<script>" not in html


def test_same_role_twice_is_a_form_error(client, ladder):
    coordinator = ladder["coordinator"]

    response = client.get(path_url(coordinator, coordinator))

    assert response.status_code == 200
    assert "choisissez deux métiers différents" in response.content.decode()
    assert "path" not in response.context


def test_starting_role_alone_lists_where_it_leads_with_links_to_each_path(client, ladder):
    coordinator = ladder["coordinator"]

    response = client.get(f"{reverse('roles:careers')}?de={coordinator.slug}")

    html = response.content.decode()
    assert [role for role, _steps in response.context["reachable"]][:2] == [
        ladder["project"],
        ladder["manager"],
    ]
    assert f"?de={coordinator.slug}&amp;vers={ladder['marketing'].slug}" in html
    assert "n’existe pas" not in html


def test_shortest_path_survives_cycles_and_unreachable_roles(make_role, move):
    first, second, alone = make_role("Un"), make_role("Deux"), make_role("Seul")
    move(first, second)
    move(second, first)

    graph = CareerGraph.load()

    assert graph.shortest_path(first, second) == [first, second]
    assert graph.shortest_path(second, first) == [second, first]
    assert graph.shortest_path(first, alone) is None
    assert len(graph.diagram().boxes) == 3


def test_role_sheet_draws_its_neighbourhood_and_links_to_the_map(client, ladder):
    manager = ladder["manager"]

    response = client.get(manager.get_absolute_url())

    html = response.content.decode()
    neighbourhood = response.context["neighbourhood"]
    keys = {box.key for box in neighbourhood.boxes}
    assert keys == {f"de-{ladder['coordinator'].slug}", manager.slug, "vers-directeur-test"}
    assert 'id="voisinage-svg"' in html
    assert f'href="{reverse("roles:careers")}?de={manager.slug}#chemin"' in html


def test_role_sheet_without_moves_has_no_neighbourhood_diagram(client, make_role):
    role = make_role("Isolé Test")

    response = client.get(role.get_absolute_url())

    assert response.context["neighbourhood"] is None
    assert 'id="voisinage-svg"' not in response.content.decode()


def test_career_path_form_takes_a_role_name_as_well_as_its_slug(client, ladder):
    response = client.get(
        reverse("roles:careers"), {"de": "coordinateur test", "vers": ladder["director"].slug}
    )

    assert [step.role for step in response.context["path"].steps][-1] == ladder["director"]
    html = response.content.decode()
    assert "<select" not in html  # no list of every role: a text box with suggestions
    assert 'data-suggestions="/recherche/suggestions/"' in html
