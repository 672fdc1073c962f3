"""Bad input never gives a 5xx; errors get French pages without debug detail; a lost
database gives a 503 with Retry-After instead of a stack trace."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from config import urls as site_urls
from tests.pages import pages_by_path, public_pages

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG_MARKERS = ["Traceback", "Exception Value", "django.db", "settings.py", "DEBUG = True"]


# Generated bad query parameters -------------------------------------------------------------

# Raw fragments are put in the query string as they are (bad percent-escapes, NUL bytes);
# the rest is percent-encoded like a browser would.
RAW_FRAGMENTS = [
    "%ff%fe",
    "%c3%28",
    "%e2%82",
    "%ed%a0%80",  # a lone surrogate, invalid in UTF-8
    "%00",
    "\x00",
    "%",
    "%%",
    "%2",
    "%zz",
    "a%00b",
    "\xff\xfe",
]
NASTY_VALUES = [
    "",
    " ",
    "-1",
    "0",
    "-0",
    "1e309",
    "NaN",
    "inf",
    "-99999999999999999999999999",
    "9" * 400,
    "1.5",
    "1,5",
    "0x10",
    "' OR '1'='1",
    "1; DROP TABLE roles_role; --",
    "%' UNION SELECT NULL --",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% debug %}",
    "../../etc/passwd",
    "é" * 50,
    "🙂",
    "\u202e",
    "\r\nSet-Cookie: x=1",
]
values = st.one_of(
    st.sampled_from(NASTY_VALUES).map(lambda value: quote(value, safe="")),
    st.sampled_from(RAW_FRAGMENTS),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.text(max_size=40).map(lambda value: quote(value, safe="")),
    st.integers(min_value=2_000, max_value=20_000).map(lambda size: "x" * size),  # huge
)


def query_strings(names, samples):
    """Query strings over the page's own parameters plus common ones, names repeated,
    good sample values mixed with bad ones."""
    name = st.sampled_from([*names, "page", "q", "tri", ""]) | st.text(max_size=10).map(quote)
    value = values | st.sampled_from(samples) if samples else values
    pair = st.tuples(name, value).map(lambda item: f"{item[0]}={item[1]}")
    bare = name  # a name without "="
    return st.lists(pair | bare, max_size=8).map("&".join) | st.sampled_from(RAW_FRAGMENTS)


def as_wsgi(query):
    """WSGI carries the query string as latin-1 text: what a server hands Django."""
    return query.encode("utf-8", "surrogatepass").decode("latin-1")


@pytest.mark.parametrize("page_path", list(pages_by_path()))
def test_public_page_never_answers_5xx_to_bad_query_parameters(content, page_path):
    names, samples = pages_by_path()[page_path]
    client = Client(raise_request_exception=False)

    # Pages that read no parameter still get a few: unknown parameters must be harmless.
    @settings(
        max_examples=40 if names else 10,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(query=query_strings(names, samples))
    def check(query):
        response = client.get(page_path, QUERY_STRING=as_wsgi(query))
        assert response.status_code < 500, (page_path, query, response.status_code)

    check()


def test_repeated_and_contradictory_parameters_are_harmless(client, content):
    for page_path, (names, samples) in pages_by_path().items():
        for name in [*names, "page"]:
            given_values = [*samples[:2], "1", "-1", "abc", "", "%ff"] * 3
            query = "&".join(f"{name}={value}" for value in given_values)
            assert client.get(page_path, QUERY_STRING=query).status_code < 500, (page_path, name)


# 404 and 500 pages --------------------------------------------------------------------------


def test_unknown_address_gets_the_french_404_page_without_debug_detail(client, db):
    response = client.get("/cette-page/n-existe/pas/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Page introuvable" in html
    assert '<html lang="fr">' in html
    assert "urlpatterns" not in html and "URLconf" not in html
    assert not [marker for marker in DEBUG_MARKERS if marker in html]


def explode(request):
    raise RuntimeError("secret detail: postgres://admin:hunter2@db/prod")


def lose_the_database(request):
    raise OperationalError("connection to server at 127.0.0.1 failed")


# This module doubles as a URLconf for the 500 tests: the site's URLs plus two broken views.
urlpatterns = [
    path("panne/", explode),
    path("base-perdue/", lose_the_database),
    *site_urls.urlpatterns,
]
handler500 = site_urls.handler500


@pytest.fixture
def broken_site(settings):
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


def test_server_error_gets_the_french_500_page_without_debug_detail(broken_site):
    response = broken_site.get("/panne/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur est survenue" in html
    assert '<html lang="fr">' in html
    assert "hunter2" not in html and "RuntimeError" not in html
    assert not [marker for marker in DEBUG_MARKERS if marker in html]


def test_server_error_still_gets_a_french_page_when_the_500_template_fails(
    broken_site, settings, tmp_path
):
    """With hashed static names but no manifest, {% static %} in 500.html raises."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    response = broken_site.get("/panne/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur est survenue" in html and '<html lang="fr">' in html
    assert not [marker for marker in DEBUG_MARKERS if marker in html]


# Database down ------------------------------------------------------------------------------


def assert_is_the_503_page(response):
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Site momentanément indisponible" in html
    assert not [marker for marker in DEBUG_MARKERS if marker in html]


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.fixture
def database_down(monkeypatch):
    """Every new query fails as if the server had gone away."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)


def test_healthz_answers_503_when_the_database_does_not(client, database_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_every_public_page_answers_503_with_retry_after_when_the_database_is_down(
    client, content, database_down
):
    for _name, page_path, _params in public_pages():
        assert_is_the_503_page(client.get(page_path))


def test_a_database_error_raised_by_a_view_gets_the_503_page(broken_site):
    assert_is_the_503_page(broken_site.get("/base-perdue/"))


def test_the_503_answer_holds_even_when_its_template_fails(broken_site, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path  # hashed names, no manifest: {% static %} raises
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    response = broken_site.get("/base-perdue/")

    assert (response.status_code, response["Retry-After"]) == (503, "30")
    assert "Site momentanément indisponible" in response.content.decode()


class LoseTheDatabaseMiddleware:
    """A middleware that needs the database (as sessions do) when it is gone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("server closed the connection unexpectedly")


