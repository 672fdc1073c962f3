"""No lost edit (issue 12): two editors on one role page, optimistic locking
(roles/locking.py)."""

import pytest
from django.urls import reverse

from tests.roles.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def both_open_the_role_page(two_editors, role):
    """The role's page address, and its form as each of the two editors opened it."""
    url = reverse("admin:roles_role_change", args=[role.pk])
    return url, *(change_form_data(editor.get(url)) for editor in two_editors)


def test_second_editor_saving_a_stale_role_is_refused_and_shown_the_other_change(
    two_editors, edited_role
):
    first, second = two_editors
    role = edited_role
    url, seen_by_first, seen_by_second = both_open_the_role_page(two_editors, role)

    seen_by_first["summary"] = "Un résumé revu par la première éditrice."
    assert first.post(url, seen_by_first).status_code == 302
    seen_by_second["level"] = "direction"
    response = second.post(url, seen_by_second)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enregistrement refusé" in page
    assert (
        "résumé : « Pilote le site marchand. » → « Un résumé revu par la première éditrice. »"
        in page
    )
    role.refresh_from_db()
    assert role.summary == "Un résumé revu par la première éditrice."
    assert role.level != "direction"


def test_refused_editor_saves_again_and_both_changes_are_kept(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    url, seen_by_first, seen_by_second = both_open_the_role_page(two_editors, role)
    seen_by_first["summary"] = "Un résumé revu par la première éditrice."
    first.post(url, seen_by_first)
    seen_by_second["level"] = "direction"
    refused = second.post(url, seen_by_second)

    # The refused page holds the second editor's input and the first one's change.
    again = change_form_data(refused)
    assert again["level"] == "direction"
    assert again["summary"] == "Un résumé revu par la première éditrice."
    assert second.post(url, again).status_code == 302
    role.refresh_from_db()
    assert (role.level, role.summary) == ("direction", "Un résumé revu par la première éditrice.")


def test_stale_inline_row_is_refused_with_its_old_and_new_values(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    alias = role.aliases.get()
    url, seen_by_first, seen_by_second = both_open_the_role_page(two_editors, role)
    seen_by_first["aliases-0-name"] = "Chef de rayon web"
    assert first.post(url, seen_by_first).status_code == 302
    seen_by_second["aliases-0-name"] = "Responsable web"

    page = second.post(url, seen_by_second).content.decode()

    assert "Enregistrement refusé" in page
    assert f"« {alias.name} » → « Chef de rayon web »" in page
    alias.refresh_from_db()
    assert alias.name == "Chef de rayon web"


def test_untouched_stale_row_takes_the_other_editors_change_without_a_refusal(
    two_editors, edited_role
):
    first, second = two_editors
    role = edited_role
    url, seen_by_first, seen_by_second = both_open_the_role_page(two_editors, role)
    seen_by_first["aliases-0-name"] = "Chef de rayon web"
    first.post(url, seen_by_first)

    assert second.post(url, seen_by_second).status_code == 302
    assert role.aliases.get().name == "Chef de rayon web"


def test_row_deleted_meanwhile_gives_a_message_not_an_error(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    alias = role.aliases.get()
    url, seen_by_first, seen_by_second = both_open_the_role_page(two_editors, role)
    seen_by_first["aliases-0-DELETE"] = "on"
    assert first.post(url, seen_by_first).status_code == 302
    seen_by_second["aliases-0-name"] = "Un nom changé"

    response = second.post(url, seen_by_second)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Cette ligne (« {alias} ») a été supprimée par" in page
    assert 'value="Un nom changé"' in page
    assert not role.aliases.exists()


def test_row_deleted_meanwhile_is_recreated_when_the_editor_saves_again(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    url, seen_by_first, seen_by_second = both_open_the_role_page(two_editors, role)
    seen_by_first["aliases-0-DELETE"] = "on"
    first.post(url, seen_by_first)
    seen_by_second["aliases-0-name"] = "Responsable web"
    refused = second.post(url, seen_by_second)

    again = change_form_data(refused)
    assert second.post(url, again).status_code == 302
    assert list(role.aliases.values_list("name", flat=True)) == ["Responsable web"]
