"""One description of each table feeds both the API's JSON and the CSV files of the downloads
(api/tables/): a column added, removed or renamed there changes both."""

import json

import pytest

from api import tables
from tests.api.test_downloads import open_archive

pytestmark = pytest.mark.django_db


def test_json_of_the_download_gives_each_table_its_fields_in_order(client, make_full_role):
    make_full_role(size=1)

    data = json.loads(open_archive(client).read("fiches-metiers.json"))

    for key, table in [
        ("sources", tables.SOURCES),
        ("metiers", tables.ROLES),
        ("competences", tables.SKILLS),
        ("formations", tables.TRAININGS),
        ("salaires", tables.SALARIES),
        ("questions_entretien", tables.QUESTIONS),
        ("etudes_de_cas", tables.CASE_STUDIES),
    ]:
        assert list(data[key][0]) == table.fields(), key
    role = data["metiers"][0]
    assert list(role["facts"][0]) == tables.FACTS.fields(omit=["role"])
    assert list(role["salary_bands"][0]) == tables.SALARIES.fields(omit=["role"])


def test_csv_header_and_api_field_of_a_column_come_from_one_place(client, make_full_role):
    make_full_role(size=1)

    archive = open_archive(client)

    for table in tables.TABLES:
        header = archive.read(table.file_name).decode("utf-8-sig").splitlines()[0]
        assert header.split(";") == [column.header for column in table.csv_columns]
    wording = next(c for c in tables.ROLE_SKILLS.columns if c.field == "wording")
    assert wording.header == "formulation"  # « wording » in the JSON, « formulation » in CSV
