"""The benchmark data generator (`manage.py generate_bench_data`, used by `make bench`)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from roles.models import Role, RoleSkill, SearchKey, Skill
from roles.search import search_roles

pytestmark = pytest.mark.django_db


SMALL = {"roles": 6, "skills": 80, "skills_per_role": 10, "aliases_per_role": 5}


def test_benchmark_data_is_generated_marked_and_searchable():
    call_command("generate_bench_data", **SMALL, stdout=StringIO())

    roles = Role.objects.filter(slug__startswith="bench-")
    assert roles.count() == 6
    assert Skill.objects.filter(slug__startswith="bench-").count() == 80
    assert RoleSkill.objects.filter(role__in=roles).count() == 6 * 10
    assert SearchKey.objects.filter(role__in=roles, kind=SearchKey.Kind.ALIAS).count() >= 6 * 4
    first = roles.order_by("pk").first()
    assert search_roles(Role.objects.all(), first.name).first() == first


def test_benchmark_data_refuses_a_database_with_real_content(make_role):
    make_role("Vrai métier")

    with pytest.raises(CommandError, match="vrai contenu"):
        call_command("generate_bench_data", **SMALL, stdout=StringIO())
    assert not Role.objects.filter(slug__startswith="bench-").exists()


def test_benchmark_data_is_added_beside_real_content_when_forced_and_deleted_alone(make_role):
    real = make_role("Vrai métier")
    real_skill = Skill.objects.create(name="Vraie compétence", category="savoir")

    call_command("generate_bench_data", **SMALL, force=True, stdout=StringIO())
    call_command("generate_bench_data", delete=True, stdout=StringIO())

    assert list(Role.objects.all()) == [real]
    assert list(Skill.objects.all()) == [real_skill]


def test_benchmark_rows_credited_to_the_document_quote_its_text_but_the_stale_ones(monkeypatch):
    """As the admin enforces it: a generated row credited to the document quotes its words, or
    is the team's wording; only `STALE_QUOTES` skill wordings are left not found in it."""
    from bench.management.commands import generate_bench_data
    from roles import passages
    from roles.models import Source

    monkeypatch.setattr(generate_bench_data, "QUOTED_WORDINGS", 4)
    monkeypatch.setattr(generate_bench_data, "STALE_QUOTES", 3)
    call_command("generate_bench_data", **SMALL, stdout=StringIO())

    document = passages.annotate(Source.objects.get(slug="bench-source"))
    assert len(document.missing) == 3
    assert len(document.passages) >= 4
    assert (
        Role.objects.filter(slug__startswith="bench-", team_wording_on__isnull=True).count() == 0
    )
