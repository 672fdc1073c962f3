"""The interview questions and case studies of the content fixtures, each attributed to its
document; the kits and the bank built from them."""

import re

import pytest
from django.urls import reverse

from interviews.models import CaseStudy, InterviewQuestion
from tests.documents import COORDINATEUR, DIRECTEUR, DOC_000, DOC_002, RESPONSABLE, plain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _content(content):
    """The content of the five documents (tests/conftest.py)."""


def kit(client, slug, *, niveau, questions=None):
    questions = questions or InterviewQuestion.objects.filter(roles__slug=slug)
    query = "&".join([f"q={q.pk}" for q in questions] + [f"niveau={niveau}"])
    response = client.get(f"{reverse('interviews:kit', args=[slug])}?{query}")
    assert response.status_code == 200
    return response


def test_directeur_senior_kit_has_its_four_questions_the_case_study_and_a_matrix_scorecard(
    client,
):
    response = kit(client, DIRECTEUR, niveau="senior")

    html = response.content.decode()
    built = response.context["kit"]
    assert len(built.questions) == 4
    assert "Détaillez une stratégie e-commerce" in html
    assert "Baisse du taux de conversion d’un site de vêtements pour enfants" in html
    rows = {row.skill.slug: row for row in built.scorecard}
    # The four competencies of document 002's matrix come first, anchored at its levels.
    assert list(rows)[:4] == [
        "strategie-e-commerce",
        "gestion-des-operations",
        "analyse-des-donnees",
        "gestion-de-projet",
    ]
    targets = [a for row in built.scorecard for a in row.anchors if a.is_target]
    assert {a.level.slug for a in targets} == {"doc-002-matrice-senior"}
    assert "Expertise avancée dans l’élaboration et la mise en œuvre" in html
    assert rows["analyse-des-donnees"].question_numbers == [2]  # the KPI question
    assert rows["analyse-des-donnees"].in_case_study
    assert rows["gestion-de-projet"].question_numbers == []
    assert rows["qualites-relationnelles"].anchors == []  # 1–4 scale


def test_directeur_case_study_hints_come_from_document_003_with_their_label(client):
    html = kit(client, DIRECTEUR, niveau="senior").content.decode()

    interviewer = html[html.index('id="h-intervieweur"') :]
    for practice in ("Une refonte du tunnel de paiement", "Des AB Testing sur les CTA"):
        assert practice in interviewer
    assert "Responsable E-commerce" in interviewer
    # named as readers know document 003, linked to the passage in its text
    assert ">Guide « Recruter un Responsable E-commerce »</a>" in interviewer
    assert 'href="/sources/doc-003-recruter-responsable-e-commerce/#p-' in interviewer


def test_responsable_knowledge_checks_come_with_the_answers_the_documents_imply(client):
    html = kit(client, RESPONSABLE, niveau="confirme").content.decode()

    interviewer = html[html.index('id="h-intervieweur"') :]
    answers = re.findall(r"<li>(.*?)</li>", interviewer)
    for answer in (
        "WooCommerce",
        "PrestaShop",
        "Magento",
        "Google Tag Manager",
        "Google Analytics",
        "Une refonte du tunnel de paiement",
        "Une stratégie d’affiliation",
    ):
        assert answer in answers


def test_every_question_probes_competencies_and_the_kpi_ones_probe_data_analysis():
    for question in InterviewQuestion.objects.prefetch_related("skills"):
        assert question.skills.all(), question.text
    kpi = InterviewQuestion.objects.filter(text__contains="KPI")
    assert kpi.count() == 2
    for question in kpi:
        assert "analyse-des-donnees" in {skill.slug for skill in question.skills.all()}


def test_every_expected_answer_says_where_it_comes_from():
    answered = InterviewQuestion.objects.exclude(expected_answer="")

    assert answered.count() == 4
    assert all(question.expected_answer_note for question in answered)


def test_the_case_study_hints_are_the_two_practices_document_003_names():
    case = CaseStudy.objects.get(role__slug=DIRECTEUR)

    assert {hint.text for hint in case.hints.all()} == {
        "Une refonte du tunnel de paiement",
        "Des AB Testing sur les CTA",
    }
    assert {hint.source.slug for hint in case.hints.all()} == {
        "doc-003-recruter-responsable-e-commerce"
    }


def test_bank_shows_the_eighteen_questions_and_the_case_study(client):
    response = client.get(reverse("interviews:bank"))

    assert response.context["paginator"].count == 18
    assert len(response.context["case_studies"]) == 1
    assert "18 questions, 1 étude de cas" in response.content.decode()


# --------------------------------------------------------------------------- from the documents


def test_coordinateur_has_the_ten_interview_questions_of_document_000_in_order():
    questions = InterviewQuestion.objects.filter(roles__slug=COORDINATEUR)

    assert list(questions.values_list("order", flat=True)) == list(range(1, 11))
    assert {q.source.slug for q in questions} == {DOC_000}
    assert questions.first().text == (
        "Pouvez-vous nous parler de votre expérience dans la gestion de projets e-commerce ?"
    )
    assert questions.last().text.startswith("Quelles stratégies mettez-vous en place")


def test_directeur_has_four_questions_and_one_case_study_from_document_002():
    questions = InterviewQuestion.objects.filter(roles__slug=DIRECTEUR)
    case = CaseStudy.objects.get(role__slug=DIRECTEUR)

    assert questions.count() == 4
    assert {q.source.slug for q in questions} == {DOC_002}
    assert case.source.slug == DOC_002
    assert "vêtements pour enfants" in case.scenario
    assert case.task.startswith("Identifiez les problèmes potentiels")
    assert {"analyse-des-donnees", "gestion-des-operations", "strategie-e-commerce"} <= set(
        case.skills.values_list("slug", flat=True)
    )


def test_responsable_knowledge_questions_have_the_answers_document_003_gives():
    questions = InterviewQuestion.objects.filter(roles__slug=RESPONSABLE).order_by("order")
    answers = [plain(q.expected_answer) for q in questions]

    assert questions.count() == 4
    assert {q.kind for q in questions} == {InterviewQuestion.Kind.KNOWLEDGE}
    assert all(q.expected_answer_note for q in questions)
    assert plain(questions[0].text) == (
        "Sur le CMS WordPress, quel plug-in permet de travailler sur un site e-commerce ?"
    )
    assert answers[0] == "WooCommerce"
    assert "PrestaShop" in answers[1] and "Magento" in answers[1]
    # Document 003 names WordPress, PrestaShop and Magento, never Shopify: the answer does not.
    assert "Shopify" not in answers[1]
    assert len(answers[2].splitlines()) == 7
    assert "Google Tag Manager" in answers[3] and "Google Analytics" in answers[3]


def test_every_question_says_what_it_probes():
    for question in InterviewQuestion.objects.all():
        assert question.theme, question.text
        assert question.skills.exists(), question.text
        assert question.roles.count() == 1, question.text
