"""The production stack under faults: a database that accepts connections and never answers,
and where a 500 leaves its trace.

gunicorn (config/gunicorn.py, gthread workers) runs in a subprocess on a loopback port, its
DATABASE_URL pointing at a fake database server of this module: in "hung" mode it accepts
connections and reads whatever comes, never answering; in "up" mode it relays to the real
PostgreSQL server (127.0.0.1:5432).
"""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
POSTGRES = ("127.0.0.1", 5432)
PAGES = ["/", "/metiers/", "/metiers/directeur-e-commerce/", "/recherche/?q=seo", "/salaires/"]


def free_port():
    """A free loopback port in 8300-8399 (the range these machines give this project)."""
    for port in range(8300, 8400):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8300-8399")


def postgres_is_up():
    try:
        socket.create_connection(POSTGRES, timeout=1).close()
    except OSError:
        return False
    return True


class FakeDatabase:
    """A TCP server on loopback: hung (accepts, reads, never writes) or relaying to
    PostgreSQL. Switching to hung also stalls the connections already relayed."""

    def __init__(self):
        self.hung = True
        self.listener = socket.create_server(("127.0.0.1", free_port()))
        self.port = self.listener.getsockname()[1]
        self.sockets = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            self.sockets.append(client)
            threading.Thread(target=self.serve, args=(client,), daemon=True).start()

    def serve(self, client):
        if self.hung:
            self.swallow(client)
            return
        upstream = socket.create_connection(POSTGRES)
        self.sockets.append(upstream)
        threading.Thread(target=self.relay, args=(upstream, client), daemon=True).start()
        self.relay(client, upstream)

    def swallow(self, client):
        try:
            while client.recv(65536):
                pass
        except OSError:
            pass

    def relay(self, source, target):
        try:
            while data := source.recv(65536):
                if self.hung:  # the server "hangs" mid-conversation
                    self.swallow(source)
                    return
                target.sendall(data)
        except OSError:
            pass

    def close(self):
        """Closes every connection, to PostgreSQL too (or its test database could not be
        dropped): shutdown() first, since close() alone leaves a blocked recv() waiting."""
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


@pytest.fixture
def fake_database():
    database = FakeDatabase()
    yield database
    database.close()


def start_site(database_url, **variables):
    """gunicorn as `make serve` runs it (behind no front server here), on a free port."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY", "SECURE"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECURE": "false",
        "SECRET_KEY": "test-production-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        # One worker: gthread workers accept greedily, so with two, one may queue requests
        # behind busy threads while the other idles.
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "8",
        "GUNICORN_ACCESS_LOG": "",
        "PYTHONDONTWRITEBYTECODE": "1",
    } | variables
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    # Ready when the worker has loaded Django: a few answers that need no database (500
    # here: no collectstatic run, so no manifest for the favicon's hashed name).
    for _ in range(300):
        try:
            for _ in range(4):
                fetch(base + "/favicon.ico", timeout=5)
            break
        except OSError:
            time.sleep(0.1)
    else:
        stop_site(process)
        raise RuntimeError("gunicorn did not start")
    return process, base


def stop_site(process):
    process.terminate()
    try:
        _out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    return err


def fetch(url, timeout=30):
    """(status, Retry-After, seconds taken, body), redirects not followed."""
    address = urlsplit(url)
    started = time.monotonic()
    http = HTTPConnection(address.hostname, address.port, timeout=timeout)
    try:
        http.request("GET", f"{address.path}?{address.query}" if address.query else address.path)
        response = http.getresponse()
        body = response.read()
    finally:
        http.close()
    seconds = time.monotonic() - started
    return response.status, response.getheader("Retry-After"), seconds, body.decode()


def fetch_all(base, paths):
    with ThreadPoolExecutor(len(paths)) as pool:
        return dict(zip(paths, pool.map(lambda path: fetch(base + path), paths), strict=True))


def database_url(port):
    """The test database when the tests run on PostgreSQL (migrated: pages render), else the
    server's `postgres` database (enough for /healthz)."""
    name = connection.settings_dict["NAME"] if connection.vendor == "postgresql" else "postgres"
    return f"postgres://postgres@127.0.0.1:{port}/{name}"


def assert_unavailable_within_10_s(answers):
    for path, (status, retry_after, seconds, body) in answers.items():
        assert (status, retry_after) == (503, "30"), (path, status, body[:200])
        assert seconds < 10, (path, seconds)
        if path != "/healthz":
            assert "Site momentanément indisponible" in body, path


@pytest.mark.django_db
def test_every_page_answers_503_within_10_s_when_the_database_never_answers(fake_database):
    process, base = start_site(database_url(fake_database.port))
    try:
        probe = fetch(base + "/healthz")
        answers = fetch_all(base, PAGES)  # at once: 5 of the 8 threads
        no_database = fetch(base + "/favicon.ico")
    finally:
        log = stop_site(process)

    assert_unavailable_within_10_s({"/healthz": probe, **answers})
    assert probe[2] < 5  # connect_timeout (3 s)
    assert no_database[2] < 2, "a hung database must not hold the rest of the site"
    assert "Database unavailable" in log  # the log says why


@pytest.mark.django_db
@pytest.mark.skipif(not postgres_is_up(), reason="needs PostgreSQL at 127.0.0.1:5432")
def test_a_database_that_hangs_mid_connection_gives_503_then_the_site_recovers(fake_database):
    """Kept-alive connections (CONN_MAX_AGE) to a server that then stops answering: the
    request deadline cuts them; when the server answers again, so does the site."""
    fake_database.hung = False
    process, base = start_site(database_url(fake_database.port))
    try:
        before = fetch_all(base, ["/healthz"] * 4)
        fake_database.hung = True
        hung = fetch_all(base, ["/healthz", *PAGES])
        fake_database.hung = False
        time.sleep(0.5)
        after = [fetch(base + "/healthz") for _ in range(4)]
        # a page that reads content (a JSON one: the HTML pages need collected static files,
        # which this bare gunicorn has not)
        page_after = fetch(base + "/api/v1/metiers/")
    finally:
        log = stop_site(process)

    assert [status for status, *_ in before.values()] == [200]  # one key: four same paths
    assert_unavailable_within_10_s(hung)
    assert [status for status, *_ in after] == [200] * 4
    if connection.vendor == "postgresql":
        assert page_after[0] == 200, log[-3000:]


# Where a 500 goes ---------------------------------------------------------------------------

SERVER_ERROR_PROBE = """
import django
django.setup()
from django.test import Client, override_settings
with override_settings(ROOT_URLCONF="tests.test_robustness"):
    print(Client(raise_request_exception=False).get("/panne/").status_code)
"""


def test_a_500_is_written_to_stderr_with_its_traceback():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": "sqlite://:memory:"}
    result = subprocess.run(
        [sys.executable, "-c", SERVER_ERROR_PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "500", result.stderr
    assert "ERROR django.request Internal Server Error: /panne/" in result.stderr
    assert "Traceback" in result.stderr
    assert "RuntimeError: secret detail" in result.stderr


def test_admins_get_500s_by_mail_but_not_an_outage_s_503s(settings):
    from django.utils.log import CallbackFilter

    handler = settings.LOGGING["handlers"]["mail_admins"]
    assert handler["class"] == "django.utils.log.AdminEmailHandler"
    assert "django.request" in settings.LOGGING["loggers"]
    from config.middleware import is_not_unavailable

    mail_filter = CallbackFilter(is_not_unavailable)
    assert mail_filter.filter(type("Record", (), {"status_code": 500})())
    assert not mail_filter.filter(type("Record", (), {"status_code": 503})())
