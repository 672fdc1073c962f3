"""The three readers' journeys, in Chromium, against the live server with the real content."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from roles.models import Mission

PASSWORD = "un-mot-de-passe-tres-solide-42"


def test_recruiter_finds_a_role_from_home_and_prints_its_sheet(content, page):
    page.goto("/")
    page.get_by_role("link", name="Directeur E-commerce", exact=True).click()

    expect(page).to_have_url(re.compile(r"/metiers/directeur-e-commerce/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Directeur E-commerce")
    navigation = page.get_by_role("navigation", name="Navigation principale")
    expect(navigation).to_be_visible()

    page.emulate_media(media="print")

    expect(navigation).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    expect(page.get_by_role("heading", name="Missions", exact=True)).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_candidate_moves_from_a_role_to_a_career_move(content, page):
    page.goto("/")
    page.get_by_role("link", name="Explorer les métiers").click()
    page.get_by_role("link", name="Coordinateur Commercial E-commerce", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Coordinateur Commercial E-commerce")

    evolutions = page.locator("#evolutions")
    # The section may show a move more than once (e.g. a diagram and a list): any will do.
    move = evolutions.get_by_role("link", name="Responsable E-commerce", exact=True).first
    expect(move).to_be_visible()
    move.click()

    expect(page).to_have_url(re.compile(r"/metiers/responsable-e-commerce/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Responsable E-commerce")
    # The way back: the new sheet names the role the candidate came from.
    expect(
        page.locator("#evolutions")
        .get_by_role("link", name="Coordinateur Commercial E-commerce", exact=True)
        .first
    ).to_be_visible()


@pytest.fixture
def editor_account(content, django_user_model):
    user = django_user_model.objects.create_user("camille", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeurs"))
    return user


def test_editor_logs_in_changes_a_mission_and_sees_it_on_the_sheet(content, editor_account, page):
    mission = Mission.objects.filter(role__slug="directeur-e-commerce").first()
    # An editor rewords a mission with other words of its document (document 002): the
    # admin refuses words the document does not have (tests/roles/test_admin.py).
    new_title = "Il suit de près le pilotage et le développement du site e-commerce"
    assert new_title in mission.source.text

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Nom d’utilisateur").fill("camille")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()

    page.locator("tr.model-role").get_by_role("link", name="Métiers", exact=True).click()
    page.get_by_role("link", name="Directeur E-commerce", exact=True).click()
    page.locator("#missions-group summary").first.click()  # inlines open on demand
    title_field = page.locator(f"input[name$='-title'][value='{mission.title}']")
    expect(title_field).to_have_count(1)
    title_field.fill(new_title)
    page.get_by_role("button", name="Enregistrer", exact=True).first.click()  # save_on_top
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto("/metiers/directeur-e-commerce/")
    expect(page.locator("#missions")).to_contain_text(new_title)
    expect(page.locator("#missions")).not_to_contain_text(mission.title)
