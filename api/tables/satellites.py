"""The tables of the satellites: salary bands, interview questions, case studies."""

from .. import content
from .columns import ROLE, SOURCE, Column, Table, joined, source_slug

SALARIES = Table(
    "salaires",
    "Les fourchettes de salaire telles que les documents les donnent (mêmes chiffres que "
    "/salaires/).",
    lambda: content.salary_bands(),
    [
        ROLE,
        Column(
            "experience_level",
            "niveau_experience",
            "Niveau d’expérience tel que le document le nomme, ou « Tous niveaux »",
            lambda band: band.experience_level.name if band.experience_level else "Tous niveaux",
        ),
        Column(
            None,
            "annees",
            "Années d’expérience selon le document",
            lambda band: band.experience_level.years if band.experience_level else "",
        ),
        Column(
            "location",
            "lieu",
            "Lieu, si le document en donne un",
            lambda band: band.location.name if band.location else "",
        ),
        Column("low", "bas", "Bas de fourchette, en euros"),
        Column("high", "haut", "Haut de fourchette, en euros"),
        Column("currency"),
        Column("basis", "brut_net", "« brut » ou « net », si le document le dit"),
        Column("period", "periode", "« annuel » ou « mensuel », si le document le dit"),
        Column("date_label", "sens_date", "Le sens de la date, avec les mots du document"),
        Column("date_value", "date", "La date, si le document en donne une"),
        Column("excerpt", "passage", "Les mots du document qui donnent le chiffre"),
        Column("note", "precision", "Précision de l’équipe (classement éditorial)"),
        SOURCE,
    ],
)

QUESTIONS = Table(
    "questions_entretien",
    "Les questions d’entretien.",
    lambda: content.interview_questions(),
    [
        Column("source", "source", "Identifiant du document source", source_slug),
        Column(None, "rang", "Rang dans le document", lambda question: question.order),
        Column("text", "question", "La question"),
        Column("kind", "type", "experience, situation ou connaissance (classement éditorial)"),
        Column("theme", "theme", "Thème (classement éditorial)"),
        Column(
            "expected_answer", "reponse_attendue", "Réponse attendue, quand le document la donne"
        ),
        Column("expected_answer_note", "origine_reponse", "D’où vient la réponse"),
        Column(
            "roles",
            "metiers",
            "Métiers, séparés par « | »",
            lambda question: joined(role.slug for role in question.roles.all()),
        ),
        Column(
            "skills",
            "competences",
            "Compétences évaluées, séparées par « | »",
            lambda question: joined(skill.slug for skill in question.skills.all()),
        ),
    ],
    # The JSON gives the question first, its source and roles after.
    api_order=[
        "text",
        "kind",
        "theme",
        "expected_answer",
        "expected_answer_note",
        "skills",
        "source",
        "roles",
    ],
)

CASE_STUDIES = Table(
    "etudes_de_cas",
    "Les études de cas.",
    lambda: content.case_studies(),
    [
        ROLE,
        Column("title", "titre", "Titre"),
        Column("scenario", "situation", "La situation"),
        Column("task", "consigne", "La consigne"),
        Column(
            "skills",
            "competences",
            "Compétences évaluées, séparées par « | »",
            lambda case: joined(skill.slug for skill in case.skills.all()),
        ),
        SOURCE,
        Column("hints"),
    ],
)
