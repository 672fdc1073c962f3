"""The salary explorer's CSV (/salaires/salaires.csv): the page's figures for the same filters,
for French spreadsheets, streamed."""

import pytest

from salaries.views import PAGE_SIZE
from tests.salaries.explorer_pages import CSV, EXPLORER, many_bands, read_csv, table_rows

pytestmark = pytest.mark.django_db


def test_csv_opens_in_a_french_spreadsheet(client, bands):
    response = client.get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="salaires.csv"' in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:10] == [
        "Métier",
        "Expérience",
        "Années d’expérience",
        "Lieu (vide : non précisé)",
        "Bas (€)",
        "Haut (€)",
        "Brut ou net (vide : non précisé)",
        "Période (vide : non précisée)",
        "Date",
        "Sens de la date",
    ]
    assert "brut annuel" not in ";".join(header)  # only where a document says so, per row
    assert len(rows) == 8
    # Whole euros as plain numbers; the document's « +5 ans » as it writes it.
    senior = ["Directeur Test", "Senior", "+5 ans", "Paris", "150000", "150000", "", "", "2024"]
    assert senior in [row[:9] for row in rows]


@pytest.mark.parametrize(
    "query",
    ["", "experience=junior&tri=-salaire", "lieu=paris&tri=annee", "role=responsable-test"],
)
def test_csv_has_the_same_figures_as_the_page_for_the_same_filters(client, bands, query):
    page = client.get(f"{EXPLORER}?{query}").content.decode()
    csv_rows = read_csv(client.get(f"{CSV}?{query}"))[1:]

    shown = [(role, low, high, year) for role, low, high, year in table_rows(page)]
    exported = [
        (
            row[0],
            int(row[4]),
            int(row[5]),
            f"{row[9]} : {row[8]}" if row[9] else row[8] or "non précisée",
        )
        for row in csv_rows
    ]
    assert exported == shown
    assert shown


def test_page_links_to_the_csv_with_its_filters(client, bands):
    page = client.get(f"{EXPLORER}?lieu=paris&tri=-salaire").content.decode()

    assert f'href="{CSV}?lieu=paris&amp;tri=-salaire"' in page


def test_csv_cells_never_start_a_formula(client, make_role, make_band):
    role = make_role('=HYPERLINK("http://exemple.test")')
    make_band(role, 30000, 40000, note="+ primes")

    (row,) = read_csv(client.get(CSV))[1:]

    assert row[0] == '\'=HYPERLINK("http://exemple.test")'
    assert row[-1] == "'+ primes"  # the team's note: guarded
    assert row[4] == "30000"  # figures stay numbers


def test_csv_streams_every_row_of_every_page_with_the_filters(
    client, make_role, make_level, make_band
):
    many_bands(make_role, make_level, make_band, PAGE_SIZE + 5)

    response = client.get(f"{CSV}?lieu=ville-0&page=1")

    assert response.streaming
    assert len(read_csv(response)) == 1 + len(range(0, PAGE_SIZE + 5, 7))


def test_csv_writes_the_documents_words_as_they_are(
    client, make_role, make_source, make_level, make_band
):
    role = make_role("Directeur Test")
    source = role.sources.get()
    senior = make_level("Senior", "senior", source, 2, years="+5 ans d’exp")
    make_band(role, 150000, 150000, level=senior, excerpt="-150 000 €", note="=note")

    (row,) = read_csv(client.get(CSV))[1:]

    assert row[1:3] == ["Senior", "+5 ans d’exp"]  # the document's words, no apostrophe added
    assert row[10] == "-150 000 €"  # the passage as written
    assert row[-1] == "'=note"  # the team's text, guarded
