"""/donnees/fiches-metiers.zip: the whole knowledge base as JSON and as CSV files, one per table.

The archive is written while it is sent (a zip stream into a generator), from the database as
it stands: it is always current, with nothing to regenerate or invalidate. CSV files are
written for French spreadsheets like /salaires/salaires.csv: UTF-8 with a byte order mark,
`;` between fields, whole euros, text that could run as a formula prefixed with « ' ».
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass

from django.http import StreamingHttpResponse
from django.utils import timezone
from rest_framework.utils.encoders import JSONEncoder

from roles.models import (
    EducationRequirement,
    Fact,
    Mission,
    RoleAlias,
    RoleEmployer,
    RoleSkill,
    RoleTraining,
    Skill,
)
from salaries.views import spreadsheet_text

from . import content, serializers

ARCHIVE_NAME = "fiches-metiers.zip"
CHUNK = 500  # rows fetched at a time


@dataclass
class Table:
    name: str
    description: str
    rows: object  # () -> iterable of model instances
    columns: list  # [(column, description, value(row))]

    @property
    def file_name(self):
        return f"csv/{self.name}.csv"


def source_slug(row):
    """The document the row quotes; "" when it is the editors' wording."""
    source = getattr(row, "attributed_source", row.source)
    return source.slug if source is not None else ""


def joined(values):
    return " | ".join(values)


def level_name(band):
    return band.experience_level.name if band.experience_level else "Tous niveaux"


def public(model):
    """Rows of `model` about public roles."""
    return model.objects.filter(role__in=content.public_roles())


SOURCE_COLUMN = ("source", "Identifiant du document source (voir sources.csv)", source_slug)
ROLE_COLUMN = ("metier", "Identifiant du métier (voir metiers.csv)", lambda row: row.role.slug)

