"""The role's admin pages split by theme (issue 12), in Chromium at 1280 px: an editor goes
through the Directeur's tabs, each page fits the window, and a bad save lists its errors at
the top with links that lead to the fields."""

import re

import pytest
from playwright.sync_api import expect

from roles.models import Role
from tests.browser.conftest import keep_screenshot, logged_in_page

pytestmark = pytest.mark.django_db(transaction=True)

TABS = ["Texte de la fiche", "Compétences et matrice", "Salaires", "Entretiens"]


def test_editor_goes_through_the_directeurs_tabs_each_fitting_1280_px(
    content, browser, django_user_model
):
    role = Role.objects.get(slug="directeur-e-commerce")
    page = logged_in_page(browser, content, django_user_model, "editrice")
    page.goto(f"/admin/roles/role/{role.pk}/change/")

    for index, label in enumerate(TABS):
        if index:
            page.locator(".role-tabs").get_by_role("link", name=label).click()
        current = page.locator('.role-tabs a[aria-current="page"]')
        expect(current).to_have_text(label)
        expect(page.locator("#content h2").first).to_have_text(label)
        for details in page.locator("#content details").all():
            details.evaluate("element => { element.open = true }")  # every row shown
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, (label, width)
        assert page.locator("input[name=_save]").count() == 2  # save at the top too
        keep_screenshot(page, f"h2-browser-theme-{index}")


def test_bad_save_on_a_theme_page_lists_the_error_at_the_top_with_a_working_link(
    content, browser, django_user_model
):
    role = Role.objects.get(slug="directeur-e-commerce")
    page = logged_in_page(browser, content, django_user_model, "editrice")
    page.goto(f"/admin/roles/role/{role.pk}/change/salaires/")
    # The page's one table is open (no folded <details> to open first).
    expect(page.locator("#salary_bands-group details")).to_have_count(0)
    page.locator("#id_salary_bands-1-date_value").fill("2999")
    page.locator("input[name=_save]").first.click()

    summary = page.locator("#errors-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Fourchettes de salaire, ligne 2")
    expect(summary).to_contain_text("Une date ne peut pas être dans le futur.")
    top = summary.bounding_box()["y"]
    assert top < 900, top  # in the first screen, above the rows
    keep_screenshot(page, "h2-browser-errors")

    summary.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"#id_salary_bands-1-date_value$"))
    expect(page.locator("#id_salary_bands-1-date_value")).to_be_in_viewport()
    expect(page.locator("#id_salary_bands-1-date_value")).to_have_value("2999")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
