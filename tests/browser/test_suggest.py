"""Suggestions under the header search box (static/js/suggest.js), in Chromium: the ARIA
combobox pattern with the keyboard, axe-core with the list open, and the form without them."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

SEARCH_BOX = "Rechercher un métier, une compétence, un outil ou une formation"


def box(page):
    return page.get_by_role("combobox", name=SEARCH_BOX)


def test_typing_shows_roles_and_arrow_down_then_enter_opens_the_sheet(content, page):
    page.goto("/")
    combobox = box(page)
    expect(combobox).to_have_attribute("aria-expanded", "false")

    combobox.press_sequentially("dir")

    listbox = page.get_by_role("listbox", name="Métiers suggérés")
    expect(listbox).to_be_visible()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    expect(combobox).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    options = listbox.get_by_role("option")
    expect(options).to_have_count(6)
    expect(options.first).to_have_text("Directeur des achats")

    combobox.press("ArrowDown")
    combobox.press("ArrowDown")

    second = options.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(combobox).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    name = second.inner_text()
    combobox.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page).to_have_url(re.compile(r"/metiers/directeur-[a-z-]+/$"))


def test_an_alternate_title_shows_with_its_role_and_escape_closes_the_list(content, page):
    page.goto("/")
    combobox = box(page)

    combobox.press_sequentially("chargée")

    option = page.get_by_role("option", name=re.compile("Chargé\\(e\\) de projets e-commerce"))
    expect(option).to_contain_text("Coordinateur Commercial E-commerce")
    combobox.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(combobox).to_have_attribute("aria-expanded", "false")
    expect(combobox).to_have_value("chargée")


def test_enter_without_a_chosen_suggestion_submits_the_search(content, page):
    page.goto("/")
    combobox = box(page)
    combobox.press_sequentially("markting")

    combobox.press("Enter")

    expect(page).to_have_url(re.compile(r"/recherche/\?q=markting$"))
    expect(page.get_by_text("Vouliez-vous dire")).to_be_visible()


def test_axe_finds_no_violation_with_the_list_open(content, page):
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto("/")
        box(page).press_sequentially("resp")
        box(page).press("ArrowDown")
        expect(page.get_by_role("listbox")).to_be_visible()

        violations = Axe().run(page).response["violations"]

        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_search_box_works_without_javascript(content, browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto("/")

    searchbox = page.get_by_role("searchbox", name=SEARCH_BOX)
    searchbox.fill("directeur marketing")
    searchbox.press("Enter")

    expect(page).to_have_url(re.compile(r"/recherche/\?q=directeur\+marketing$"))
    expect(page.get_by_role("link", name="Directeur marketing", exact=True)).to_be_visible()
    context.close()
