"""The kit builder: a recruiter chooses questions and a seniority, and gets a printable kit.

Bad input: test_kit_bad_input.py; queries: test_kit_queries.py; shaping: test_kit_choices.py.
"""

import re

import pytest
from django.conf import settings

from tests.interviews.kit_pages import kit_url, section

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- proposal


def test_default_proposal_ticks_every_question_for_a_confirmed_profile(client, make_kit_role):
    role = make_kit_role(size=3)
    questions = list(role.interview_questions.all())

    response = client.get(kit_url(role))

    html = response.content.decode()
    assert response.status_code == 200
    for question in questions:
        assert f'name="q" value="{question.pk}" id="q-{question.pk}" checked' in html
        assert question.text in section(html, "h-kit-questions")
    assert 'value="confirme" id="id_niveau_1" required checked' in html
    assert "Grille d’évaluation — profil confirmé" in html
    kit = response.context["kit"]
    assert kit.get_absolute_url() == kit_url(role, *questions, niveau="confirme")


def test_kit_shows_the_role_summary_and_recruiting_advice(client, make_kit_role):
    role = make_kit_role()
    role.summary, role.summary_source = "Pilote la boutique en ligne.", role.sources.get()
    role.save()

    html = client.get(kit_url(role)).content.decode()

    cover = section(html, "h-poste")
    assert "Pilote la boutique en ligne." in cover
    assert "Cherchez la fibre data." in cover
    assert role.get_absolute_url() in cover


def test_kit_numbers_the_questions_in_the_order_of_the_link(client, make_kit_role):
    role = make_kit_role(size=4)
    first, second, third, fourth = role.interview_questions.all()

    response = client.get(kit_url(role, third, first, niveau="junior"))

    html = response.content.decode()
    questions = section(html, "h-kit-questions")
    assert f"Q1.</span> {third.text}" in questions
    assert f"Q2.</span> {first.text}" in questions
    assert second.text not in questions and fourth.text not in questions
    # The form lists the kit's questions first, in the kit's order, then the others unticked.
    assert html.index(f'id="q-{third.pk}" checked') < html.index(f'id="q-{first.pk}" checked')
    assert f'value="{second.pk}" id="q-{second.pk}">' in html


@pytest.mark.parametrize(
    "tier, label", [("junior", "Junior"), ("confirme", "Confirmé"), ("senior", "Senior")]
)
def test_scorecard_quotes_the_matrix_cell_of_the_chosen_seniority(
    client, make_kit_role, tier, label
):
    role = make_kit_role(size=3)

    response = client.get(kit_url(role, *role.interview_questions.all(), niveau=tier))

    html = response.content.decode()
    scorecard = section(html, "h-grille")
    assert f"profil {label.lower()}" in scorecard
    target = re.findall(r'<p class="kit-target">(.*?)</p>', scorecard, re.DOTALL)
    assert len(target) == 2  # the two competencies the matrix describes
    # the first row is a competency the matrix describes, in that matrix cell's words
    skill = next(c.skill for c in role.matrix_cells.all() if c.skill.name in target[0])
    assert f"« Attendu {tier} pour {skill.name} »" in target[0]
    assert 'class="src"' in target[0]  # the document's words, with their source
    assert not any("Attendu" in item and tier not in item for item in target)
    # The other levels stay one click away on screen, in the matrix's words.
    others = re.findall(r'<details class="kit-other-levels">(.*?)</details>', scorecard, re.DOTALL)
    for other in {"junior", "confirme", "senior"} - {tier}:
        assert f"Attendu {other} pour {skill.name}" in others[0]


def test_each_scorecard_row_and_question_is_one_choice_of_radio_buttons(client, make_kit_role):
    role = make_kit_role(size=3)

    html = client.get(kit_url(role, *role.interview_questions.all(), niveau="senior")).content
    kit = html.decode()[html.decode().index('id="kit"') :]

    assert 'type="checkbox"' not in kit and "kit-tick" not in kit
    scorecard = section(kit, "h-grille")
    rows = re.findall(r"<tr>(.*?)</tr>", scorecard.split("<tbody>")[1], re.DOTALL)
    names = [set(re.findall(r'type="radio" name="([^"]+)"', row)) for row in rows]
    assert len(rows) == 3 and all(len(row_names) == 1 for row_names in names)
    assert len(set.union(*names)) == len(rows)  # one group per row, none shared
    # A matrix row offers "below", then each level once; a row without one, 1 to 4.
    first_row = re.findall(r'type="radio" name="[^"]+" value="([^"]+)"', rows[0])
    assert first_row[0] == "en-deca" and len(first_row) == 4
    last_row = re.findall(r'type="radio" name="[^"]+" value="([^"]+)"', rows[2])
    assert last_row == ["1", "2", "3", "4"]
    questions = section(kit, "h-kit-questions")
    for number in (1, 2, 3):
        assert questions.count(f'name="note-q{number}"') == 4
    assert kit.count('name="avis"') == 3


