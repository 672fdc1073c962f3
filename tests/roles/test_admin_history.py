"""History with values and undo (issue 12): django-simple-history on the role page."""

import pytest
from django.urls import reverse

from roles.models import RoleAlias
from tests.roles.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def test_role_history_shows_both_editors_changes_with_old_and_new_values(two_editors, edited_role):
    first, second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = change_form_data(first.get(url))
    data["summary"] = "Un résumé revu par la première éditrice."
    first.post(url, data)
    data = change_form_data(second.get(url))
    data["aliases-0-name"] = "Responsable web"
    second.post(url, data)

    page = first.get(reverse("admin:roles_role_history", args=[role.pk])).content.decode()

    assert "Un résumé revu par la première éditrice." in page
    assert "« Chef de projet web » → « Responsable web »" in page
    assert "editrice" in page and "second" in page


def test_editor_restores_an_earlier_summary_from_the_history(two_editors, edited_role):
    first, _second = two_editors
    role = edited_role
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = change_form_data(first.get(url))
    data["summary"] = "Un résumé revu par la première éditrice."
    first.post(url, data)
    earliest = role.history.earliest("history_date")

    form_url = reverse("admin:roles_role_simple_history", args=[role.pk, earliest.history_id])
    response = first.post(form_url, change_form_data(first.get(form_url)))

    assert response.status_code == 302
    role.refresh_from_db()
    assert role.summary == "Pilote le site marchand."


def test_editor_recovers_a_deleted_row_from_its_history(client, editor, edited_role):
    client.force_login(editor)
    alias = edited_role.aliases.get()
    alias_pk = alias.pk
    alias.delete()
    record = RoleAlias.history.filter(id=alias_pk, history_type="-").get()
    role_history = client.get(reverse("admin:roles_role_history", args=[edited_role.pk]))
    recover_url = reverse(
        "admin:roles_rolealias_simple_history", args=[alias_pk, record.history_id]
    )
    assert recover_url in role_history.content.decode()

    response = client.post(recover_url, change_form_data(client.get(recover_url)))

    assert response.status_code == 302
    assert edited_role.aliases.get().name == "Chef de projet web"
