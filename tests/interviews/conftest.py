"""Factories for interview questions, case studies and roles ready for a kit."""

import itertools

import pytest

from interviews.models import CaseStudy, InterviewQuestion
from roles.models import ExperienceLevel, Fact, MatrixCell
from tests.conftest import document_says

_counter = itertools.count(1)
TIERS = [value for value, _label in ExperienceLevel.Tier.choices]


@pytest.fixture
def make_question(db):
    def make(*roles, text=None, kind="experience", skills=(), source=None, **fields):
        n = next(_counter)
        source = source or roles[0].sources.first()
        fields.setdefault("theme", f"Thème {n}")
        if fields.get("expected_answer"):
            fields.setdefault("expected_answer_note", "Passage du document.")
        text = text or f"Question numéro {n} ?"
        document_says(source, text, fields.get("expected_answer"))
        question = InterviewQuestion.objects.create(
            text=text, kind=kind, source=source, order=n, **fields
        )
        question.roles.add(*roles)
        question.skills.add(*skills)
        return question

    return make


@pytest.fixture
def make_case_study(db):
    def make(role, *, title=None, skills=(), hints=(), **fields):
        fields.setdefault("scenario", "Vous reprenez une boutique en ligne en difficulté.")
        fields.setdefault("task", "Proposez un plan d’action.")
        document_says(role.sources.first(), fields["scenario"], fields["task"])
        case = CaseStudy.objects.create(
            role=role,
            title=title or f"Cas numéro {next(_counter)}",
            source=role.sources.first(),
            **fields,
        )
        case.skills.add(*skills)
        case.hints.add(*hints)
        return case

    return make


@pytest.fixture
def matrix_levels(db, make_source):
    """Junior, confirmed and senior columns of one document's skills matrix."""
    source = make_source()
    years = {"junior": "1 à 2 ans", "confirme": "3 à 5 ans", "senior": "plus de 5 ans"}
    return {
        tier: ExperienceLevel.objects.create(
            slug=f"matrice-{tier}-{next(_counter)}",
            name=label,
            years=years[tier],
            tier=tier,
            source=source,
            order=order,
        )
        for order, (tier, label) in enumerate(ExperienceLevel.Tier.choices)
    }


@pytest.fixture
def make_kit_role(make_role, make_skill, make_question, make_case_study, matrix_levels):
    """A role with `size` questions (the last one a knowledge check with its answer), a
    skills matrix on the first two competencies, a case study with a hint, a recruiting tip."""

    def make(size=4, name=None):
        role = make_role(name)
        source = role.sources.get()
        skills = [make_skill() for _ in range(size)]
        for skill in skills[:2]:
            for tier, level in matrix_levels.items():
                MatrixCell.objects.create(
                    role=role,
                    skill=skill,
                    experience_level=level,
                    description=f"Attendu {tier} pour {skill.name}",
                    source=source,
                )
        for i, skill in enumerate(skills):
            last = i == size - 1
            make_question(
                role,
                skills=[skill],
                kind="connaissance" if last else "experience",
                expected_answer="Réponse attendue A\nRéponse attendue B" if last else "",
            )
        other = make_role(source=source)
        hint = Fact.objects.create(
            role=other, source=source, kind=Fact.Kind.ACTION, text="Une refonte du tunnel"
        )
        make_case_study(role, title="Baisse des ventes", skills=skills[:1], hints=[hint])
        Fact.objects.create(
            role=role, source=source, kind=Fact.Kind.RECRUITING, text="Cherchez la fibre data."
        )
        return role

    return make
