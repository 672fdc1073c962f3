"""The content fixtures: what the five source documents say, each row attributed to its document.

These tests fail if content is dropped, misattributed or duplicated when the fixtures are loaded.
Here the loading and the roles; their aliases, missions and skills in test_content_rows.py;
facts, training and employers in test_content_facts.py.
"""

import pytest
from django.apps import apps

from interviews.models import CaseStudy, InterviewQuestion
from roles.models import (
    CareerMove,
    EducationRequirement,
    ExperienceLevel,
    Fact,
    Level,
    MatrixCell,
    Mission,
    Role,
    RoleAlias,
    RoleEmployer,
    RoleSkill,
    RoleTraining,
    Source,
)
from salaries.models import SalaryBand
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
from tests.pages import load_content

# The four fixtures, as `manage.py loaddata reference roles salaries interviews` does.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


def row_counts():
    """Rows of every model of the three apps, many-to-many tables included."""
    counts = {}
    for label in ("roles", "salaries", "interviews"):
        for model in apps.get_app_config(label).get_models():
            counts[model._meta.label] = model.objects.count()
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                counts[f"{model._meta.label}.{field.name}"] = through.objects.count()
    return counts


# --------------------------------------------------------------------------- loading


def test_loading_the_fixtures_twice_changes_no_count():
    before = row_counts()

    load_content()

    assert row_counts() == before
    assert before["roles.Role"] == 11


def test_every_row_is_attributed_to_one_of_the_five_documents():
    documents = {DOC_000, DOC_001, DOC_002, DOC_003, DOC_004}
    assert set(Source.objects.values_list("slug", flat=True)) == documents
    attributed = (
        RoleAlias,
        Mission,
        RoleSkill,
        MatrixCell,
        RoleTraining,
        EducationRequirement,
        RoleEmployer,
        Fact,
        CareerMove,
        SalaryBand,
        InterviewQuestion,
        CaseStudy,
        ExperienceLevel,
    )
    for model in attributed:
        used = set(model.objects.values_list("source__slug", flat=True))
        assert used <= documents, model
        assert not model.objects.filter(source__isnull=True).exists(), model


def test_every_fact_comes_from_a_document_of_its_role():
    for fact in Fact.objects.select_related("role", "source"):
        assert fact.source in fact.role.sources.all(), fact.text[:60]
        assert fact.text.strip()


def test_rows_about_a_role_cite_only_that_roles_documents():
    for model in (RoleAlias, Mission, RoleSkill, MatrixCell, RoleTraining, SalaryBand):
        for row in model.objects.select_related("role", "source"):
            assert row.source in row.role.sources.all(), (model.__name__, row.pk)


def test_only_document_000_names_a_publisher():
    publishers = dict(Source.objects.values_list("slug", "publisher"))

    assert publishers.pop(DOC_000) == "Elios"
    assert set(publishers.values()) == {""}


def test_recruiting_guides_are_documents_002_and_003():
    guides = Source.objects.filter(kind=Source.Kind.RECRUITING_GUIDE)

    assert set(guides.values_list("slug", flat=True)) == {DOC_002, DOC_003}


def test_texts_keep_the_typographic_apostrophes_of_the_documents():
    # Document 003 has a single straight apostrophe, in its tagline; everything else uses ’.
    texts = [*Fact.objects.values_list("text", flat=True)]
    texts += Mission.objects.values_list("description", flat=True)
    texts += RoleSkill.objects.values_list("wording", flat=True)
    texts += InterviewQuestion.objects.values_list("text", flat=True)
    straight = [text for text in texts if "'" in text]

    assert straight == [
        "Soucieux de maximiser son ROI et de développer les ventes sur son site web, il utilise "
        "l'ensemble des leviers webmarketing à sa disposition"
    ]
    assert "d’une entreprise" in Role.objects.get(slug=COORDINATEUR).summary


# --------------------------------------------------------------------------- roles


def test_documented_roles_have_their_level_sources_and_a_sourced_summary():
    expected = {
        COORDINATEUR: (Level.COORDINATION, {DOC_000}),
        RESPONSABLE: (Level.MANAGEMENT, {DOC_001, DOC_003}),
        DIRECTEUR: (Level.DIRECTION, {DOC_002, DOC_004}),
    }
    documented = Role.objects.documented()

    assert set(documented.values_list("slug", flat=True)) == set(expected)
    for role in documented:
        level, sources = expected[role.slug]
        assert role.level == level
        assert set(role.sources.values_list("slug", flat=True)) == sources
        assert role.summary
        assert role.summary_source.slug in sources


def test_coordinateur_summary_is_the_first_sentence_of_document_000():
    role = Role.objects.get(slug=COORDINATEUR)

    assert role.summary == (
        "Le Coordinateur Commercial E-commerce joue un rôle clé dans la gestion et l’optimisation "
        "des ventes en ligne d’une entreprise."
    )
    assert role.summary_source.slug == DOC_000


def test_every_career_move_target_exists_and_undocumented_targets_are_marked():
    targets = set(
        CareerMove.objects.filter(to_role__isnull=False).values_list("to_role__slug", flat=True)
    )

    assert targets == {
        RESPONSABLE,
        "chef-de-projet-digital",
        "responsable-marketing-digital",
        "directeur-des-ventes-en-ligne",
        "responsable-marketplace",
        "directeur-commercial",
        "directeur-marketing",
        "directeur-des-achats",
        "directeur-digital",
    }
    undocumented = Role.objects.filter(is_documented=False)
    assert set(undocumented.values_list("slug", flat=True)) == targets - {RESPONSABLE}
    for role in undocumented:
        assert role.summary == ""
        assert role.summary_source is None
        expected_level = Level.DIRECTION if role.name.startswith("Directeur") else Level.MANAGEMENT
        assert role.level == expected_level, role.name


def test_no_career_move_points_to_its_own_role():
    for move in CareerMove.objects.all():
        assert move.to_role_id != move.from_role_id
        assert bool(move.to_role_id) != bool(move.specialisation)


def test_career_moves_are_exactly_those_the_documents_state():
    moves = {
        (
            move.from_role.slug,
            move.to_role.slug if move.to_role else move.specialisation,
            move.source.slug,
        )
        for move in CareerMove.objects.select_related("from_role", "to_role", "source")
    }

    assert moves == {
        (COORDINATEUR, RESPONSABLE, DOC_000),
        (COORDINATEUR, "chef-de-projet-digital", DOC_000),
        (COORDINATEUR, "responsable-marketing-digital", DOC_000),
        (COORDINATEUR, "directeur-des-ventes-en-ligne", DOC_000),
        (COORDINATEUR, "responsable-marketplace", DOC_000),
        (COORDINATEUR, "marketing d’influence", DOC_000),
        (COORDINATEUR, "gestion de la relation client (CRM)", DOC_000),
        (COORDINATEUR, "logistique e-commerce", DOC_000),
        (DIRECTEUR, "directeur-commercial", DOC_002),
        (DIRECTEUR, "directeur-marketing", DOC_002),
        (DIRECTEUR, "directeur-des-achats", DOC_002),
        (RESPONSABLE, "directeur-digital", DOC_003),
        (RESPONSABLE, "directeur-marketing", DOC_003),
    }


def test_directeur_commercial_move_keeps_the_condition_document_002_gives():
    move = CareerMove.objects.get(from_role__slug=DIRECTEUR, to_role__slug="directeur-commercial")

    assert move.note.startswith("Si l’aspect commercial est celui qui plaît le plus")
