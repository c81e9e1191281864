"""Pushes articles into search and related (after commit, so only committed text is found or compared)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from django.db import transaction

from newsdesk import related, search
from newsdesk.articles.models import Article
from newsdesk.core.html import html_to_text

KIND = "article"


def article_document(article: Article) -> dict[str, Any]:
    return {
        "kind": KIND, "id": article.pk, "title": article.headline,
        "body": "\n\n".join(p for p in (article.kicker, article.teaser, html_to_text(article.body)) if p),
        "url": article.get_absolute_url(), "published_at": article.published_at,
        "topics": [(t.slug, t.name) for t in article.topics.all()],
    }


def _indexable() -> Any:
    # Scheduled articles go in too: search shows a document only once its publication time has come.
    return Article.objects.exclude(status=Article.Status.DRAFT).filter(published_at__isnull=False)


def related_document(article: Article) -> dict[str, Any]:
    return {"kind": KIND, "id": article.pk, "title": article.headline,
            "text": f"{article.teaser}\n\n{html_to_text(article.body)}", "url": article.get_absolute_url(),
            "published_at": article.published_at}


def index_article(article_id: int) -> None:
    article = _indexable().prefetch_related("topics").filter(pk=article_id).first()
    if article is None:
        search.remove_document(KIND, article_id)
        related.remove_document(KIND, article_id)
    else:
        search.index_document(**article_document(article))
        related.index_document(**related_document(article))


# Above this many articles one rebuild of "related" (batched, bounded memory) is better than adding them one
# by one: every list from one fresh fit, instead of many additions scored with the idf of the last fit.
REBUILD_FROM = 20


def index_many(article_ids: list[int], *, related_rebuild: bool = True) -> None:
    """Search and "related" for many articles at once (after an import): one related rebuild for a large batch.

    `related_rebuild=False` leaves "related" for `newsdesk related_rebuild` (batched since issue 14).
    """
    if len(article_ids) < REBUILD_FROM:
        for article_id in article_ids:
            index_article(article_id)
        return
    from newsdesk.related.services import rebuild

    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        indexable = {a.pk: a for a in _indexable().prefetch_related("topics").filter(pk__in=chunk)}
        for article_id in chunk:
            if article_id in indexable:
                search.index_document(**article_document(indexable[article_id]))
            else:
                search.remove_document(KIND, article_id)
    if related_rebuild:
        rebuild()


def index_after_commit(article_id: int) -> None:
    transaction.on_commit(partial(index_article, article_id))


def remove(article_id: int) -> None:
    search.remove_document(KIND, article_id)
    related.remove_document(KIND, article_id)


def remove_after_commit(article_id: int) -> None:
    transaction.on_commit(partial(remove, article_id))


def all_documents() -> Iterator[dict[str, Any]]:
    for article in _indexable().prefetch_related("topics").iterator(chunk_size=200):
        yield article_document(article)


def all_related_documents() -> Iterator[dict[str, Any]]:
    for article in _indexable().iterator(chunk_size=200):
        yield related_document(article)
