"""The salary explorer (/salaires/): one table, filters, sort, charts. Its CSV:
test_explorer_csv.py; its queries and size as bands grow: test_explorer_queries.py."""

import re

import pytest

from salaries.charts import nice_maximum
from salaries.views import PAGE_SIZE
from tests.salaries.explorer_pages import EXPLORER, many_bands, table_rows

pytestmark = pytest.mark.django_db


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


def test_header_links_to_the_salaries_and_marks_the_current_page(client, bands):
    page = client.get(EXPLORER).content.decode()

    assert f'<a href="{EXPLORER}" aria-current="page">Salaires</a>' in page


def test_role_sheet_links_to_its_salaries_in_the_explorer(client, bands):
    director = bands["director"]

    page = client.get(director.get_absolute_url()).content.decode()

    assert f'href="{EXPLORER}?role={director.slug}"' in page


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
