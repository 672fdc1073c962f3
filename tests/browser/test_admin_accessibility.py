"""The editors' pages pass axe too: the dashboard, each tab of a role, its history, a
document's guided page and the form that brings a document in."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from roles.admin_themes import role_theme_urls
from roles.models import Role, Source
from tests.browser.conftest import logged_in_page
from tests.browser.test_accessibility import describe

pytestmark = pytest.mark.django_db(transaction=True)


def test_axe_finds_no_violation_on_the_pages_editors_use(content, browser, django_user_model):
    role = Role.objects.get(slug="directeur-e-commerce")
    source = Source.objects.order_by("order").first()
    page = logged_in_page(browser, content, django_user_model, "editrice")
    paths = [
        "/admin/",
        *(url for _label, url in role_theme_urls(role)),
        f"/admin/roles/role/{role.pk}/history/",
        f"/admin/roles/source/{source.pk}/passages/",
        "/admin/roles/source/add/",
    ]

    axe, found = Axe(), {}
    for path in paths:
        page.goto(path)
        violations = axe.run(page).response["violations"]
        if violations:
            found[path] = describe(violations)

    assert not found, "\n".join(
        f"{path}: {line}" for path, lines in found.items() for line in lines
    )


def test_a_roles_history_fits_a_phone_its_tables_scrolling_in_their_box(
    content, browser, django_user_model
):
    role = Role.objects.get(slug="directeur-e-commerce")
    page = logged_in_page(browser, content, django_user_model, "editrice")
    page.set_viewport_size({"width": 390, "height": 844})
    role.save()  # a change of the role and of each of its matrix rows: both tables filled
    for cell in role.matrix_cells.all():
        cell.save()

    page.goto(f"/admin/roles/role/{role.pk}/history/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