def test_a_database_error_raised_by_a_middleware_gets_the_503_page(settings, db):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.LoseTheDatabaseMiddleware"]

    response = Client(raise_request_exception=False).get("/")

    assert_is_the_503_page(response)


DEAD_DATABASE_PROBE = """
import json
import os
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
settings.STATIC_ROOT = os.environ["PROBE_STATIC_ROOT"]
call_command("collectstatic", "--noinput", verbosity=0)  # as `make serve` does
client = Client(raise_request_exception=False)
answers = {}
for path in ["/", "/metiers/", "/healthz"]:
    response = client.get(path)
    answers[path] = [response.status_code, response.get("Retry-After"), response.content.decode()]
print(json.dumps(answers))
"""


def test_pages_answer_503_when_the_database_server_is_unreachable(tmp_path):
    """A real process whose DATABASE_URL points at a closed port."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/fiches",  # port 9: discard, closed
        "CONN_MAX_AGE": "0",
        "PROBE_STATIC_ROOT": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", DEAD_DATABASE_PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for page_path in ["/", "/metiers/"]:
        status, retry_after, html = answers[page_path]
        assert (status, retry_after) == (503, "30"), page_path
        assert "Site momentanément indisponible" in html
        assert "Traceback" not in html and "psycopg" not in html
    assert answers["/healthz"][:2] == [503, "30"]


# Hostile bytes: NUL and control characters --------------------------------------------------

# PostgreSQL refuses NUL in text: before config.middleware.ControlCharactersMiddleware, a NUL
# in `competence` on /metiers/ or in the session cookie on /admin/ answered 500 there (and
# 200 on SQLite). These tests matter most in the PostgreSQL run.
CONTROL_BYTES = ["\x00", "a\x00b", "\x01", "\x07", "\x08", "\x0b", "\x1b[31m", "\x1f", "\x7f"]


def test_control_bytes_in_any_parameter_of_any_page_never_give_a_5xx(content, client):
    """Every parameter a page reads holds the same value at once (percent-encoded, then raw),
    and parameters are named by control bytes: a page reads all of its parameters (the
    filters are not strict), so one request per value and form covers each parameter. In a
    parameter only NUL is special (PostgreSQL refuses it in text), so it comes alone; the
    other control bytes are text like any other and come together."""
    answers = {}
    values = ["\x00", "a\x00b", "".join(CONTROL_BYTES[2:])]
    names = "&".join(f"{quote(raw)}=1" for raw in CONTROL_BYTES)
    for page_path, (parameters, _samples) in pages_by_path().items():
        for raw in values:
            for value in (quote(raw), raw):
                query = "&".join(f"{name}={value}" for name in [*parameters, "page", "q"])
                response = client.get(page_path, QUERY_STRING=as_wsgi(query))
                answers[(page_path, query)] = response.status_code
        response = client.get(page_path, QUERY_STRING=as_wsgi(names))
        answers[(page_path, names)] = response.status_code

    assert not {key: status for key, status in answers.items() if status >= 500}
    assert client.get("/metiers/", {"competence": "\x00"}).status_code == 200


def test_control_bytes_in_the_path_get_a_plain_400(client, db):
    for address in ["/metiers/a\x00b/", "/metiers/%00/", "/competences/\x1b/", "/admin/\x00"]:
        response = client.get(address)

        assert response.status_code in {400, 404}, address
        assert response.status_code < 500


def test_a_nul_in_a_filter_is_a_form_error_on_a_200_page(client, content):
    response = client.get("/metiers/", {"competence": "seo\x00", "outil": "x\x00"})

    assert response.status_code == 200
    assert {"competence", "outil"} <= set(response.context["filter"].form.errors)


def test_control_bytes_in_the_path_get_a_french_400_page(client, db):
    response = client.get("/metiers/a\x00b/")

    assert response.status_code == 400
    assert "caractères de contrôle" in response.content.decode()


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "django_language", "x\x00"])
def test_a_cookie_holding_control_bytes_is_ignored(content, cookie):
    client = Client(raise_request_exception=False)
    for raw in CONTROL_BYTES:
        raw = f"k{raw}{'x' * 32}"  # long enough to be looked up as a session key
        # As sent, and in the quoted form Python's cookie parser decodes ("\000" is a NUL).
        quoted = '"' + "".join(f"\\{ord(char):03o}" for char in raw) + '"'
        for header in (f"{cookie}={raw}", f"{cookie}={quoted}"):
            for page_path in ["/", "/metiers/", "/admin/", "/admin/login/"]:
                response = client.get(page_path, HTTP_COOKIE=header)
                assert response.status_code < 500, (header, page_path)


def test_control_bytes_in_a_login_form_and_headers_never_give_a_5xx(client, editor):
    csrf_free = Client(raise_request_exception=False)
    for raw in CONTROL_BYTES:
        response = csrf_free.post(
            "/admin/login/",
            {"username": f"editrice{raw}", "password": f"x{raw}"},
            HTTP_USER_AGENT=f"agent{raw}",
            HTTP_ACCEPT_LANGUAGE=f"fr{raw}",
        )
        assert response.status_code < 500, repr(raw)

    # Tab and line breaks are text in a form field, still refused here by the password check.
    assert (
        csrf_free.post("/admin/login/", {"username": "a\tb", "password": "x\r\ny"}).status_code
        == 200
    )
