"""/donnees/ and its ZIP: the whole knowledge base as JSON and CSV, the same figures as the
site, streamed, current at each download."""

import csv
import io
import json
import zipfile

import pytest
from django.http import StreamingHttpResponse

from api import downloads
from roles.models import Role

pytestmark = pytest.mark.django_db


def open_archive(client):
    answer = client.get("/donnees/fiches-metiers.zip")
    assert answer.status_code == 200
    assert isinstance(answer, StreamingHttpResponse)
    assert answer["Content-Type"] == "application/zip"
    assert 'filename="fiches-metiers.zip"' in answer["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(answer.streaming_content)))


def read_csv(archive, name):
    text = archive.read(name).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_archive_holds_json_a_csv_per_table_and_a_readme(client, make_full_role):
    role = make_full_role(size=2)

    archive = open_archive(client)

    names = archive.namelist()
    assert {"LISEZMOI.txt", "fiches-metiers.json"} <= set(names)
    assert {table.file_name for table in downloads.TABLES} <= set(names)
    data = json.loads(archive.read("fiches-metiers.json"))
    assert [r["slug"] for r in data["metiers"]] == list(
        Role.objects.values_list("slug", flat=True)
    )
    assert data["metiers"][0]["facts"][0]["source"]["slug"]
    readme = archive.read("LISEZMOI.txt").decode()
    assert "non précisée par le document" in readme
    assert "Dernière modification du contenu" in readme
    for table in downloads.TABLES:
        assert table.file_name in readme
        header = archive.read(table.file_name).decode("utf-8-sig").splitlines()[0]
        assert header == ";".join(column.header for column in table.csv_columns)
    assert [row["identifiant"] for row in read_csv(archive, "csv/metiers.csv")] == list(
        Role.objects.values_list("slug", flat=True)
    )
    facts = read_csv(archive, "csv/faits.csv")
    assert {(f["metier"], f["source"]) for f in facts} == {
        (role.slug, fact.source.slug) for fact in role.facts.all()
    }


def test_archive_text_never_runs_as_a_spreadsheet_formula(client, make_full_role):
    role = make_full_role(size=1)
    role.missions.update(title='=HYPERLINK("http://x")')

    missions = read_csv(open_archive(client), "csv/missions.csv")

    assert missions[0]["intitule"] == '\'=HYPERLINK("http://x")'


def test_archive_follows_the_content_as_it_changes(client, make_role):
    make_role("Premier métier")
    first = read_csv(open_archive(client), "csv/metiers.csv")
    make_role("Second métier")

    second = read_csv(open_archive(client), "csv/metiers.csv")

    assert len(second) == len(first) + 1


@pytest.mark.parametrize("size", [1, 4])
def test_archive_takes_a_fixed_number_of_queries(
    client, make_full_role, size, django_assert_max_num_queries
):
    for _ in range(size):
        make_full_role(size=size)

    # Per 500 rows of a table: readme 3 (last change, sources and their roles); JSON 30
    # (sources 2, roles 20, skills 2, training 2, bands 1, questions 3, case studies 3);
    # CSV 23 (one per table, plus the prefetches of roles, training, questions, case studies).
    with django_assert_max_num_queries(59):
        open_archive(client)


def test_downloads_page_explains_the_archive_and_its_columns(client, db):
    answer = client.get("/donnees/")

    page = answer.content.decode()
    assert answer.status_code == 200
    assert 'href="/donnees/fiches-metiers.zip"' in page
    assert "non précisée par le document" in page
    for table in downloads.TABLES:
        assert table.file_name in page
