"""« Rédaction de l'équipe » (issue 12): a text an editor writes or rewrites is the editors'
wording, dated, without the document's badge, until its excerpt is found again."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone

from roles import passages, provenance
from roles.admin_themes import role_theme_urls
from roles.models import Mission
from tests.conftest import document_says

pytestmark = pytest.mark.django_db

SAID = "Piloter le catalogue produits."
REWRITTEN = "Tenir le catalogue à jour, à notre façon."


@pytest.fixture
def mission(make_role, make_source):
    source = document_says(make_source(title="Fiche catalogue"), "Ses missions :", SAID)
    role = make_role("Chef de produit web", source=source)
    return Mission.objects.create(role=role, source=source, order=0, title=SAID)


def save_mission(client, mission, title, **extra):
    return client.post(
        reverse("admin:roles_mission_change", args=[mission.pk]),
        {
            "role": mission.role.pk,
            "source": mission.source.pk,
            "order": 0,
            "title": title,
            "description": "",
            "version": mission.version,
            **extra,
        },
    )


def today_in_french():
    return formats.date_format(timezone.localdate(), "j F Y")


def test_a_rewritten_text_is_refused_and_the_editor_is_told_how_to_keep_it(
    client, editor, mission
):
    client.force_login(editor)

    response = save_mission(client, mission, REWRITTEN)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce passage ne figure pas dans le document choisi." in page
    assert "cochez « Rédaction de l&#x27;équipe »" in page
    mission.refresh_from_db()
    assert mission.title == SAID and mission.team_wording_on is None


def test_a_ticked_rewrite_is_saved_as_the_team_wording_of_today_without_the_badge(
    client, editor, mission
):
    client.force_login(editor)

    response = save_mission(client, mission, REWRITTEN, team_wording="on")

    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.title == REWRITTEN
    assert mission.team_wording_on == timezone.localdate()
    sheet = client.get(mission.role.get_absolute_url()).content.decode()
    assert REWRITTEN.replace("'", "&#x27;") in sheet
    assert f"Rédaction de l'équipe, {today_in_french()}" in sheet
    assert mission.source.get_absolute_url() + "#" not in sheet  # no badge to a passage
    assert "Selon le document Fiche catalogue" not in sheet  # nor a heading crediting it
    form = client.get(reverse("admin:roles_mission_change", args=[mission.pk])).content.decode()
    assert f"Rédaction de l'équipe depuis le {today_in_french()}." in form


def test_the_badge_comes_back_when_a_save_finds_the_words_in_the_document_again(
    client, editor, mission
):
    client.force_login(editor)
    save_mission(client, mission, REWRITTEN, team_wording="on")
    mission.refresh_from_db()

    response = save_mission(client, mission, SAID, team_wording="on")

    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.team_wording_on is None
    sheet = client.get(mission.role.get_absolute_url()).content.decode()
    assert "Rédaction de l'équipe" not in sheet
    assert mission.passage_url() in sheet


def test_a_team_worded_row_keeps_its_date_when_saved_again_unchanged(mission):
    mission.title, mission.team_wording_on = REWRITTEN, timezone.localdate().replace(year=2025)
    mission.save()
    mission.team_wording_requested = True
    mission.team_wording_rewritten = False

    mission.full_clean()

    assert mission.team_wording_on.year == 2025


def test_team_wording_is_left_out_of_the_checks_and_of_the_document_uses(mission):
    mission.title, mission.team_wording_on = REWRITTEN, timezone.localdate()
    mission.save()

    assert list(provenance.missing_excerpts([Mission])) == []
    out = io.StringIO()
    call_command("verify_sources", stdout=out)  # exits 0: nothing is claimed from the document
    assert "1 texte(s) en « rédaction de l'équipe »" in out.getvalue()
    document = passages.annotate(mission.source)
    assert document.passages == [] and document.missing == []
    assert mission.passage_url() == ""


def test_api_credits_no_document_for_the_team_wording(client, mission):
    mission.title, mission.team_wording_on = REWRITTEN, timezone.localdate()
    mission.save()

    data = client.get(reverse("api:role-detail", args=[mission.role.slug])).json()

    assert data["missions"] == [{"title": REWRITTEN, "description": "", "source": None}]


def test_every_quoting_inline_of_the_role_page_offers_the_box(client, editor, mission):
    client.force_login(editor)

    pages = [client.get(url) for _label, url in role_theme_urls(mission.role)]

    assert [page.status_code for page in pages] == [200] * len(pages)
    html = "".join(page.content.decode() for page in pages)
    for prefix in ("missions", "aliases", "role_skills", "salary_bands", "case_studies"):
        assert f'name="{prefix}-__prefix__-team_wording"' in html, prefix
    assert 'name="team_wording"' in html  # the summary's
    assert 'name="role_employers-__prefix__-team_wording"' not in html  # quotes nothing


def test_a_team_worded_band_is_credited_to_no_document_on_the_sheet_or_in_a_chart(client, mission):
    from salaries.charts import charts_by_role
    from salaries.models import Location, SalaryBand

    band = SalaryBand.objects.create(
        role=mission.role,
        source=mission.source,
        low=40000,
        high=50000,
        excerpt="Autour de 45 000 €, selon nous.",
        team_wording_on=timezone.localdate(),
    )

    sheet = client.get(mission.role.get_absolute_url()).content.decode()
    salaries = sheet[sheet.index('id="salaires"') :]
    assert "Rédaction de l'équipe" in salaries[: salaries.index("</table>")]
    assert "Selon le document Fiche catalogue" not in salaries
    assert charts_by_role([band], list(Location.objects.all())) == []


def test_an_editor_rewritten_summary_loses_its_badge(client, editor, mission):
    role = mission.role
    role.summary, role.summary_source = SAID, mission.source
    role.save()
    client.force_login(editor)
    page = client.get(reverse("admin:roles_role_change", args=[role.pk]))
    from tests.roles.test_admin import change_form_data

    data = change_form_data(page)
    data.update(summary="Notre résumé du métier.", team_wording="on")

    response = client.post(reverse("admin:roles_role_change", args=[role.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    role.refresh_from_db()
    assert role.team_wording_on == timezone.localdate()
    assert role.attributed_source is None
    client.logout()
    sheet = client.get(role.get_absolute_url()).content.decode()
    assert f"Rédaction de l'équipe, {today_in_french()}" in sheet
