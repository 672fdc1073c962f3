"""Editors keep the content right in the admin, and only the content. Two editors on one
role: test_admin_locking.py; the history and undo: test_admin_history.py."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from roles.models import CareerMove, Mission, Role
from tests.roles.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def test_editor_changes_a_mission_and_the_sheet_shows_it_at_once(client, editor, make_full_role):
    role = make_full_role(size=1)
    mission = role.missions.get()
    mission.source.text = (
        "Ses missions : Piloter le catalogue produits. Mise en ligne des produits."
    )
    mission.source.save()
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_mission_change", args=[mission.pk]),
        {
            "role": role.pk,
            "source": mission.source.pk,
            "order": 0,
            "title": "Piloter le catalogue produits",
            "description": "Mise en ligne des produits.",
        },
    )

    assert response.status_code == 302
    assert "Piloter le catalogue produits" in client.get(role.get_absolute_url()).content.decode()


def test_admin_refuses_a_mission_whose_words_are_not_in_its_document(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    mission = role.missions.get()
    mission.source.text = "Ses missions : Piloter le catalogue produits."
    mission.source.save()
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_mission_change", args=[mission.pk]),
        {
            "role": role.pk,
            "source": mission.source.pk,
            "order": 0,
            "title": "Piloter le catalogue produits",
            "description": "Une phrase que le document ne contient pas.",
        },
    )

    assert response.status_code == 200
    assert "Ce passage ne figure pas dans le document choisi." in response.content.decode()
    mission.refresh_from_db()
    assert mission.description != "Une phrase que le document ne contient pas."


def test_editor_opens_a_role_with_all_its_inlines(client, editor, make_full_role):
    role = make_full_role(size=2)
    client.force_login(editor)

    html = ""
    for theme in ("", "competences", "salaires", "entretiens"):  # one page per theme
        args = [role.pk, theme] if theme else [role.pk]
        name = "admin:roles_role_theme" if theme else "admin:roles_role_change"
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200
        html += response.content.decode()
    for prefix in ("aliases", "missions", "role_skills", "salary_bands", "case_studies"):
        assert f'id="{prefix}-group"' in html


@pytest.mark.parametrize(
    "url",
    ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"],
)
def test_editor_cannot_manage_users_or_groups(client, editor, url):
    client.force_login(editor)

    assert client.get(reverse(url)).status_code == 403


def test_editor_group_holds_content_permissions_only():
    from django.contrib.auth.models import Group

    apps = set(
        Group.objects.get(name="Éditeurs").permissions.values_list(
            "content_type__app_label", flat=True
        )
    )

    assert apps == {"roles", "salaries", "interviews"}


def test_career_move_cannot_point_to_its_own_role(make_role):
    role = make_role()
    move = CareerMove(from_role=role, to_role=role, source=role.sources.get())

    with pytest.raises(ValidationError) as error:
        move.full_clean()
    assert "ne peut pas mener au même métier" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        move.save()


def test_role_slugs_are_unique(client, editor, make_role):
    existing = make_role("Directeur E-commerce")
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_role_add"),
        {"name": "Autre", "slug": existing.slug, "level": "direction"},
    )

    assert response.status_code == 200
    assert "existe déjà" in response.content.decode()
    assert Role.objects.filter(slug=existing.slug).count() == 1


def test_create_editor_command_makes_a_staff_account_in_the_editors_group(django_user_model):
    call_command("create_editor", "camille", password="une-phrase-de-passe-longue")

    user = django_user_model.objects.get(username="camille")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Éditeurs"]
    assert user.check_password("une-phrase-de-passe-longue")


def test_create_editor_command_refuses_a_weak_password(django_user_model):
    with pytest.raises(CommandError):
        call_command("create_editor", "camille", password="123")

    assert not django_user_model.objects.filter(username="camille").exists()


def test_seed_never_overwrites_a_database_that_has_content(make_role):
    role = make_role("Métier modifié par une éditrice")

    call_command("seed")

    assert list(Role.objects.values_list("name", flat=True)) == [role.name]
    assert not Mission.objects.exists()


# Attribution protected (issue 12).


def test_row_whose_document_is_not_among_the_role_sources_is_refused(edited_role, make_source):
    other = make_source(text="Chef de projet web")
    alias = edited_role.aliases.get()
    alias.source = other

    with pytest.raises(ValidationError) as refused:
        alias.full_clean()

    assert "Ajoutez d'abord ce document aux sources du métier" in str(refused.value)


def test_row_from_one_of_the_role_sources_passes(edited_role):
    edited_role.aliases.get().full_clean()


def test_review_dated_in_the_future_is_refused(edited_role):
    import datetime

    edited_role.reviewed_on = datetime.date.today() + datetime.timedelta(days=400)

    with pytest.raises(ValidationError, match="futur"):
        edited_role.full_clean()


# Safe deletion (issue 12).


def test_deleting_a_role_archives_it_and_keeps_its_rows(client, editor, edited_role):
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_role_delete", args=[edited_role.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    edited_role.refresh_from_db()
    assert edited_role.status == Role.Status.ARCHIVED
    assert edited_role.aliases.exists()
    assert client.get(edited_role.get_absolute_url()).status_code == 200  # editors preview
    client.logout()
    assert client.get(edited_role.get_absolute_url()).status_code == 404


def test_seed_leaves_a_database_with_only_a_document_untouched(make_source):
    make_source()

    call_command("seed")

    assert not Role.objects.exists()


# An admin page that fits (issue 12).


def test_role_page_saves_from_the_top_and_labels_question_rows_by_their_question(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    client.force_login(editor)

    url = reverse("admin:roles_role_theme", args=[role.pk, "entretiens"])
    page = client.get(url).content.decode()

    assert "object (" not in page
    assert page.count('name="_save"') == 2
    assert "Question " in page


def test_role_page_summarises_row_errors_at_the_top(two_editors, edited_role):
    first, _second = two_editors
    url = reverse("admin:roles_role_change", args=[edited_role.pk])
    data = change_form_data(first.get(url))
    data["aliases-0-name"] = "Un nom que le document ne donne pas"

    page = first.post(url, data).content.decode()

    summary = page[page.index('id="errors-summary"') :][:2000]
    assert "Appellations, ligne 1" in summary or "ppellation" in summary
    assert "Ce passage ne figure pas dans le document choisi." in summary
