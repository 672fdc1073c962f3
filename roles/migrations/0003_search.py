"""Search: a search row per role, normalised names of skills and training, the number of roles
of each skill, and on PostgreSQL the full-text machinery.

On PostgreSQL: the unaccent and pg_trgm extensions, a `french_unaccent` text search
configuration (accents removed, then the French stemmer), a GIN index on the roles' search
documents, trigram GIN indexes on the normalised names of skills and training (LIKE).
SQLite gets the same tables and uses the normalised texts only.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# Run on PostgreSQL only (Django's CreateExtension cannot be reversed on SQLite). The
# extensions stay when the migration is reversed: other code may use them.
POSTGRESQL_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
    # Keep the documents in the row (compressed) rather than in the TOAST table: matching
    # reads them for every row, and fetching them from TOAST made that three times slower.
    "ALTER TABLE roles_rolesearch SET (toast_tuple_target = 8160)",
    "ALTER TABLE roles_rolesearch ALTER COLUMN document SET STORAGE MAIN, "
    "ALTER COLUMN body SET STORAGE MAIN",
    # /recherche/ and /metiers/?q=: document @@ query OR body @@ query
    "CREATE INDEX roles_rolesearch_document ON roles_rolesearch USING gin (document)",
    "CREATE INDEX roles_rolesearch_body ON roles_rolesearch USING gin (body)",
    # skills and training matching a query (LIKE '% word%')
    "CREATE INDEX roles_skill_search_text_trgm ON roles_skill USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX roles_training_search_text_trgm ON roles_training "
    "USING gin (search_text gin_trgm_ops)",
]
POSTGRESQL_BACKWARDS = [
    "DROP INDEX IF EXISTS roles_training_search_text_trgm",
    "DROP INDEX IF EXISTS roles_skill_search_text_trgm",
    "DROP INDEX IF EXISTS roles_rolesearch_body",
    "DROP INDEX IF EXISTS roles_rolesearch_document",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
]


def postgresql_forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_FORWARDS:
            schema_editor.execute(statement)


def postgresql_backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_BACKWARDS:
            schema_editor.execute(statement)


def fill_search(apps, schema_editor):
    """Content already in the database gets searchable (later changes: roles/signals.py)."""
    from roles.search import Document, name_search_text

    db = schema_editor.connection.alias
    vendor = schema_editor.connection.vendor
    for model, fields in (("Skill", ("name",)), ("Training", ("name", "institution"))):
        for row in apps.get_model("roles", model).objects.using(db):
            row.search_text = name_search_text(*(getattr(row, field) for field in fields))
            row.save(update_fields=["search_text"])
    Skill = apps.get_model("roles", "Skill")
    for skill in Skill.objects.using(db):
        skill.role_count = skill.role_skills.values("role").distinct().count()
        skill.save(update_fields=["role_count"])
    roles = apps.get_model("roles", "Role").objects.using(db).prefetch_related(
        "aliases", "missions", "role_skills__skill", "role_trainings__training"
    )
    RoleSearch = apps.get_model("roles", "RoleSearch")
    SearchKey = apps.get_model("roles", "SearchKey")
    for role in roles:
        document = Document.for_role(role)
        RoleSearch.objects.using(db).create(role=role, **document.fields(vendor))
        SearchKey.objects.using(db).bulk_create(
            SearchKey(role=role, kind=kind, key=key[:250]) for kind, key in document.search_keys()
        )


class Migration(migrations.Migration):

    dependencies = [
        ('roles', '0002_editors_group'),
    ]

    operations = [
        migrations.CreateModel(
            name='RoleSearch',
            fields=[
                ('role', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search', serialize=False, to='roles.role', verbose_name='métier')),
                ('document', django.contrib.postgres.search.SearchVectorField(null=True, verbose_name='document')),
                ('body', django.contrib.postgres.search.SearchVectorField(null=True, verbose_name='texte courant')),
                ('titles', models.TextField(default='', verbose_name='intitulés normalisés')),
                ('text', models.TextField(default='', verbose_name='texte normalisé')),
            ],
            options={
                'verbose_name': 'index de recherche d’un métier',
                'verbose_name_plural': 'index de recherche des métiers',
            },
        ),
        migrations.AddField(
            model_name='skill',
            name='search_text',
            field=models.TextField(default='', editable=False, verbose_name='texte normalisé'),
        ),
        migrations.AddField(
            model_name='training',
            name='search_text',
            field=models.TextField(default='', editable=False, verbose_name='texte normalisé'),
        ),
        migrations.CreateModel(
            name='SearchKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.PositiveSmallIntegerField(choices=[(0, 'nom'), (1, 'autre appellation'), (2, 'compétence, mission ou formation')], verbose_name='nature')),
                ('key', models.CharField(db_index=True, max_length=250, verbose_name='clé')),
                ('role', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='search_keys', to='roles.role', verbose_name='métier')),
            ],
            options={
                'verbose_name': 'clé de recherche',
                'verbose_name_plural': 'clés de recherche',
            },
        ),
        migrations.AddField(
            model_name='skill',
            name='role_count',
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name='nombre de métiers'),
        ),
        migrations.AddIndex(
            model_name='skill',
            index=models.Index(fields=['-role_count', 'name'], name='roles_skill_most_needed'),
        ),
        migrations.RunPython(postgresql_forwards, postgresql_backwards),
        migrations.RunPython(fill_search, migrations.RunPython.noop),
    ]
