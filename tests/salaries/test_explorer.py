"""The salary explorer (/salaires/): one table, filters, sort, charts, and its CSV."""

import csv
import html as html_module
import io
import re

import pytest
from django.urls import reverse

from roles.models import Level
from salaries.charts import nice_maximum
from salaries.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

EXPLORER = reverse("salaries:explorer")
CSV = reverse("salaries:csv")


@pytest.fixture
def bands(make_role, make_source, make_level, make_band):
    """A coordinator with three levels, a manager priced by two documents, a director by
    level and location in 2024."""
    coordinator = make_role("Coordinateur Test", level=Level.COORDINATION)
    manager = make_role("Responsable Test")
    director = make_role("Directeur Test", level=Level.DIRECTION)
    source = coordinator.sources.get()
    junior = make_level("Débutant", "junior", source, 0)
    make_band(coordinator, 25000, 30000, level=junior)
    make_band(coordinator, 30000, 40000, level=make_level("Intermédiaire", "confirme", source, 1))
    make_band(coordinator, 40000, 55000, level=make_level("Expérimenté", "senior", source, 2))
    second_source = make_source(title="Second document")
    manager.sources.add(second_source)
    make_band(manager, 40000, 60000, note="En moyenne")
    make_band(manager, 42000, 58000, source=second_source)
    source = director.sources.get()
    director_junior = make_level("Junior", "junior", source, 0, years="0-2 ans")
    senior = make_level("Senior", "senior", source, 2, years="+5 ans")
    updated = {"date": "2024", "date_label": "Date de dernière mise à jour"}
    make_band(director, 77000, 77000, level=director_junior, location="Paris", **updated)
    make_band(director, 69500, 69500, level=director_junior, location="Régions", **updated)
    make_band(director, 150000, 150000, level=senior, location="Paris", **updated)
    return {"coordinator": coordinator, "manager": manager, "director": director}


def table_rows(page):
    """(role, low, high, year) of each row of the explorer's table, as the page shows it."""
    table = page[page.index('class="salaries salary-table"') :]
    body = table[table.index("<tbody>") : table.index("</table>")]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        role = re.search(r'<th scope="row"><a [^>]*>(.*?)</a>', row).group(1)
        figure = re.search(
            r'<td class="num salary-figure">(.*?)(?:<span class="note">|</td>)', row, re.S
        ).group(1)
        amounts = [int(a.replace("\u202f", "")) for a in re.findall(r"\d[\d\u202f]*", figure)]
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        year = cells[-2].strip()
        rows.append((html_module.unescape(role), amounts[0], amounts[-1], year))
    return rows


def test_explorer_shows_every_band_with_its_year_and_source_in_french_money_format(client, bands):
    response = client.get(EXPLORER)

    page = response.content.decode()
    assert response.status_code == 200
    assert len(table_rows(page)) == 8
    assert "de 25\u202f000\u00a0€ à 30\u202f000\u00a0€" in page
    assert "150\u202f000\u00a0€" in page
    assert ("Directeur Test", 77000, 77000, "Date de dernière mise à jour : 2024") in table_rows(
        page
    )
    assert ("Coordinateur Test", 25000, 30000, "non précisée") in table_rows(page)
    assert page.count('class="src"') >= 8 + 4  # a source beside every figure and every chart
    assert "En moyenne" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("role=directeur-test", {("Directeur Test", 77000), ("Directeur Test", 69500),
                                 ("Directeur Test", 150000)}),
        ("experience=junior", {("Coordinateur Test", 25000), ("Directeur Test", 77000),
                               ("Directeur Test", 69500)}),
        ("lieu=paris", {("Directeur Test", 77000), ("Directeur Test", 150000)}),
        ("experience=non-detaille", {("Responsable Test", 40000), ("Responsable Test", 42000)}),
        ("experience=senior&lieu=paris", {("Directeur Test", 150000)}),
    ],
)  # fmt: skip
def test_filters_keep_the_bands_of_the_role_experience_and_location_asked_for(
    client, bands, query, expected
):
    page = client.get(f"{EXPLORER}?{query}").content.decode()

    assert {(role, low) for role, low, _high, _year in table_rows(page)} == expected


def test_sort_by_salary_both_ways_and_say_so_in_the_header(client, bands):
    descending = client.get(f"{EXPLORER}?tri=-salaire").content.decode()
    ascending = client.get(f"{EXPLORER}?tri=salaire&lieu=paris").content.decode()

    lows = [low for _role, low, _high, _year in table_rows(descending)]
    assert lows == sorted(lows, reverse=True)
    assert 'aria-sort="descending"' in descending
    assert 'href="?tri=salaire"' in descending  # the header link turns the order round
    assert [low for _r, low, _h, _y in table_rows(ascending)] == [77000, 150000]
    assert 'href="?tri=-salaire&amp;lieu=paris"' in ascending  # filters kept


