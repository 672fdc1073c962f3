"""Provenance: a document fact is the document's own words, found in its text, shown with
the document's name and a link to the passage; the site's own wording never is."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from roles import provenance
from roles.models import Divergence, Mission, Source
from salaries.models import SalaryBand
from tests.documents import DIRECTEUR, DOC_001, DOC_002, DOC_003, RESPONSABLE, plain
from tests.public_urls import PUBLIC_PAGES

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
BADGE = re.compile(r'<a class="src" href="/sources/([\w-]+)/(?:#(p-[0-9a-f]{10}))?"')


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("text", "excerpt", "found"),
    [
        ("Il pilote l’équipe.", "il pilote l'équipe", True),  # apostrophe and case
        ("Il pilote\n  l’équipe.", "Il pilote l’équipe", True),  # whitespace
        ("Il pilote l’équipe.", "Il pilote l’equipe", False),  # accents are words
        ("Il pilote l’équipe.", "Il pilote l’équipe !", False),
        ("Il pilote l’équipe.", "", False),
    ],
)
def test_an_excerpt_is_found_after_whitespace_apostrophes_and_case_only(text, excerpt, found):
    assert provenance.contains(text, excerpt) is found


def test_locate_gives_the_excerpt_offsets_in_the_original_text():
    text = "Le   responsable\nd’une boutique"
    start, end = provenance.locate(text, "responsable d'une")

    assert text[start:end] == "responsable\nd’une"


def test_every_document_fact_of_the_content_is_found_in_its_document(content):
    assert [f"{m.label}: {m.excerpt}" for m in provenance.missing_excerpts()] == []


def test_verify_sources_lists_a_fact_whose_excerpt_is_not_in_its_document(content, capsys):
    call_command("verify_sources")
    assert "Chaque passage cité figure dans son document." in capsys.readouterr().out

    mission = Mission.objects.filter(role__slug=DIRECTEUR).first()
    Mission.objects.filter(pk=mission.pk).update(title="Une phrase inventée")
    with pytest.raises(CommandError, match="1 passage"):
        call_command("verify_sources")
    assert "Une phrase inventée" in capsys.readouterr().out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the project")
def test_each_source_holds_its_document_text_verbatim(content):
    for source in Source.objects.all():
        assert source.text == (SEEDS / source.file_name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- on the pages


def test_every_badge_on_every_page_opens_a_passage_of_its_document(client, content):
    """A badge names a document and points to a passage that is marked in that document's
    page: the text beside it was found in that document."""
    passages = {}
    for source in Source.objects.all():
        page = client.get(source.get_absolute_url()).content.decode()
        passages[source.slug] = set(re.findall(r'id="(p-[0-9a-f]{10})"', page))
    checked = 0
    for _name, path, _params in PUBLIC_PAGES:
        html = client.get(path).content.decode()
        for slug, passage in BADGE.findall(html):
            assert slug in passages, (path, slug)
            if passage:
                assert passage in passages[slug], (path, slug, passage)
                checked += 1
    assert checked > 100


def test_a_role_sheet_badge_opens_the_passage_in_the_document(client, content):
    sheet = client.get(reverse("roles:detail", args=[DIRECTEUR])).content.decode()
    slug, passage = next((s, p) for s, p in BADGE.findall(sheet) if p)

    document = client.get(reverse("roles:source", args=[slug])).content.decode()

    assert f'id="{passage}"' in document


def test_the_document_page_shows_the_whole_text_its_coverage_and_where_each_passage_is_used(
    client, content
):
    source = Source.objects.get(slug=DOC_003)
    html = client.get(source.get_absolute_url()).content.decode()

    for line in filter(str.strip, source.text.splitlines()):
        words = plain(line.strip())[:30]
        assert words in plain(re.sub(r"<[^>]+>", "", html)), words
    coverage = int(re.search(r"<dd><strong>(\d+) %</strong>", html).group(1))
    assert 30 < coverage < 100
    assert 'class="line unused"' in html  # e.g. the image file name, not used anywhere
    assert f'href="{reverse("roles:detail", args=[RESPONSABLE])}#missions"' in html
    assert "000_" not in html and ".txt" not in html  # no internal file name


def test_sources_are_named_as_readers_know_them_never_by_a_number(client, content):
    html = client.get(reverse("roles:sources")).content.decode()

    assert "Doc. 1" not in html and ".txt" not in html
    for source in Source.objects.all():
        assert source.title in html.replace("&#x27;", "'")


def test_unknown_document_is_a_404(client, content):
    assert client.get(reverse("roles:source", args=["inconnu"])).status_code == 404


# --------------------------------------------------------------------------- the data


def test_salary_bands_say_gross_and_yearly_only_where_their_document_does(content):
    for band in SalaryBand.objects.select_related("source"):
        stated = "brut" in provenance.normalise(band.excerpt)
        assert (band.basis == "brut") is stated, band.excerpt
    assert not SalaryBand.objects.filter(source__slug__in=[DOC_002, DOC_003], basis="brut")
    assert not SalaryBand.objects.filter(location__name="France").exists()


def test_divergences_quote_each_document_and_concern_the_roles_they_name(content):
    notes = {d.slug: d for d in Divergence.objects.with_versions().prefetch_related("roles")}

    alias = notes["responsable-e-commerce-titre"]
    assert {r.slug for r in alias.roles.all()} == {DIRECTEUR, RESPONSABLE}
    assert {v.source.slug for v in alias.versions.all()} >= {DOC_002, DOC_001}
    education = notes["responsable-e-commerce-etudes"]
    assert len(education.versions.all()) == 4


def test_document_003s_marketing_actions_are_back_inside_their_mission(content):
    mission = Mission.objects.get(role__slug=RESPONSABLE, source__slug=DOC_003, order=0)

    lines = mission.description.splitlines()
    start = lines.index("• Une définition de la stratégie SEO")
    assert lines[start - 1].startswith("Ces actions marketing sont diverses")
    assert lines[start + 6] == "• Une stratégie d’affiliation"