TABLES = [
    Table(
        "sources",
        "Les documents d’où vient chaque information.",
        lambda: content.sources(),
        [
            ("identifiant", "Identifiant stable du document", lambda s: s.slug),
            ("titre", "Titre du document", lambda s: s.title),
            ("type", "fiche (fiche métier) ou guide (guide de recrutement)", lambda s: s.kind),
            ("editeur", "Éditeur, seulement si le document le nomme", lambda s: s.publisher),
            ("fichier", "Nom du fichier d’origine", lambda s: s.file_name),
            ("description", "Ce que contient le document", lambda s: s.description),
            ("licence", "Licence telle que le document l’énonce", lambda s: LICENCE),
        ],
    ),
    Table(
        "metiers",
        "Les métiers.",
        lambda: (
            content.public_roles().select_related("summary_source").prefetch_related("sources")
        ),
        [
            (
                "identifiant",
                "Identifiant stable (adresse de la fiche : /metiers/<identifiant>/)",
                lambda r: r.slug,
            ),
            ("nom", "Intitulé du métier", lambda r: r.name),
            (
                "niveau",
                "Niveau hiérarchique (classement éditorial) : coordination, management, "
                "direction, ou vide",
                lambda r: r.level,
            ),
            (
                "documente",
                "oui si un document décrit le métier",
                lambda r: yes_no(r.is_documented),
            ),
            ("resume", "Résumé repris d’un document", lambda r: r.summary),
            (
                "source_resume",
                "Document du résumé",
                lambda r: r.attributed_source.slug if r.attributed_source else "",
            ),
            (
                "sources",
                "Documents qui décrivent le métier, séparés par « | »",
                lambda r: joined(s.slug for s in r.sources.all()),
            ),
        ],
    ),
    Table(
        "appellations",
        "Les autres intitulés d’un métier, tels qu’écrits dans le document.",
        lambda: public(RoleAlias).select_related("role", "source").order_by("role__name", "order"),
        [ROLE_COLUMN, ("appellation", "Intitulé", lambda a: a.name), SOURCE_COLUMN],
    ),
    Table(
        "missions",
        "Les missions d’un métier.",
        lambda: (
            public(Mission)
            .select_related("role", "source")
            .order_by("role__name", "source__order", "order")
        ),
        [
            ROLE_COLUMN,
            ("intitule", "Intitulé de la mission", lambda m: m.title),
            ("description", "Description", lambda m: m.description),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "competences",
        "Les compétences et les outils.",
        lambda: Skill.objects.defer("search_text").order_by("name", "slug"),
        [
            (
                "identifiant",
                "Identifiant stable (adresse : /competences/<identifiant>/)",
                lambda s: s.slug,
            ),
            ("nom", "Nom", lambda s: s.name),
            (
                "categorie",
                "Catégorie (classement éditorial) : savoir-faire, analytique, "
                "savoir-etre, savoir, outil",
                lambda s: s.category,
            ),
            ("description", "Description", lambda s: s.description),
        ],
    ),
    Table(
        "competences_metiers",
        "Les compétences et outils que demande chaque métier, avec les mots du document.",
        lambda: (
            public(RoleSkill)
            .select_related("role", "skill", "source")
            .order_by("role__name", "order", "pk")
        ),
        [
            ROLE_COLUMN,
            (
                "competence",
                "Identifiant de la compétence (voir competences.csv)",
                lambda rs: rs.skill.slug,
            ),
            ("formulation", "Ce que le document dit de cette compétence", lambda rs: rs.wording),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "matrice_competences",
        "Les matrices de compétences : ce qui est attendu par domaine et niveau d’expérience.",
        lambda: content.matrix_cells().order_by("role__name", "order", "experience_level__order"),
        [
            ROLE_COLUMN,
            ("competence", "Identifiant du domaine de compétence", lambda c: c.skill.slug),
            (
                "niveau_experience",
                "Niveau d’expérience, tel que le document le nomme",
                lambda c: c.experience_level.name,
            ),
            (
                "annees",
                "Années d’expérience selon le document",
                lambda c: c.experience_level.years,
            ),
            (
                "palier",
                "Palier commun (classement éditorial) : junior, confirme, senior",
                lambda c: c.experience_level.tier,
            ),
            ("attendu", "Ce qui est attendu", lambda c: c.description),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "formations",
        "Les formations.",
        lambda: content.trainings().order_by("name", "slug"),
        [
            ("identifiant", "Identifiant stable", lambda t: t.slug),
            ("intitule", "Intitulé", lambda t: t.name),
            (
                "type",
                "diplome, certification, programme ou parcours (classement éditorial)",
                lambda t: t.kind,
            ),
            ("niveau", "Niveau d’études", lambda t: t.level.name if t.level else ""),
            ("etablissement", "Établissement", lambda t: t.institution),
            ("description", "Description", lambda t: t.description),
        ],
    ),
    Table(
        "formations_metiers",
        "Les formations qui mènent à chaque métier.",
        lambda: (
            public(RoleTraining)
            .select_related("role", "training", "source")
            .order_by("role__name", "order", "pk")
        ),
        [
            ROLE_COLUMN,
            (
                "formation",
                "Identifiant de la formation (voir formations.csv)",
                lambda rt: rt.training.slug,
            ),
            ("precision", "Précision du document", lambda rt: rt.note),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "niveaux_etudes",
        "Les niveaux d’études demandés pour chaque métier.",
        lambda: (
            public(EducationRequirement)
            .select_related("role", "level", "source")
            .order_by("role__name", "order", "pk")
        ),
        [
            ROLE_COLUMN,
            ("niveau", "Niveau d’études (classement éditorial)", lambda e: e.level.name),
            ("formulation", "Telle qu’écrite dans le document", lambda e: e.wording),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "employeurs",
        "Les types d’employeurs de chaque métier.",
        lambda: (
            public(RoleEmployer)
            .select_related("role", "employer_type", "source")
            .order_by("role__name", "pk")
        ),
        [
            ROLE_COLUMN,
            ("employeur", "Type d’employeur", lambda e: e.employer_type.name),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "faits",
        "Ce que les documents disent d’un métier, au-delà des missions et des compétences.",
        lambda: (
            public(Fact)
            .select_related("role", "source")
            .order_by("role__name", "kind", "source__order", "order")
        ),
        [
            ROLE_COLUMN,
            (
                "nature",
                "Nature (classement éditorial) : presentation, profil, theme, action, "
                "conditions, experience, formation, salaire, carriere, recrutement, citation",
                lambda f: f.kind,
            ),
            ("intertitre", "Intertitre du document", lambda f: f.heading),
            ("texte", "Le texte du document", lambda f: f.text),
            ("auteur", "Auteur d’une citation", lambda f: f.author),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "evolutions",
        "Les évolutions de carrière : vers un autre métier, ou une spécialisation.",
        lambda: content.career_moves().order_by("from_role__name", "order", "pk"),
        [
            ("metier_depart", "Identifiant du métier de départ", lambda m: m.from_role.slug),
            (
                "metier_arrivee",
                "Identifiant du métier d’arrivée (vide pour une spécialisation)",
                lambda m: m.to_role.slug if m.to_role else "",
            ),
            ("specialisation", "Spécialisation", lambda m: m.specialisation),
            ("precision", "Précision du document", lambda m: m.note),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "salaires",
        "Les fourchettes de salaire telles que les documents les donnent (mêmes chiffres que "
        "/salaires/).",
        lambda: content.salary_bands(),
        [
            ROLE_COLUMN,
            (
                "niveau_experience",
                "Niveau d’expérience tel que le document le nomme, ou « Tous niveaux »",
                level_name,
            ),
            (
                "annees",
                "Années d’expérience selon le document",
                lambda b: b.experience_level.years if b.experience_level else "",
            ),
            (
                "lieu",
                "Lieu, si le document en donne un",
                lambda b: b.location.name if b.location else "",
            ),
            ("bas", "Bas de fourchette, en euros", lambda b: b.low),
            ("haut", "Haut de fourchette, en euros", lambda b: b.high),
            ("brut_net", "« brut » ou « net », si le document le dit", lambda b: b.basis),
            ("periode", "« annuel » ou « mensuel », si le document le dit", lambda b: b.period),
            ("sens_date", "Le sens de la date, avec les mots du document", lambda b: b.date_label),
            ("date", "La date, si le document en donne une", lambda b: b.date_value),
            ("passage", "Les mots du document qui donnent le chiffre", lambda b: b.excerpt),
            ("precision", "Précision de l’équipe (classement éditorial)", lambda b: b.note),
            SOURCE_COLUMN,
        ],
    ),
    Table(
        "questions_entretien",
        "Les questions d’entretien.",
        lambda: content.interview_questions(),
        [
            ("source", "Identifiant du document source", source_slug),
            ("rang", "Rang dans le document", lambda q: q.order),
            ("question", "La question", lambda q: q.text),
            (
                "type",
                "experience, situation ou connaissance (classement éditorial)",
                lambda q: q.kind,
            ),
            ("theme", "Thème (classement éditorial)", lambda q: q.theme),
            (
                "reponse_attendue",
                "Réponse attendue, quand le document la donne",
                lambda q: q.expected_answer,
            ),
            ("origine_reponse", "D’où vient la réponse", lambda q: q.expected_answer_note),
            (
                "metiers",
                "Métiers, séparés par « | »",
                lambda q: joined(r.slug for r in q.roles.all()),
            ),
            (
                "competences",
                "Compétences évaluées, séparées par « | »",
                lambda q: joined(s.slug for s in q.skills.all()),
            ),
        ],
    ),
    Table(
        "etudes_de_cas",
        "Les études de cas.",
        lambda: content.case_studies(),
        [
            ROLE_COLUMN,
            ("titre", "Titre", lambda c: c.title),
            ("situation", "La situation", lambda c: c.scenario),
            ("consigne", "La consigne", lambda c: c.task),
            (
                "competences",
                "Compétences évaluées, séparées par « | »",
                lambda c: joined(s.slug for s in c.skills.all()),
            ),
            SOURCE_COLUMN,
        ],
    ),
]

LICENCE = serializers.LICENCE_NOT_STATED


def yes_no(value):
    return "oui" if value else "non"


def csv_cell(value):
    if isinstance(value, int | float):
        return value
    return spreadsheet_text(value) if value else ""


def csv_chunks(table):
    """The table as CSV, in chunks of encoded bytes."""
    out = io.StringIO()
    out.write("\ufeff")  # lets Excel read the file as UTF-8
    writer = csv.writer(out, delimiter=";")
    writer.writerow([name for name, _description, _value in table.columns])
    for number, row in enumerate(table.rows().iterator(chunk_size=CHUNK), start=1):
        writer.writerow([csv_cell(value(row)) for _name, _description, value in table.columns])
        if number % CHUNK == 0:
            yield take(out)
    yield take(out)


def take(out):
    data = out.getvalue().encode()
    out.seek(0)
    out.truncate()
    return data


JSON_PARTS = [
    # (key, queryset, serializer)
    ("sources", content.sources, serializers.SourceSerializer),
    ("metiers", content.roles_with_sheet, serializers.RoleDetailSerializer),
    ("competences", content.skills, serializers.SkillDetailSerializer),
    ("formations", content.trainings, serializers.TrainingSerializer),
    ("salaires", content.salary_bands, serializers.SalaryBandSerializer),
    ("questions_entretien", content.interview_questions, serializers.QuestionWithRolesSerializer),
    ("etudes_de_cas", content.case_studies, serializers.CaseStudyWithRoleSerializer),
]


def json_chunks(request, generated, last_change):
    """One JSON document with the API's representation of everything, item by item."""

    def dump(value):
        return json.dumps(value, cls=JSONEncoder, ensure_ascii=False)

    head = {
        "genere_le": generated.isoformat(),
        "derniere_modification": last_change.isoformat() if last_change else None,
        "licence": LICENCE,
    }
    yield dump(head)[:-1].encode()
    for key, rows, serializer in JSON_PARTS:
        yield f', "{key}": ['.encode()
        for number, row in enumerate(rows().iterator(chunk_size=CHUNK)):
            data = serializer(row, context={"request": request}).data
            yield ((", " if number else "") + dump(data)).encode()
        yield b"]"
    yield b"}\n"


class Pipe:
    """A write-only file for zipfile: what is written waits in memory until taken."""

    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def zip_stream(files):
    """The ZIP of `files` ((name, iterable of bytes)), written as it is read."""
    pipe = Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, chunks in files:
            with archive.open(name, "w", force_zip64=True) as entry:
                for chunk in chunks:
                    entry.write(chunk)
                    data = pipe.take()
                    if data:
                        yield data
    yield pipe.take()


def readme(generated, last_change):
    """LISEZMOI.txt: what the archive holds, column by column, and where it comes from."""
    lines = [
        "Fiches métiers du e-commerce — données ouvertes",
        "=" * 47,
        "",
        f"Archive produite le : {generated:%d/%m/%Y à %H:%M} (heure de Paris)",
        "Dernière modification du contenu : "
        + (
            f"{timezone.localtime(last_change):%d/%m/%Y à %H:%M} (heure de Paris)"
            if last_change
            else "aucune modification par les éditeurs depuis le chargement des documents"
        ),
        "",
        "Contenu",
        "-------",
        "fiches-metiers.json : tout le contenu, dans la forme de l’API (/api/v1/…).",
        "csv/*.csv : une table par fichier, UTF-8 avec BOM, champs séparés par « ; ».",
        "Les identifiants sont stables ; une cellule de texte qui commence par = + - @ est "
        "précédée d’une apostrophe pour qu’un tableur ne l’exécute pas.",
        "Les champs marqués « classement éditorial » disent comment les éditeurs ont rangé le "
        "contenu ; tous les autres textes sont ceux des documents.",
        "",
        "Sources et licences",
        "-------------------",
        "Chaque ligne indique le document d’où elle vient (colonne source). Aucun document "
        "n’énonce de licence : la licence de chacun est « non précisée par le document ».",
    ]
    for source in content.sources():
        lines.append(f"- {source.slug} : {source.title} — licence : {LICENCE}")
    for table in TABLES:
        lines += ["", table.file_name, "-" * len(table.file_name), table.description]
        lines += [f"  {name} : {description}" for name, description, _value in table.columns]
    return ("\n".join(lines) + "\n").encode()


def archive_files(request):
    generated = timezone.localtime()
    last_change = content.last_change()
    yield "LISEZMOI.txt", [readme(generated, last_change)]
    yield "fiches-metiers.json", json_chunks(request, generated, last_change)
    for table in TABLES:
        yield table.file_name, csv_chunks(table)


def archive_response(request):
    response = StreamingHttpResponse(
        zip_stream(archive_files(request)), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="{ARCHIVE_NAME}"'
    return response
