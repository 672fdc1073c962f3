"""Markup typed by an editor never runs in a browser, even without the CSP's help."""

import pytest
from playwright.sync_api import expect

from tests.pages import SCRIPT, public_pages, type_attacks_in_every_text_field


@pytest.fixture
def attacked_site(content):
    type_attacks_in_every_text_field()
    return content


def visit_every_page(page):
    """{path: [dialog messages]} and the number of inline scripts or handlers found."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    live_markup = 0
    for _name, path, _params in public_pages():
        page.goto(path)
        page.wait_for_load_state("load")
        # a JSON-LD block is data, never run; any other inline script would be markup
        live_markup += page.locator(
            'script:not([src]):not([type="application/ld+json"]), [onerror], [onload]'
        ).count()
    return dialogs, live_markup


def test_no_dialog_fires_on_any_page_after_editors_typed_scripts(attacked_site, page):
    page.goto("/metiers/directeur-e-commerce/")
    expect(page.get_by_text(SCRIPT).first).to_be_visible()  # shown as text

    dialogs, live_markup = visit_every_page(page)

    assert dialogs == []
    assert live_markup == 0


def test_no_dialog_fires_even_with_the_csp_switched_off(attacked_site, browser):
    """Escaping alone holds: the CSP is a second wall, not the only one."""
    context = browser.new_context(bypass_csp=True, base_url=attacked_site.url)
    try:
        dialogs, live_markup = visit_every_page(context.new_page())
    finally:
        context.close()

    assert dialogs == []
    assert live_markup == 0
