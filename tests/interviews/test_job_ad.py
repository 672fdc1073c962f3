"""The job ad drafted from a role's documents: every line sourced, nothing invented."""

import json
import re

import pytest
from django.urls import reverse

from roles import provenance
from roles.models import ExperienceLevel, Role
from salaries.models import SalaryBand

pytestmark = pytest.mark.django_db

DIRECTOR = "directeur-e-commerce"


def ad_url(slug, **params):
    query = "&".join(f"{name}={value}" for name, value in params.items())
    url = reverse("interviews:job_ad", kwargs={"slug": slug})
    return f"{url}?{query}" if query else url


def json_ld_blocks(html):
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL
        )
    ]


def section_text(ad, slug):
    return [line.text for line in ad.section(slug).lines]


def test_senior_ad_for_the_director_carries_document_002_senior_figures_without_a_basis(
    client, content
):
    response = client.get(ad_url(DIRECTOR, niveau="senior"))

    ad = response.context["ad"]
    salary = ad.section("remuneration").lines
    assert [(line.label, line.text) for line in salary] == [
        ("Paris", "150\u202f000\u00a0€ (Date de dernière mise à jour : 2024)"),
        ("Grandes villes", "143\u202f000\u00a0€ (Date de dernière mise à jour : 2024)"),
        ("Régions", "136\u202f000\u00a0€ (Date de dernière mise à jour : 2024)"),
    ]
    assert {line.reference.source.slug for line in salary} == {
        "doc-002-recruter-directeur-e-commerce"
    }
    text = response.content.decode()
    remuneration = text.split('id="annonce-remuneration"')[1].split("</section>")[0]
    assert "brut" not in remuneration
    assert "annuel" not in remuneration
    assert "77\u202f000" not in remuneration  # the junior figure stays out of a senior ad


def test_every_line_of_the_ad_is_a_document_passage_with_its_numbered_reference(client, content):
    ad = client.get(ad_url(DIRECTOR, niveau="senior")).context["ad"]

    lines = [line for section in ad.sections for line in section.lines]
    assert len(lines) > 20
    for line in lines:
        source = line.reference.source
        assert line.reference in ad.references
        assert line.reference.url.startswith(f"/sources/{source.slug}/#p-")
        for excerpt in provenance.excerpts_of(line.reference.row):
            assert provenance.contains(source.text, excerpt)
        if not isinstance(line.reference.row, SalaryBand | ExperienceLevel):
            assert provenance.contains(source.text, line.text)  # the document's own words
    numbers = [ref.number for ref in ad.references]
    assert numbers == list(range(1, len(numbers) + 1))


def test_the_page_lists_the_references_with_links_to_the_passages(client, content):
    response = client.get(ad_url(DIRECTOR, niveau="junior"))

    html = response.content.decode()
    ad = response.context["ad"]
    for ref in ad.references:
        assert f'id="ref-{ref.number}"' in html
        assert f'href="{ref.url}"' in html
    assert "69\u202f500\u00a0€" in html  # document 002's junior figure in the regions


def test_what_no_document_gives_is_marked_to_complete(client, content):
    response = client.get(ad_url(DIRECTOR, niveau="senior"))

    ad = response.context["ad"]
    assert ad.section("outils").lines == []  # document 002 and 004 name no tool
    markdown = ad.markdown()
    assert "## Outils\n\n- à compléter" in markdown
    assert "- **Entreprise** : à compléter" in markdown
    assert "- **Type de contrat** : à compléter" in markdown


def test_undocumented_role_gets_an_ad_entirely_to_complete(client, content):
    response = client.get(ad_url("directeur-marketing", niveau="senior"))

    assert response.status_code == 200
    ad = response.context["ad"]
    assert ad.references == []
    assert all(not section.lines for section in ad.sections)
    assert "entièrement à compléter" in response.content.decode()


def test_markdown_download_keeps_the_references_as_an_appendix_of_links(client, content):
    response = client.get(ad_url(DIRECTOR, niveau="senior", format="md"))

    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert 'filename="annonce-directeur-e-commerce-senior.md"' in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("# Directeur E-commerce — profil senior")
    assert "- Paris : 150\u202f000\u00a0€ (Date de dernière mise à jour : 2024) [" in text
    appendix = text.split("## Sources")[1]
    assert re.search(
        r"^1\. .+ — <http://testserver/sources/[a-z0-9-]+/#p-[0-9a-f]+>$", appendix, re.M
    )


def test_html_download_is_a_standalone_page_with_the_job_posting(client, content):
    response = client.get(ad_url(DIRECTOR, niveau="senior", format="html"))

    assert 'filename="annonce-directeur-e-commerce-senior.html"' in response["Content-Disposition"]
    html = response.content.decode()
    assert html.startswith("<!doctype html>")
    assert "<link" not in html  # no style sheet or icon to fetch: it opens anywhere
    assert '<script src="' not in html
    assert '<h1 id="h-annonce">Directeur E-commerce — profil senior</h1>' in html
    assert 'href="http://testserver/sources/doc-002-recruter-directeur-e-commerce/#p-' in html
    assert json_ld_blocks(html)[0]["@type"] == "JobPosting"


