"""The read API over the content of the five documents: a client reads every role, with its
sources and facts, through the API alone, and finds what the role sheets show."""

import csv
import html
import io
import re

import pytest

from roles.models import Role
from tests.api.test_downloads import open_archive, read_csv

pytestmark = pytest.mark.django_db


def shown(text, page):
    """Every sentence of `text` is on the page: the sheet shows each sentence once, so a
    sentence another row quoted higher up is not repeated there (issue 11)."""
    page = " ".join(page.split())  # a document's non-breaking spaces count as spaces
    sentences = re.split(r"(?<=[.!?…])\s+", text.strip())
    return all(" ".join(sentence.split()) in page for sentence in sentences)


def all_pages(client, url):
    """Every item of a paginated list, following `next`."""
    items = []
    while url:
        answer = client.get(url)
        assert answer.status_code == 200, url
        body = answer.json()
        items += body["results"]
        url = body["next"]
    return items


def test_a_client_reads_every_role_with_its_sources_and_facts_through_the_api(client, content):
    roles = all_pages(client, "/api/v1/metiers/")

    assert sorted(role["slug"] for role in roles) == sorted(
        Role.objects.values_list("slug", flat=True)
    )
    for listed in roles:
        sheet = Role.objects.with_sheet().get(slug=listed["slug"])
        detail = client.get(listed["url"]).json()
        page = html.unescape(client.get(sheet.get_absolute_url()).content.decode())

        assert detail["name"] == sheet.name and detail["name"] in page
        assert {s["slug"] for s in detail["sources"]} == {s.slug for s in sheet.sources.all()}
        assert [
            (f["text"], f["source"]["slug"], f["source"]["title"]) for f in detail["facts"]
        ] == [(f.text, f.source.slug, f.source.title) for f in sheet.facts.all()]
        for fact in detail["facts"]:
            assert shown(fact["text"].split("\n")[0], page)
        for alias in detail["aliases"]:
            assert alias["name"] in page
        for mission in detail["missions"]:
            assert mission["title"] in page
        for skill in detail["skills"] + detail["tools"]:
            assert skill["skill"]["name"] in page and skill["source"]["slug"]
        assert len(detail["skills"]) + len(detail["tools"]) == len(sheet.role_skills.all())
        assert len(detail["skill_matrix"]) == len(sheet.matrix_cells.all())
        for cell in detail["skill_matrix"]:
            assert shown(cell["description"], page)
        for training in detail["trainings"]:
            assert training["training"]["name"] in page
        assert [(b["low"], b["high"], b["location"]) for b in detail["salary_bands"]] == [
            (b.low, b.high, b.location.name if b.location else None)
            for b in sheet.salary_bands.all()
        ]
        for question in detail["interview_questions"]:
            assert question["text"] in page
        assert len(detail["moves_out"]) == len(sheet.moves_out.all())
        assert len(detail["moves_in"]) == len(sheet.moves_in.all())
        assert detail["page"].endswith(sheet.get_absolute_url())


def test_role_detail_gives_each_salary_band_with_its_level_place_and_source(client, content):
    detail = client.get("/api/v1/metiers/directeur-e-commerce/").json()

    band = detail["salary_bands"][0]
    assert band["currency"] == "EUR" and band["source"]["slug"].startswith("doc-")
    assert band["location"] and band["low"] <= band["high"]
    # Document 002's table says neither gross nor net, nor per year; its date is an update's.
    assert (band["basis"], band["period"]) == ("", "")
    assert (band["date_label"], band["date_value"]) == ("Date de dernière mise à jour", "2024")
    assert band["excerpt"] in band["source"]["title"] or band["excerpt"].endswith("2024 |")


def test_role_detail_gives_no_place_where_the_document_names_none(client, content):
    detail = client.get("/api/v1/metiers/coordinateur-commercial-e-commerce/").json()

    assert {b["location"] for b in detail["salary_bands"]} == {None}
    assert {(b["basis"], b["period"]) for b in detail["salary_bands"]} == {("brut", "annuel")}


def test_archive_salaries_give_the_same_figures_as_the_salaries_page(client, content):
    site = b"".join(client.get("/salaires/salaires.csv").streaming_content).decode("utf-8-sig")
    site_rows = list(csv.reader(io.StringIO(site), delimiter=";"))[1:]

    rows = read_csv(open_archive(client), "csv/salaires.csv")

    assert len(rows) == len(site_rows) > 0
    assert [(r["lieu"], int(r["bas"]), int(r["haut"])) for r in rows] == [
        (row[3], int(row[4]), int(row[5])) for row in site_rows
    ]
