"""Editors manage questions and case studies in the admin."""

import pytest
from django.urls import reverse

from interviews.models import CaseStudy, InterviewQuestion
from roles.models import Fact
from tests.conftest import document_says

pytestmark = pytest.mark.django_db


def test_editor_attaches_a_question_to_two_roles_and_marks_its_expected_answer(
    client, editor, make_role, make_skill
):
    director, manager = make_role("Directeur Test"), make_role("Responsable Test")
    cms = make_skill("CMS")
    document_says(
        director.sources.get(), "Quel plug-in WordPress sert au e-commerce ? WooCommerce"
    )
    client.force_login(editor)

    response = client.post(
        reverse("admin:interviews_interviewquestion_add"),
        {
            "text": "Quel plug-in WordPress sert au e-commerce ?",
            "kind": "connaissance",
            "theme": "CMS",
            "roles": [director.pk, manager.pk],
            "skills": [cms.pk],
            "source": director.sources.get().pk,
            "order": 7,
            "expected_answer": "WooCommerce",
            "expected_answer_note": "Le document 003 le dit.",
        },
    )

    assert response.status_code == 302
    question = InterviewQuestion.objects.get(text__startswith="Quel plug-in")
    assert set(question.roles.all()) == {director, manager}
    assert question.expected_answer == "WooCommerce"
    for role in (director, manager):
        kit = client.get(reverse("interviews:kit", args=[role.slug])).content.decode()
        assert "Quel plug-in WordPress" in kit
        assert "<li>WooCommerce</li>" in kit  # on the interviewer's page


def test_admin_refuses_an_expected_answer_without_its_origin(client, editor, make_role):
    role = make_role()
    document_says(role.sources.get(), "Quel outil de tracking ? Google Tag Manager")
    client.force_login(editor)

    response = client.post(
        reverse("admin:interviews_interviewquestion_add"),
        {
            "text": "Quel outil de tracking ?",
            "kind": "connaissance",
            "roles": [role.pk],
            "source": role.sources.get().pk,
            "order": 1,
            "expected_answer": "Google Tag Manager",
            "expected_answer_note": "",
        },
    )

    assert response.status_code == 200
    assert "Une réponse attendue doit dire d" in response.content.decode()
    assert not InterviewQuestion.objects.exists()


def test_editor_reorders_questions_from_the_list(client, editor, make_role, make_question):
    role = make_role()
    first, second = make_question(role), make_question(role)
    client.force_login(editor)
    url = reverse("admin:interviews_interviewquestion_changelist")

    response = client.post(
        url,
        {
            "form-TOTAL_FORMS": 2,
            "form-INITIAL_FORMS": 2,
            "form-0-id": first.pk,
            "form-0-order": 50,
            "form-1-id": second.pk,
            "form-1-order": 40,
            "_save": "Enregistrer",
        },
    )

    assert response.status_code == 302
    kit = client.get(reverse("interviews:kit", args=[role.slug]))
    assert [item.question for item in kit.context["kit"].questions] == [second, first]


def test_admin_refuses_a_question_its_document_does_not_ask(client, editor, make_role):
    role = make_role()
    document_says(role.sources.get(), "Quel outil de tracking ?")
    client.force_login(editor)

    response = client.post(
        reverse("admin:interviews_interviewquestion_add"),
        {
            "text": "Quel est votre plus grand défaut ?",
            "kind": "experience",
            "roles": [role.pk],
            "source": role.sources.get().pk,
            "order": 1,
        },
    )

    assert response.status_code == 200
    assert "Ce passage ne figure pas dans le document choisi." in response.content.decode()
    assert not InterviewQuestion.objects.exists()


def test_editor_filters_questions_by_role_competency_and_answer(
    client, editor, make_role, make_skill, make_question
):
    role, skill = make_role("Directeur Test"), make_skill("Analyse des données")
    kept = make_question(role, skills=[skill], kind="connaissance", expected_answer="Oui")
    make_question(make_role())
    client.force_login(editor)
    url = reverse("admin:interviews_interviewquestion_changelist")

    response = client.get(url, {"roles__id__exact": role.pk, "reponse": "oui"})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [kept]
    html = response.content.decode()
    assert "Analyse des données" in html  # the competency filter lists it
    assert "Directeur Test" in html


def test_editor_gives_a_case_study_its_competencies_and_hints(
    client, editor, make_role, make_skill
):
    role = make_role()
    other = make_role()
    skill = make_skill()
    source = document_says(
        role.sources.get(), "Le taux de conversion baisse.", "Proposez des solutions."
    )
    hint = Fact.objects.create(role=other, source=source, kind="action", text="A/B tests")
    client.force_login(editor)

    response = client.post(
        reverse("admin:interviews_casestudy_add"),
        {
            "role": role.pk,
            "title": "Baisse de conversion",
            "scenario": "Le taux de conversion baisse.",
            "task": "Proposez des solutions.",
            "skills": [skill.pk],
            "hints": [hint.pk],
            "source": source.pk,
            "order": 0,
        },
    )

    assert response.status_code == 302
    case = CaseStudy.objects.get()
    assert list(case.hints.all()) == [hint]
    assert list(case.skills.all()) == [skill]


@pytest.mark.parametrize(
    "url", ["admin:interviews_interviewquestion_add", "admin:interviews_casestudy_add"]
)
def test_editor_opens_the_interview_forms_with_their_help(client, editor, url):
    client.force_login(editor)

    response = client.get(reverse(url))

    assert response.status_code == 200
    assert "corrigé" in response.content.decode() or "intervieweur" in response.content.decode()
