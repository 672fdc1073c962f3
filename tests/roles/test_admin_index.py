"""The admin index as editors use it (issue 12): Métiers first, plain French names."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_index_lists_metiers_first_then_salaries_and_interviews(client, editor):
    client.force_login(editor)

    page = client.get(reverse("admin:index")).content.decode()

    captions = re.findall(r'<caption>\s*<a href="[^"]*" class="section"[^>]*>([^<]+)</a>', page)
    assert captions[:3] == ["Métiers", "Salaires", "Entretiens"]
    content = page[page.index('id="content-main"') :]
    first_rows = re.findall(r'<th scope="row" id="[^"]*">\s*<a href="([^"]+)"', content)
    assert first_rows[:2] == [
        reverse("admin:roles_role_changelist"),
        reverse("admin:roles_source_changelist"),
    ]


def test_every_model_editors_see_has_a_plain_french_name(client, editor):
    client.force_login(editor)

    page = client.get(reverse("admin:index")).content.decode()

    assert "sourcé" not in page
    assert "object" not in page.lower().replace("objects", "")
    for model in admin.site._registry:
        for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
            assert not re.search(r"[A-Z][a-z]+[A-Z]", str(name)), name  # no CamelCase
    for label in ("roles", "salaries", "interviews"):
        assert apps.get_app_config(label).verbose_name[0].isupper()
