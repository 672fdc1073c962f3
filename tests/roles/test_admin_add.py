"""Adding a row in the admin as a browser sends it: the hidden version of a new row is never
empty, and an empty one is taken as a first version (issue 12, roles/locking.py)."""

import pytest
from django.urls import reverse

from roles.models import Source

pytestmark = pytest.mark.django_db


def test_an_add_form_carries_the_first_version(client, editor):
    client.force_login(editor)

    page = client.get(reverse("admin:roles_source_add")).content.decode()

    assert '<input type="hidden" name="version" value="1" id="id_version">' in page


def test_a_new_row_posted_with_an_empty_version_is_saved_as_its_first(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_source_add"),
        {
            "title": "Guide des métiers du web",
            "slug": "guide-web",
            "kind": Source.Kind.RECRUITING_GUIDE,
            "text": "Un texte.",
            "order": 0,
            "version": "",  # what a form without the model's default sent
            "_continue": "1",
        },
    )

    assert response.status_code == 302
    assert Source.objects.get(slug="guide-web").version == 1
