"""The role sheet on A4 paper: few pages, « L'essentiel » first, no heading left alone at the
foot of a page (issue 11)."""

import re

import pytest

# The most pages each sheet may print on.
MAX_PAGES = {"directeur-e-commerce": 3, "responsable-e-commerce": 4}


def pages_of(pdf):
    """The number of pages of a PDF Chromium printed (its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.parametrize("slug", sorted(MAX_PAGES))
def test_a_printed_role_sheet_fits_its_page_budget(content, page, slug):
    page.goto(f"/metiers/{slug}/")
    page.emulate_media(media="print")

    pdf = page.pdf(format="A4")

    assert 1 <= pages_of(pdf) <= MAX_PAGES[slug]


def test_the_printed_sheet_keeps_the_essentials_and_drops_the_screen_only_parts(content, page):
    page.goto("/metiers/directeur-e-commerce/")
    page.emulate_media(media="print")

    assert page.locator("#essentiel").is_visible()
    for hidden in (".site-header", ".toc", ".essentials-actions", ".site-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#essentiel h2')).breakAfter")
        == "avoid"
    )
