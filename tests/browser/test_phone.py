"""Every public page fits a 390 px phone: nothing pans sideways (issue 11)."""

import pytest

from tests.public_urls import PUBLIC_PAGES

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, base_url):
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def test_no_public_page_is_wider_than_a_390_px_phone(content, phone):
    too_wide = {}
    for name, path, _params in PUBLIC_PAGES:
        phone.goto(path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[f"{name} ({path})"] = width

    assert not too_wide, too_wide


def test_a_role_sheet_shows_the_essentials_first_on_a_phone(content, phone):
    phone.goto("/metiers/responsable-e-commerce/")

    first_section = phone.evaluate(
        "document.querySelector('main article section, main article nav').id"
    )
    assert first_section == "essentiel"
    assert phone.get_by_role("link", name="Préparer un entretien").is_visible()


def test_the_scroll_box_of_a_wide_table_keeps_its_hidden_badge_text_inside(content, phone):
    """A visually hidden « Source : » in an absolutely positioned span escapes a scroll box
    that is not positioned, and widens the page: the box is `position: relative`."""
    phone.goto("/metiers/directeur-e-commerce/")

    assert (
        phone.evaluate("getComputedStyle(document.querySelector('.table-scroll')).position")
        == "relative"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
