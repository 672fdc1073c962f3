"""Factories for the salary explorer's tests."""

import pytest

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
