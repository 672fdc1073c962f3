"""/metiers/ never computes a figure across documents: the « salaire » order puts the roles
whose documents give salary figures first, by name, never by a minimum or maximum taken over
the bands of several documents; a card links to each document's figures and shows none."""

import re

import pytest
from django.urls import reverse

from salaries.models import SalaryBand

pytestmark = pytest.mark.django_db

CARD_LINK = "Salaires : les chiffres de chaque document"


@pytest.fixture
def roles(make_role, make_source):
    """Alpha: one low band. Zeta: a band from each of two documents, far higher. Beta: none."""
    first, second = make_source(), make_source()
    alpha = make_role("Alpha test", source=first)
    zeta = make_role("Zeta test", source=first)
    zeta.sources.add(second)
    make_role("Beta test", source=first)
    for role, low, high, source in [
        (alpha, 20000, 25000, first),
        (zeta, 30000, 40000, first),
        (zeta, 90000, 120000, second),
    ]:
        SalaryBand.objects.create(role=role, low=low, high=high, source=source)


def listed(client, **params):
    response = client.get(reverse("roles:list"), params)
    assert response.status_code == 200
    return response, [role.name for role in response.context["roles"]]


def test_salary_order_puts_roles_with_figures_first_by_name_not_by_figure(client, roles):
    _response, names = listed(client, tri="salaire")

    # By the highest figure, Zeta (120,000 from its second document) would come first.
    assert names == ["Alpha test", "Zeta test", "Beta test"]


def test_list_cards_link_to_the_figures_and_show_none(client, roles):
    response, _names = listed(client, tri="nom")

    page = response.content.decode()
    assert page.count(CARD_LINK) == 2  # Alpha and Zeta, not Beta
    for figure in ("20", "25", "30", "40", "90", "120"):
        assert not re.search(rf"\b{figure}[\s\u202f\xa0.,]?000\b", page), figure
    for role in response.context["roles"]:
        assert not hasattr(role, "salary_min") and not hasattr(role, "salary_max")
