"""An editor brings a new document in (issue 12): pastes its text, makes a new draft role
from its lines on the guided page, previews it (readers get a 404), publishes it, and readers
then find it in the list, the search and the career map."""

import re

import pytest
from playwright.sync_api import expect

from roles.models import Role
from tests.browser.conftest import keep_screenshot, logged_in_page

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Chef de projet marketplace"
TEXT = """Fiche métier : Chef de projet marketplace
Ses missions :
- Sélectionner les marketplaces adaptées au catalogue de l'enseigne
- Négocier les conditions commerciales avec les plateformes
- Suivre les ventes et la rentabilité de chaque marketplace
Compétences attendues :
Maîtrise des flux produits et des catalogues
Sens de la négociation
Le chef de projet marketplace travaille avec les équipes logistique et marketing."""


def line_number(text):
    return next(n for n, said in enumerate(TEXT.splitlines(), start=1) if text in said)


def pick(page, text, use, name=""):
    number = line_number(text)
    page.locator(f"select[name=use-{number}]").select_option(use)
    if name:
        page.locator(f"input[name=name-{number}]").fill(name)


def test_editor_brings_a_document_in_and_readers_see_the_published_role(
    content, browser, page, django_user_model
):
    editor = logged_in_page(browser, content, django_user_model, "apporteuse")

    # The document, pasted.
    editor.goto("/admin/roles/source/add/")
    editor.locator("#id_title").fill("Fiche métier Chef de projet marketplace")
    editor.locator("#id_slug").fill("")  # made from the title when left empty
    editor.locator("#id_kind").select_option("fiche")
    editor.locator("#id_publisher").fill("Observatoire des métiers du web")
    editor.locator("#id_date").fill("mars 2025")
    editor.locator("#id_url").fill("https://example.org/chef-de-projet-marketplace")
    editor.locator("#id_text").fill(TEXT)
    editor.locator("input[name=_save]").first.click()

    # The guided page: a new role from some of its lines.
    expect(editor).to_have_url(re.compile(r"/admin/roles/source/\d+/passages/$"))
    expect(editor.locator(".intake-line")).to_have_count(len(TEXT.splitlines()))
    editor.locator("#id_new_role_name").fill(NAME)
    pick(editor, "Sélectionner les marketplaces", "mission")
    pick(editor, "Négocier les conditions", "mission")
    pick(editor, "Suivre les ventes", "mission")
    pick(editor, "Maîtrise des flux produits", "competence")
    pick(editor, "Sens de la négociation", "competence")
    pick(editor, "travaille avec les équipes", "fait")
    keep_screenshot(editor, "h-intake-guided-1280", full_page=True)
    editor.get_by_role("button", name="Créer les lignes choisies").first.click()

    expect(editor).to_have_url(re.compile(r"/admin/roles/role/\d+/change/$"))
    expect(editor.locator(".messagelist")).to_contain_text("6 lignes")
    expect(editor.locator("#id_status")).to_have_value("brouillon")
    role = Role.objects.get(name=NAME)
    assert role.is_documented and role.missions.count() == 3

    # The preview: the editor sees the draft, a reader gets a 404.
    editor.get_by_role("link", name="aperçu de la fiche").click()
    expect(editor.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(editor.locator("#missions")).to_contain_text("Négocier les conditions commerciales")
    assert page.goto(role.get_absolute_url()).status == 404
    page.goto("/metiers/")
    expect(page.get_by_role("link", name=NAME, exact=True)).to_have_count(0)

    # Published.
    editor.goto(f"/admin/roles/role/{role.pk}/change/")
    editor.locator("#id_status").select_option("publiee")
    editor.locator("input[name=_continue]").first.click()
    expect(editor.locator(".messagelist")).to_be_visible()
    expect(editor.locator("#id_status")).to_have_value("publiee")

    # Readers see it: its sheet, the list, the search, the career map.
    assert page.goto(role.get_absolute_url()).status == 200
    expect(page.locator("#missions")).to_contain_text("Sélectionner les marketplaces")
    page.goto("/metiers/")
    expect(page.get_by_role("link", name=NAME, exact=True)).to_be_visible()
    page.goto(f"/recherche/?q={NAME}")
    expect(page.locator("main").get_by_role("link", name=NAME).first).to_be_visible()
    page.goto("/parcours/")
    expect(page.locator(f"#metier-{role.slug}")).to_contain_text(NAME)  # the map as text
    node = page.locator(f'#carte-svg a[href="{role.get_absolute_url()}"]')  # the drawn map
    expect(node).to_have_count(1)
    expect(node).to_contain_text(NAME)


def test_guided_page_fits_a_phone(content, browser, django_user_model):
    from roles.models import Source

    source = Source.objects.order_by("-text").first()  # a real document, its longest lines
    editor = logged_in_page(browser, content, django_user_model, "apporteuse", width=390)

    editor.goto(f"/admin/roles/source/{source.pk}/passages/")

    expect(editor.locator(".intake-line").first).to_be_visible()
    keep_screenshot(editor, "h-intake-guided-390")
    assert editor.evaluate("document.documentElement.scrollWidth") <= 390
