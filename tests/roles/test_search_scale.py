"""Issue 16: the search's « every query word in one title » bonus no longer reads every title
of the site: on PostgreSQL the keys holding a word are found through a trigram index."""

import pytest
from django.db import connection

from roles.models import RoleAlias
from roles.search import search_roles


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
@pytest.mark.django_db
def test_the_search_keys_have_a_trigram_index_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'roles_searchkey_key_trgm'"
        )
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition


def test_the_title_bonus_needs_every_word_in_one_title_of_that_role(make_role, reindex):
    both = make_role("Chef de projet web")
    split = make_role("Chef de rayon")
    RoleAlias.objects.create(role=split, name="Projet web junior", source=split.sources.get())
    reindex()

    ranked = list(search_roles(both.__class__.objects.all(), "chef projet"))

    assert ranked[0] == both
    assert ranked[0].search_rank - ranked[1].search_rank >= 3.9  # the bonus: one title only
