"""/sitemap.xml lists every role sheet, skill page and main page; /robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.admin.models import CHANGE, LogEntry

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    answer = client.get("/sitemap.xml")
    assert answer.status_code == 200
    root = ET.fromstring(answer.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_role_sheet_skill_page_and_main_page(client, make_full_role):
    role = make_full_role(size=2)

    urls = sitemap(client)

    assert f"http://testserver{role.get_absolute_url()}" in urls
    for role_skill in role.role_skills.all():
        assert f"http://testserver{role_skill.skill.get_absolute_url()}" in urls
    for path in [
        "/",
        "/metiers/",
        "/competences/",
        "/salaires/",
        "/entretiens/",
        "/donnees/",
        "/api/",
        "/sources/",
        "/parcours/",
        "/formations/",
        "/outils/",
    ]:
        assert f"http://testserver{path}" in urls


def test_sitemap_gives_lastmod_once_an_editor_changed_the_role(client, make_role, admin_user):
    changed, untouched = make_role(), make_role()
    LogEntry.objects.log_actions(
        admin_user.pk, [changed], CHANGE, change_message="[]", single_object=True
    )

    urls = sitemap(client)

    assert urls[f"http://testserver{changed.get_absolute_url()}"]
    assert urls[f"http://testserver{untouched.get_absolute_url()}"] is None


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_admin(client, db):
    answer = client.get("/robots.txt")

    assert answer["Content-Type"].startswith("text/plain")
    lines = answer.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
