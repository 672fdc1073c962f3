"""Comparing two or three roles side by side (/metiers/comparer/)."""

import pytest
from django.urls import reverse

from roles.models import CareerMove, Level, Mission, RoleSkill, RoleTraining, Skill, Training
from salaries.models import Location, SalaryBand

pytestmark = pytest.mark.django_db


def compare_url(*slugs):
    return reverse("roles:compare") + "?" + "&".join(f"r={slug}" for slug in slugs)


@pytest.fixture
def skill(db):
    def make(role, name):
        found = Skill.objects.get_or_create(
            slug=name.lower().replace(" ", "-"),
            defaults={"name": name, "category": Skill.Category.KNOW_HOW},
        )[0]
        RoleSkill.objects.create(role=role, skill=found, source=role.sources.first())
        return found

    return make


@pytest.fixture
def trio(make_role, skill):
    """Three roles: "Négociation" in all three, "Analyse" in two, the rest specific."""
    coordinator = make_role("Coordinateur Test", level=Level.COORDINATION)
    director = make_role("Directeur Test", level=Level.DIRECTION)
    manager = make_role("Responsable Test", level=Level.MANAGEMENT)
    for role in (coordinator, director, manager):
        skill(role, "Négociation")
    skill(coordinator, "Analyse")
    skill(director, "Analyse")
    skill(coordinator, "Shopify")
    skill(director, "Stratégie")
    source = director.sources.get()
    Mission.objects.create(role=director, source=source, title="Piloter la stratégie Test")
    training = Training.objects.create(name="Master Test", kind=Training.Kind.DIPLOMA)
    RoleTraining.objects.create(role=director, training=training, source=source)
    SalaryBand.objects.create(
        role=director,
        location=Location.objects.create(slug="paris-test", name="Paris Test"),
        low=77000,
        high=85000,
        date_value="2024",
        source=source,
    )
    CareerMove.objects.create(from_role=coordinator, to_role=manager, source=source)
    return coordinator, director, manager


def test_two_roles_side_by_side_with_shared_and_specific_skills_marked(client, trio):
    coordinator, director, _manager = trio

    response = client.get(compare_url(coordinator.slug, director.slug))

    html = response.content.decode()
    assert response.status_code == 200
    assert [item.role for item in response.context["compared"]] == [coordinator, director]
    assert [s.name for s in response.context["shared_skills"]] == ["Négociation", "Analyse"]
    assert "2 compétences communes" in html
    shopify = html[html.index("Shopify") : html.index("</li>", html.index("Shopify"))]
    assert "spécifique" in shopify
    negotiation = html[html.index('<li class="shared">Négociation') :]
    assert negotiation.index("commune") < negotiation.index("</li>")
    assert "Piloter la stratégie Test" in html
    assert "Master Test" in html
    assert "de 77\u202f000\u00a0€ à 85\u202f000\u00a0€" in html and "2024" in html
    # The band says what its document says: no basis or period stated, a place named.
    salaries = html[
        html.index("Salaires cités") : html.index("</tr>", html.index("Salaires cités"))
    ]
    assert "brut ou net : non précisé" in salaries and "période non précisée" in salaries
    assert "Paris Test" in salaries
    assert "brut annuel" not in html.lower()
    assert "Aucun chiffre dans nos documents." in html  # the coordinator has none
    assert f'href="{trio[2].get_absolute_url()}"' in html  # career move towards Responsable


