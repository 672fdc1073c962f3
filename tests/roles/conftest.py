"""Fixtures of the roles' tests. The search rows and the skills' role counts are rebuilt when
a transaction commits, and a test's transaction never does: `reindex` rebuilds them on demand.
Two editors on one role: the admin's locking, history and page tests. A ladder of roles with
documented moves and salary bands: the career map's tests."""

import pytest

from roles.models import CareerMove, Level, RoleTraining, Training
from roles.search import refresh_search_documents, refresh_skill_counts
from salaries.models import Location, SalaryBand


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


@pytest.fixture
def move(db):
    def make(from_role, to_role=None, *, specialisation="", note=""):
        return CareerMove.objects.create(
            from_role=from_role,
            to_role=to_role,
            specialisation=specialisation,
            note=note,
            source=from_role.sources.first(),
        )

    return make


@pytest.fixture
def band(db):
    def make(role, low, high, location="France"):
        place = Location.objects.get_or_create(slug=location.lower(), defaults={"name": location})
        return SalaryBand.objects.create(
            role=role, location=place[0], low=low, high=high, source=role.sources.first()
        )

    return make


@pytest.fixture
def ladder(make_role, move, band):
    """Coordinateur → Responsable → Directeur, a longer detour through Chef de projet and
    Expert, and an undocumented Directeur marketing at the top."""
    coordinator = make_role("Coordinateur Test", level=Level.COORDINATION)
    manager = make_role("Responsable Test", level=Level.MANAGEMENT)
    project = make_role("Chef de projet Test", level=Level.MANAGEMENT)
    expert = make_role("Expert Test", level=Level.MANAGEMENT)
    director = make_role("Directeur Test", level=Level.DIRECTION)
    marketing = make_role("Directeur marketing Test", level=Level.DIRECTION, is_documented=False)
    move(coordinator, project)
    move(project, expert)
    move(expert, director)
    move(coordinator, manager, note="Avec davantage de responsabilités.")
    move(manager, director)
    move(director, marketing)
    move(coordinator, specialisation="logistique e-commerce")
    band(coordinator, 25000, 30000)
    band(manager, 40000, 60000)
    band(director, 70000, 90000)
    training = Training.objects.create(name="BTS Test", kind=Training.Kind.DIPLOMA)
    RoleTraining.objects.create(role=manager, training=training, source=manager.sources.get())
    return {
        "coordinator": coordinator,
        "manager": manager,
        "project": project,
        "expert": expert,
        "director": director,
        "marketing": marketing,
    }
