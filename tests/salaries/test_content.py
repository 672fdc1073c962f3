"""The salary bands of the content fixtures: the figures of the five source documents, each
band attributed to its document."""

import pytest

from salaries.models import SalaryBand
from tests.documents import (
    COORDINATEUR,
    DIRECTEUR,
    DOC_000,
    DOC_001,
    DOC_002,
    DOC_003,
    RESPONSABLE,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _content(content):
    """The four fixtures, as `manage.py loaddata reference roles salaries interviews` does."""


def test_coordinateur_salary_bands_follow_document_000():
    bands = SalaryBand.objects.filter(role__slug=COORDINATEUR).for_table()

    assert [(b.experience_level.name, b.low, b.high) for b in bands] == [
        ("Débutant", 25000, 30000),
        ("Intermédiaire", 30000, 40000),
        ("Expérimenté", 40000, 55000),
    ]
    assert {b.source.slug for b in bands} == {DOC_000}
    # « bruts annuels » is in document 000; a place is not.
    assert {(b.basis, b.period, b.location) for b in bands} == {("brut", "annuel", None)}
    assert bands[0].excerpt == "Débutant : Entre 25 000 et 30 000 € bruts annuels"


def test_directeur_salary_table_keeps_all_nine_figures_from_document_002():
    bands = SalaryBand.objects.filter(role__slug=DIRECTEUR, source__slug=DOC_002)
    figures = {(b.experience_level.name, b.location.name): b.low for b in bands}

    assert figures == {
        ("Junior", "Paris"): 77000,
        ("Junior", "Grandes villes"): 73000,
        ("Junior", "Régions"): 69500,
        ("Confirmé", "Paris"): 85000,
        ("Confirmé", "Grandes villes"): 81000,
        ("Confirmé", "Régions"): 77000,
        ("Senior", "Paris"): 150000,
        ("Senior", "Grandes villes"): 143000,
        ("Senior", "Régions"): 136000,
    }
    assert all(b.is_single_figure for b in bands)
    # The date is the table's « Date de dernière mise à jour », not the figures' year; the
    # table says neither gross nor net, nor per year.
    assert {(b.date_label, b.date_value) for b in bands} == {
        ("Date de dernière mise à jour", "2024")
    }
    assert {(b.basis, b.period) for b in bands} == {("", "")}
    assert {b.experience_level.slug for b in bands} == {
        "doc-002-salaire-junior",
        "doc-002-salaire-confirme",
        "doc-002-salaire-senior",
    }


def test_the_69_5_k_figure_is_69500_for_regions_junior_2024():
    band = SalaryBand.objects.get(
        role__slug=DIRECTEUR,
        location__slug="regions",
        experience_level__slug="doc-002-salaire-junior",
    )

    assert (band.low, band.high, band.date_value) == (69500, 69500, "2024")
    assert band.excerpt == "Junior (0-2 ans d’exp) | 77 K€ | 73 K€ | 69.5 K€ | 2024 |"


def test_responsable_has_one_range_per_document_for_all_levels():
    bands = SalaryBand.objects.filter(role__slug=RESPONSABLE)

    assert {(b.source.slug, b.low, b.high, b.experience_level_id) for b in bands} == {
        (DOC_001, 40000, 60000, None),
        (DOC_003, 40000, 60000, None),
    }
    from_001, from_003 = bands.get(source__slug=DOC_001), bands.get(source__slug=DOC_003)
    assert "revenus bruts par an" in from_001.excerpt
    assert (from_001.basis, from_001.period, from_001.location) == ("brut", "annuel", None)
    # « Entre 40K et 60K€ »: neither gross nor net, nor a period, nor a place.
    assert from_003.excerpt == "Entre 40K et 60K€"
    assert (from_003.basis, from_003.period, from_003.location) == ("", "", None)
