"""The content fixtures: what else the documents say of a role (facts, quotes, experience),
and the training, education and employers they name."""

import pytest

from roles.models import EducationRequirement, Fact, RoleEmployer, RoleTraining
from tests.documents import (
    COORDINATEUR,
    DIRECTEUR,
    DOC_000,
    DOC_001,
    DOC_002,
    DOC_003,
    DOC_004,
    RESPONSABLE,
)

# The four fixtures, as `manage.py loaddata reference roles salaries interviews` does.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


# --------------------------------------------------------------------------- facts


def test_responsable_keeps_the_seven_marketing_actions_of_document_003_in_order():
    actions = Fact.objects.filter(role__slug=RESPONSABLE, source__slug=DOC_003, kind="action")

    assert list(actions.order_by("order").values_list("text", flat=True)) == [
        "Une définition de la stratégie SEO",
        "La mise en place de campagnes publicitaires à l’occasion d’une promotion",
        "La gestion d’une campagne d’emailing",
        "Un placement de produits à l’occasion d’une campagne d’influence",
        "Une refonte du tunnel de paiement",
        "Des AB Testing sur les CTA",
        "Une stratégie d’affiliation",
    ]


def test_responsable_keeps_the_five_key_themes_of_document_003():
    themes = Fact.objects.filter(role__slug=RESPONSABLE, source__slug=DOC_003, kind="theme")

    assert list(themes.order_by("order").values_list("text", flat=True)) == [
        "Référencement payant",
        "Stratégie webmarketing",
        "Veille technologique",
        "Acquisition et Fidélisation",
        "ROI",
    ]


def test_responsable_quote_is_attributed_to_jeff_bezos():
    quote = Fact.objects.get(role__slug=RESPONSABLE, kind="citation")

    assert quote.author == "Jeff Bezos"
    assert quote.source.slug == DOC_003
    assert quote.text.startswith("Votre marque est ce que les gens disent de vous")


def test_expected_experience_is_kept_per_document():
    experience = set(
        Fact.objects.filter(kind="experience").values_list("role__slug", "source__slug")
    )

    assert experience == {(DIRECTEUR, DOC_002), (RESPONSABLE, DOC_003)}
    assert Fact.objects.filter(
        role__slug=DIRECTEUR, kind="experience", text__contains="5 à 6 ans"
    ).exists()


def test_document_001_salary_factors_and_variable_hours_are_facts():
    facts = Fact.objects.filter(role__slug=RESPONSABLE, source__slug=DOC_001)

    assert facts.filter(kind="salaire", text__contains="primes sur résultats").exists()
    assert facts.filter(kind="conditions", text__startswith="Ses horaires de travail").exists()


def test_document_004_introduction_and_summary_are_presentation_facts():
    texts = Fact.objects.filter(
        role__slug=DIRECTEUR, source__slug=DOC_004, kind="presentation"
    ).values_list("text", flat=True)

    assert any(text.startswith("Afin de conserver une dynamique d’innovation") for text in texts)
    assert any(text.startswith("En résumé, le directeur ecommerce") for text in texts)


# --------------------------------------------------------------------------- training, employers


def test_education_requirements_keep_each_documents_wording():
    requirements = {
        (r.role.slug, r.level.slug, r.source.slug): r.wording
        for r in EducationRequirement.objects.select_related("role", "level", "source")
    }

    assert requirements[(RESPONSABLE, "bac-5", DOC_001)] == (
        "Le poste est généralement accessible avec un Master."
    )
    assert (RESPONSABLE, "bac-2", DOC_001) in requirements
    assert requirements[(RESPONSABLE, "bac-5", DOC_003)] == "Bac +5"
    assert "au minimum un bac +3" in requirements[(RESPONSABLE, "bac-3", DOC_003)]
    assert "bac+5 en marketing en école de commerce" in requirements[(DIRECTEUR, "bac-5", DOC_002)]
    assert requirements[(DIRECTEUR, "bac-5", DOC_004)].startswith("Un diplôme de niveau bac+5")
    assert not EducationRequirement.objects.filter(role__slug=COORDINATEUR).exists()


def test_coordinateur_trainings_are_the_five_diplomas_and_two_certifications_of_document_000():
    trainings = RoleTraining.objects.filter(role__slug=COORDINATEUR, source__slug=DOC_000)

    levels = [(rt.training.kind, rt.training.level and rt.training.level.slug) for rt in trainings]
    assert levels == [
        ("diplome", "bac-2"),
        ("diplome", "bac-2"),
        ("diplome", "bac-3"),
        ("diplome", "bac-3"),
        ("diplome", "bac-5"),
        ("certification", None),
        ("certification", None),
    ]
    assert trainings[0].training.name == "BTS Management Commercial Opérationnel (MCO)"


def test_directeur_trainings_include_the_three_schools_of_document_004():
    trainings = RoleTraining.objects.filter(role__slug=DIRECTEUR, source__slug=DOC_004)
    by_school = {rt.training.institution: rt.training for rt in trainings}

    assert set(by_school) == {"ISTA", "INSEEC", "ILV – Institut Léonard de Vinci"}
    assert by_school["ISTA"].level.slug == "bac-5-6"
    assert by_school["ISTA"].description.startswith("L’ISTA propose un master e-business")


def test_employer_types_come_from_documents_003_and_004():
    employers = set(
        RoleEmployer.objects.values_list("role__slug", "employer_type__name", "source__slug")
    )

    assert employers == {
        (RESPONSABLE, "Entreprise", DOC_003),
        (RESPONSABLE, "Start-up", DOC_003),
        (RESPONSABLE, "Collectivités", DOC_003),
        (RESPONSABLE, "Click and mortar", DOC_003),
        (DIRECTEUR, "Brick and mortar", DOC_004),
        (DIRECTEUR, "Pure player", DOC_004),
        (DIRECTEUR, "Agence interactive", DOC_004),
    }
