"""/donnees/fiches-metiers.zip: the whole knowledge base as JSON and as CSV files, one per table.

The archive is written while it is sent (a zip stream into a generator), from the database as
it stands: it is always current, with nothing to regenerate or invalidate. The tables and their
columns are those of api/tables.py (which the API's serializers read too). CSV files are
written for French spreadsheets like /salaires/salaires.csv: UTF-8 with a byte order mark,
`;` between fields, whole euros, text that could run as a formula prefixed with « ' ».
"""

import csv
import io
import json
import zipfile

from django.http import StreamingHttpResponse
from django.utils import timezone
from rest_framework.utils.encoders import JSONEncoder

from salaries.views import spreadsheet_text

from . import content, serializers
from .tables import LICENCE_NOT_STATED as LICENCE
from .tables import TABLES

ARCHIVE_NAME = "fiches-metiers.zip"
CHUNK = 500  # rows fetched at a time


def csv_cell(value):
    if isinstance(value, int | float):
        return value
    return spreadsheet_text(value) if value else ""


def csv_chunks(table):
    """The table as CSV, in chunks of encoded bytes."""
    out = io.StringIO()
    out.write("\ufeff")  # lets Excel read the file as UTF-8
    writer = csv.writer(out, delimiter=";")
    columns = table.csv_columns
    writer.writerow([column.header for column in columns])
    for number, row in enumerate(table.rows().iterator(chunk_size=CHUNK), start=1):
        writer.writerow([csv_cell(column.value(row)) for column in columns])
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
        lines += [f"  {c.header} : {c.description}" for c in table.csv_columns]
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