def test_job_posting_json_ld_gives_the_document_figures_and_no_unit_it_does_not_state(
    client, content
):
    html = client.get(ad_url(DIRECTOR, niveau="senior")).content.decode()

    (posting,) = json_ld_blocks(html)
    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "JobPosting"
    assert posting["title"] == "Directeur E-commerce"
    assert "Rémunération" in posting["description"]
    salaries = posting["baseSalary"]
    assert [s["@type"] for s in salaries] == ["MonetaryAmount"] * 3
    assert [s["value"]["value"] for s in salaries] == [150000, 143000, 136000]
    assert {s["currency"] for s in salaries} == {"EUR"}
    assert not any("unitText" in s["value"] for s in salaries)  # 002 states no period
    assert "occupationalCategory" not in posting  # no editor has set a code


def test_job_posting_states_the_period_where_the_document_does(client, content):
    html = client.get(
        ad_url("coordinateur-commercial-e-commerce", niveau="junior")
    ).content.decode()

    (posting,) = json_ld_blocks(html)
    (salary,) = posting["baseSalary"]
    assert salary["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 25000,
        "maxValue": 30000,
        "unitText": "YEAR",
    }
    assert "brut annuel" in salary["name"]


def test_job_posting_carries_the_codes_an_editor_set(client, content):
    Role.objects.filter(slug=DIRECTOR).update(rome_code="M1707", isco_code="1221")

    html = client.get(ad_url(DIRECTOR, niveau="senior")).content.decode()

    (posting,) = json_ld_blocks(html)
    codes = [(c["inCodeSet"]["name"], c["codeValue"]) for c in posting["occupationalCategory"]]
    assert codes == [("ROME", "M1707"), ("ISCO-08", "1221")]


def test_without_a_level_the_ad_is_for_a_confirmed_profile(client, content):
    ad = client.get(ad_url(DIRECTOR)).context["ad"]

    assert ad.tier == "confirme"
    assert [line.label for line in ad.section("remuneration").lines] == [
        "Paris",
        "Grandes villes",
        "Régions",
    ]
    assert "85\u202f000\u00a0€" in ad.section("remuneration").lines[0].text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"niveau": "expert"}, "« expert » n’est pas un niveau proposé"),
        ({"niveau": "senior", "format": "pdf"}, "« pdf » n’est pas un format proposé"),
    ],
)
def test_bad_level_or_format_gets_a_french_message_on_a_usable_page(
    client, content, params, message
):
    response = client.get(ad_url(DIRECTOR, **params))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert response.context["ad"] is None
    assert f'href="{ad_url(DIRECTOR, niveau="senior")}"' in html


def test_unknown_role_gets_the_french_404_page(client, db):
    response = client.get(ad_url("metier-qui-n-existe-pas", niveau="senior"))

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_kit_and_question_bank_link_to_the_ad(client, content):
    kit = client.get(reverse("interviews:kit", kwargs={"slug": DIRECTOR})).content.decode()
    bank = client.get(reverse("interviews:bank")).content.decode()

    assert f'href="{ad_url(DIRECTOR, niveau="confirme")}"' in kit
    assert f'href="{ad_url(DIRECTOR)}"' in bank


def test_copy_button_is_a_static_script_and_stays_hidden_without_it(client, content):
    html = client.get(ad_url(DIRECTOR, niveau="senior")).content.decode()

    assert re.search(r'<script src="[^"]*js/jobad[^"]*\.js" defer></script>', html)
    assert re.search(r'<div class="kit-actions job-ad-actions" hidden', html)
    assert '<textarea id="job-ad-text" class="job-ad-text" hidden readonly' in html


# Queries: the role with its summary source; one prefetch each for aliases, missions, role
# skills, matrix cells, education requirements and facts; the salary bands, their levels,
# places, sources and the levels' sources.
QUERIES = 12


@pytest.mark.parametrize("size", [2, 30])
def test_ad_runs_the_same_queries_whatever_the_size_of_the_role(
    client, make_full_role, size, django_assert_max_num_queries
):
    role = make_full_role(size=size)

    with django_assert_max_num_queries(QUERIES):
        response = client.get(ad_url(role.slug, niveau="junior"))
    assert len(response.context["ad"].section("missions").lines) == size


def test_sitemap_lists_the_kit_of_each_role_with_questions(client, content):
    xml = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/entretiens/kit/directeur-e-commerce/" in xml
    assert "http://testserver/entretiens/kit/directeur-marketing/" not in xml
