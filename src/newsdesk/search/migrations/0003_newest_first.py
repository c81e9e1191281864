from django.db import migrations, models

# SQLite: search_fts again, now contentless and keyed by publication time, so that FTS5 itself hands out the
# newest matches first and a search ranks only the newest RANKED of a common word (query.py) instead of all:
#   rowid = (publication second, strftime('%s')) * 2^29 + document id   (query.KEY_IDS = 2^29)
# Its columns topics and grp hold topic_slugs and group, so that the topic and newsblog filters are applied
# inside FTS5 too; '-' and '_' are token characters, so a slug such as "thema-3" is one whole token. The words
# are letters and digits only (core.german.words), so the words columns tokenise as before. Contentless: the
# triggers keep it in step with every insert, update and delete (a 'delete' names the values inserted).
KEY = "(CAST(strftime('%s', {row}.published_at) AS INTEGER) * 536870912 + {row}.id)"
VALUES = "{row}.title_stems, {row}.body_stems, {row}.topic_slugs, {row}.\"group\""
COLUMNS = "title_stems, body_stems, topics, grp"
INSERT = f"INSERT INTO search_fts(rowid, {COLUMNS}) VALUES ({KEY}, {VALUES});"  # noqa: S608  constants
DELETE = f"INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', {KEY}, {VALUES});"  # noqa: S608
# An id of 2^29 or more would number the document into the next second: refused loudly, never mis-sorted (the
# ids only grow with reindexes, which start them at 1 again).
GUARD = ("SELECT RAISE(ABORT, 'search document id too large for search_fts: run manage.py search_reindex') "
         "WHERE new.id >= 536870912;")

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_ai", "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_au", "DROP TABLE IF EXISTS search_fts",
    f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, content='', "
    "tokenize=\"unicode61 remove_diacritics 0 tokenchars '-_'\")",
    "CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchdocument BEGIN "
    + GUARD + " " + INSERT.format(row="new") + " END",
    "CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchdocument BEGIN "
    + DELETE.format(row="old") + " END",
    "CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchdocument BEGIN "
    + GUARD + " " + DELETE.format(row="old") + " " + INSERT.format(row="new") + " END",
    f"INSERT INTO search_fts(rowid, {COLUMNS}) SELECT {KEY.format(row='d')}, "  # noqa: S608
    f"{VALUES.format(row='d')} FROM search_searchdocument d",
    "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
]
# Back to 0002's table (external content, rowid = id).
_OLD = __import__("newsdesk.search.migrations.0001_initial", fromlist=["x"]).SQLITE_FORWARD
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS search_fts_ai", "DROP TRIGGER IF EXISTS search_fts_ad",
                   "DROP TRIGGER IF EXISTS search_fts_au", "DROP TABLE IF EXISTS search_fts", *_OLD,
                   "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        with schema_editor.connection.cursor() as cursor:  # no parameters: the '%s' of strftime stays as it is
            for sql in statements:
                cursor.execute(sql)
    return run


def _term_ends(apps, schema_editor):
    SearchTerm = apps.get_model("search", "SearchTerm")
    batch = []
    for term in SearchTerm.objects.only("id", "stem").iterator(chunk_size=2000):
        term.head, term.tail = term.stem[:2], term.stem[-2:]
        batch.append(term)
        if len(batch) >= 2000:
            SearchTerm.objects.bulk_update(batch, ["head", "tail"])
            batch = []
    SearchTerm.objects.bulk_update(batch, ["head", "tail"])


class Migration(migrations.Migration):
    dependencies = [("search", "0002_groups_and_terms")]

    operations = [
        migrations.RunPython(_run(SQLITE_FORWARD), _run(SQLITE_BACKWARD)),
        migrations.AddField("searchterm", "head", models.CharField(default="", max_length=2)),
        migrations.AddField("searchterm", "tail", models.CharField(default="", max_length=2)),
        migrations.RunPython(_term_ends, migrations.RunPython.noop),
        migrations.AddIndex("searchterm", models.Index(fields=["head", "length"], name="search_term_head")),
        migrations.AddIndex("searchterm", models.Index(fields=["tail", "length"], name="search_term_tail")),
    ]
