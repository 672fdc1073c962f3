"""Fixtures for the search tests: the search rows and the skills' role counts are rebuilt when
a transaction commits, and a test's transaction never does, so these rebuild them on demand."""

import pytest

from roles.search import refresh_search_documents, refresh_skill_counts


@pytest.fixture
def reindex(db):
    """Call it after making rows: rebuilds what a commit would (search rows, role counts)."""

    def rebuild():
        refresh_search_documents()
        refresh_skill_counts()

    return rebuild