def test_default_order_is_role_then_source_then_experience(client, bands):
    page = client.get(EXPLORER).content.decode()

    assert [(role, low) for role, low, _h, _y in table_rows(page)][:4] == [
        ("Coordinateur Test", 25000),
        ("Coordinateur Test", 30000),
        ("Coordinateur Test", 40000),
        ("Directeur Test", 77000),
    ]


def test_bad_parameters_are_french_form_errors_and_the_other_filters_still_apply(client, bands):
    response = client.get(
        f"{EXPLORER}?experience=expert&tri=nimporte&nature=mensuel&lieu=paris&page=zz"
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Le niveau d’expérience « expert » n’existe pas." in page
    assert "On ne peut pas trier par « nimporte »." in page
    assert "« mensuel » n’est ni brut, ni net, ni non précisé." in page
    assert page.count('aria-invalid="true"') == 3
    assert {low for _role, low, _h, _y in table_rows(page)} == {77000, 150000}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("role=directeur-test", {"Directeur Test"}),  # the slug the role sheets link with
        ("role=directeur", {"Directeur Test"}),  # part of the name, any case
        ("role=+TEST+", {"Coordinateur Test", "Responsable Test", "Directeur Test"}),
    ],
)
def test_role_filter_takes_a_slug_or_part_of_a_name(client, bands, query, expected):
    page = client.get(f"{EXPLORER}?{query}").content.decode()

    assert {role for role, _low, _h, _y in table_rows(page)} == expected


def test_role_filter_matching_nothing_says_so_on_a_usable_page(client, bands):
    response = client.get(f"{EXPLORER}?role=inconnu")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Aucune fourchette de salaire ne correspond à ces filtres." in page
    assert 'name="role" value="inconnu"' in page


def test_unknown_location_is_a_form_error_too(client, bands):
    response = client.get(f"{EXPLORER}?lieu=atlantide")

    assert response.status_code == 200
    assert "Le lieu « atlantide » n’existe pas." in response.content.decode()


def test_no_band_matching_says_so(client, bands):
    page = client.get(f"{EXPLORER}?role=coordinateur-test&lieu=paris").content.decode()

    assert "Aucune fourchette de salaire ne correspond à ces filtres." in page


def test_bands_from_two_documents_for_one_role_are_charted_side_by_side_never_merged(
    client, bands
):
    response = client.get(f"{EXPLORER}?role=responsable-test")

    page = response.content.decode()
    (manager_charts,) = response.context["role_charts"]
    assert [len(chart.bands) for chart in manager_charts.charts] == [1, 1]
    assert manager_charts.charts[0].source != manager_charts.charts[1].source
    assert "côte à côte, sans être fusionnés" in page
    assert page.count('<figure class="salary-chart">') == 2
    assert len(table_rows(page)) == 2


def test_each_chart_has_one_bar_per_location_and_every_figure_written_as_text(client, bands):
    response = client.get(f"{EXPLORER}?role=directeur-test")

    page = response.content.decode()
    (chart,) = response.context["role_charts"][0].charts
    junior, senior = chart.groups
    assert [bar.band.location.name for bar in junior.bars] == ["Paris", "Régions"]
    assert junior.bars[0].series != junior.bars[1].series  # one series per location
    assert junior.bars[0].series == senior.bars[0].series  # the same in every group
    figure = page[page.index('<figure class="salary-chart">') : page.index("</figure>")]
    svg = figure[figure.index("<svg") : figure.index("</svg>")]
    assert "Paris : 77\u202f000\u00a0€" in svg  # beside the bar
    assert "Régions : 69\u202f500\u00a0€" in svg
    # and in the table that follows: the charts draw the table's rows
    assert {low for _role, low, _h, _y in table_rows(page)} == {
        bar.band.low for group in chart.groups for bar in group.bars
    }
    # The date with the meaning its document gives it, never « chiffres de 2024 ».
    assert "Date de dernière mise à jour : 2024" in figure
    assert "chiffres de 2024" not in page
    assert not re.search(r"\sstyle=", page)


def test_chart_scale_ends_on_a_round_figure(bands):
    assert nice_maximum(150000) == (150000, 50000)
    assert nice_maximum(151000) == (200000, 50000)
    assert nice_maximum(55000) == (60000, 20000)
    assert nice_maximum(100000) == (100000, 25000)
    assert nice_maximum(3_000_000) == (3_000_000, 500_000)


def read_csv(response):
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


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


def test_header_links_to_the_salaries_and_marks_the_current_page(client, bands):
    page = client.get(EXPLORER).content.decode()

    assert f'<a href="{EXPLORER}" aria-current="page">Salaires</a>' in page


def test_role_sheet_links_to_its_salaries_in_the_explorer(client, bands):
    director = bands["director"]

    page = client.get(director.get_absolute_url()).content.decode()

    assert f'href="{EXPLORER}?role={director.slug}"' in page


def many_bands(make_role, make_level, make_band, count):
    for i in range(count):
        role = make_role(f"Métier {i:03}")
        level = make_level(f"Niveau {i}", "junior", role.sources.get())
        make_band(role, 30000 + i, 40000 + i, level=level, location=f"Ville {i % 7}", date="2024")


