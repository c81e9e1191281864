import django.contrib.postgres.search
from django.db import migrations, models

# External-content FTS5 table over the stemmed columns; triggers keep it in step with every insert, update and
# delete (ORM, bulk or cascade), so no code path can forget it.
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_stems, body_stems, content='search_searchdocument', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, title_stems, body_stems) VALUES (new.id, new.title_stems, new.body_stems); END",
    "CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_stems, body_stems) "
    "VALUES ('delete', old.id, old.title_stems, old.body_stems); END",
    "CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_stems, body_stems) "
    "VALUES ('delete', old.id, old.title_stems, old.body_stems); "
    "INSERT INTO search_fts(rowid, title_stems, body_stems) VALUES (new.id, new.title_stems, new.body_stems); END",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS search_fts_au", "DROP TRIGGER IF EXISTS search_fts_ad",
                   "DROP TRIGGER IF EXISTS search_fts_ai", "DROP TABLE IF EXISTS search_fts"]
POSTGRES_FORWARD = ["CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)"]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_document_vector"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=20)),
                ("object_id", models.BigIntegerField()),
                ("title", models.CharField(max_length=300)),
                ("body", models.TextField()),
                ("url", models.CharField(max_length=500)),
                ("published_at", models.DateTimeField(db_index=True)),
                ("topics", models.JSONField(default=list)),
                ("topic_slugs", models.CharField(blank=True, max_length=1000)),
                ("title_stems", models.TextField(blank=True)),
                ("body_stems", models.TextField(blank=True)),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={"verbose_name": "search document"},
        ),
        migrations.AddConstraint(
            model_name="searchdocument",
            constraint=models.UniqueConstraint(fields=("kind", "object_id"), name="search_document_unique"),
        ),
        migrations.CreateModel(
            name="SearchTopic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("slug", models.SlugField(max_length=100, unique=True)),
                ("name", models.CharField(max_length=100)),
            ],
            options={"ordering": ["name"]},
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
