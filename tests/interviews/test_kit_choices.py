"""The kit a recruiter shapes: questions of other roles and of their own, in their order,
with or without the case study, what to look for at the chosen level, and the way back."""

import re
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.utils.html import escape

from roles.models import MatrixCell

from .kit_pages import kit_url, section

pytestmark = pytest.mark.django_db


def own(text):
    return f"&perso={quote_plus(text)}"


# --------------------------------------------------------------------------- landing


def test_producing_the_kit_lands_on_it_with_a_confirmation(client, make_kit_role):
    role = make_kit_role(size=3)
    first = role.interview_questions.first()

    html = client.get(kit_url(role, first, niveau="senior", extra="&cas=")).content.decode()

    assert f'action="/entretiens/kit/{role.slug}/#kit"' in html
    kit = html[html.index('<article class="kit') :]
    assert 'id="kit"' in kit.split(">")[0]
    status = re.search(r'<div class="kit-ready" role="status">(.*?)</p>', kit, re.DOTALL)
    text = " ".join(status.group(1).split())
    assert "Kit prêt : 1 question, niveau senior, sans étude de cas." in text


def test_a_kit_that_cannot_be_produced_lands_on_its_errors(client, make_kit_role):
    role = make_kit_role(size=2)

    html = client.get(kit_url(role, "abc", niveau="senior")).content.decode()

    assert '<div class="interviews-errors" id="kit"' in html
    assert "Kit prêt" not in html


def test_print_and_copy_buttons_come_from_a_same_origin_script(client, make_kit_role):
    role = make_kit_role(size=2)

    html = client.get(kit_url(role)).content.decode()

    assert re.search(r'<script src="/static/js/kit\.js" defer></script>', html)
    assert "<script>" not in html and " onclick" not in html
    actions = re.search(r'<div class="kit-actions" hidden[^>]*>(.*?)</div>', html, re.DOTALL)
    assert actions, "the buttons are hidden until the script shows them"
    assert ">Imprimer</button>" in actions.group(1)
    assert ">Copier le lien</button>" in actions.group(1)
    source = Path(finders.find("js/kit.js")).read_text(encoding="utf-8")
    assert "window.print()" in source and "clipboard.writeText" in source
    assert "actions.hidden = false" in source


# --------------------------------------------------------------------------- questions


def test_a_question_from_another_roles_bank_joins_the_kit(
    client, make_kit_role, make_role, make_question, make_skill
):
    role = make_kit_role(size=2)
    other_role = make_role("Responsable Test")
    foreign = make_question(other_role, text="Quel outil de suivi utilisez-vous ?")
    first = role.interview_questions.first()

    response = client.get(kit_url(role, first, foreign, niveau="junior"))

    questions = section(response.content.decode(), "h-kit-questions")
    assert f"Q2.</span> {foreign.text}" in questions
    assert "Question pour : Responsable Test" in questions
    assert [item.question for item in response.context["kit"].questions] == [first, foreign]


def test_the_form_offers_other_roles_questions_grouped_by_role(
    client, make_kit_role, make_role, make_question
):
    role = make_kit_role(size=2)
    foreign = make_question(make_role("Responsable Test"))

    html = client.get(kit_url(role)).content.decode()

    group = re.search(r'<details class="kit-other-role">(.*?)</details>', html, re.DOTALL)
    assert "Responsable Test (1)" in group.group(1)
    assert f'name="q" value="{foreign.pk}" id="q-{foreign.pk}">' in group.group(1)


def test_an_own_question_from_the_link_appears_in_the_kit(client, make_kit_role):
    role = make_kit_role(size=2)
    first = role.interview_questions.first()
    text = "Qu’avez-vous appris de votre dernier échec ?"

    response = client.get(kit_url(role, first, niveau="senior", extra=own(text)))

    html = response.content.decode()
    questions = section(html, "h-kit-questions")
    assert f"Q2.</span> {escape(text)}" in questions
    assert "Votre question" in questions
    # Nothing is invented for it: no matrix quote, no expected answer.
    own_item = questions[questions.index("Q2.</span>") :]
    assert "Ce qu’il faut observer" not in own_item
    assert f'name="perso" id="id_perso_1" value="{escape(text)}"' in html
    assert parse_qs(urlsplit(response.context["kit"].get_absolute_url()).query)["perso"] == [text]


