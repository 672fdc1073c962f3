"""Factories for the salary explorer's tests, and `bands`: the explorer's test content."""

import pytest

from roles.models import Level
from salaries.models import Location, SalaryBand


@pytest.fixture
def make_location(db):
    def make(name, order=0):
        return Location.objects.get_or_create(
            slug=name.lower().replace(" ", "-"), defaults={"name": name, "order": order}
        )[0]

    return make


@pytest.fixture
def make_band(make_location):
    def make(role, low, high, *, level=None, location="France", source=None, date="", **fields):
        return SalaryBand.objects.create(
            role=role,
            experience_level=level,
            location=make_location(location) if isinstance(location, str) else location,
            low=low,
            high=high,
            date_value=date,
            **fields,
            source=source or role.sources.first(),
        )

    return make


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
