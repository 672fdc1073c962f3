"""The role sheet read in thirty seconds: « L'essentiel » first, each fact once (issue 11)."""

import re
from collections import Counter
from html import unescape

import pytest
from django.urls import reverse

from roles.models import Role

pytestmark = pytest.mark.django_db

MIN_SENTENCE = 40  # shorter repeats (a skill's name, « Bac +5 ») are labels, not sentences


def main_text(response):
    """The words of the page's <main>, without tags, one line per block."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", main, flags=re.S)
    # Names and labels, not sentences: badges, links, headings, summaries, captions, tags.
    main = re.sub(r"<(a|h\d|summary|caption|dt|th)\b.*?</\1>", "\n", main, flags=re.S)
    main = re.sub(r'<span class="(tag|editorial)">.*?</span>', " ", main, flags=re.S)
    main = re.sub(r"</?(p|li|dd|td|figcaption|blockquote|br)\b[^>]*>", "\n", main)
    text = unescape(re.sub(r"<[^>]+>", " ", main))
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.splitlines())


def sentences(text):
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?…])\s+", line):
            sentence = sentence.strip(' «»"“”')
            if len(sentence) >= MIN_SENTENCE:
                yield sentence


def documented_slugs():
    return list(Role.objects.documented().values_list("slug", flat=True))


def test_no_sentence_appears_twice_on_any_documented_sheet(client, content):
    slugs = documented_slugs()
    assert len(slugs) >= 3
    repeated = {}
    for slug in slugs:
        response = client.get(reverse("roles:detail", args=[slug]))
        counts = Counter(sentences(main_text(response)))
        repeated[slug] = {s: n for s, n in counts.items() if n > 1}
    if any(repeated.values()):
        pytest.fail(
            "\n".join(f"{slug}: {n}× {s}" for slug, r in repeated.items() for s, n in r.items())
        )


def sheet(client, slug):
    return client.get(reverse("roles:detail", args=[slug])).content.decode()


def essentials(html):
    start = html.index('id="essentiel"')
    return html[start : html.index("</section>", start)]


def test_the_essentials_come_first_with_the_kit_and_the_comparison(client, content):
    html = sheet(client, "directeur-e-commerce")

    main = html[html.index("<main") :]
    assert main.index('id="essentiel"') < main.index('id="missions"')
    box = essentials(html)
    assert f'href="{reverse("interviews:kit", args=["directeur-e-commerce"])}"' in box
    assert "Préparer un entretien" in box
    assert f'action="{reverse("roles:compare")}"' in box
    for label in ("Autres appellations", "Salaires cités", "Études demandées", "Compétences clés"):
        assert label in box
    assert box.count('class="src"') >= 8  # each item with its document


def test_the_essentials_never_say_brut_annuel_for_a_document_that_does_not(client, content):
    box = essentials(sheet(client, "responsable-e-commerce"))

    # 001 says « revenus bruts par an », 003 gives « Entre 40K et 60K€ » and nothing more.
    lines = [line for line in box.split("<li>") if "40\u202f000" in line]
    assert len(lines) == 2
    assert sum("brut annuel" in line for line in lines) == 1


def test_the_sheet_marks_the_sites_own_classification(client, content):
    html = sheet(client, "responsable-e-commerce")

    header = html[html.index('class="sheet-header"') : html.index('id="essentiel"')]
    assert "Management" in header
    assert "classement éditorial" in header
    skills = html[html.index('id="competences"') : html.index('id="outils"')]
    assert "classement éditorial" in skills


def test_divergence_notes_show_each_document_version(client, content):
    html = sheet(client, "directeur-e-commerce")

    section = html[html.index('id="divergences"') : html.index('id="missions"')]
    assert "Les documents divergent" in section
    assert "Responsable e-commerce" in section
    assert section.count('class="src"') >= 2


def test_a_document_sentence_naming_several_tools_shows_once_with_them(client, content):
    html = sheet(client, "responsable-e-commerce")

    main = html[html.index("<main") : html.index("</main>")]
    assert main.count("Snapchat ou Pinterest") == 1
    tools = html[html.index('id="outils"') : html.index("</section>", html.index('id="outils"'))]
    entries = [entry for entry in tools.split("<li>") if "<strong>Instagram</strong>" in entry]
    assert len(entries) == 1
    for tool in ("Facebook", "Snapchat", "Pinterest"):
        assert f"<strong>{tool}</strong>" in entries[0]


def test_one_entry_per_skill_with_each_documents_excerpt_beneath(client, content):
    html = sheet(client, "responsable-e-commerce")

    skills = html[html.index('id="competences"') : html.index('id="outils"')]
    assert skills.count("<strong>Management d’équipe</strong>") == 1
    entry = skills[skills.index("<strong>Management d’équipe</strong>") :]
    entry = entry[: entry.index("</details>")]
    assert "doc-001" in entry and "doc-003" in entry


def test_mission_lines_starting_with_a_bullet_render_as_a_list(make_role, client):
    from roles.models import Mission

    role = make_role("Chef Test")
    source = role.sources.first() or role.summary_source
    Mission.objects.create(
        role=role,
        source=source,
        title="Piloter",
        description="Il pilote :\n• le site\n• la marque",
    )

    html = client.get(role.get_absolute_url()).content.decode()

    assert "<ul><li>le site</li><li>la marque</li></ul>" in html
    assert "•" not in html[html.index('id="missions"') :]


def test_french_order_ignores_accents_and_case():
    from roles.templatetags.fiches import french_sorted

    assert french_sorted(["CRM", "Cdiscount", "CMS"]) == ["Cdiscount", "CMS", "CRM"]
    assert french_sorted(["Excel", "école", "Ecommerce", "Zalando"]) == [
        "école",
        "Ecommerce",
        "Excel",
        "Zalando",
    ]


def test_unseen_drops_the_long_sentences_the_sheet_already_showed():
    from roles.templatetags.fiches import unseen

    role = Role(name="Test")
    long = "Une phrase assez longue pour compter comme une vraie phrase du document."
    assert unseen(f"{long} Courte.", role) == f"{long} Courte."
    assert unseen(f"« {long} »\nAutre ligne.", role) == "Autre ligne."
    assert unseen(long, role) == ""
    assert unseen(long, Role(name="Autre fiche")) == long  # per sheet
