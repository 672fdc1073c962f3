"""The API's role list gives no figure computed across documents (no salary minimum or
maximum over the bands of several documents): each band, with its document, is in the role's
sheet (/api/v1/metiers/<slug>/) and /api/v1/salaires/."""

import pytest

from salaries.models import SalaryBand

pytestmark = pytest.mark.django_db


def numbers(value):
    """Every number anywhere in a JSON value."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [value]
    if isinstance(value, dict):
        return [n for item in value.values() for n in numbers(item)]
    if isinstance(value, list):
        return [n for item in value for n in numbers(item)]
    return []


def test_role_list_gives_no_salary_figure(client, make_role, make_source):
    first, second = make_source(), make_source()
    role = make_role("Chef de projet test", source=first)
    SalaryBand.objects.create(role=role, low=30000, high=40000, source=first)
    SalaryBand.objects.create(role=role, low=2500, high=3200, source=second)

    answer = client.get("/api/v1/metiers/")

    entries = answer.json()["results"]
    assert [entry["slug"] for entry in entries] == [role.slug]
    assert not {key for key in entries[0] if key.startswith("salary")}
    assert numbers(entries) == []


def test_role_sheet_gives_each_documents_band_apart(client, make_role, make_source):
    first, second = make_source(), make_source()
    role = make_role("Chef de projet test", source=first)
    SalaryBand.objects.create(role=role, low=30000, high=40000, source=first)
    SalaryBand.objects.create(role=role, low=2500, high=3200, source=second)

    bands = client.get(f"/api/v1/metiers/{role.slug}/").json()["salary_bands"]

    assert sorted((b["low"], b["high"], b["source"]["slug"]) for b in bands) == [
        (2500, 3200, second.slug),
        (30000, 40000, first.slug),
    ]
