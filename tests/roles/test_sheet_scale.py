"""Issue 16: the role sheet does not grow with the number of roles on the site: its
« Comparer avec… » box has the other role typed, with names offered from the suggestions,
instead of a menu of every role (300 KB at 3,000 roles)."""

from django.urls import reverse

from roles.models import Role


def test_the_sheet_is_the_same_size_with_five_or_two_hundred_other_roles(client, make_role):
    role = make_role("Responsable e-commerce", summary="")
    for i in range(5):
        make_role(f"Autre métier {i:03}")
    small = len(client.get(role.get_absolute_url()).content)

    Role.objects.bulk_create(
        Role(name=f"Métier généré {i:03}", slug=f"metier-genere-{i:03}") for i in range(200)
    )
    large = client.get(role.get_absolute_url()).content.decode()

    assert len(large.encode()) == small
    assert "Métier généré" not in large


def test_the_compare_with_box_leads_to_the_comparison_of_the_two_roles(client, make_role):
    role, other = make_role("Responsable e-commerce"), make_role("Chef de projet web")
    html = client.get(role.get_absolute_url()).content.decode()
    assert 'data-suggestions="/recherche/suggestions/"' in html

    # What the browser sends when the reader types the other role's name and submits
    response = client.get(reverse("roles:compare"), {"r": [role.slug, other.name]})

    assert [item.role for item in response.context["compared"]] == [role, other]


def test_a_role_alone_on_the_site_has_no_compare_with_box(client, make_role):
    role = make_role("Responsable e-commerce")

    assert 'class="compare-with' not in client.get(role.get_absolute_url()).content.decode()
