"""Bringing a new document in (issue 12): an editor pastes a document's text, then turns its
lines into a role's missions, skills, facts, questions and salary bands on a guided page."""

import pytest
from django.urls import reverse

from interviews.models import InterviewQuestion
from roles import provenance
from roles.models import Fact, Mission, Role, RoleSkill, Source
from salaries.models import SalaryBand

pytestmark = pytest.mark.django_db

TEXT = """Chef de projet marketplace
Ses missions :
- Sélectionner les marketplaces adaptées au catalogue
- Négocier les conditions commerciales avec les plateformes
Compétences : maîtrise des flux produits
Le poste s'exerce souvent au sein d'une équipe e-commerce.
Salaire : de 38 000 € à 48 000 € selon l'expérience
Une rémunération attractive
Comment avez-vous lancé une nouvelle marketplace ?"""


def line(text):
    """The number of the document's line that says `text` (1 for the first)."""
    return next(n for n, said in enumerate(TEXT.splitlines(), start=1) if text in said)


@pytest.fixture
def document(make_source):
    return make_source(title="Fiche « Chef de projet marketplace »", text=TEXT)


def passages_url(source):
    return reverse("admin:roles_source_passages", args=[source.pk])


def post(client, source, data):
    return client.post(passages_url(source), data)


# --------------------------------------------------------------------------- the document


def test_editor_pastes_a_document_and_is_taken_to_its_lines(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_source_add"),
        {
            "title": "Fiche métier Chef de projet marketplace",
            "kind": Source.Kind.JOB_SHEET,
            "publisher": "Association des métiers du web",
            "date": "mars 2025",
            "url": "https://example.org/fiche",
            "text": TEXT,
            "order": 9,
        },
    )

    source = Source.objects.get(title="Fiche métier Chef de projet marketplace")
    assert response.status_code == 302 and response.url == passages_url(source)
    assert source.slug == "fiche-metier-chef-de-projet-marketplace"  # typed by no one
    assert (source.date, source.text) == ("mars 2025", TEXT)
    page = client.get(response.url).content.decode()
    assert "Sélectionner les marketplaces adaptées au catalogue" in page
    assert page.count('id="ligne-') == len(TEXT.splitlines())


def test_a_document_without_text_is_refused_in_french(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:roles_source_add"),
        {"title": "Sans texte", "kind": Source.Kind.JOB_SHEET, "text": "  ", "order": 0},
    )

    assert response.status_code == 200
    assert "Collez le texte du document" in response.content.decode()
    assert not Source.objects.filter(title="Sans texte").exists()


def test_the_guided_page_of_a_document_without_text_says_so(client, editor, make_source):
    client.force_login(editor)

    response = client.get(passages_url(make_source(text="")))

    assert response.status_code == 200
    assert "Ce document n'a pas de texte" in response.content.decode()


