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
