"""The words misspelt queries are corrected to (PostgreSQL): a table with a trigram index,
filled from the content already there. The trigram index on the search keys, which served
typos before, goes."""

from django.db import migrations, models


POSTGRESQL_FORWARDS = [
    # typos: word % query word
    "CREATE INDEX roles_searchword_word_trgm ON roles_searchword USING gin (word gin_trgm_ops)",
    "DROP INDEX IF EXISTS roles_searchkey_key_trgm",
]
POSTGRESQL_BACKWARDS = ["DROP INDEX IF EXISTS roles_searchword_word_trgm"]


def postgresql_forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in POSTGRESQL_FORWARDS:
        schema_editor.execute(statement)
    from roles.search import Document

    db = schema_editor.connection.alias
    roles = apps.get_model("roles", "Role").objects.using(db).prefetch_related(
        "aliases", "missions", "role_skills__skill", "role_trainings__training"
    )
    found = set()
    for role in roles:
        found |= Document.for_role(role).lexicon()
    SearchWord = apps.get_model("roles", "SearchWord")
    SearchWord.objects.using(db).bulk_create(
        [SearchWord(word=word[:100]) for word in sorted(found)], ignore_conflicts=True
    )


def postgresql_backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRESQL_BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('roles', '0003_search'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=100, unique=True, verbose_name='mot')),
            ],
            options={
                'verbose_name': 'mot de recherche',
                'verbose_name_plural': 'mots de recherche',
            },
        ),
        migrations.RunPython(postgresql_forwards, postgresql_backwards),
    ]
