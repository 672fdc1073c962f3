"""Two app servers, one PostgreSQL database, one Redis (issue 16): proven on one machine.

Creates a PostgreSQL database of its own (dropped at the end), migrates it, starts
two gunicorn instances on two loopback ports with the same DATABASE_URL and CACHE_URL, then
checks, over HTTP:

1. a role sheet is cached (same ETag twice) on server B;
2. an editor who logs in through server A is logged in on server B (sessions shared);
3. a change to that role (saved through the ORM, as the admin does, in this process with the
   same settings) shows on the very next anonymous request through B, and through A;
4. the editor gets `Cache-Control: private, no-store` on B, never a cached page;
5. wrong passwords counted across both servers: AXES_FAILURE_LIMIT=2, one failure through A,
   the second, through B, reaches the limit (429, login throttling shared).

Exits 0 when all hold; prints what failed otherwise. Bounded: 60 s at most (migrating
takes most of it).

    TWO_SERVERS_PORT       first of two loopback ports (default 8750)
    TWO_SERVERS_DATABASE   postgres://postgres@127.0.0.1:5432/fiches_two_servers
    TWO_SERVERS_REDIS      redis://127.0.0.1:6379/5 (keys under a prefix of this run, removed)
"""

import contextlib
import http.cookiejar
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = time.monotonic() + 60
PORT = int(os.environ.get("TWO_SERVERS_PORT", "8750"))
DATABASE = os.environ.get(
    "TWO_SERVERS_DATABASE", "postgres://postgres@127.0.0.1:5432/fiches_two_servers"
)
REDIS = os.environ.get("TWO_SERVERS_REDIS", "redis://127.0.0.1:6379/5")
PREFIX = f"two-servers-{secrets.token_hex(4)}"
PASSWORD = "mot-de-passe-solide-42"

ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE,
    "CACHE_URL": REDIS,
    "CACHE_KEY_PREFIX": PREFIX,
    "DEBUG": "false",
    "SECURE": "false",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECRET_KEY": "two-servers-" + secrets.token_hex(24),
    "AXES_FAILURE_LIMIT": "2",
    "GUNICORN_ACCESS_LOG": "",
    "WEB_CONCURRENCY": "1",
    "GUNICORN_THREADS": "2",
    "PYTHONDONTWRITEBYTECODE": "1",
}
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def server_database(statement):
    import psycopg

    name = DATABASE.rsplit("/", 1)[1]
    with psycopg.connect(DATABASE.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )
        db.execute(f'{statement} "{name}"')


class Browser:
    """Cookies, and the answers' status and headers, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), self.NoRedirect
        )

    def request(self, port, path, data=None):
        url = f"http://127.0.0.1:{port}{path}"
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def login(self, port, username, password):
        _, _, page = self.request(port, "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request(
            port,
            "/admin/login/",
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )


def wait_until_up(port):
    while time.monotonic() < DEADLINE:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return True
        except OSError:
            time.sleep(0.2)
    return False


def main():
    os.chdir(ROOT)
    python = sys.executable
    server_database("DROP DATABASE IF EXISTS")
    server_database("CREATE DATABASE")
    servers = []
    try:
        # Migrations only (the seed takes longer than the whole check): one role is made below.
        subprocess.run(
            [python, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env=ENV, check=True
        )
        if not (ROOT / "staticfiles" / "staticfiles.json").exists():
            subprocess.run(
                [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
                env=ENV,
                check=True,
            )
        gunicorn = str(Path(python).parent / "gunicorn")
        for port in (PORT, PORT + 1):
            servers.append(
                subprocess.Popen(
                    [gunicorn, "-c", "config/gunicorn.py", "config.wsgi"],
                    env={**ENV, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                    start_new_session=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
        a, b = PORT, PORT + 1
        check(wait_until_up(a) and wait_until_up(b), f"both servers answer (:{a} and :{b})")

        # This process uses the same database and cache as the servers.
        os.environ.update(ENV)
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from roles.models import Level, Role

        editor = get_user_model().objects.create_user("editrice", password=PASSWORD, is_staff=True)
        editor.groups.add(Group.objects.get(name="Éditeurs"))
        role = Role.objects.create(name="Cheffe de projet e-commerce", level=Level.MANAGEMENT)
        sheet = role.get_absolute_url()

        reader = Browser()
        first = reader.request(b, sheet)
        second = reader.request(b, sheet)
        check(
            first[0] == 200 and second[1]["ETag"] == first[1]["ETag"],
            f"{sheet} cached on B (ETag {first[1]['ETag']})",
        )

        editor_browser = Browser()
        status, headers, _ = editor_browser.login(a, "editrice", PASSWORD)
        check(status == 302, f"the editor logs in through A (HTTP {status})")
        status, _, _ = editor_browser.request(b, "/admin/")
        check(status == 200, f"her session works on B: /admin/ answers {status}")

        new_name = f"{role.name} (modifié {secrets.token_hex(3)})"
        role.name = new_name
        role.save()
        status, headers, page = reader.request(b, sheet)
        check(new_name in page, "the change shows on the next anonymous request through B")
        check(headers["ETag"] != first[1]["ETag"], "with a new ETag")
        check(new_name in reader.request(a, sheet)[2], "and through A")

        status, headers, page = editor_browser.request(b, sheet)
        control = headers.get("Cache-Control", "")
        check(
            new_name in page and "private" in control and "no-store" in control,
            f"the editor's page on B: Cache-Control {control!r}",
        )

        intruder = Browser()
        statuses = [
            intruder.login(port, "editrice", "mauvais-mot-de-passe")[0] for port in (a, b, a)
        ]
        check(
            statuses == [200, 429, 429],
            f"a wrong password through A, then one through B reaches the limit of 2: {statuses}",
        )
    finally:
        for server in servers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
            if failures and server.stderr:
                sys.stderr.write(server.stderr.read().decode(errors="replace")[-3000:])
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        server_database("DROP DATABASE IF EXISTS")
        import redis

        client = redis.Redis.from_url(REDIS)
        keys = list(client.scan_iter(f"{PREFIX}:*"))
        if keys:
            client.delete(*keys)
    took = 60 - (DEADLINE - time.monotonic())
    if failures:
        print(f"FAILED in {took:.0f} s: " + "; ".join(failures))
        return 1
    print(f"Two servers share the database, the cache, sessions and throttling ({took:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