def test_own_questions_lose_control_characters_and_markup_stays_text(client, make_kit_role):
    role = make_kit_role(size=2)
    first = role.interview_questions.first()

    response = client.get(
        kit_url(role, first, niveau="senior", extra="&perso=Vos%00%07 forces%0A<b>%E2%80%A8x</b>?")
    )

    questions = section(response.content.decode(), "h-kit-questions")
    assert "Q2.</span> Vos forces &lt;b&gt; x&lt;/b&gt;?" in questions


@pytest.mark.parametrize(
    "text, message",
    [
        ("x" * 301, "Votre question n° 1 compte 301 caractères : raccourcissez-la à 300 au plus."),
        ("ab", "Votre question n° 1 (« ab ») est trop courte."),
    ],
)
def test_a_bad_own_question_gets_a_french_message(client, make_kit_role, text, message):
    role = make_kit_role(size=2)

    response = client.get(
        kit_url(role, role.interview_questions.first(), niveau="senior", extra=own(text))
    )

    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert response.context["kit"] is None


def test_too_many_own_questions_get_a_french_message(client, make_kit_role):
    role = make_kit_role(size=2)
    extra = "".join(own(f"Question perso {n} ?") for n in range(11))

    response = client.get(kit_url(role, niveau="senior", extra=extra))

    assert response.status_code == 200
    assert "au plus 10 questions de votre cru" in response.content.decode()


def test_an_own_question_alone_makes_a_kit(client, make_kit_role):
    role = make_kit_role(size=2)

    response = client.get(kit_url(role, niveau="junior", extra=own("Pourquoi nous ?")))

    assert [item.question.text for item in response.context["kit"].questions] == [
        "Pourquoi nous ?"
    ]


# --------------------------------------------------------------------------- order


def test_the_order_parameter_puts_an_own_question_first(client, make_kit_role):
    role = make_kit_role(size=3)
    first, second, _ = role.interview_questions.all()
    extra = own("Présentez-vous.") + f"&ordre=p1-q{second.pk}-q{first.pk}"

    response = client.get(kit_url(role, first, second, niveau="senior", extra=extra))

    kit = response.context["kit"]
    assert [item.question.text for item in kit.questions] == [
        "Présentez-vous.",
        second.text,
        first.text,
    ]
    assert f"ordre=p1-q{second.pk}-q{first.pk}" in kit.get_absolute_url()
    # The form sends the same order back.
    assert f'name="ordre" value="p1-q{second.pk}-q{first.pk}"' in response.content.decode()


def test_move_links_swap_a_question_with_its_neighbour(client, make_kit_role):
    role = make_kit_role(size=3)
    first, second, third = role.interview_questions.all()

    response = client.get(kit_url(role, first, second, third, niveau="senior"))
    item = response.context["kit"].questions[1]

    assert item.up_url == kit_url(role, second, first, third, niveau="senior") + "#kit-q1"
    assert item.down_url == kit_url(role, first, third, second, niveau="senior") + "#kit-q3"
    moved = client.get(item.up_url.split("#")[0]).context["kit"]
    assert [entry.question for entry in moved.questions] == [second, first, third]
    html = response.content.decode()
    assert f'href="{escape(item.up_url)}">Monter' in html


def test_a_stale_order_key_is_skipped_and_an_unreadable_order_explained(client, make_kit_role):
    role = make_kit_role(size=2)
    first, second = role.interview_questions.all()

    stale = client.get(kit_url(role, first, niveau="senior", extra=f"&ordre=q{second.pk}-p4"))
    bad = client.get(kit_url(role, first, niveau="senior", extra="&ordre=1;DROP"))

    assert [item.question for item in stale.context["kit"].questions] == [first]
    assert bad.status_code == 200
    assert "L’ordre des questions « 1;DROP » est illisible" in bad.content.decode()


