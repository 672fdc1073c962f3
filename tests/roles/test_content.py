"""The content fixtures: what the five source documents say, each row attributed to its document.

These tests fail if content is dropped, misattributed or duplicated when the fixtures are loaded.
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
    Skill,
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

pytestmark = pytest.mark.django_db


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


@pytest.fixture(autouse=True)
def _content(content):
    """The four fixtures, as `manage.py loaddata reference roles salaries interviews` does."""


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


# --------------------------------------------------------------------------- aliases, missions


def test_coordinateur_keeps_the_five_other_titles_of_document_000_with_gendered_forms():
    aliases = RoleAlias.objects.filter(role__slug=COORDINATEUR, source__slug=DOC_000)

    assert list(aliases.values_list("name", flat=True)) == [
        "Responsable E-commerce Junior",
        "Chargé(e) de projets e-commerce",
        "Assistant(e) Commercial(e) E-commerce",
        "Coordinateur(trice) des ventes en ligne",
        "Gestionnaire E-commerce",
    ]


def test_responsable_aliases_come_from_documents_001_and_003():
    aliases = set(
        RoleAlias.objects.filter(role__slug=RESPONSABLE).values_list("name", "source__slug")
    )

    assert aliases == {
        ("responsable webmarketing", DOC_001),
        ("responsable e-business", DOC_001),
        ("responsable e-marketing", DOC_001),
        ("chargé des ventes en ligne", DOC_001),
        ("e-merchandiser", DOC_003),
    }


def test_document_002_calling_the_directeur_responsable_e_commerce_is_kept_as_an_alias():
    aliases = set(
        RoleAlias.objects.filter(role__slug=DIRECTEUR).values_list("name", "source__slug")
    )

    assert aliases == {("Responsable e-commerce", DOC_002), ("Directeur ecommerce", DOC_004)}


def test_coordinateur_keeps_the_seven_missions_of_document_000_split_at_the_colon():
    missions = Mission.objects.filter(role__slug=COORDINATEUR, source__slug=DOC_000)

    assert list(missions.values_list("title", flat=True)) == [
        "Gestion des catalogues de produits",
        "Optimisation des performances commerciales",
        "Gestion des campagnes promotionnelles",
        "Analyse des ventes",
        "Relation avec les partenaires externes",
        "Coordination avec les équipes internes",
        "Veille concurrentielle et benchmarking",
    ]
    assert missions.get(order=0).description == (
        "Mise en ligne des produits, gestion des descriptifs, visuels, et prix."
    )


def test_responsable_missions_keep_every_paragraph_of_documents_001_and_003():
    missions = Mission.objects.filter(role__slug=RESPONSABLE)

    assert missions.filter(source__slug=DOC_001).count() == 5
    assert list(missions.filter(source__slug=DOC_003).values_list("title", flat=True)) == [
        "Choisir les actions marketing à effectuer pour maximiser son ROI",
        "Assurer la mise en place des actions marketing",
        "Assurer un suivi quotidien des performances du site web",
        "Travailler au développement commercial de son entreprise sur le web",
        "Acquérir de nouveaux clients, mais aussi les fidéliser",
        "Être en veille sur les évolutions des technologies de la communication",
        "Surveiller la position sur les moteurs de recherche",
        "Une présence nécessaire sur les réseaux sociaux",
        "Suivi des commandes et gestion des stocks",
    ]
    tracking = missions.get(source__slug=DOC_003, order=2)
    assert "il utilise le plug-in WooCommerce la plupart du temps." in tracking.description
    for mission in missions:
        assert mission.description.strip(), mission.title


def test_directeur_keeps_the_four_listed_missions_of_document_004():
    titles = Mission.objects.filter(role__slug=DIRECTEUR, source__slug=DOC_004).values_list(
        "title", flat=True
    )

    assert list(titles)[:4] == [
        "Elaborer la stratégie e-commerce de l’entreprise",
        "Suivi et développement commercial",
        "Gestion du centre de profit",
        "Management des équipes",
    ]
    assert Mission.objects.filter(role__slug=DIRECTEUR, source__slug=DOC_002).count() == 1


# --------------------------------------------------------------------------- skills and tools


def test_coordinateur_skills_cover_the_seven_requirements_of_document_000():
    slugs = set(
        RoleSkill.objects.filter(role__slug=COORDINATEUR)
        .exclude(skill__category=Skill.Category.TOOL)
        .values_list("skill__slug", flat=True)
    )

    assert {
        "maitrise-des-outils-de-gestion-e-commerce",
        "connaissance-du-marche-e-commerce",
        "capacites-analytiques",
        "organisation-et-rigueur",
        "qualites-relationnelles",
        "creativite",
        "capacite-d-adaptation",
        "sens-commercial",
    } <= slugs


def test_each_role_lists_the_tools_its_documents_name():
    def tools(role):
        return set(
            RoleSkill.objects.filter(
                role__slug=role, skill__category=Skill.Category.TOOL
            ).values_list("skill__name", flat=True)
        )

    assert tools(COORDINATEUR) == {
        "CMS", "ERP", "CRM", "Amazon", "Cdiscount", "Shopify", "Magento", "Google Analytics",
    }  # fmt: skip
    assert tools(RESPONSABLE) == {
        "Google Analytics", "Google Search Console", "WordPress", "PrestaShop", "Magento",
        "WooCommerce", "Google Tag Manager", "CMS", "CRM", "Programmes d’automation",
        "Pack Office", "Word", "Excel", "HTML", "JavaScript", "Instagram", "Facebook",
        "Snapchat", "Pinterest", "Amazon",
    }  # fmt: skip
    assert tools(DIRECTEUR) == set()


def test_a_tool_named_by_two_documents_is_one_skill_shared_by_both_roles():
    google_analytics = Skill.objects.get(slug="google-analytics")
    links = set(google_analytics.role_skills.values_list("role__slug", "source__slug"))

    assert Skill.objects.filter(name="Google Analytics").count() == 1
    assert links == {(COORDINATEUR, DOC_000), (RESPONSABLE, DOC_003)}


def test_data_analysis_is_one_skill_linked_to_all_three_roles():
    roles = set(
        RoleSkill.objects.filter(skill__slug="analyse-des-donnees").values_list(
            "role__slug", flat=True
        )
    )

    assert roles == {COORDINATEUR, RESPONSABLE, DIRECTEUR}


def test_role_skill_wordings_are_copied_from_their_document():
    wording = RoleSkill.objects.get(
        role__slug=RESPONSABLE, skill__slug="langues-etrangeres", source__slug=DOC_001
    ).wording

    assert wording.startswith("Enfin, les connaissances linguistiques sont fortement recherchées")
    assert "L’anglais est le plus souvent réclamé" in wording


def test_directeur_skills_matrix_has_four_areas_by_three_levels_from_document_002():
    cells = MatrixCell.objects.filter(role__slug=DIRECTEUR, source__slug=DOC_002)

    assert cells.count() == 12
    assert set(cells.values_list("skill__name", flat=True)) == {
        "Stratégie e-commerce",
        "Gestion des opérations",
        "Analyse des données",
        "Gestion de projet",
    }
    assert set(cells.values_list("experience_level__years", flat=True)) == {
        "1 à 2 ans d’expérience",
        "3 à 5 ans d’expérience",
        "plus de 5 ans d’expérience",
    }
    senior_projects = cells.get(skill__slug="gestion-de-projet", experience_level__tier="senior")
    assert senior_projects.description.startswith(
        "Forte capacité à diriger et à gérer des projets"
    )
    for area in cells.values_list("skill", flat=True).distinct():
        assert RoleSkill.objects.filter(role__slug=DIRECTEUR, skill=area).exists()


def test_documents_that_disagree_on_years_keep_their_own_experience_levels():
    juniors = dict(ExperienceLevel.objects.filter(tier="junior").values_list("slug", "years"))

    assert juniors == {
        "doc-000-debutant": "",
        "doc-002-matrice-junior": "1 à 2 ans d’expérience",
        "doc-002-salaire-junior": "0-2 ans d’exp",
    }


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
