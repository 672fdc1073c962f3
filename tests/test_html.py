"""Every public page is valid HTML (Nu HTML Checker), describes itself, and is served the way
production serves it (favicon, compressed static files with long-cached hashed names)."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.template import loader
from django.templatetags.static import static
from django.test import Client, RequestFactory

from tests.pages import Tags, public_pages

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
VNU_JAR = Path(os.environ.get("VNU_JAR", BASE_DIR / "node_modules/vnu-jar/build/dist/vnu.jar"))
HOME_DESCRIPTION_PATH = "/"
# The schema needs a deep stack (vnu warns of a StackOverflowError below 512k); a short-lived
# JVM starts faster with the client compiler and the serial collector.
JAVA_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
VNU_OPTIONS = ["--errors-only", "--format", "json"]


def nu_html_checker_errors(documents):
    """{name: [error messages]} from one run of vnu.jar over every document."""
    java = shutil.which("java")
    if not java or not VNU_JAR.is_file():
        pytest.fail(
            f"Nu HTML Checker introuvable (java : {java}, {VNU_JAR}) : lancez « make install » "
            "(npm install de vnu-jar, Java 17)."
        )
    with_names = {}
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    run_dir = folder / f"vnu-{os.getpid()}"
    run_dir.mkdir(exist_ok=True)
    try:
        for number, (name, html) in enumerate(documents.items()):
            file = run_dir / f"page-{number}.html"
            file.write_text(html, encoding="utf-8")
            with_names[str(file.resolve())] = name
        # Plain paths: given a file:// URL, vnu tries to fetch it and reports nothing.
        result = subprocess.run(
            [java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), *VNU_OPTIONS, *sorted(with_names)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages or result.returncode == 0, result.stderr
    errors = {}
    for message in messages:
        if message["type"] in {"error", "non-document-error"}:
            url = message.get("url", "?")
            name = with_names.get(url.removeprefix("file:"), url)
            where = f"ligne {message.get('lastLine', '?')}"
            errors.setdefault(name, []).append(f"{where} : {message['message']}")
    return errors


def error_pages(client):
    """The pages a reader sees when something goes wrong."""
    request = RequestFactory().get("/admin/login/")
    request.user = None
    lockout = loader.render_to_string(
        "axes/lockout.html", {"failure_limit": 5, "username": "camille"}, request=request
    )
    return {
        "page introuvable (404)": client.get("/page-qui-n-existe-pas/").content.decode(),
        "erreur du serveur (500)": loader.render_to_string("500.html"),
        "site indisponible (503)": loader.render_to_string("503.html"),
        "connexion bloquée": lockout,
    }


BROKEN = "contrôle : page invalide"


def test_every_public_page_and_error_page_is_valid_html(client, content):
    documents = {name: client.get(path).content.decode() for name, path, _ in public_pages()}
    documents |= error_pages(client)
    # Checked in the same run (one JVM start): proves the checker sees and reports errors.
    documents[BROKEN] = '<!doctype html><html lang="fr"><title>x</title><p><div></p></html>'

    errors = nu_html_checker_errors(documents)

    assert errors.pop(BROKEN)
    assert not errors, "\n".join(
        f"{name} — {message}" for name, messages in errors.items() for message in messages
    )


def meta_descriptions(html):
    return [
        meta.get("content", "")
        for meta in Tags(html).all("meta")
        if meta.get("name") == "description"
    ]


def test_every_public_page_describes_itself_for_search_engines(client, content):
    site_default = meta_descriptions(client.get(HOME_DESCRIPTION_PATH).content.decode())[0]
    problems = []
    for name, path, _params in public_pages():
        found = meta_descriptions(client.get(path).content.decode())
        if len(found) != 1:
            problems.append(f"{name}: {len(found)} meta description")
            continue
        description = found[0].strip()
        if not 50 <= len(description) <= 300 or "{" in description:
            problems.append(f"{name}: description de {len(description)} caractères")
        if urlsplit(path).path != HOME_DESCRIPTION_PATH and description == site_default:
            problems.append(f"{name}: description par défaut du site, pas celle de la page")

    assert not problems, "\n".join(problems)


def test_every_public_page_names_the_favicon(client, content):
    for name, path, _params in public_pages():
        icons = [
            link
            for link in Tags(client.get(path).content.decode()).all("link")
            if link.get("rel") == "icon"
        ]
        assert [icon["href"] for icon in icons] == [static("img/favicon.svg")], name


def test_favicon_is_served_and_favicon_ico_leads_to_it(client, db, settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic run in tests
    icon = client.get(static("img/favicon.svg"))
    svg = b"".join(icon.streaming_content)
    icon.close()
    legacy = client.get("/favicon.ico")

    assert icon.status_code == 200
    assert b"<svg" in svg
    assert legacy.status_code == 302
    assert legacy["Location"] == static("img/favicon.svg")


def test_collected_static_files_are_compressed_and_cached_for_a_year(settings, tmp_path):
    """What `make serve` does: collectstatic into hashed, compressed files served by whitenoise."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    stylesheet = static("css/site.css")

    response = Client().get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")
    response.close()

    assert stylesheet != "/static/css/site.css"  # a hash in the name
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
