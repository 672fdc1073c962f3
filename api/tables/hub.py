"""The tables of the hub: the documents, the roles and what the documents say of them."""

from roles.models import EducationRequirement, Fact, Mission, RoleAlias, RoleEmployer

from .. import content
from .columns import (
    LICENCE_NOT_STATED,
    ROLE,
    SOURCE,
    Column,
    Table,
    api_only,
    joined,
    public,
    source_slug,
    yes_no,
)

SOURCES = Table(
    "sources",
    "Les documents d’où vient chaque information.",
    lambda: content.sources(),
    [
        Column("slug", "identifiant", "Identifiant stable du document"),
        Column("title", "titre", "Titre du document"),
        Column("url"),
        Column("kind", "type", "fiche (fiche métier) ou guide (guide de recrutement)"),
        Column("publisher", "editeur", "Éditeur, seulement si le document le nomme"),
        Column("file_name", "fichier", "Nom du fichier d’origine"),
        Column("description", "description", "Ce que contient le document"),
        Column(
            "licence",
            "licence",
            "Licence telle que le document l’énonce",
            lambda source: LICENCE_NOT_STATED,
        ),
        Column("roles"),
    ],
)

ROLES = Table(
    "metiers",
    "Les métiers.",
    lambda: content.public_roles().select_related("summary_source").prefetch_related("sources"),
    [
        Column(
            "slug",
            "identifiant",
            "Identifiant stable (adresse de la fiche : /metiers/<identifiant>/)",
        ),
        Column("name", "nom", "Intitulé du métier"),
        Column("page"),
        Column(
            "level",
            "niveau",
            "Niveau hiérarchique (classement éditorial) : coordination, management, "
            "direction, ou vide",
        ),
        Column(
            "is_documented",
            "documente",
            "oui si un document décrit le métier",
            lambda role: yes_no(role.is_documented),
        ),
        Column("summary", "resume", "Résumé repris d’un document"),
        Column(
            "summary_source",
            "source_resume",
            "Document du résumé",
            source_slug,
        ),
        Column(
            "sources",
            "sources",
            "Documents qui décrivent le métier, séparés par « | »",
            lambda role: joined(source.slug for source in role.sources.all()),
        ),
        # The role sheet's rows, each a table of its own in the CSV files.
        *api_only(
            "aliases",
            "missions",
            "skills",
            "tools",
            "skill_matrix",
            "trainings",
            "education",
            "employers",
            "facts",
            "moves_out",
            "moves_in",
            "salary_bands",
            "interview_questions",
            "case_studies",
            "rome_code",
            "esco_uri",
            "isco_code",
        ),
    ],
)

ALIASES = Table(
    "appellations",
    "Les autres intitulés d’un métier, tels qu’écrits dans le document.",
    lambda: public(RoleAlias).order_by("role__name", "order"),
    [ROLE, Column("name", "appellation", "Intitulé"), SOURCE],
)

MISSIONS = Table(
    "missions",
    "Les missions d’un métier.",
    lambda: public(Mission).order_by("role__name", "source__order", "order"),
    [
        ROLE,
        Column("title", "intitule", "Intitulé de la mission"),
        Column("description", "description", "Description"),
        SOURCE,
    ],
)


EDUCATION = Table(
    "niveaux_etudes",
    "Les niveaux d’études demandés pour chaque métier.",
    lambda: public(EducationRequirement, "level").order_by("role__name", "order", "pk"),
    [
        ROLE,
        Column(
            "level",
            "niveau",
            "Niveau d’études (classement éditorial)",
            lambda row: row.level.name,
        ),
        Column("wording", "formulation", "Telle qu’écrite dans le document"),
        SOURCE,
    ],
)

EMPLOYERS = Table(
    "employeurs",
    "Les types d’employeurs de chaque métier.",
    lambda: public(RoleEmployer, "employer_type").order_by("role__name", "pk"),
    [
        ROLE,
        Column("slug"),
        Column("name", "employeur", "Type d’employeur", lambda row: row.employer_type.name),
        SOURCE,
    ],
)

FACTS = Table(
    "faits",
    "Ce que les documents disent d’un métier, au-delà des missions et des compétences.",
    lambda: public(Fact).order_by("role__name", "kind", "source__order", "order"),
    [
        ROLE,
        Column(
            "kind",
            "nature",
            "Nature (classement éditorial) : presentation, profil, theme, action, "
            "conditions, experience, formation, salaire, carriere, recrutement, citation",
        ),
        Column("kind_label"),
        Column("heading", "intertitre", "Intertitre du document"),
        Column("text", "texte", "Le texte du document"),
        Column("author", "auteur", "Auteur d’une citation"),
        SOURCE,
    ],
)

MOVES = Table(
    "evolutions",
    "Les évolutions de carrière : vers un autre métier, ou une spécialisation.",
    lambda: content.career_moves().order_by("from_role__name", "order", "pk"),
    [
        Column(
            "from_role",
            "metier_depart",
            "Identifiant du métier de départ",
            lambda move: move.from_role.slug,
        ),
        Column(
            "to_role",
            "metier_arrivee",
            "Identifiant du métier d’arrivée (vide pour une spécialisation)",
            lambda move: move.to_role.slug if move.to_role else "",
        ),
        Column("specialisation", "specialisation", "Spécialisation"),
        Column("note", "precision", "Précision du document"),
        SOURCE,
    ],
)
