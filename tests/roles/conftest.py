"""Fixtures of the roles' tests. The search rows and the skills' role counts are rebuilt when
a transaction commits, and a test's transaction never does: `reindex` rebuilds them on demand.
Two editors on one role: the admin's locking, history and page tests."""

import pytest

from roles.search import refresh_search_documents, refresh_skill_counts


@pytest.fixture
def reindex(db):
    """Call it after making rows: rebuilds what a commit would (search rows, role counts)."""

    def rebuild():
        refresh_search_documents()
        refresh_skill_counts()

    return rebuild


@pytest.fixture
def second_editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "second", password="mot-de-passe-solide-43", is_staff=True, first_name="Sam"
    )
    user.groups.add(Group.objects.get(name="Éditeurs"))
    return user


@pytest.fixture
def edited_role(make_role, make_source):
    """A role whose summary and alias its document says, with other wordings it says too."""
    from roles.models import RoleAlias
    from tests.conftest import document_says

    source = make_source()
    document_says(
        source,
        "Pilote le site marchand.",
        "Un résumé revu par la première éditrice.",
        "Chef de projet web",
        "Chef de rayon web",
        "Responsable web",
    )
    role = make_role(source=source, summary="Pilote le site marchand.", summary_source=source)
    RoleAlias.objects.create(role=role, name="Chef de projet web", source=source)
    return role


@pytest.fixture
def two_editors(client, editor, second_editor):
    from django.test import Client

    other = Client()
    client.force_login(editor)
    other.force_login(second_editor)
    return client, other
