"""Real-browser tests: Playwright drives Debian's Chromium against Django's live server.

Without /usr/bin/chromium (or CHROMIUM_PATH) these tests are skipped and the run says so
in one plain line; with REQUIRE_BROWSER=1 (CI) a missing browser or any skipped browser
test fails the run instead.
"""

import copy
import importlib
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
HAVE_CHROMIUM = CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER", "") == "1"
SKIP_MESSAGE = f"Tests navigateur ignorés : Chromium absent ({CHROMIUM})"
BROWSER_DIR = Path(__file__).parent

# SCREENSHOTS_DIR=/some/dir keeps the screenshots some journeys take, to look at them.
SCREENSHOTS_DIR = os.environ.get("SCREENSHOTS_DIR", "")


def keep_screenshot(page, name, full_page=False):
    """A screenshot of `page` as `name`.png in SCREENSHOTS_DIR, when it is set."""
    if SCREENSHOTS_DIR:
        page.screenshot(path=str(Path(SCREENSHOTS_DIR) / f"{name}.png"), full_page=full_page)


# Playwright's sync API runs an event loop in this thread; Django refuses database access
# from a thread with a running loop unless told it is safe (tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _is_browser_test(item):
    return BROWSER_DIR in Path(item.path).parents


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Browser tests run last. pytest groups them by the browser parameter, which undoes
    # pytest-django's ordering (database tests before live-server ones); and once
    # Playwright's event loop runs in this thread, Django hands later tests new
    # connections. Nothing that runs after them can be affected.
    items.sort(key=_is_browser_test)
    if HAVE_CHROMIUM:
        return
    if REQUIRE_BROWSER and any(_is_browser_test(item) for item in items):
        raise pytest.UsageError(f"REQUIRE_BROWSER=1, échec. {SKIP_MESSAGE}")
    for item in items:
        if _is_browser_test(item):
            item.add_marker(pytest.mark.skip(reason=SKIP_MESSAGE))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if BROWSER_DIR in Path(report.fspath).resolve().parents
    ]
    if not skipped:
        return
    if not HAVE_CHROMIUM:
        terminalreporter.write_line(SKIP_MESSAGE, yellow=True)
    if REQUIRE_BROWSER:
        terminalreporter.write_line(
            f"REQUIRE_BROWSER=1 : {len(skipped)} test(s) navigateur ignoré(s), échec.", red=True
        )


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if not (REQUIRE_BROWSER and reporter):
        return
    if any(
        BROWSER_DIR in Path(report.fspath).resolve().parents
        for report in reporter.stats.get("skipped", [])
    ):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",  # the machines run as root
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            # Keep the browser on loopback: nothing but the live server is reachable.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative URLs in page.goto() go to the live server.

    Defined here also because pytest-playwright's own fallback fixture trips a pytest 9
    deprecation warning, and warnings are errors in this suite.
    """
    return live_server.url


@pytest.fixture(scope="session", autouse=True)
def _no_connection_left_behind(django_db_setup, django_db_blocker):
    """PostgreSQL drops the test database at the end only when nobody uses it; the browser
    tests leave connections open (the live server's threads, and the context-local ones Django
    hands out once Playwright's event loop runs in this thread). Set up after the database and
    torn down before it (after Chromium closes), this ends them so the drop succeeds."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


# What the data migration gives editors, read from it rather than copied here.
EDITORS = importlib.import_module("roles.migrations.0002_editors_group")


@pytest.fixture
def site(live_server):
    """The live server, over a database that has what migrations put in it.

    Live-server tests are transactional: the tables are flushed after each one, and Django
    then recreates content types and permissions but not the Éditeurs group of the data
    migration. (Serialized rollback cannot restore it here: once Playwright's event loop
    runs in this thread, Django hands out a new context-local connection without the
    serialized state.)
    """
    group, _ = Group.objects.get_or_create(name=EDITORS.EDITOR_GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=EDITORS.CONTENT_APPS)
    )
    return live_server


class ContentSnapshot:
    """The rows of the content apps (search rows, history and many-to-many links included) as
    `loaddata` leaves them, taken once per process and put back with one bulk insert per
    table: each live-server test starts from flushed tables, and `loaddata`, which looks up
    every natural key, takes about ten times longer."""

    rows = None

    @classmethod
    def models(cls):
        return [
            model
            for label in sorted(settings.CONTENT_APPS)
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
        ]

    @classmethod
    def load(cls):
        if cls.rows is None:
            call_command("loaddata", "reference", "roles", "salaries", "interviews", verbosity=0)
            cls.rows = {model: list(model._base_manager.order_by()) for model in cls.models()}
            return
        with transaction.atomic():  # foreign keys are checked at commit, so any table order
            for model, rows in cls.rows.items():
                model._base_manager.bulk_create(copy.copy(row) for row in rows)
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), cls.models()):
                    cursor.execute(sql)


@pytest.fixture
def content(site):
    """The live server with the five source documents loaded."""
    ContentSnapshot.load()
    return site


def logged_in_page(browser, site, django_user_model, username, width=1280):
    """A new browser page, logged in as a new editor `username` (through Django's test client,
    its session cookie given to the browser)."""
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS.EDITOR_GROUP))
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=site.url, viewport={"width": width, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def page(page):
    """Playwright's page, failing the test on any JavaScript error or CSP violation."""
    problems = []
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.set_default_timeout(10_000)
    yield page
    assert not problems, "\n".join(problems)
