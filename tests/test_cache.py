"""Whole public pages cached by address and content version (config/cache.py, issue 16)."""

import gzip
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import clear_url_caches

from config import cache as page_cache
from config.routers import ReplicaRouter
from roles.models import Role

# With DATABASE_REPLICA_URL, anonymous pages read from the "replica" connection: another
# connection to the same test database, which sees only committed rows.
REPLICA = "replica" in settings.DATABASES
pytestmark = pytest.mark.django_db(
    transaction=REPLICA, databases=["default", "replica"] if REPLICA else ["default"]
)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    """A logged-in account (a transactional test has no editors' group: its rows are gone)."""
    return django_user_model.objects.create_user("editrice", is_staff=True)


@pytest.fixture
def sheet(make_role):
    return make_role("Chargée de projet e-commerce", summary="")


def test_a_public_page_is_served_from_the_cache_without_a_query(
    client, sheet, django_assert_num_queries
):
    first = client.get(sheet.get_absolute_url())
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(sheet.get_absolute_url())
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert "Cookie" in second["Vary"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_an_editors_save_shows_on_the_next_request(
    client, sheet, django_capture_on_commit_callbacks
):
    assert "Chargée de projet e-commerce" in client.get(sheet.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        sheet.name = "Cheffe de projet e-commerce"
        sheet.save()
    page = client.get(sheet.get_absolute_url()).content
    assert b"Cheffe de projet e-commerce" in page


def test_a_cached_page_costs_one_cache_read_and_a_new_version_replaces_it_in_place(
    client, sheet, django_capture_on_commit_callbacks
):
    client.get(sheet.get_absolute_url())
    store = page_cache.page_cache()
    with (
        mock.patch.object(page_cache, "content_version") as version_read_alone,
        mock.patch.object(store, "get_many", wraps=store.get_many) as get_many,
    ):
        client.get(sheet.get_absolute_url())
    # The version and the page in one read (one MGET on Redis), no read of the version alone.
    assert get_many.call_count == 1
    assert not version_read_alone.called

    with django_capture_on_commit_callbacks(execute=True):
        sheet.name = "Cheffe de projet e-commerce"
        sheet.save()
    assert b"Cheffe de projet" in client.get(sheet.get_absolute_url()).content
    # One page kept for the address, at the new version: old ones do not pile up.
    kept = [key for key in store._cache if ":page:" in key]
    assert len(kept) == 1


def test_a_delete_and_a_many_to_many_change_give_a_new_version(
    sheet, make_source, django_capture_on_commit_callbacks
):
    versions = [page_cache.content_version()]
    with django_capture_on_commit_callbacks(execute=True):
        sheet.sources.add(make_source())
    versions.append(page_cache.content_version())
    with django_capture_on_commit_callbacks(execute=True):
        sheet.delete()
    versions.append(page_cache.content_version())
    assert len(set(versions)) == 3


def test_one_new_version_per_transaction_and_none_before_the_commit(
    make_role, django_capture_on_commit_callbacks
):
    before = page_cache.content_version()
    with (
        mock.patch.object(page_cache, "bump_content_version") as bump,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        for n in range(3):
            make_role(f"Métier {n}")
        assert bump.call_count == 0
    assert bump.call_count == 1
    assert page_cache.content_version() == before


def test_a_rolled_back_change_gives_no_new_version(make_role, django_capture_on_commit_callbacks):
    before = page_cache.content_version()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                make_role("Métier annulé")
                raise RuntimeError
        except RuntimeError:
            pass
    assert page_cache.content_version() == before


def test_a_change_outside_the_content_apps_keeps_the_version(
    django_user_model, django_capture_on_commit_callbacks
):
    before = page_cache.content_version()
    with django_capture_on_commit_callbacks(execute=True):
        django_user_model.objects.create_user("lecteur")
    assert page_cache.content_version() == before


def test_conditional_requests_answer_304(client, sheet):
    first = client.get(sheet.get_absolute_url())
    again = client.get(sheet.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get(sheet.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = client.get(sheet.get_absolute_url(), HTTP_IF_NONE_MATCH='"autre"')
    assert other.status_code == 200


def test_a_gzip_client_gets_the_same_page_compressed(client, sheet):
    plain = client.get(sheet.get_absolute_url())
    packed = client.get(sheet.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert packed["ETag"] != plain["ETag"]
    assert "Accept-Encoding" in packed["Vary"]


def test_a_logged_in_editor_never_gets_a_cached_page(client, sheet, editor):
    anonymous = Client()
    anonymous.get(sheet.get_absolute_url())
    Role.objects.filter(pk=sheet.pk).update(name="Renommé sans signal")  # no new version
    assert "Renommé sans signal" not in anonymous.get(sheet.get_absolute_url()).text
    client.force_login(editor)
    response = client.get(sheet.get_absolute_url())
    assert "Renommé sans signal" in response.text
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response


def test_errors_and_pages_with_a_csrf_token_are_not_cached(client, db):
    missing = client.get("/metiers/nulle-part/")
    assert missing.status_code == 404
    assert "ETag" not in missing
    assert "public" not in missing.get("Cache-Control", "")
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert "public" not in login["Cache-Control"]
    assert "ETag" not in login


def test_posts_are_never_answered_from_the_cache(client, sheet):
    client.get(sheet.get_absolute_url())
    assert client.post(sheet.get_absolute_url()).status_code == 405


def test_the_bare_bench_view_exists_only_with_bench_views(client, settings, db):
    assert client.get("/bench/ok").status_code == 404
    settings.BENCH_VIEWS = True
    import importlib

    import config.urls

    try:
        importlib.reload(config.urls)
        clear_url_caches()
        assert client.get("/bench/ok").content == b"ok"
    finally:
        settings.BENCH_VIEWS = False
        importlib.reload(config.urls)
        clear_url_caches()


def test_the_replica_router_sends_only_anonymous_reads_to_the_replica(monkeypatch):
    router = ReplicaRouter()
    monkeypatch.setattr("config.routers.connections", {"default": None, "replica": None})
    assert router.db_for_read(Role) == "default"
    token = page_cache.anonymous_read.set(True)
    try:
        assert router.db_for_read(Role) == "replica"
        assert router.db_for_write(Role) == "default"
    finally:
        page_cache.anonymous_read.reset(token)
    assert router.allow_migrate("replica", "roles") is False
    monkeypatch.setattr("config.routers.connections", {"default": None})
    token = page_cache.anonymous_read.set(True)
    try:
        assert router.db_for_read(Role) == "default"
    finally:
        page_cache.anonymous_read.reset(token)


@pytest.mark.skipif(
    not REPLICA,
    reason="needs DATABASE_REPLICA_URL (a second connection, to the same database in tests)",
)
def test_an_anonymous_page_reads_from_the_replica_and_an_editor_from_the_primary(
    client, sheet, editor
):
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connections["replica"]) as replica:
        assert client.get(sheet.get_absolute_url()).status_code == 200
    assert len(replica.captured_queries) > 0
    cache.clear()
    client.force_login(editor)
    with CaptureQueriesContext(connections["replica"]) as replica:
        assert client.get(sheet.get_absolute_url()).status_code == 200
    assert replica.captured_queries == []
