"""Issue 16: a document quoted by thousands of rows still makes small pages in a fixed
number of queries. The document viewer links the first uses of each passage and counts the
rest; the documents' pages name a few of the roles each describes and count the rest."""

import re

import pytest
from django.urls import reverse

from roles import passages
from roles.models import RoleAlias
from roles.models.reference import ROLES_SHOWN
from tests.conftest import document_says

WORDING = "Chef de projet web"


@pytest.fixture
def quoted_by(make_source, make_role):
    """A document and `count` roles it describes, each with the same alternate title quoted
    from it."""

    def make(count, prefix="Métier"):
        source = document_says(make_source(), "Introduction.", f"Aussi appelé : {WORDING}.")
        for i in range(count):
            role = make_role(f"{prefix} {i:03}", source=source)
            RoleAlias.objects.create(role=role, name=WORDING, source=source)
        return source

    return make


def uses_of(html):
    """The list of uses under the passage, as [link texts], and its « et N autres »."""
    block = re.search(r'<ul class="uses"[^>]*>(.*?)</ul>', html, re.S).group(1)
    more = re.search(r"et (\d+) autres?", block)
    return re.findall(r"<a [^>]*>([^<]+)</a>", block), int(more.group(1)) if more else 0


def test_a_passage_quoted_by_many_roles_links_the_first_six_and_counts_the_rest(client, quoted_by):
    source = quoted_by(20)

    html = client.get(source.get_absolute_url()).content.decode()

    links, more = uses_of(html)
    assert len(links) == passages.USES_SHOWN == 6
    assert [link.split(" · ")[0] for link in links] == [f"Métier {i:03}" for i in range(6)]
    assert more == 14
    assert f'<mark class="used">{WORDING}</mark>' in html


def test_a_passage_quoted_by_a_few_roles_links_each_without_a_count(client, quoted_by):
    source = quoted_by(3)

    links, more = uses_of(client.get(source.get_absolute_url()).content.decode())

    assert [link.split(" · ")[0] for link in links] == ["Métier 000", "Métier 001", "Métier 002"]
    assert more == 0


def test_the_document_viewer_runs_the_same_queries_whatever_the_number_of_rows(
    client, quoted_by, django_assert_max_num_queries
):
    counts = []
    for roles, prefix in ((3, "Petit"), (40, "Grand")):
        source = quoted_by(roles, prefix)
        # 1 source with its number of roles, 1 its first roles, then per quoted field of
        # every quoting model: 1 distinct excerpts with how many rows quote each, and 1 the
        # first uses of those found (only the aliases here): 25 today
        with django_assert_max_num_queries(25) as captured:
            assert client.get(source.get_absolute_url()).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_document_page_names_the_first_roles_and_counts_the_others(client, quoted_by):
    source = quoted_by(ROLES_SHOWN + 5)

    for url in (source.get_absolute_url(), reverse("roles:sources")):
        html = client.get(url).content.decode()
        assert "Métier 000" in html and f"Métier {ROLES_SHOWN - 1:03}" in html
        assert f"Métier {ROLES_SHOWN:03}" not in html
        assert "et 5 autres métiers" in html


def test_an_excerpt_missing_from_the_document_is_counted_once_however_many_rows_quote_it(
    client, quoted_by
):
    source = quoted_by(4)
    RoleAlias.objects.filter(role__sources=source).update(name="Pas dans le document")

    html = client.get(source.get_absolute_url()).content.decode()

    assert "1 passage attribué à ce document ne s’y trouve pas" in html


def test_a_document_quoted_by_many_rows_stays_small(client, quoted_by):
    small = len(client.get(quoted_by(3).get_absolute_url()).content)
    large = len(client.get(quoted_by(60, "Grand").get_absolute_url()).content)

    assert large - small < 2_000  # a longer count and the same six links, not 60 of them
