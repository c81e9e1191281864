"""Writes to the search index. Domain apps call these after commit with plain data; nothing here knows them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction

from newsdesk.search.models import SearchDocument, SearchTerm, SearchTopic
from newsdesk.search.text import document_stems, document_terms

# kind -> a function yielding index_document keyword arguments for every document of that kind (reindex).
_SOURCES: dict[str, Callable[[], Iterable[dict[str, Any]]]] = {}


def register_source(kind: str, documents: Callable[[], Iterable[dict[str, Any]]]) -> None:
    """Called by a domain app in AppConfig.ready(), so that `search_reindex` can rebuild its documents."""
    _SOURCES[kind] = documents


def _topic_pairs(topics: Iterable) -> list[list[str]]:
    pairs = []
    for topic in topics:
        slug, name = (topic["slug"], topic["name"]) if isinstance(topic, dict) else topic
        pairs.append([str(slug), str(name)])
    return pairs


def _fields(title: str, body: str, url: str, published_at: datetime, pairs: list[list[str]],
            group: tuple[str, str, str] = ("", "", "")) -> dict[str, Any]:
    return {
        "title": title[:300], "body": body, "url": url, "published_at": published_at, "topics": pairs,
        "group": group[0][:100], "group_title": group[1][:300], "group_url": group[2][:500],
        "topic_slugs": "".join(f"|{slug}|" for slug, _name in pairs)[:1000],
        "title_stems": document_stems(title), "body_stems": document_stems(body),
    }


# Title weighs more than body in SearchRank; the german configuration stems and drops stop words.
_VECTOR = SearchVector("title", weight="A", config="german") + SearchVector("body", weight="B", config="german")


def _terms(terms: dict[str, str]) -> list[SearchTerm]:
    return [SearchTerm(stem=s, word=w, length=len(s), head=s[:2], tail=s[-2:]) for s, w in terms.items()
            if len(s) <= 60]


@transaction.atomic
def index_document(kind: str, id: int, title: str, body: str, url: str, published_at: datetime,
                   topics: Iterable = (), group: str = "", group_title: str = "", group_url: str = "") -> None:
    """Adds or replaces one document. `topics`: (slug, name) pairs or {"slug", "name"} dicts; body is plain text.

    `group` (a key such as "newsblog-<slug>"), `group_title` and `group_url` name the container the document
    belongs to; results list the hits of one group together under its title. `title` may be blank: results
    then show the first words of the body.
    """
    pairs = _topic_pairs(topics)
    doc, _created = SearchDocument.objects.update_or_create(
        kind=kind, object_id=id,
        defaults=_fields(title, body, url, published_at, pairs, (group, group_title, group_url)))
    SearchTerm.objects.bulk_create(_terms(document_terms(title, body)), ignore_conflicts=True)
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(pk=doc.pk).update(vector=_VECTOR)
    for slug, name in pairs:
        SearchTopic.objects.update_or_create(slug=slug, defaults={"name": name})


def remove_document(kind: str, id: int) -> None:
    SearchDocument.objects.filter(kind=kind, object_id=id).delete()


def _all_documents() -> Iterator[dict[str, Any]]:
    for documents in _SOURCES.values():
        yield from documents()


REINDEX_BATCH = 500


def reindex(batch_size: int = REINDEX_BATCH) -> int:
    """Rebuilds the whole index from the registered sources; returns the number of documents.

    In batches: one INSERT per `batch_size` documents and, on PostgreSQL, one UPDATE computing every vector,
    instead of three statements per document (which made PostgreSQL 4.5 times slower than SQLite).
    """
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        if connection.vendor == "sqlite":  # ids from 1 again: search_fts keys hold ids below query.KEY_IDS
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = 'search_searchdocument'")
        SearchTopic.objects.all().delete()
        SearchTerm.objects.all().delete()
        count = 0
        topics: dict[str, str] = {}
        terms: dict[str, str] = {}
        batch: list[SearchDocument] = []
        for doc in _all_documents():
            pairs = _topic_pairs(doc.get("topics", ()))
            topics.update({slug: name for slug, name in pairs})
            for term_stem, word in document_terms(doc["title"], doc["body"]).items():
                terms.setdefault(term_stem, word)
            group = (doc.get("group", ""), doc.get("group_title", ""), doc.get("group_url", ""))
            batch.append(SearchDocument(kind=doc["kind"], object_id=doc["id"], **_fields(
                doc["title"], doc["body"], doc["url"], doc["published_at"], pairs, group)))
            if len(batch) >= batch_size:
                SearchDocument.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        count += len(batch)
        SearchTopic.objects.bulk_create([SearchTopic(slug=slug, name=name) for slug, name in topics.items()])
        SearchTerm.objects.bulk_create(_terms(terms), batch_size=2000)
        if connection.vendor == "postgresql":
            SearchDocument.objects.update(vector=_VECTOR)
        else:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    return count