def test_three_roles_mark_skills_shared_with_only_some_of_them(client, trio):
    response = client.get(compare_url(*(role.slug for role in trio)))

    html = response.content.decode()
    compared = response.context["compared"]
    assert len(compared) == 3
    analysis = next(s for s in compared[0].skills if s.role_skill.skill.name == "Analyse")
    assert analysis.shared_with == [trio[1]] and not analysis.shared_by_all
    assert "aussi : Directeur Test" in html
    assert [s.name for s in response.context["shared_skills"]] == ["Négociation"]


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        (["coordinateur-test"], "Choisissez au moins deux métiers différents à comparer."),
        (["coordinateur-test", "coordinateur-test"], "Choisissez au moins deux métiers"),
        (
            ["coordinateur-test", "directeur-test", "responsable-test", "autre-test"],
            "on peut en comparer trois au plus",
        ),
        (["coordinateur-test", "metier-inconnu"], "Le métier « metier-inconnu » n’existe pas"),
        (["nope", "nada"], "Ces métiers n’existent pas dans nos fiches : « nope », « nada »."),
    ],
)
def test_wrong_number_of_roles_or_unknown_slugs_give_a_clear_message(
    client, trio, make_role, slugs, message
):
    make_role("Autre Test")

    response = client.get(compare_url(*slugs))

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'aria-invalid="true"' in html
    assert response.context["compared"] == []


def test_compare_page_without_roles_shows_the_form_and_no_error(client, trio):
    response = client.get(reverse("roles:compare"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('name="r"') == 3
    assert "errorlist" not in html
    assert 'for="metier-3"' in html  # every select has its label


def test_compare_form_keeps_the_chosen_roles_by_name(client, trio):
    html = client.get(compare_url(trio[0].slug, trio[1].slug)).content.decode()

    assert 'name="r" value="Coordinateur Test"' in html
    assert 'name="r" value="Directeur Test"' in html
    assert "<option" not in html  # no list of every role: text boxes with suggestions
    assert html.count('class="role-input" maxlength="150" autocomplete="off"') == 3


def test_compare_form_takes_role_names_typed_in_any_case(client, trio):
    response = client.get(compare_url("coordinateur test", "Directeur%20Test"))

    assert [item.role for item in response.context["compared"]] == [trio[0], trio[1]]


def test_comparison_reads_as_cards_on_a_phone_each_cell_naming_its_role(client, trio):
    html = client.get(compare_url(trio[0].slug, trio[1].slug)).content.decode()

    assert (
        html.count('<td data-role="Coordinateur Test">')
        == html.count('<td data-role="Directeur Test">')
        >= 8
    )  # the stylesheet shows the name above each cell on a narrow screen


def test_every_role_sheet_has_a_compare_with_form(client, trio):
    coordinator = trio[0]

    html = client.get(coordinator.get_absolute_url()).content.decode()

    form = html[
        html.index('class="compare-with') : html.index("</form>", html.index("compare-with"))
    ]
    assert f'action="{reverse("roles:compare")}"' in form
    assert f'<input type="hidden" name="r" value="{coordinator.slug}">' in form
    assert '<label for="comparer-avec">Comparer avec…</label>' in form
    # The other role is typed, names offered from the suggestions (never every role listed)
    assert 'id="comparer-avec" name="r" class="role-input"' in form
    assert f'data-suggestions="{reverse("roles:suggestions")}"' in form
    assert "<select" not in form and "directeur-test" not in form


def test_role_list_links_to_the_compare_page(client, trio):
    html = client.get(reverse("roles:list")).content.decode()

    assert f'href="{reverse("roles:compare")}"' in html


@pytest.mark.parametrize("size", [2, 60])
def test_comparison_runs_the_same_queries_whatever_the_amount_of_content(
    client, make_full_role, size, django_assert_max_num_queries
):
    first, second, third = (make_full_role(size=size) for _ in range(3))

    # 1 roles (those typed); for the chosen roles: 1 roles + summary source, then one
    # prefetch each: trainings, salary bands, education, experience facts, skills, missions,
    # moves out, moves in; the bands' experience levels, locations and sources, prefetched
    # by relation name
    with django_assert_max_num_queries(13):
        response = client.get(compare_url(first.slug, second.slug, third.slug))
    assert len(response.context["compared"]) == 3
    assert len(response.context["compared"][0].skills) == size
