"""The site's PostgreSQL connections carry their own settings (config/settings.py)."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL connection settings only"
    ),
]


def test_each_connection_sorts_in_16_mb_and_cancels_statements_after_30_s():
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        work_mem = cursor.fetchone()[0]
        cursor.execute("SHOW statement_timeout")
        statement_timeout = cursor.fetchone()[0]

    assert (work_mem, statement_timeout) == ("16MB", "30s")
