"""Editors cannot save a salary band whose figures make no sense, in the admin or otherwise."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from salaries.models import Location, SalaryBand

pytestmark = pytest.mark.django_db


def test_admin_refuses_a_salary_band_whose_low_is_above_its_high(client, editor, make_role):
    role = make_role()
    location = Location.objects.create(slug="paris", name="Paris")
    client.force_login(editor)

    response = client.post(
        reverse("admin:salaries_salaryband_add"),
        {
            "role": role.pk,
            "location": location.pk,
            "low": 50000,
            "high": 40000,
            "source": role.sources.get().pk,
        },
    )

    assert response.status_code == 200
    assert "Le bas de la fourchette doit être inférieur ou égal au haut." in (
        response.content.decode()
    )
    assert not SalaryBand.objects.exists()


def test_salary_amounts_must_be_positive(make_role):
    role = make_role()
    band = SalaryBand(
        role=role,
        location=Location.objects.create(slug="paris", name="Paris"),
        low=0,
        high=10,
        source=role.sources.get(),
    )

    with pytest.raises(ValidationError) as error:
        band.full_clean()
    assert "Les montants doivent être positifs." in str(error.value)


def test_database_refuses_a_band_with_low_above_high(make_role):
    role = make_role()
    location = Location.objects.create(slug="paris", name="Paris")

    with pytest.raises(IntegrityError), transaction.atomic():
        SalaryBand.objects.create(
            role=role, location=location, low=9, high=5, source=role.sources.get()
        )
