"""The role's admin page split by theme (issue 12: an admin page that fits): tabs, each theme
page a change page of the role with its own rows, locking, history, error summary, budget."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roles.admin_themes import role_theme_urls
from roles.models import Role
from salaries.models import SalaryBand
from tests.conftest import document_says
from tests.roles.test_admin import change_form_data

pytestmark = pytest.mark.django_db

THEMES = ["Texte de la fiche", "Compétences et matrice", "Salaires", "Entretiens"]


@pytest.fixture
def two_editors(client, editor, django_user_model):
    from django.contrib.auth.models import Group
    from django.test import Client

    second = django_user_model.objects.create_user("second", password="x", is_staff=True)
    second.groups.add(Group.objects.get(name="Éditeurs"))
    other = Client()
    client.force_login(editor)
    other.force_login(second)
    return client, other


def theme_url(role, slug=""):
    if not slug:
        return reverse("admin:roles_role_change", args=[role.pk])
    return reverse("admin:roles_role_theme", args=[role.pk, slug])


def salaries_page_data(client, role):
    """The salaries page as sent back, its band quoting a passage its document says."""
    document_says(SalaryBand.objects.get(role=role).source, "De 30 000 à 40 000 euros")
    url = theme_url(role, "salaires")
    data = change_form_data(client.get(url))
    data["salary_bands-0-excerpt"] = "De 30 000 à 40 000 euros"
    return url, data


def tabs(page):
    nav = page[page.index('class="role-tabs"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)


def test_each_theme_page_shows_the_tabs_with_its_own_marked_current(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    client.force_login(editor)

    for index, (label, url) in enumerate(role_theme_urls(role)):
        page = client.get(url).content.decode()

        found = tabs(page)
        assert [text for _url, _current, text in found] == THEMES
        assert [bool(current) for _url, current, _text in found] == [
            i == index for i in range(len(THEMES))
        ]
        assert [href for href, _current, _text in found] == [u for _l, u in role_theme_urls(role)]
        assert f"<h2>{label}</h2>" in page


def test_each_theme_page_edits_its_own_rows_only(client, editor, make_full_role):
    role = make_full_role(size=1)
    client.force_login(editor)
    expected = {
        "": {"aliases", "missions", "facts", "education_requirements", "moves_out"},
        "competences": {"role_skills", "matrix_cells", "role_trainings"},
        "salaires": {"salary_bands"},
        "entretiens": {"InterviewQuestion_roles", "case_studies"},
    }

    for slug, groups in expected.items():
        page = client.get(theme_url(role, slug)).content.decode()

        assert groups <= set(re.findall(r'id="([\w-]+)-group"', page))
        others = set().union(*expected.values()) - groups
        assert not others & set(re.findall(r'id="([\w-]+)-group"', page))
        # The role's own fields are on the first page only.
        assert ('name="summary"' in page) is (slug == "")
        # Every column and row with a French label (not « Interviewquestion », « object (12) »).
        assert not re.search(r">\s*interviewquestion\b|object \(", page, re.I)


def test_a_theme_page_with_one_table_opens_it_and_pages_with_several_fold_them(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    client.force_login(editor)

    salaries = client.get(theme_url(role, "salaires")).content.decode()
    skills = client.get(theme_url(role, "competences")).content.decode()

    assert re.search(r'<fieldset class="module "[^>]*salary_bands-heading', salaries)
    assert "collapse" not in salaries[salaries.index('id="salary_bands-group"') :][:600]
    assert re.search(r'<fieldset class="module collapse"[^>]*role_skills-heading', skills)


def test_unknown_theme_is_a_404_and_readers_are_sent_to_the_login(client, editor, make_role):
    role = make_role()
    assert client.get(theme_url(role, "salaires")).status_code == 302
    client.force_login(editor)
    assert client.get(theme_url(role, "nulle-part")).status_code == 404


def test_theme_pages_need_the_editors_permissions_on_roles(client, django_user_model, make_role):
    from django.contrib.auth.models import Permission

    role = make_role()
    staff = django_user_model.objects.create_user("sans-droits", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(theme_url(role, "salaires")).status_code == 403

    staff.user_permissions.add(Permission.objects.get(codename="view_role"))
    page = client.get(theme_url(role, "salaires")).content.decode()
    assert 'name="_save"' not in page  # seen, not changed


def test_saving_a_theme_page_keeps_the_role_as_it_was_dates_the_sheet_and_records_it(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    client.force_login(editor)
    url, data = salaries_page_data(client, role)
    data["salary_bands-0-high"] = "45000"
    before = Role.objects.get(pk=role.pk)
    records = role.history.count()

    response = client.post(url, {**data, "_continue": "1"})

    assert response.status_code == 302
    assert response["Location"] == url  # back on the same theme page
    band = SalaryBand.objects.get(role=role)
    assert band.high == 45000
    role.refresh_from_db()
    assert (role.name, role.summary, role.status) == (before.name, before.summary, before.status)
    assert role.updated_at > before.updated_at  # « Mise à jour le » follows the rows
    assert role.history.count() == records + 1  # the dashboard's latest changes list it
    dashboard = client.get(reverse("admin:index")).content.decode()
    latest = dashboard[dashboard.index("Dernières modifications des métiers") :]
    assert role.name in latest[: latest.index("</ul>")]


def test_stale_row_on_a_theme_page_is_refused_with_the_other_editors_change(
    two_editors, make_full_role
):
    first, second = two_editors
    role = make_full_role(size=1)
    url, first_data = salaries_page_data(first, role)
    _url, second_data = salaries_page_data(second, role)

    first_data["salary_bands-0-high"] = "45000"
    assert first.post(url, first_data).status_code == 302
    second_data["salary_bands-0-high"] = "47000"
    page = second.post(url, second_data).content.decode()

    summary = page[page.index('id="errors-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert 'href="#salary_bands-0">Fourchettes de salaire, ligne 1</a>' in summary
    assert "Enregistrement refusé" in summary
    assert "« 40000 » → « 45000 »" in summary
    assert SalaryBand.objects.get(role=role).high == 45000  # nothing lost


@pytest.fixture
def role_with_band(make_role, make_source):
    """A role whose summary and band its document says."""
    source = document_says(make_source(), "Pilote le site marchand.", "De 30 000 à 40 000 euros")
    role = make_role(source=source, summary="Pilote le site marchand.", summary_source=source)
    SalaryBand.objects.create(
        role=role, low=30000, high=40000, source=source, excerpt="De 30 000 à 40 000 euros"
    )
    return role


def test_a_save_on_another_tab_never_refuses_the_role_page_opened_before_it(
    two_editors, role_with_band
):
    first, second = two_editors
    role = role_with_band
    text_url = theme_url(role)
    text_data = change_form_data(first.get(text_url))
    salaries_url, salaries_data = salaries_page_data(second, role)
    salaries_data["salary_bands-0-high"] = "45000"
    assert second.post(salaries_url, salaries_data).status_code == 302

    text_data["review_due"] = "2030-01-31"
    response = first.post(text_url, text_data)

    assert response.status_code == 302, "the other editor changed rows, not this page"
    role.refresh_from_db()
    assert str(role.review_due) == "2030-01-31"
    assert SalaryBand.objects.get(role=role).high == 45000


def test_error_summary_on_a_theme_page_names_the_row_and_field_with_a_link(
    client, editor, make_full_role
):
    role = make_full_role(size=1)
    client.force_login(editor)
    url, data = salaries_page_data(client, role)
    data["salary_bands-0-low"] = "pas un nombre"

    page = client.post(url, data).content.decode()

    summary = page[page.index('id="errors-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert page.index('id="errors-summary"') < page.index('id="salary_bands-group"')
    assert 'href="#id_salary_bands-0-low"' in summary
    assert "Fourchettes de salaire, ligne 1, Bas de fourchette" in summary
    assert 'id="id_salary_bands-0-low"' in page  # the link leads somewhere


def test_role_history_lists_the_rows_of_every_theme(client, editor, make_full_role):
    role = make_full_role(size=1)
    client.force_login(editor)
    url = theme_url(role, "competences")
    data = change_form_data(client.get(url))
    data["role_skills-0-wording"] = "Autre formulation"
    client.post(url, data)

    page = client.get(reverse("admin:roles_role_history", args=[role.pk])).content.decode()

    assert "Compétence du métier" in page
    assert "Fourchette de salaire" in page  # rows of the salaries' theme, from make_full_role


@pytest.mark.parametrize("size", [1, 3])
def test_theme_pages_cost_the_same_number_of_queries_whatever_the_rows(
    client, editor, make_full_role, size
):
    role = make_full_role(size=size)
    client.force_login(editor)
    # Each page: session, user, the role, the editor's permissions (2); then each list of
    # choices its selects offer, once per page and not per row (documents: count + rows;
    # levels, places, employer types…; an autocomplete's labels: one query), and each
    # inline's rows (with their related rows). Texte: + the role form's documents (2).
    budget = {
        "Texte de la fiche": 21,
        "Compétences et matrice": 13,
        "Salaires": 11,
        "Entretiens": 11,
    }
    for label, url in role_theme_urls(role):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == budget[label], (label, len(queries))


def test_every_theme_page_of_the_directeur_fits_the_budget(client, editor, content):
    role = Role.objects.get(slug="directeur-e-commerce")
    client.force_login(editor)

    for label, url in role_theme_urls(role):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.content) < 200 * 1024, (label, len(response.content))
        assert len(queries) <= 30, (label, len(queries))


def test_experience_levels_are_offered_grouped_by_their_document(client, editor, content):
    from django.utils.html import escape

    from roles.models import MatrixCell

    role = Role.objects.get(slug="directeur-e-commerce")
    client.force_login(editor)
    cell = MatrixCell.objects.filter(role=role).first()
    pages = {
        "salary band rows": client.get(theme_url(role, "salaires")).content.decode(),
        "matrix cell page": client.get(
            reverse("admin:roles_matrixcell_change", args=[cell.pk])
        ).content.decode(),
    }

    guide = escape("Guide « Bien recruter un Directeur e-commerce »")
    for where, page in pages.items():
        select = page[page.index('-experience_level"') if "-experience_level" in page else 0 :]
        select = select[select.index("<optgroup") : select.index("</select>")]
        groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
        labels = dict(groups)
        assert guide in labels, where
        # Near-identical names, each the wording of one of the guide's tables.
        assert escape("Junior (0-2 ans d’exp)") in labels[guide], where
        assert escape("Junior (1 à 2 ans d’expérience)") in labels[guide], where
        elios = escape("Fiche Elios « Coordinateur Commercial E-commerce »")
        assert "Débutant" in labels[elios] and "Junior" not in labels[elios], where


def selected_labels(page, field):
    """{select name: label of its chosen option} of the page's selects of rows' `field`."""
    chosen = {}
    for select in re.findall(r"<select .*?</select>", page, re.S):
        name = re.match(r'<select name="([^"]+)"', select)
        option = re.search(r'<option value="\d+" selected>([^<]*)<', select)
        if name and option and name[1].endswith(f"-{field}"):
            chosen[name[1]] = html.unescape(option[1])
    return chosen


def test_each_rows_chosen_skill_shows_by_name_and_a_new_choice_survives_a_refused_save(
    client, editor, make_full_role
):
    from roles.models import RoleSkill, Skill

    role = make_full_role(size=2)
    Skill.objects.create(name="Compétence d'aucun métier", category="savoir")  # never read
    client.force_login(editor)
    url = theme_url(role, "competences")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    rows = RoleSkill.objects.filter(role=role).select_related("skill").order_by("order", "pk")

    chosen = selected_labels(response.content.decode(), "skill")
    shown = {name: label for name, label in chosen.items() if name.startswith("role_skills-")}
    assert sorted(shown.values()) == sorted(row.skill.name for row in rows)
    assert len(shown) == len(rows)
    # The labels are read for the rows' skills only, never the whole list of skills.
    skill_reads = [q["sql"] for q in queries if 'FROM "roles_skill"' in q["sql"]]
    assert skill_reads and all("WHERE" in sql for sql in skill_reads)

    # Another skill chosen on a row, and a refused save (an order that is not a number): the
    # page comes back with the new skill still chosen, by name.
    other = Skill.objects.create(name="Compétence choisie à l'instant", category="savoir")
    data = change_form_data(response)
    data["role_skills-0-skill"] = str(other.pk)
    data["role_skills-0-order"] = "pas un nombre"
    page = client.post(url, data).content.decode()

    assert selected_labels(page, "skill")["role_skills-0-skill"] == other.name
