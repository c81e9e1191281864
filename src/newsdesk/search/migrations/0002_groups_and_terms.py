from django.db import migrations, models

# Adding columns makes SQLite rebuild search_searchdocument (new table, copy, drop, rename), which drops the
# triggers that keep search_fts in step: create them again and rebuild the FTS index from the content table.
_TRIGGERS = [sql for sql in __import__("newsdesk.search.migrations.0001_initial", fromlist=["x"]).SQLITE_FORWARD
             if sql.startswith("CREATE TRIGGER")]


def _sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in ("search_fts_ai", "search_fts_ad", "search_fts_au"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in _TRIGGERS:
        schema_editor.execute(sql)
    schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.AddField("searchdocument", "group", models.CharField(blank=True, default="", max_length=100)),
        migrations.AddField("searchdocument", "group_title",
                            models.CharField(blank=True, default="", max_length=300)),
        migrations.AddField("searchdocument", "group_url", models.CharField(blank=True, default="", max_length=500)),
        migrations.AddIndex("searchdocument",
                            models.Index(fields=["group", "published_at"], name="search_document_group")),
        migrations.AddIndex("searchdocument", models.Index(fields=["id", "published_at", "group", "topic_slugs"],
                                                           name="search_document_rank")),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("stem", models.CharField(max_length=60, unique=True)),
                ("word", models.CharField(max_length=60)),
                ("length", models.PositiveSmallIntegerField()),
            ],
            options={"indexes": [models.Index(fields=["length"], name="search_term_length")]},
        ),
        migrations.RunPython(_sqlite_triggers, migrations.RunPython.noop),
    ]