def test_an_unknown_document_gives_the_admins_message_not_an_error(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:roles_source_passages", args=[999999]))

    assert response.status_code == 302


def test_staff_without_content_permissions_cannot_bring_a_document_in(
    client, django_user_model, document
):
    client.force_login(django_user_model.objects.create_user("lecteur", is_staff=True))

    assert client.get(passages_url(document)).status_code == 403


# --------------------------------------------------------------------------- a new role


def test_lines_become_a_new_draft_role_documented_by_the_document(client, editor, document):
    client.force_login(editor)
    first, second = line("Sélectionner"), line("Négocier")

    response = post(
        client,
        document,
        {
            "new_role_name": "Chef de projet marketplace",
            f"use-{first}": "mission",
            f"use-{second}": "mission",
            f"use-{line('maîtrise des flux')}": "competence",
            f"name-{line('maîtrise des flux')}": "Flux produits",
            f"use-{line('souvent au sein')}": "fait",
            f"use-{line('Comment avez-vous')}": "question-experience",
            f"use-{line('Salaire :')}": "salaire",
        },
    )

    role = Role.objects.get(name="Chef de projet marketplace")
    assert response.status_code == 302
    assert response.url == reverse("admin:roles_role_change", args=[role.pk])
    assert role.status == Role.Status.DRAFT and role.is_documented
    assert list(role.sources.all()) == [document]
    assert [m.title for m in role.missions.all()] == [
        "Sélectionner les marketplaces adaptées au catalogue",  # without the list's dash
        "Négocier les conditions commerciales avec les plateformes",
    ]
    skill = RoleSkill.objects.get(role=role)
    assert (skill.skill.name, skill.wording) == (
        "Flux produits",
        "Compétences : maîtrise des flux produits",
    )
    assert Fact.objects.get(role=role).kind == Fact.Kind.PRESENTATION
    question = InterviewQuestion.objects.get(source=document)
    assert list(question.roles.all()) == [role]
    band = SalaryBand.objects.get(role=role)
    assert (band.low, band.high, band.basis, band.period) == (38000, 48000, "", "")
    assert list(provenance.missing_excerpts()) == []  # every row is the document's words
    assert role.history.first().history_user == editor
    assert Mission.history.filter(history_user=editor).count() == 2


def test_readers_do_not_see_the_new_draft(client, editor, document):
    client.force_login(editor)
    post(
        client,
        document,
        {"new_role_name": "Chef de marketplace", f"use-{line('Négocier')}": "mission"},
    )
    role = Role.objects.get(name="Chef de marketplace")
    client.logout()

    assert client.get(role.get_absolute_url()).status_code == 404


# --------------------------------------------------------------------------- an existing role


def test_lines_complete_an_undocumented_role_which_becomes_documented(
    client, editor, document, make_role
):
    role = make_role("Chef de projet marketplace", is_documented=False)
    client.force_login(editor)

    post(client, document, {"role": role.pk, f"use-{line('Sélectionner')}": "formation"})

    role.refresh_from_db()
    assert role.is_documented and document in role.sources.all()
    assert role.facts.get().kind == Fact.Kind.EDUCATION


# --------------------------------------------------------------------------- bad input


def test_a_salary_line_without_readable_figures_asks_for_them_and_saves_nothing(
    client, editor, document
):
    client.force_login(editor)
    vague = line("rémunération attractive")
    data = {
        "new_role_name": "Chef de projet marketplace",
        f"use-{line('Sélectionner')}": "mission",
        f"use-{vague}": "salaire",
    }

    response = post(client, document, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Indiquez les montants tels que la ligne les donne" in page
    assert f'name="low-{vague}"' in page  # the inputs appear for that line
    assert not Role.objects.filter(name="Chef de projet marketplace").exists()

    response = post(client, document, {**data, f"low-{vague}": "40000", f"high-{vague}": "45000"})

    assert response.status_code == 302
    assert SalaryBand.objects.get(excerpt="Une rémunération attractive").high == 45000


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choisissez l&#x27;usage d&#x27;au moins une ligne"),
        ({"use-2": "mission"}, "Pour quel métier ?"),
        ({"use-3": "mission", "role": "999999"}, "Sélectionnez un choix valide"),
        ({"use-3": "mission", "role-3": "999999"}, "Sélectionnez un choix valide"),
        ({"use-3": "n-importe-quoi", "new_role_name": "X y"}, "Sélectionnez un choix valide"),
        ({"new_role_name": "Sans ligne", "use-3": "mission", "role-3": ""}, ""),
        ({"new_role_name": "!!!", "use-3": "mission"}, "écrivez-le avec des lettres"),
        ({"new_role_name": "Seul", "use-3": "salaire", "low-3": "9", "high-3": "2"}, "dépasse"),
    ],
)
def test_bad_input_gets_a_french_message_and_saves_nothing(
    client, editor, document, data, message
):
    client.force_login(editor)
    before = (Role.objects.count(), Mission.objects.count())

    response = post(client, document, data)

    if not message:  # the new role gets the line: that one is fine
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Role.objects.count(), Mission.objects.count()) == before


def test_a_new_role_named_like_an_existing_one_is_refused(client, editor, document, make_role):
    make_role("Chef de projet marketplace")
    client.force_login(editor)

    response = post(
        client, document, {"new_role_name": "chef de projet  MARKETPLACE", "use-3": "mission"}
    )

    assert "existe déjà : choisissez-le dans la liste" in response.content.decode()
    assert Role.objects.filter(name__iexact="chef de projet marketplace").count() == 1


def test_a_new_role_no_line_goes_to_is_refused(client, editor, document, make_role):
    other = make_role("Autre métier")
    client.force_login(editor)

    response = post(
        client, document, {"new_role_name": "Orphelin", "use-3": "mission", "role-3": other.pk}
    )

    assert "Aucune ligne ne va à ce nouveau métier" in response.content.decode()
    assert not Role.objects.filter(name="Orphelin").exists()


def test_a_line_refused_by_its_model_refuses_the_whole_submission(
    client, editor, document, make_role
):
    role = make_role("Chef de projet marketplace")
    client.force_login(editor)
    skill_line = line("maîtrise des flux")
    data = {"role": role.pk, f"use-{skill_line}": "competence", f"name-{skill_line}": "Flux"}
    post(client, document, data)

    response = post(client, document, {**data, f"use-{line('Négocier')}": "mission"})

    assert response.status_code == 200
    assert "est déjà une compétence de ce métier selon ce document" in response.content.decode()
    assert not role.missions.exists()  # the mission of the same submission: not saved
