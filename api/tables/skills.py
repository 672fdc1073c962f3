"""The tables of the skills, tools and training, and of what each role asks of them."""

from roles.models import RoleSkill, RoleTraining, Skill

from .. import content
from .columns import ROLE, SOURCE, Column, Table, public

SKILLS = Table(
    "competences",
    "Les compétences et les outils.",
    lambda: Skill.objects.defer("search_text").order_by("name", "slug"),
    [
        Column(
            "slug", "identifiant", "Identifiant stable (adresse : /competences/<identifiant>/)"
        ),
        Column("name", "nom", "Nom"),
        Column("url"),
        Column(
            "category",
            "categorie",
            "Catégorie (classement éditorial) : savoir-faire, analytique, "
            "savoir-etre, savoir, outil",
        ),
        Column("description", "description", "Description"),
        Column("roles"),
    ],
)

ROLE_SKILLS = Table(
    "competences_metiers",
    "Les compétences et outils que demande chaque métier, avec les mots du document.",
    lambda: public(RoleSkill, "skill").order_by("role__name", "order", "pk"),
    [
        ROLE,
        Column(
            "skill",
            "competence",
            "Identifiant de la compétence (voir competences.csv)",
            lambda row: row.skill.slug,
        ),
        Column("wording", "formulation", "Ce que le document dit de cette compétence"),
        SOURCE,
    ],
)

MATRIX = Table(
    "matrice_competences",
    "Les matrices de compétences : ce qui est attendu par domaine et niveau d’expérience.",
    lambda: content.matrix_cells().order_by("role__name", "order", "experience_level__order"),
    [
        ROLE,
        Column(
            "skill",
            "competence",
            "Identifiant du domaine de compétence",
            lambda cell: cell.skill.slug,
        ),
        Column(
            "experience_level",
            "niveau_experience",
            "Niveau d’expérience, tel que le document le nomme",
            lambda cell: cell.experience_level.name,
        ),
        Column(
            None,
            "annees",
            "Années d’expérience selon le document",
            lambda cell: cell.experience_level.years,
        ),
        Column(
            None,
            "palier",
            "Palier commun (classement éditorial) : junior, confirme, senior",
            lambda cell: cell.experience_level.tier,
        ),
        Column("description", "attendu", "Ce qui est attendu"),
        SOURCE,
    ],
)

TRAININGS = Table(
    "formations",
    "Les formations.",
    lambda: content.trainings().order_by("name", "slug"),
    [
        Column("slug", "identifiant", "Identifiant stable"),
        Column("name", "intitule", "Intitulé"),
        Column(
            "kind", "type", "diplome, certification, programme ou parcours (classement éditorial)"
        ),
        Column(
            "level",
            "niveau",
            "Niveau d’études",
            lambda training: training.level.name if training.level else "",
        ),
        Column("institution", "etablissement", "Établissement"),
        Column("url"),
        Column("description", "description", "Description"),
        Column("roles"),
    ],
)

ROLE_TRAININGS = Table(
    "formations_metiers",
    "Les formations qui mènent à chaque métier.",
    lambda: public(RoleTraining, "training").order_by("role__name", "order", "pk"),
    [
        ROLE,
        Column(
            "training",
            "formation",
            "Identifiant de la formation (voir formations.csv)",
            lambda row: row.training.slug,
        ),
        Column("note", "precision", "Précision du document"),
        SOURCE,
    ],
)
