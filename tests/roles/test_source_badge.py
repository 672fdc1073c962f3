"""The source badge beside each document fact (`{% source_ref row %}`), built in Python since
issue 16 (a sheet shows some 90): the same link, escaped, translated."""

from django.template import Context, Template

from roles.models import Mission
from tests.conftest import document_says


def badge(item):
    return Template("{% load fiches %}{% source_ref item %}").render(Context({"item": item}))


def test_a_row_badge_opens_its_passage_and_names_the_document(make_role, make_source):
    source = make_source(title="Guide <b>« Recruter »</b>", short_title="Guide & co")
    document_says(source, "Piloter le site")
    role = make_role(source=source)
    mission = Mission.objects.create(role=role, source=source, title="Piloter le site")

    html = badge(mission)

    assert html.startswith(f'<a class="src" href="{mission.passage_url()}" ')
    assert (
        'title="Lire le passage dans le document « Guide &lt;b&gt;« Recruter »&lt;/b&gt; »"'
        in html
    )
    assert html.endswith('<span class="visually-hidden">Source : </span>Guide &amp; co</a>\n')


def test_a_document_badge_opens_the_document(make_source):
    source = make_source(title="Fiche APEC")

    assert f'href="{source.get_absolute_url()}"' in badge(source)


def test_a_renamed_document_gets_its_new_title_at_once(make_source):
    source = make_source(title="Ancien titre")
    badge(source)
    source.title = "Nouveau titre"

    assert "« Nouveau titre »" in badge(source)