@pytest.mark.parametrize("size", [5, 80])
def test_explorer_runs_the_same_queries_whatever_the_number_of_bands(
    client, make_role, make_level, make_band, size, django_assert_max_num_queries
):
    many_bands(make_role, make_level, make_band, size)

    # 1 count, 1 the page's ids in table order, 1 their bands with role, level, location
    # and source, 1 locations
    # (the `lieu` choices and the chart series)
    with django_assert_max_num_queries(4):
        response = client.get(EXPLORER)
    assert len(response.context["bands"]) == min(size, PAGE_SIZE)

    # the same with every filter: `lieu` is checked against the locations already read
    with django_assert_max_num_queries(4):
        response = client.get(f"{EXPLORER}?role=metier-000&lieu=ville-0&nature=brut&tri=-salaire")
    assert response.status_code == 200

    with django_assert_max_num_queries(4):
        response = client.get(f"{EXPLORER}?page=2")  # the last page when there is only one
    assert len(response.context["bands"]) == (
        min(size - PAGE_SIZE, PAGE_SIZE) if size > PAGE_SIZE else size
    )


@pytest.mark.parametrize("size", [PAGE_SIZE + 10, 4 * PAGE_SIZE])
def test_page_stays_the_same_size_whatever_the_number_of_roles(
    client, make_role, make_level, make_band, size, django_assert_max_num_queries
):
    """The page draws only its 30 rows and the charts of their roles: four times the
    content must not make it grow (the bands differ only by their figures)."""
    many_bands(make_role, make_level, make_band, size)

    first = len(client.get(EXPLORER).content)
    make_more = 3 * size
    for i in range(size, size + make_more):
        role = make_role(f"Métier {i:04}")
        level = make_level(f"Niveau {i}", "junior", role.sources.get())
        make_band(role, 30000, 40000, level=level, location=f"Ville {i % 7}", date="2024")
    again = client.get(EXPLORER)

    assert again.context["paginator"].count == size + make_more
    assert abs(len(again.content) - first) < 1000
    assert len(again.content) < 150_000


@pytest.mark.parametrize("size", [5, 80])
def test_csv_runs_the_same_queries_whatever_the_number_of_bands(
    client, make_role, make_level, make_band, size, django_assert_max_num_queries
):
    many_bands(make_role, make_level, make_band, size)

    # 1 check of `lieu`, 1 bands with role, level, location and source
    with django_assert_max_num_queries(2):
        response = client.get(f"{CSV}?lieu=ville-0")
    assert len(read_csv(response)) == 1 + len(range(0, size, 7))


def test_each_figure_carries_only_the_nature_its_document_states(client, make_role, make_band):
    role = make_role("Analyste Test")
    make_band(role, 30000, 40000, basis="brut", period="annuel", location="Paris")
    make_band(role, 50000, 60000, location=None)

    response = client.get(EXPLORER)

    page = response.content.decode()
    natures = {band.low: band.nature for band in response.context["bands"]}
    assert natures == {30000: "brut annuel", 50000: ""}
    rows = page[page.index("<tbody>", page.index("salary-table")) :]
    assert rows.count("brut annuel") == 1  # beside the one figure whose document says so
    assert "non précisée" in rows
    assert "lieu non précisé" in rows
    assert page.count("brut annuel") == 2  # that figure, in its chart and in the table
    assert "brut annuel" not in page[: page.index('id="h-graphiques"')]  # no global label


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lieu=non-precise", {50000}),
        ("nature=non-precise", {50000}),
        ("nature=brut", {30000}),
        ("nature=net", {70000}),
    ],
)
def test_place_and_nature_filters_include_what_the_document_does_not_state(
    client, make_role, make_band, query, expected
):
    role = make_role("Analyste Test")
    make_band(role, 30000, 40000, basis="brut", period="annuel", location="Paris")
    make_band(role, 50000, 60000, location=None)
    make_band(make_role("Chef Test"), 70000, 80000, basis="net", location="Paris")

    page = client.get(f"{EXPLORER}?{query}").content.decode()

    assert {low for _role, low, _h, _y in table_rows(page)} == expected
    assert '<option value="non-precise"' in page


def test_each_band_badge_opens_its_passage_in_its_document(client, make_role, make_band):
    role = make_role("Analyste Test")
    source = role.sources.get()
    band = make_band(role, 30000, 40000)

    page = client.get(EXPLORER).content.decode()

    assert f'href="{band.passage_url()}"' in page
    assert band.passage_url().startswith(f"{source.get_absolute_url()}#p-") or not band.excerpt


def test_page_beyond_the_last_shows_the_last_page(client, make_role, make_level, make_band):
    many_bands(make_role, make_level, make_band, PAGE_SIZE + 5)

    response = client.get(f"{EXPLORER}?page=99")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert len(table_rows(response.content.decode())) == 5
    assert "Page 2 sur 2" in response.content.decode()


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
