"""The search rows follow the editors: a row added, deleted, renamed or changed in the admin is
found (or no longer found) once its transaction commits."""

import pytest
from django.urls import reverse

from roles.models import Mission, Role, RoleAlias, RoleSkill, RoleTraining, SearchKey, Skill
from tests.roles.searching import COORDINATEUR, DIRECTEUR, RESPONSABLE, ranked

# The content of the five documents and its search rows (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


# --------------------------------------------------------------------------- kept current


def test_a_new_alias_is_found_once_saved(django_capture_on_commit_callbacks):
    role = Role.objects.get(slug=DIRECTEUR)

    with django_capture_on_commit_callbacks(execute=True):
        RoleAlias.objects.create(
            role=role, name="Chief e-commerce officer", source=role.sources.first()
        )

    assert ranked("chief ecommerce officer")[0] == DIRECTEUR


def test_a_deleted_alias_no_longer_ranks_its_role_first(django_capture_on_commit_callbacks):
    assert SearchKey.objects.filter(role__slug=RESPONSABLE, key="emerchandiser").exists()

    with django_capture_on_commit_callbacks(execute=True):
        RoleAlias.objects.filter(name="e-merchandiser").delete()

    assert not SearchKey.objects.filter(key="emerchandiser").exists()


def test_a_renamed_skill_is_found_under_its_new_name(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        skill = Skill.objects.get(slug="shopify")
        skill.name = "Shopify Plus"
        skill.save()

    assert ranked("Shopify Plus")[0] == COORDINATEUR


def test_missions_skills_and_training_changed_by_editors_are_searchable(
    django_capture_on_commit_callbacks, make_source
):
    role = Role.objects.get(slug=DIRECTEUR)
    source = role.sources.first()
    skill = Skill.objects.create(name="Négociation fournisseurs", category="savoir-faire")

    with django_capture_on_commit_callbacks(execute=True):
        Mission.objects.create(role=role, source=source, order=99, title="Ouvrir la Belgique")
        RoleSkill.objects.create(role=role, skill=skill, source=source)
        training = role.role_trainings.first().training
        training.name = "Mastère spécialisé omnicanal"
        training.save()

    assert ranked("ouvrir la belgique")[0] == DIRECTEUR
    assert ranked("négociation fournisseurs")[0] == DIRECTEUR
    assert ranked("mastere omnicanal")[0] == DIRECTEUR
    assert RoleTraining.objects.filter(role=role, training=training).exists()


def test_an_editor_changing_a_mission_in_the_admin_updates_the_search(
    client, editor, django_capture_on_commit_callbacks
):
    mission = Mission.objects.get(role__slug=DIRECTEUR, title="Gestion du centre de profit")
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:roles_mission_change", args=[mission.pk]),
            {
                "role": mission.role_id,
                "source": mission.source_id,
                "order": mission.order,
                "title": "un côté un peu « geek »",  # document 004's words too
                "description": "",
            },
        )

    assert response.status_code == 302
    assert ranked("geek")[0] == DIRECTEUR
    assert ranked("centre de profit") == []
