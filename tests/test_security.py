"""Security: headers and CSP on every page, production HTTPS rules, login throttling, XSS.

The production settings are tested in a subprocess with production environment variables,
since the test settings differ on purpose (MD5 hashing, plain http).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pages import (
    IMAGE,
    SCRIPT,
    Tags,
    public_pages,
    type_attacks_in_every_text_field,
)

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
LONG_SECRET_KEY = "production-like-secret-key-" + "x7Kp2QvZ9mLw4Rt8" * 4
ADMIN_LOGIN = "/admin/login/"


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_public_page_sends_the_security_headers(client, content):
    for name, path, _params in [*public_pages(), ("connexion éditeurs", ADMIN_LOGIN, [])]:
        response = client.get(path)

        assert response.status_code == 200, name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "same-origin", name
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert response["X-Frame-Options"] == "DENY", name
        assert "Content-Security-Policy" in response, name
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", name
        assert "camera=()" in response["Permissions-Policy"], name


def test_permissions_policy_denies_every_powerful_feature(client, db):
    policy = client.get("/healthz")["Permissions-Policy"]

    features = dict(item.strip().split("=") for item in policy.split(","))
    assert set(features.values()) == {"()"}
    assert {"camera", "microphone", "geolocation", "payment"} <= set(features)


def test_content_security_policy_allows_only_our_own_files_and_no_inline_code(client, content):
    csp = parse_csp(client.get("/")["Content-Security-Policy"])

    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    every_source = [value for values in csp.values() for value in values]
    assert not [value for value in every_source if value.startswith("'unsafe-")]


def test_error_pages_carry_the_same_policy(client, db):
    response = client.get("/page-qui-n-existe-pas/")

    assert response.status_code == 404
    assert parse_csp(response["Content-Security-Policy"])["script-src"] == ["'self'"]


def test_public_pages_have_no_inline_script_style_or_event_handler(client, content):
    """What the CSP would block in browsers must not be in our HTML in the first place."""
    problems = []
    for name, path, _params in public_pages():
        tags = Tags(client.get(path).content.decode())
        for tag, attrs in tags.tags:
            # A JSON-LD block is data browsers never run (schema.org for search engines).
            is_data = attrs.get("type") == "application/ld+json"
            if tag == "script" and "src" not in attrs and not is_data:
                problems.append(f"{name}: <script> inline")
            if tag == "style":
                problems.append(f"{name}: <style>")
            if "style" in attrs:
                problems.append(f"{name}: style= sur <{tag}>")
            problems += [f"{name}: {attr}= sur <{tag}>" for attr in attrs if attr.startswith("on")]

    assert not problems, "\n".join(problems)


def test_csrf_and_session_cookies_are_http_only(client, editor):
    login_page = client.get(ADMIN_LOGIN)
    logged_in = client.post(
        ADMIN_LOGIN, {"username": "editrice", "password": "mot-de-passe-solide-42"}
    )

    assert login_page.cookies["csrftoken"]["httponly"]
    assert logged_in.status_code == 302
    assert logged_in.cookies["sessionid"]["httponly"]


# Production settings ------------------------------------------------------------------------

PRODUCTION_PROBE = """
import json
import os
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.test import Client

