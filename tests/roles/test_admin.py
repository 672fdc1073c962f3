"""Editors keep the content right in the admin, and only the content."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from roles.models import CareerMove, Mission, Role

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

    response = client.get(reverse("admin:roles_role_change", args=[role.pk]))

    html = response.content.decode()
    assert response.status_code == 200
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
