"""The salary explorer in Chromium: on a phone nothing overflows, even sorted (the sort
header's visually-hidden text once escaped the table's scroll box), and the role field
suggests roles as one types, and filters without JavaScript too."""

import pytest

EXPLORER = "/salaires/"


@pytest.mark.parametrize("query", ["", "?tri=-salaire", "?lieu=non-precise&tri=date"])
def test_explorer_fits_a_phone(content, browser, query):
    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone.goto(content.url + EXPLORER + query)

    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()


def test_role_field_suggests_roles_by_slug_and_filters_on_them(content, page):
    page.goto(EXPLORER)
    page.fill("#id_role", "direc")
    options = page.locator("#id_role-suggestions option")
    options.first.wait_for(state="attached")
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert "directeur-e-commerce" in values

    page.fill("#id_role", "directeur-e-commerce")
    page.locator(".salary-filters button").click()
    page.wait_for_load_state()

    assert "role=directeur-e-commerce" in page.url
    roles = page.locator(".salary-table tbody th").all_inner_texts()
    assert roles and set(roles) == {"Directeur E-commerce"}
