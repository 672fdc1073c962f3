"""PostgreSQL: a trigram index on the search keys, for the search's « every query word in
one title » bonus (`key LIKE '%word%'`), which read every title of the site at each search
(25 ms of a 30 ms budget at 3,000 roles; issue 16). Nothing on other databases."""

from django.db import migrations

FORWARDS = "CREATE INDEX IF NOT EXISTS roles_searchkey_key_trgm ON roles_searchkey USING gin (key gin_trgm_ops)"
BACKWARDS = "DROP INDEX IF EXISTS roles_searchkey_key_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARDS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):

    dependencies = [
        ("roles", "0012_source_date_and_address"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
