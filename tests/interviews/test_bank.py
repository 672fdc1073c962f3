"""The question bank: questions and case studies, filtered by role, competency, kind, text."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

BANK = reverse("interviews:bank")


@pytest.fixture
def bank(make_role, make_skill, make_question, make_case_study):
    """Two roles, three competencies, one question of each kind and a case study."""
    director = make_role("Directeur Test")
    manager = make_role("Responsable Test")
    data = make_skill("Analyse des données")
    relations = make_skill("Qualités relationnelles")
    cms = make_skill("CMS", category="outil")
    return {
        "director": director,
        "manager": manager,
        "data": data,
        "kpi": make_question(
            director,
            text="Comment gérez-vous les KPI ?",
            theme="Pilotage par les indicateurs",
            skills=[data],
        ),
        "conflict": make_question(
            director,
            text="Racontez un conflit résolu.",
            theme="Résolution de conflits",
            kind="situation",
            skills=[relations],
        ),
        "plugin": make_question(
            manager,
            text="Quel plug-in pour WordPress ?",
            theme="CMS",
            kind="connaissance",
            skills=[cms],
            expected_answer="WooCommerce",
            expected_answer_note="Le document le dit.",
        ),
        "case": make_case_study(director, title="Baisse du taux de conversion", skills=[data]),
    }


def shown(response):
    """Texts of the questions and titles of the case studies a bank page shows."""
    return {q.text for q in response.context["questions"]} | {
        c.title for c in response.context["case_studies"]
    }


def test_bank_lists_every_question_and_case_study_with_what_it_probes(client, bank):
    response = client.get(BANK)

    html = response.content.decode()
    assert response.status_code == 200
    assert shown(response) == {
        "Comment gérez-vous les KPI ?",
        "Racontez un conflit résolu.",
        "Quel plug-in pour WordPress ?",
        "Baisse du taux de conversion",
    }
    assert "3 questions, 1 étude de cas" in html
    assert "Analyse des données" in html and "Mise en situation" in html
    assert re.search(
        r'href="/sources/[\w-]+/#p-[0-9a-f]{10}"', html
    )  # each item names its document
    assert f'href="{reverse("interviews:kit", args=[bank["director"].slug])}"' in html


def test_expected_answers_show_only_on_request(client, bank):
    html = client.get(BANK).content.decode()

    details = html[html.index('<details class="bank-answer">') :]
    assert "<summary>Voir la réponse attendue</summary>" in details
    assert html.index("WooCommerce") > html.index('<details class="bank-answer">')
    assert html.count("WooCommerce") == 1


def test_role_filter_keeps_that_roles_questions_and_case_studies(client, bank):
    response = client.get(BANK, {"metier": bank["manager"].slug})

    assert shown(response) == {"Quel plug-in pour WordPress ?"}
    assert "1 question, aucune étude de cas" in response.content.decode()


def test_competence_filter_keeps_questions_and_cases_probing_it(client, bank):
    response = client.get(BANK, {"competence": bank["data"].slug})

    assert shown(response) == {"Comment gérez-vous les KPI ?", "Baisse du taux de conversion"}


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("experience", {"Comment gérez-vous les KPI ?"}),
        ("situation", {"Racontez un conflit résolu."}),
        ("connaissance", {"Quel plug-in pour WordPress ?"}),
        ("etude-de-cas", {"Baisse du taux de conversion"}),
    ],
)
def test_type_filter_keeps_one_kind(client, bank, kind, expected):
    response = client.get(BANK, {"type": kind})

    assert shown(response) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kpi", {"Comment gérez-vous les KPI ?"}),  # wording, any case
        ("conflits", {"Racontez un conflit résolu."}),  # theme
        ("relationnelles", {"Racontez un conflit résolu."}),  # competency
        ("conversion", {"Baisse du taux de conversion"}),  # case study title
        ("gérez KPI", {"Comment gérez-vous les KPI ?"}),  # every word
        ("gérez conflit", set()),
    ],
)
def test_text_search_looks_in_wording_theme_and_competencies(client, bank, text, expected):
    response = client.get(BANK, {"q": text})

    assert shown(response) == expected


def test_filters_combine(client, bank):
    response = client.get(
        BANK,
        {"metier": bank["director"].slug, "competence": bank["data"].slug, "type": "experience"},
    )

    assert shown(response) == {"Comment gérez-vous les KPI ?"}


def test_no_match_says_so(client, bank):
    response = client.get(BANK, {"q": "introuvable"})

    assert "Aucune question ne correspond à ces filtres." in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"metier": "astronaute"}, "Ce métier n’existe pas ou n’a pas de question"),
        ({"competence": "jonglage"}, "Aucune question n’évalue cette compétence"),
        ({"type": "quiz"}, "« quiz » n’est pas un type proposé"),
        ({"q": "x" * 101}, "100 caractères"),
        ({"metier": "directeur-test", "type": "<b>x</b>"}, "n’est pas un type proposé"),
    ],
)
def test_invalid_filters_are_a_french_form_error_on_the_page(client, bank, params, message):
    response = client.get(BANK, params)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'role="alert"' in html
    assert "<b>x</b>" not in html
    assert shown(response) == set()


@pytest.mark.parametrize("page", ["abc", "0", "999", "-1", "1.5"])
def test_bad_page_numbers_still_show_a_page(client, bank, page):
    response = client.get(BANK, {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number in (1, response.context["paginator"].num_pages)


def test_bank_paginates_and_keeps_the_filters_in_the_page_links(client, make_role, make_question):
    role = make_role("Directeur Test")
    for _ in range(25):
        make_question(role)

    first = client.get(BANK, {"metier": role.slug})
    second = client.get(BANK, {"metier": role.slug, "page": 2})

    assert len(first.context["questions"]) == 20
    assert len(second.context["questions"]) == 5
    assert f"?metier={role.slug}&amp;page=2" in first.content.decode()
    assert 'start="21"' in second.content.decode()


def test_header_links_to_the_bank(client):
    html = client.get(BANK).content.decode()

    assert '<a href="/entretiens/" aria-current="page">Entretiens</a>' in html


def test_role_sheet_links_to_its_kit_builder(client, bank):
    director = bank["director"]

    html = client.get(director.get_absolute_url()).content.decode()

    kit_url = reverse("interviews:kit", args=[director.slug])
    assert f'<a href="{kit_url}">Préparer un kit d’entretien</a>' in html


@pytest.mark.parametrize("size", [3, 60])
def test_bank_runs_the_same_queries_whatever_the_amount_of_content(
    client,
    make_role,
    make_skill,
    make_question,
    make_case_study,
    size,
    django_assert_max_num_queries,
):
    for _ in range(size):
        role = make_role()
        skill = make_skill()
        make_question(role, skills=[skill])
        make_case_study(role, skills=[skill])

    # role choices, skill choices, question texts for the search, count, questions + source,
    # their roles, their skills, case study texts for the search, case studies + source + role,
    # their skills, the roles list for the kits
    with django_assert_max_num_queries(11):
        response = client.get(BANK, {"q": "numéro", "type": ""})
    assert response.context["paginator"].count == size


@pytest.mark.parametrize("size", [3, 60])
def test_filtered_bank_runs_the_same_queries(
    client, make_role, make_skill, make_question, size, django_assert_max_num_queries
):
    role = make_role()
    skill = make_skill()
    for _ in range(size):
        make_question(role, skills=[skill])

    # the same, plus one lookup each for the chosen role and competency
    with django_assert_max_num_queries(11):
        response = client.get(BANK, {"metier": role.slug, "competence": skill.slug})
    assert response.context["paginator"].count == size


def test_bank_search_ignores_accents_and_case(client, make_role, make_question):
    role = make_role()
    wanted = make_question(role, text="Quelle stratégie e-commerce avez-vous menée ?")
    make_question(role, text="Comment gérez-vous vos stocks ?")

    response = client.get(BANK, {"q": "STRATEGIE"})

    assert [question.pk for question in response.context["questions"]] == [wanted.pk]