# As `make serve` does: migrate, collect the static files (hashed names, manifest).
settings.STATIC_ROOT = os.environ["PROBE_STATIC_ROOT"]
call_command("collectstatic", "--noinput", verbosity=0)
call_command("migrate", verbosity=0)
get_user_model().objects.create_user(
    "camille", password="un-mot-de-passe-solide-42", is_staff=True
)
client = Client(HTTP_HOST="example.org")
plain_page = client.get("/metiers/")
plain_probe = client.get("/healthz")
login_page = client.get("/admin/login/", secure=True)
login = client.post(
    "/admin/login/", {"username": "camille", "password": "un-mot-de-passe-solide-42"}, secure=True
)
print(json.dumps({
    "hash": make_password("mot de passe"),
    "plain_page": [plain_page.status_code, plain_page.get("Location")],
    "plain_probe": plain_probe.status_code,
    "hsts": login_page.get("Strict-Transport-Security"),
    "csrf_cookie": dict(login_page.cookies["csrftoken"]),
    "login": login.status_code,
    "session_cookie": dict(login.cookies["sessionid"]),
}))
"""


# Settings a production process gets from its own environment, not from the test run's
# (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses).
PROCESS_SETTINGS = {
    "DEBUG",
    "SECRET_KEY",
    "SECURE",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_with_environment(args, **variables):
    env = {key: value for key, value in os.environ.items() if key not in PROCESS_SETTINGS}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONDONTWRITEBYTECODE": "1"}
    env |= variables
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": LONG_SECRET_KEY,
    "ALLOWED_HOSTS": "example.org",
}


def test_production_settings_pass_the_deployment_checklist_without_warnings():
    result = run_with_environment(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION
    )

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """What a production process does, run with production environment variables."""
    result = run_with_environment(
        ["-c", PRODUCTION_PROBE],
        **PRODUCTION,
        DATABASE_URL="sqlite://:memory:",
        PROBE_STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_http_to_https_except_the_health_probe(production):
    assert production["plain_page"] == [301, "https://example.org/metiers/"]
    assert production["plain_probe"] == 200


def test_production_sends_hsts_for_a_year_with_subdomains(production):
    assert production["hsts"] == "max-age=31536000; includeSubDomains; preload"


def test_production_cookies_are_secure_and_http_only(production):
    for cookie in (production["csrf_cookie"], production["session_cookie"]):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
    assert production["login"] == 302


def test_production_hashes_passwords_with_argon2(production):
    assert production["hash"].startswith("argon2$argon2id$")


def test_local_run_without_secret_key_stays_on_plain_http():
    result = run_with_environment(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE)",
        ]
    )

    assert result.stdout.split() == ["False", "False"], result.stderr


# Admin login throttling (django-axes) -------------------------------------------------------


def post_login(client, password, address="10.0.0.1", username="editrice"):
    return client.post(
        ADMIN_LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_admin_login_is_locked_after_five_wrong_passwords_with_a_french_message(client, editor):
    attempts = [post_login(client, f"mauvais-{i}") for i in range(5)]
    with_right_password = post_login(client, "mot-de-passe-solide-42")

    assert [response.status_code for response in attempts] == [200, 200, 200, 200, 429]
    assert with_right_password.status_code == 429
    assert with_right_password["Retry-After"] == "3600"
    html = with_right_password.content.decode()
    assert "Connexion bloquée" in html
    assert "bloquée pendant une heure" in html
    assert "_auth_user_id" not in client.session


def test_admin_lockout_holds_one_name_from_one_address_only(client, editor):
    for i in range(5):
        post_login(client, f"mauvais-{i}")

    from_elsewhere = post_login(client, "mot-de-passe-solide-42", address="10.0.0.2")

    assert from_elsewhere.status_code == 302


def test_a_successful_login_forgets_earlier_failures(client, editor):
    for i in range(4):
        post_login(client, f"mauvais-{i}")
    assert post_login(client, "mot-de-passe-solide-42").status_code == 302
    client.logout()

    later = [post_login(client, f"encore-{i}").status_code for i in range(4)]

    assert later == [200, 200, 200, 200]


# Text typed by editors ----------------------------------------------------------------------


def assert_markup_shows_as_text(name, html):
    tags = Tags(html)
    inline_scripts = [
        attrs
        for attrs in tags.all("script")
        if "src" not in attrs and attrs.get("type") != "application/ld+json"  # data, not code
    ]
    handlers = [(tag, attr) for tag, attrs in tags.tags for attr in attrs if attr.startswith("on")]
    assert not inline_scripts, name
    assert not handlers, name


def test_markup_typed_by_editors_shows_as_text_on_the_role_sheet(client, content):
    type_attacks_in_every_text_field()

    response = client.get("/metiers/directeur-e-commerce/")

    html = response.content.decode()
    assert response.status_code == 200
    assert_markup_shows_as_text("fiche métier", html)
    text = "".join(Tags(html).text)
    assert SCRIPT in text and IMAGE in text  # shown to the reader, as typed
    assert "&lt;script&gt;" in html


def test_markup_typed_by_editors_never_becomes_markup_on_any_public_page(client, content):
    type_attacks_in_every_text_field()

    for name, path, _params in public_pages():
        response = client.get(path)
        assert response.status_code == 200, name
        assert_markup_shows_as_text(name, response.content.decode())


@pytest.fixture
def behind_the_front_server(settings):
    """As `make serve` runs: one proxy (nginx), which appends the reader's address to
    X-Forwarded-For; Django sees every request come from the proxy."""
    settings.AXES_IPWARE_PROXY_COUNT = 0  # AXES_PROXY_COUNT=1 in config/settings.py
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR",)


def post_through_proxy(client, password, reader, sent_by_reader=None):
    forwarded = f"{sent_by_reader}, {reader}" if sent_by_reader else reader
    return client.post(
        ADMIN_LOGIN,
        {"username": "editrice", "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_the_front_server_a_stranger_cannot_lock_the_editor_out(
    client, editor, behind_the_front_server
):
    stranger = [post_through_proxy(client, f"mauvais-{i}", "203.0.113.9") for i in range(5)]
    editor_logs_in = post_through_proxy(client, "mot-de-passe-solide-42", "198.51.100.20")

    assert stranger[-1].status_code == 429
    assert editor_logs_in.status_code == 302


def test_behind_the_front_server_the_stranger_is_still_locked_whatever_it_forwards(
    client, editor, behind_the_front_server
):
    """A client-sent X-Forwarded-For is ignored: nginx appends the address it saw, and
    only that right-most entry counts."""
    for i in range(5):
        post_through_proxy(client, f"mauvais-{i}", "203.0.113.9", sent_by_reader="10.9.9.9")

    spoofing = post_through_proxy(
        client, "mot-de-passe-solide-42", "203.0.113.9", sent_by_reader="192.0.2.1"
    )

    assert spoofing.status_code == 429


# Small things -------------------------------------------------------------------------------


def test_a_refused_next_address_ends_on_the_admin_index(client, editor):
    response = client.post(
        f"{ADMIN_LOGIN}?next=https://ailleurs.example.com/",
        {
            "username": "editrice",
            "password": "mot-de-passe-solide-42",
            "next": "https://ailleurs.example.com/",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_search_answers_get_and_head_only(client, db):
    assert client.get("/recherche/?q=seo").status_code == 200
    assert client.head("/recherche/?q=seo").status_code == 200
    for method in ("post", "put", "delete", "patch", "options"):
        response = getattr(client, method)("/recherche/?q=seo")
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD"


def test_production_refuses_to_start_without_a_secret_key():
    for variables in ({"SECURE": "true"}, {"DEBUG": "false", "REQUIRE_SECRET_KEY": "true"}):
        result = run_with_environment(["manage.py", "check"], ALLOWED_HOSTS="x", **variables)

        assert result.returncode != 0, variables
        assert "SECRET_KEY must be set in production" in result.stderr, variables


def test_deployment_check_fails_on_the_committed_key():
    result = run_with_environment(
        ["manage.py", "check", "--deploy"], DEBUG="false", ALLOWED_HOSTS="example.org"
    )

    assert result.returncode != 0
    assert "config.E001" in result.stderr
