"""Two editors on the same role (issue 12): the second save is refused with the other's
change shown, nothing is lost, the history shows both, and one version is restored."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from roles.models import Role
from tests.browser.conftest import keep_screenshot, logged_in_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_editors_on_the_directeur_nothing_lost_history_and_restore(
    content, browser, django_user_model
):
    call_command("populate_history", auto=True, verbosity=0)  # as `seed` does
    role = Role.objects.get(slug="directeur-e-commerce")
    original = role.summary
    shorter = " ".join(original.split()[:8])  # the document's words, fewer of them
    first = logged_in_page(browser, content, django_user_model, "premiere")
    second = logged_in_page(browser, content, django_user_model, "seconde")
    url = f"/admin/roles/role/{role.pk}/change/"
    first.goto(url)
    second.goto(url)

    first.locator("#id_summary").fill(shorter)
    first.locator("input[name=_save]").first.click()
    expect(first.locator(".messagelist")).to_be_visible()
    second.locator("#id_review_due").fill("2030-01-31")
    second.locator("input[name=_save]").first.click()

    refused = second.locator(".errornote, .errorlist").filter(has_text="Enregistrement refusé")
    expect(refused.first).to_be_visible()
    expect(refused.first).to_contain_text(shorter)
    expect(second.locator("#id_summary")).to_have_value(shorter)  # the other's change, kept
    expect(second.locator("#id_review_due")).to_have_value("2030-01-31")  # and her own
    keep_screenshot(second, "h-editors-refused")
    second.locator("input[name=_save]").first.click()
    expect(second.locator(".messagelist")).to_be_visible()
    role.refresh_from_db()
    assert role.summary == shorter
    assert str(role.review_due) == "2030-01-31"

    first.goto(f"/admin/roles/role/{role.pk}/history/")
    expect(first.locator("#change-history")).to_contain_text("premiere")
    expect(first.locator("#change-history")).to_contain_text("seconde")
    # simple-history shortens long values around what differs: « Le Di[19 chars]est… »
    expect(first.locator("#change-history")).to_contain_text("responsable d’une boutique")
    keep_screenshot(first, "h-editors-history", full_page=True)
    first.locator("#change-history tbody tr").last.locator("a").first.click()
    first.locator("input[name=_save]").first.click()
    expect(first).to_have_url(re.compile(r"/admin/roles/role/$"))  # back to the list
    role.refresh_from_db()
    assert role.summary == original
