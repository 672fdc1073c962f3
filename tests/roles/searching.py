"""What the search tests share: the titles, missions and skills of the content (read from
fixtures/roles.json), the slugs of its main roles, and two ways to search."""

import json
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from roles.models import Role
from roles.search import Query, search_roles_or_similar

ROWS = json.loads((Path(settings.BASE_DIR) / "fixtures" / "roles.json").read_text())
ROLE_NAMES = {
    row["fields"]["slug"]: row["fields"]["name"] for row in ROWS if row["model"] == "roles.role"
}
ALIASES = [
    (row["fields"]["name"], row["fields"]["role"][0])
    for row in ROWS
    if row["model"] == "roles.rolealias"
]
MISSIONS = [
    (row["fields"]["title"], row["fields"]["role"][0])
    for row in ROWS
    if row["model"] == "roles.mission"
]
SKILL_ROLES = {}
for row in ROWS:
    if row["model"] == "roles.roleskill":
        SKILL_ROLES.setdefault(row["fields"]["skill"][0], set()).add(row["fields"]["role"][0])

COORDINATEUR = "coordinateur-commercial-e-commerce"
RESPONSABLE = "responsable-e-commerce"
DIRECTEUR = "directeur-e-commerce"
DIRECTEUR_MARKETING = "directeur-marketing"
MARKETING_DIGITAL = "responsable-marketing-digital"


def ranked(text):
    roles = search_roles_or_similar(Role.objects.all(), Query.parse(text))
    return list(roles.values_list("slug", flat=True))


def search_page(client, text, **params):
    return client.get(reverse("roles:search"), {"q": text, **params})
