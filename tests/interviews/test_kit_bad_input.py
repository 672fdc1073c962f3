"""The interview kit answers bad links with a clear French message, never an error."""

import re

import pytest

from tests.interviews.kit_pages import kit_url

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- bad input


def test_unknown_role_gets_the_french_404_page(client):
    response = client.get("/entretiens/kit/metier-qui-n-existe-pas/?niveau=senior")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_role_without_questions_offers_the_builder_with_the_other_roles_questions(
    client, make_role, make_question
):
    other = make_role("Responsable test")
    question = make_question(other)
    role = make_role("Directeur marketing test", is_documented=False)

    response = client.get(kit_url(role))

    assert response.status_code == 200
    html = response.content.decode()
    assert "aucune question d’entretien pour ce métier" in html
    assert response.context["kit"] is None
    assert not response.context["form"].errors  # a blank builder, not a wrong choice
    assert response.context["other_roles"] == [("Responsable test", [question])]
    assert re.search(r'<input[^>]*value="confirme"[^>]*checked', html)


def test_role_without_questions_gets_a_kit_of_other_roles_and_own_questions(
    client, make_role, make_question
):
    question = make_question(make_role("Responsable test"))
    role = make_role("Directeur marketing test", is_documented=False)

    response = client.get(
        kit_url(role, question, niveau="senior", extra="&perso=Parlez-moi+de+vous+%3F")
    )

    kit = response.context["kit"]
    assert kit.questions[0].question == question
    assert kit.questions[1].question.text == "Parlez-moi de vous ?"
    assert kit.questions[0].other_roles[0].name == "Responsable test"
    assert "Question pour :" in response.content.decode()


@pytest.mark.parametrize(
    "value", ["abc", "1.5", "-3", "１２", "1e3", "9" * 30, "<script>x</script>", "0x1F"]
)
def test_malformed_question_ids_get_a_clear_message(client, make_kit_role, value):
    role = make_kit_role(size=2)
    first = role.interview_questions.first()

    response = client.get(kit_url(role, first, value, niveau="senior"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "n’est pas un numéro de question" in html
    assert "<script>x" not in html
    assert response.context["kit"] is None


def test_unknown_question_ids_get_a_clear_message(client, make_kit_role):
    role = make_kit_role(size=2)
    first = role.interview_questions.first()

    response = client.get(kit_url(role, first, 999999, niveau="senior"))

    assert response.status_code == 200
    assert "La question n° 999999 n’existe pas (ou plus) dans la banque." in (
        response.content.decode()
    )
    assert response.context["kit"] is None


@pytest.mark.parametrize(
    "niveau, message",
    [
        ("expert", "« expert » n’est pas un niveau proposé"),
        ("Senior", "« Senior » n’est pas un niveau proposé"),
        ("", "Choisissez le niveau visé"),
    ],
)
def test_bad_seniority_gets_a_clear_message(client, make_kit_role, niveau, message):
    role = make_kit_role(size=2)

    response = client.get(kit_url(role, role.interview_questions.first()) + f"&niveau={niveau}")

    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["kit"] is None


def test_questions_without_a_seniority_get_a_clear_message(client, make_kit_role):
    role = make_kit_role(size=2)

    response = client.get(kit_url(role, role.interview_questions.first()))

    assert "Choisissez le niveau visé : junior, confirmé ou senior." in response.content.decode()


def test_unticking_every_question_asks_for_one(client, make_kit_role):
    role = make_kit_role(size=2)

    response = client.get(kit_url(role, niveau="senior"))

    assert "Choisissez au moins une question." in response.content.decode()
    assert response.context["kit"] is None


def test_repeated_and_empty_ids_are_harmless(client, make_kit_role):
    role = make_kit_role(size=2)
    first = role.interview_questions.first()

    response = client.get(kit_url(role, first, first, "", niveau="senior"))

    assert [item.question for item in response.context["kit"].questions] == [first]


def test_a_link_with_hundreds_of_ids_is_refused_politely(client, make_kit_role):
    role = make_kit_role(size=2)

    response = client.get(kit_url(role, *range(1, 500), niveau="senior"))

    assert response.status_code == 200
    assert "plus de 100 questions" in response.content.decode()
