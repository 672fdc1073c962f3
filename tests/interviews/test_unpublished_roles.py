"""Questions and case studies of draft or archived roles never reach readers (issue 12):
not in the bank, its filters, the kits, the job ads or the sitemap; editors still preview
a draft's kit."""

import pytest
from django.urls import reverse

from roles.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(make_role):
    return {
        "published": make_role("Métier publié"),
        "draft": make_role("Métier en brouillon", status=Role.Status.DRAFT),
        "archived": make_role("Métier archivé", status=Role.Status.ARCHIVED),
    }


@pytest.fixture
def questions(roles, make_question):
    return {
        "published": make_question(roles["published"], text="Question du métier publié ?"),
        "draft": make_question(roles["draft"], text="Question du brouillon seul ?"),
        "archived": make_question(roles["archived"], text="Question du métier archivé seul ?"),
        "shared": make_question(
            roles["published"], roles["draft"], text="Question partagée avec un brouillon ?"
        ),
    }


def test_bank_lists_no_question_whose_roles_are_all_drafts_or_archived(client, questions):
    page = client.get(reverse("interviews:bank")).content.decode()

    assert "Question du métier publié ?" in page
    assert "Question partagée avec un brouillon ?" in page
    assert "Question du brouillon seul ?" not in page
    assert "Question du métier archivé seul ?" not in page
    # Nor the names of the roles readers cannot open, on the shared question or in the filter.
    assert "Métier en brouillon" not in page
    assert "Métier archivé" not in page


def test_bank_search_and_role_filter_keep_unpublished_roles_out(client, roles, questions):
    found = client.get(reverse("interviews:bank"), {"q": "seul"}).content.decode()
    assert "Question du brouillon seul ?" not in found
    assert "Question du métier archivé seul ?" not in found

    response = client.get(reverse("interviews:bank"), {"metier": roles["draft"].pk})
    assert response.status_code == 200  # a choice it no longer offers: a form error, no 500
    assert "Question du brouillon seul ?" not in response.content.decode()


def test_bank_lists_no_case_study_of_an_unpublished_role(client, roles, make_case_study):
    make_case_study(roles["published"], title="Cas du métier publié")
    make_case_study(roles["draft"], title="Cas du brouillon")
    make_case_study(roles["archived"], title="Cas du métier archivé")

    page = client.get(reverse("interviews:bank")).content.decode()

    assert "Cas du métier publié" in page
    assert "Cas du brouillon" not in page
    assert "Cas du métier archivé" not in page


def test_kit_of_a_published_role_suggests_no_question_of_unpublished_roles(
    client, roles, questions
):
    url = reverse("interviews:kit", kwargs={"slug": roles["published"].slug})

    page = client.get(url).content.decode()

    assert "Question du métier publié ?" in page
    assert "Question du brouillon seul ?" not in page
    assert "Question du métier archivé seul ?" not in page
    assert "Métier en brouillon" not in page


@pytest.mark.parametrize("status", ["draft", "archived"])
@pytest.mark.parametrize("name", ["interviews:kit", "interviews:job_ad"])
def test_kit_and_job_ad_of_an_unpublished_role_are_a_404_for_readers(
    client, roles, questions, status, name
):
    url = reverse(name, kwargs={"slug": roles[status].slug})

    assert client.get(url).status_code == 404


def test_editor_previews_the_kit_of_a_draft_with_its_questions(client, editor, roles, questions):
    client.force_login(editor)

    page = client.get(reverse("interviews:kit", kwargs={"slug": roles["draft"].slug}))

    assert page.status_code == 200
    assert "Question du brouillon seul ?" in page.content.decode()
    assert "Question du métier archivé seul ?" not in page.content.decode()


def test_sitemap_lists_no_kit_of_an_unpublished_role(client, roles, questions):
    sitemap = client.get("/sitemap.xml").content.decode()

    assert roles["published"].slug in sitemap
    assert f"/kit/{roles['draft'].slug}/" not in sitemap
    assert f"/kit/{roles['archived'].slug}/" not in sitemap
