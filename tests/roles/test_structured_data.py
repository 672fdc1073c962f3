"""schema.org `Occupation` JSON-LD for the sheets, and the crosswalk codes editors set."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.html import escape

from roles.models import Role

pytestmark = pytest.mark.django_db

DIRECTOR = "directeur-e-commerce"


def occupation_of(slug):
    """The JSON-LD the sheet's partial renders for the role, parsed (no query: the sheet's
    prefetched rows are all it reads)."""
    role = Role.objects.with_sheet().get(slug=slug)
    request = RequestFactory().get(role.get_absolute_url())
    html = render_to_string("roles/_jsonld.html", {"role": role, "request": request})
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def test_director_occupation_gives_document_002_figures_per_level_and_place(content):
    (occupation,) = occupation_of(DIRECTOR)

    assert occupation["@context"] == "https://schema.org"
    assert occupation["@type"] == "Occupation"
    assert occupation["name"] == "Directeur E-commerce"
    assert (
        occupation["mainEntityOfPage"]["@id"] == "http://testserver/metiers/directeur-e-commerce/"
    )
    salaries = occupation["estimatedSalary"]
    assert {s["@type"] for s in salaries} == {"MonetaryAmountDistribution"}
    assert {s["currency"] for s in salaries} == {"EUR"}
    figures = {s["name"]: s["median"] for s in salaries}
    assert figures == {
        "Junior (0-2 ans d’exp) — Paris": 77000,
        "Junior (0-2 ans d’exp) — Grandes villes": 73000,
        "Junior (0-2 ans d’exp) — Régions": 69500,
        "Confirmé (2-5 ans d’exp) — Paris": 85000,
        "Confirmé (2-5 ans d’exp) — Grandes villes": 81000,
        "Confirmé (2-5 ans d’exp) — Régions": 77000,
        "Senior (+5 ans d’exp) — Paris": 150000,
        "Senior (+5 ans d’exp) — Grandes villes": 143000,
        "Senior (+5 ans d’exp) — Régions": 136000,
    }
    text = json.dumps(salaries, ensure_ascii=False)
    assert "brut" not in text  # document 002 states neither gross nor net
    assert "duration" not in text  # nor a period


def test_occupation_carries_the_sheet_texts_and_nothing_the_page_does_not_show(client, content):
    (occupation,) = occupation_of(DIRECTOR)
    page = client.get(f"/metiers/{DIRECTOR}/").content.decode()

    assert occupation["description"] == (
        "Le Directeur e-commerce est le responsable d’une boutique en ligne au point de vue "
        "commercial et marketing."
    )
    assert "Elaborer la stratégie e-commerce de l’entreprise" in occupation["responsibilities"]
    assert occupation["experienceRequirements"] == [
        "Il doit également avoir une expérience significative de 5 à 6 ans dans le monde du "
        "e-commerce."
    ]
    texts = [occupation["name"], occupation["description"]]
    for key in ("alternateName", "skills", "educationRequirements", "responsibilities"):
        texts += occupation.get(key, [])
    texts += occupation["experienceRequirements"]
    missing = [text for text in texts if escape(text) not in page]
    assert not missing
    assert "occupationalCategory" not in occupation  # no editor has set a code
    assert "lastReviewed" not in json.dumps(occupation)  # the sheet shows no review date


def test_ranges_are_monetary_amounts_with_the_basis_and_period_the_document_states(content):
    (occupation,) = occupation_of("coordinateur-commercial-e-commerce")

    first = occupation["estimatedSalary"][0]
    assert first == {
        "@type": "MonetaryAmount",
        "name": "Débutant — lieu non précisé — brut annuel",
        "currency": "EUR",
        "minValue": 25000,
        "maxValue": 30000,
    }


def test_undocumented_role_has_no_occupation_markup(content):
    assert occupation_of("directeur-marketing") == []


def test_occupational_category_lists_only_the_codes_an_editor_set(content):
    Role.objects.filter(slug=DIRECTOR).update(
        rome_code="M1707",
        esco_uri="http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-123456789abc",
    )

    (occupation,) = occupation_of(DIRECTOR)

    assert [
        (c["inCodeSet"]["name"], c["codeValue"]) for c in occupation["occupationalCategory"]
    ] == [
        ("ROME", "M1707"),
        ("ESCO", "http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-123456789abc"),
    ]


def test_json_ld_cannot_close_its_script_block(make_role, make_source):
    source = make_source(text="Un métier </script><script>alert(1)</script> & plus.")
    role = make_role(
        "Métier piégé",
        source=source,
        summary="</script><script>alert(1)</script> &",
        summary_source=source,
    )
    html = render_to_string(
        "roles/_jsonld.html", {"role": Role.objects.with_sheet().get(pk=role.pk)}
    )

    assert html.count("</script>") == 1
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block)["description"] == "</script><script>alert(1)</script> &"


def test_rendering_the_markup_runs_no_query(content, django_assert_num_queries):
    role = Role.objects.with_sheet().get(slug=DIRECTOR)

    with django_assert_num_queries(0):
        render_to_string("roles/_jsonld.html", {"role": role})


# Crosswalk codes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rome_code", "M1705"),
        ("esco_uri", "http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-123456789abc"),
        ("isco_code", "1221"),
    ],
)
def test_well_formed_codes_are_accepted(make_role, field, value):
    role = make_role()
    setattr(role, field, value)

    role.full_clean()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rome_code", "m1705", "Un code ROME est une lettre majuscule"),
        ("rome_code", "M170", "Un code ROME est une lettre majuscule"),
        ("rome_code", "Z1705", "Un code ROME est une lettre majuscule"),
        (
            "esco_uri",
            "https://esco.ec.europa.eu/fr/classification/occupation",
            "Une adresse ESCO de métier",
        ),
        (
            "esco_uri",
            "http://data.europa.eu/esco/occupation/pas-un-uuid",
            "Une adresse ESCO de métier",
        ),
        ("isco_code", "122", "exactement 4 chiffres"),
        ("isco_code", "12a1", "exactement 4 chiffres"),
    ],
)
def test_malformed_codes_get_a_french_message(make_role, field, value, message):
    role = make_role()
    setattr(role, field, value)

    with pytest.raises(ValidationError) as error:
        role.full_clean()

    assert message in " ".join(error.value.message_dict[field])


def test_codes_are_empty_until_an_editor_sets_them(content):
    codes = Role.objects.values_list("rome_code", "esco_uri", "isco_code")

    assert set(codes) == {("", "", "")}


def test_codes_partial_shows_only_the_codes_set_and_marks_them_editorial(make_role):
    role = make_role(rome_code="M1707")

    html = render_to_string("roles/_codes.html", {"role": role})

    assert "M1707" in html
    assert "classement éditorial" in html
    assert "ESCO" not in html
    assert render_to_string("roles/_codes.html", {"role": make_role()}).strip() == ""


def test_api_role_detail_gives_the_codes(client, make_role):
    role = make_role(rome_code="M1707", isco_code="1221")

    data = client.get(f"/api/v1/metiers/{role.slug}/").json()

    assert (data["rome_code"], data["esco_uri"], data["isco_code"]) == ("M1707", "", "1221")


def test_a_sheet_reviewed_by_an_editor_says_so_and_its_json_ld_carries_the_date(client, content):
    import datetime

    from roles.models import Role

    Role.objects.filter(slug="directeur-e-commerce").update(reviewed_on=datetime.date(2026, 11, 2))
    html = client.get("/metiers/directeur-e-commerce/").content.decode()

    assert "Relue le 2 novembre 2026" in html
    block = html[html.index('type="application/ld+json"') :]
    assert '"lastReviewed": "2026-11-02"' in block[: block.index("</script>")]
