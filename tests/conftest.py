"""Shared fixtures: small factories that make rows with sensible defaults."""

import itertools

import pytest
from django.db import transaction

from interviews.models import CaseStudy, InterviewQuestion
from roles.models import (
    CareerMove,
    ExperienceLevel,
    Fact,
    Level,
    MatrixCell,
    Mission,
    Role,
    RoleAlias,
    RoleSkill,
    RoleTraining,
    Skill,
    Source,
    Training,
)
from salaries.models import Location, SalaryBand
from tests.pages import load_content

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Hashed file names need a collectstatic run; tests read static files from the finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def make_source(db):
    def make(**fields):
        n = next(_counter)
        fields.setdefault("slug", f"source-{n}")
        fields.setdefault("title", f"Document {n}")
        fields.setdefault("file_name", f"{n:03}.txt")
        fields.setdefault("kind", Source.Kind.JOB_SHEET)
        return Source.objects.create(**fields)

    return make


@pytest.fixture
def make_role(db, make_source):
    def make(name=None, *, source=None, **fields):
        name = name or f"Métier {next(_counter)}"
        source = source or make_source()
        fields.setdefault("level", Level.MANAGEMENT)
        role = Role.objects.create(name=name, **fields)
        role.sources.add(source)
        return role

    return make


@pytest.fixture
def make_full_role(make_role, make_source):
    """A role with a row of every kind the sheet shows, `size` of each."""

    def make(size=2, **fields):
        source = make_source()
        role = make_role(source=source, summary="Résumé", summary_source=source, **fields)
        level = ExperienceLevel.objects.get_or_create(
            slug="junior-test",
            defaults={"name": "Junior", "years": "0-2 ans", "tier": "junior", "source": source},
        )[0]
        target = make_role(source=source, is_documented=False)
        for i in range(size):
            n = next(_counter)
            RoleAlias.objects.create(role=role, name=f"Alias {n}", source=source, order=i)
            Mission.objects.create(role=role, source=source, order=i, title=f"Mission {n}")
            skill = Skill.objects.create(
                name=f"Compétence {n}", category=Skill.Category.values[i % 5]
            )
            RoleSkill.objects.create(role=role, skill=skill, source=source, wording="…")
            MatrixCell.objects.create(
                role=role, skill=skill, experience_level=level, description="…", source=source
            )
            training = Training.objects.create(name=f"Formation {n}", kind="diplome")
            RoleTraining.objects.create(role=role, training=training, source=source)
            Fact.objects.create(role=role, source=source, kind="profil", text="…", order=i)
            CareerMove.objects.create(
                from_role=role, to_role=None, specialisation=f"Spé {n}", source=source
            )
            SalaryBand.objects.create(
                role=role,
                experience_level=None if i else level,
                location=Location.objects.create(slug=f"lieu-{n}", name=f"Lieu {n}"),
                low=30000 + i,
                high=40000 + i,
                source=source,
            )
            question = InterviewQuestion.objects.create(
                text=f"Question {n} ?", kind="experience", source=source, order=n
            )
            question.roles.add(role)
            question.skills.add(skill)
            CaseStudy.objects.create(
                role=role, title=f"Cas {n}", scenario="…", task="…", source=source
            )
        CareerMove.objects.create(from_role=role, to_role=target, source=source)
        return role

    return make


@pytest.fixture(scope="module")
def module_content(django_db_setup, django_db_blocker):
    """The content of the five documents, loaded once per test module, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_content()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def content(module_content, db):
    """The content of the five documents; each test runs in a savepoint, so its changes go."""


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "editrice", password="mot-de-passe-solide-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Éditeurs"))
    return user