def test_competencies_without_a_matrix_are_rated_on_a_four_point_scale(client, make_kit_role):
    role = make_kit_role(size=3)
    without_matrix = role.interview_questions.last().skills.get()

    html = client.get(kit_url(role, *role.interview_questions.all(), niveau="senior")).content
    scorecard = section(html.decode(), "h-grille")

    row = scorecard[scorecard.index(without_matrix.name) :].split("</tr>")[0]
    assert 'class="kit-scale"' in row
    assert "Le document ne précise pas d’attendu pour ce niveau." in row
    assert "Évaluée par Q3" in row
    assert "notez de 1 à 4" in scorecard


def test_scorecard_keeps_a_matrix_competency_no_chosen_question_probes(client, make_kit_role):
    role = make_kit_role(size=3)
    first, second, _third = role.interview_questions.all()

    html = client.get(kit_url(role, first, niveau="senior")).content.decode()

    scorecard = section(html, "h-grille")
    assert second.skills.get().name in scorecard
    assert "Aucune question choisie : à observer pendant l’entretien" in scorecard


def test_case_study_comes_with_room_for_notes_a_grid_and_no_invented_answer(client, make_kit_role):
    role = make_kit_role(size=2)
    case = role.case_studies.get()

    html = client.get(kit_url(role, *role.interview_questions.all(), niveau="senior")).content
    case_html = section(html.decode(), "h-cas-1")

    assert case.scenario in case_html and case.task in case_html
    assert "kit-notes kit-notes-large" in case_html
    assert case.skills.get().name in case_html and "kit-score" in case_html
    assert "Le document ne donne pas de corrigé" in case_html
    assert "Une refonte du tunnel" not in case_html  # hints are for the interviewer only


def test_interviewer_page_carries_the_answers_and_the_attributed_hints(client, make_kit_role):
    role = make_kit_role(size=3)
    knowledge = role.interview_questions.get(kind="connaissance")

    html = client.get(kit_url(role, *role.interview_questions.all(), niveau="senior")).content
    html = html.decode()

    interviewer = section(html, "h-intervieweur")
    assert "ne pas remettre au candidat" in interviewer
    assert f"Q3.</span> {knowledge.text}" in interviewer
    assert "<li>Réponse attendue A</li>" in interviewer
    assert "<li>Réponse attendue B</li>" in interviewer
    assert "Passage du document." in interviewer
    assert "Une refonte du tunnel" in interviewer
    assert 'class="src"' in interviewer  # each hint and answer names its document
    # The questions themselves only point to that page.
    questions = section(html, "h-kit-questions")
    assert "Réponse attendue A" not in questions
    assert "voir la page de l’intervieweur" in questions


def test_kit_without_knowledge_checks_or_hints_has_no_interviewer_page(
    client, make_role, make_question
):
    role = make_role()
    question = make_question(role)

    html = client.get(kit_url(role, question, niveau="junior")).content.decode()

    assert "Page de l’intervieweur" not in html
    assert question.text in html


def test_the_same_link_gives_the_same_kit(client, make_kit_role):
    role = make_kit_role(size=4)
    first, _, third, _ = role.interview_questions.all()
    url = kit_url(role, first, third, niveau="senior")

    first_html = client.get(url).content
    again = client.get(url)

    assert again.content == first_html
    assert again.context["kit"].get_absolute_url() == url
    assert f'href="{url.replace("&", "&amp;")}"' in again.content.decode()


def test_kit_page_prints_without_the_form_and_fills_two_pages_for_a_short_kit(
    client, make_kit_role
):
    text = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    role = make_kit_role(size=3)

    html = client.get(kit_url(role, *role.interview_questions.all(), niveau="senior")).content

    print_rules = text[text.index("/* The kit on A4") :]
    assert ".kit-page .kit-builder" in print_rules and "display: none" in print_rules
    kit_rules = text[text.index("/* Interview kit") :]
    assert ".kit-section + .kit-section { break-before: auto" in kit_rules
    assert ".kit-short .kit-sheet { display: flex; flex-direction: column; min-height" in kit_rules
    assert 'class="kit kit-short"' in html.decode()  # three questions: the two-page layout
