"""The content fixtures: each role's alternate titles, missions, skills, tools and skills
matrix, as the five source documents give them."""

import pytest

from roles.models import ExperienceLevel, MatrixCell, Mission, RoleAlias, RoleSkill, Skill
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
