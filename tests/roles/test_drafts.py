"""Drafts and archived roles are kept from readers; editors preview them (issue 12)."""

import pytest

from roles.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_role):
    return make_role("Brouillon de métier", status=Role.Status.DRAFT)


@pytest.fixture
def published(make_role):
    return make_role("Métier publié")


def test_reader_gets_404_on_a_draft_sheet(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_previews_a_draft_at_its_address(client, editor, draft):
    client.force_login(editor)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "Brouillon de métier" in response.content.decode()


def test_archived_role_is_kept_from_readers(client, make_role):
    archived = make_role("Métier archivé", status=Role.Status.ARCHIVED)

    assert client.get(archived.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/metiers/", "/", "/recherche/?q=Brouillon", "/parcours/"],
)
def test_draft_is_absent_from_lists_and_search(client, draft, published, url):
    page = client.get(url).content.decode()

    assert "Brouillon de métier" not in page


def test_draft_is_absent_from_the_sitemap_and_the_api(client, draft, published):
    from api.content import public_roles

    assert list(public_roles()) == [published]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert draft.slug not in sitemap
    assert published.slug in sitemap


def test_draft_is_absent_from_the_career_map(client, draft, published):
    from roles.careers import CareerGraph

    graph = CareerGraph.load()

    assert draft.pk not in {role.pk for role in graph.roles}


def test_published_lists_only_published_roles(draft, published, make_role):
    make_role("Archivé", status=Role.Status.ARCHIVED)

    assert list(Role.objects.published()) == [published]


def test_dashboard_lists_sheets_due_for_review_drafts_and_undocumented_roles(
    client, editor, make_role, draft
):
    import datetime

    make_role("Métier à relire", review_due=datetime.date(2020, 1, 1))
    make_role("Métier sans document", is_documented=False)
    client.force_login(editor)

    page = client.get("/admin/").content.decode()

    assert "Tableau de bord des éditeurs" in page
    for name in ["Métier à relire", "Brouillon de métier", "Métier sans document"]:
        assert name in page
