"""Shared fixtures: small factories that make rows with sensible defaults."""

import itertools
from pathlib import Path

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
TESTS_DIR = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Hashed file names need a collectstatic run; tests read static files from the finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def document_says(source, *texts):
    """Adds `texts` to the source's text, so that rows quoting them pass the excerpt check
    (roles/provenance.py): a test's document says what its test rows quote."""
    source.text = "\n".join([source.text, *(text for text in texts if text)]).strip()
    source.save(update_fields=["text"])
    return source


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
def make_skill(db):
    def make(name=None, **fields):
        name = name or f"Compétence {next(_counter)}"
        fields.setdefault("category", Skill.Category.KNOW_HOW)
        return Skill.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_level(db):
    def make(name, tier, source, order=0, years=""):
        return ExperienceLevel.objects.create(
            slug=f"niveau-{next(_counter)}",
            name=name,
            tier=tier,
            source=source,
            order=order,
            years=years,
        )

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


class SharedContent:
    """The content of the five documents, loaded once per test process into a transaction
    that is never committed.

    Tests that ask for `content` run inside it: pytest-django wraps each one in a savepoint
    that rolls back, so what a test changes goes and the next test sees the documents again.
    Between tests, it is rolled back before a database test that does not ask for it (such a
    test starts from an empty database), and loaded again before one that does. Collection puts
    the content tests first, so each process loads it once. Live-server tests (tests/browser/,
    transactional) load their own copy, which they commit.
    """

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    def load(self):
        if self.atomic is None:
            with self.blocker.unblock():
                self.atomic = transaction.atomic()
                self.atomic.__enter__()
                load_content()

    def drop(self):
        if self.atomic is not None:
            atomic, self.atomic = self.atomic, None
            with self.blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)


def uses_live_server(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(item.fixturenames)
    )


def uses_content(item):
    return "content" in item.fixturenames and not uses_live_server(item)


def uses_database(item):
    return bool(item.get_closest_marker("django_db")) or bool(
        {"db", "transactional_db", "live_server"} & set(item.fixturenames)
    )


# `pytest -m fast`: the apps' own tests (no browser, no Java, no Hypothesis, no subprocess),
# except the query-count tests, which build up to a few hundred rows at their larger size.
FAST_FOLDERS = {TESTS_DIR / app for app in ("roles", "salaries", "interviews", "bench")}
QUERY_COUNT_TEST = "_runs_the_same_queries_"


def is_fast(item):
    return bool(FAST_FOLDERS & set(Path(item.path).parents)) and QUERY_COUNT_TEST not in item.name


def pytest_collection_modifyitems(config, items):
    for item in items:
        if is_fast(item):
            item.add_marker(pytest.mark.fast)
    # The tests that read the shared content first, so that each process loads it once
    # (tests/browser/conftest.py then moves the browser tests last).
    items.sort(key=lambda item: not uses_content(item))


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    # After the test's own transaction has rolled back: get the database ready for the next.
    shared = item.config.stash.get(SHARED_CONTENT, None)
    if shared is None or nextitem is None:
        return
    if uses_content(nextitem):
        shared.load()
    elif uses_database(nextitem):
        shared.drop()


SHARED_CONTENT = pytest.StashKey[SharedContent]()


@pytest.fixture(scope="session")
def shared_content(request, django_db_setup, django_db_blocker):
    """Set up before any function-scoped fixture, so before the first content test's own
    transaction; later loads and rollbacks happen between tests (`pytest_runtest_teardown`)."""
    shared = SharedContent(django_db_blocker)
    request.config.stash[SHARED_CONTENT] = shared
    shared.load()
    yield shared
    shared.drop()
    del request.config.stash[SHARED_CONTENT]


@pytest.fixture
def content(shared_content, db):
    """The content of the five documents (`SharedContent`); each test runs in a savepoint,
    so its changes go."""


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "editrice", password="mot-de-passe-solide-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Éditeurs"))
    return user