# --------------------------------------------------------------------------- case study


def test_the_case_study_can_be_dropped_and_the_link_keeps_it_dropped(client, make_kit_role):
    role = make_kit_role(size=2)
    case = role.case_studies.get()
    first = role.interview_questions.first()

    response = client.get(kit_url(role, first, niveau="senior", extra="&cas="))

    html = response.content.decode()
    assert case.scenario not in html[html.index('id="kit"') :]
    assert "Page de l’intervieweur" not in html  # its hints went with it
    assert f'name="cas" value="{case.pk}" id="cas-{case.pk}">' in html  # unticked
    url = response.context["kit"].get_absolute_url()
    assert url.endswith("&cas=")
    assert client.get(url).context["kit"].case_studies == []


def test_the_form_keeps_the_case_study_when_ticked(client, make_kit_role):
    role = make_kit_role(size=2)
    case = role.case_studies.get()

    first = role.interview_questions.first()

    response = client.get(kit_url(role, first, niveau="senior", extra=f"&cas=&cas={case.pk}"))

    assert response.context["kit"].case_studies == [case]
    assert "&cas=" not in response.context["kit"].get_absolute_url()


def test_an_unknown_case_study_gets_a_french_message(client, make_kit_role):
    role = make_kit_role(size=2)

    response = client.get(
        kit_url(role, role.interview_questions.first(), niveau="senior", extra="&cas=99999")
    )

    assert response.status_code == 200
    assert "« 99999 » n’est pas une étude de cas de ce métier." in response.content.decode()


# --------------------------------------------------------------------------- level


@pytest.fixture
def role_with_uneven_matrix(make_role, make_skill, make_question, matrix_levels):
    """A junior-only competency and a senior-only one, each probed by one question."""
    role = make_role()
    source = role.sources.get()
    junior_skill, senior_skill = make_skill("Bases"), make_skill("Pilotage")
    for skill, tier in ((junior_skill, "junior"), (senior_skill, "senior")):
        MatrixCell.objects.create(
            role=role,
            skill=skill,
            experience_level=matrix_levels[tier],
            description=f"Le document dit {tier}",
            source=source,
        )
    junior_q = make_question(role, skills=[junior_skill], text="Question bases ?")
    senior_q = make_question(role, skills=[senior_skill], text="Question pilotage ?")
    return role, junior_q, senior_q


@pytest.mark.parametrize("tier", ["junior", "senior"])
def test_the_level_orders_the_suggestions(client, role_with_uneven_matrix, make_question, tier):
    role, junior_q, senior_q = role_with_uneven_matrix
    chosen = make_question(role, text="Question choisie ?")

    response = client.get(kit_url(role, chosen, niveau=tier))

    suggestions = response.context["suggestions"]
    expected = [junior_q, senior_q] if tier == "junior" else [senior_q, junior_q]
    assert suggestions == expected
    html = response.content.decode()
    assert html.index(f'id="q-{expected[0].pk}"') < html.index(f'id="q-{expected[1].pk}"')


def test_what_to_observe_comes_from_the_matrix_cell_and_nothing_is_invented(
    client, role_with_uneven_matrix
):
    role, junior_q, senior_q = role_with_uneven_matrix

    html = client.get(kit_url(role, junior_q, senior_q, niveau="senior")).content.decode()

    questions = section(html, "h-kit-questions")
    q1, q2 = questions.split('id="kit-q2"')
    assert "Le document dit senior" in q2 and 'class="src"' in q2
    assert "Ce qu’il faut observer (niveau senior), d’après la matrice de compétences" in q2
    assert "Le document dit" not in q1  # the junior cell is not shown for a senior kit
    assert "Le document ne précise pas d’attendu pour ce niveau." in q1
    scorecard = section(html, "h-grille")
    bases_row = scorecard[scorecard.index(">Bases") :].split("</tr>")[0]
    assert "Le document ne précise pas d’attendu pour ce niveau." in bases_row
    assert 'class="kit-target"' not in bases_row
