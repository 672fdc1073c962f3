"""Accessibility in Chromium: axe-core on every public page, and the keyboard alone.

axe-core runs its WCAG 2.1 A/AA rules (colour contrast included) and best practices.
"""

import re
from itertools import pairwise

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.pages import public_pages

ERROR_PAGES = [("page introuvable", "/page-qui-n-existe-pas/", [])]


def describe(violations):
    return [
        f"{violation['id']} ({violation['impact']}) : "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
    ]


def test_axe_finds_no_violation_on_any_public_page(content, page):
    axe = Axe()
    found = {}
    for name, path, _params in [*public_pages(), *ERROR_PAGES]:
        page.goto(path)
        violations = axe.run(page).response["violations"]
        if violations:
            found[f"{name} ({path})"] = describe(violations)

    assert not found, "\n".join(
        f"{page_name}: {line}" for page_name, lines in found.items() for line in lines
    )


def test_axe_reports_a_contrast_failure_when_there_is_one(page):
    """The check above can fail: light grey text on white is caught."""
    page.set_content(
        '<!doctype html><html lang="fr"><title>Contraste</title><body><main>'
        '<h1><font color="#bbbbbb">Texte trop pâle</font></h1></main></body></html>'
    )

    violations = Axe().run(page).response["violations"]

    assert "color-contrast" in [violation["id"] for violation in violations]


FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        text: (element.innerText || element.value || element.ariaLabel || "").trim(),
        href: element.getAttribute("href"),
        inHeader: Boolean(element.closest("header.site-header")),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== "none",
        top: box.top, left: box.left, width: box.width, height: box.height,
        inViewport: box.bottom > 0 && box.top < window.innerHeight && box.width > 0,
    };
}"""


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def test_skip_link_is_the_first_stop_and_takes_the_keyboard_to_the_content(site, page):
    page.goto("/")

    first = tab(page)
    assert (first["tag"], first["text"]) == ("a", "Aller au contenu")
    assert first["inViewport"], "the skip link shows when it has the focus"
    assert first["outline"] or first["shadow"]

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    following = tab(page)
    assert not following["inHeader"], "after the skip link, Tab goes on inside the content"


def test_tabbing_through_the_header_follows_the_reading_order_with_a_visible_focus(site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    header_stops = page.locator(
        "header.site-header :is(a[href], input, button, select, textarea)"
    ).count()
    assert header_stops >= 3

    stops = [tab(page)]  # the skip link
    stops += [tab(page) for _ in range(header_stops)]
    header = stops[1:]

    assert all(stop["inHeader"] for stop in header), [stop["text"] for stop in header]
    assert header[0]["text"].startswith("Fiches métiers")  # the site name comes first
    for stop in stops:
        assert stop["outline"] or stop["shadow"], f"no visible focus on {stop['text']!r}"
    for before, after in pairwise(header):
        same_line = abs(after["top"] - before["top"]) < before["height"]
        assert (same_line and after["left"] > before["left"]) or after["top"] > before["top"], (
            f"{after['text']!r} comes before {before['text']!r} on screen"
        )


def test_a_keyboard_user_finds_a_role_and_reads_its_sheet(content, page):
    page.goto("/")

    for _ in range(80):
        focused = tab(page)
        assert focused["outline"] or focused["shadow"], f"no visible focus on {focused['text']!r}"
        if focused["text"] == "Directeur E-commerce":
            break
    else:
        raise AssertionError("the role link cannot be reached with Tab")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/metiers/directeur-e-commerce/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Directeur E-commerce")
    tab(page)
    page.keyboard.press("Enter")  # the skip link, straight to the sheet
    assert page.evaluate("document.activeElement.id") == "contenu"
