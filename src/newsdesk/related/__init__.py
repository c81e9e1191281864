"""Content similarity ("Ähnliche Artikel"): infrastructure, deals in kinds, ids and plain text.

    index_document(kind, id, title, text, url, published_at)   after publish or edit
    remove_document(kind, id)
    similar_to(kind, id, limit=5) -> [{"kind", "id", "title", "url", "published_at", "score"}, ...]
    similar_to_text(text, limit=5) -> the same, for any text
    scores_for_text(title, text, kind, ids) -> {id: score} of the given documents (alerts for "similar news")
    indexed_at(kind, id) -> when it was last computed (None: not indexed)
"""

from __future__ import annotations

from typing import Any


def index_document(kind: str, id: int, title: str, text: str, url: str, published_at: Any) -> None:
    from newsdesk.related.services import index_document as run

    run(kind, id, title, text, url, published_at)


def remove_document(kind: str, id: int) -> None:
    from newsdesk.related.services import remove_document as run

    run(kind, id)


def register_source(kind: str, documents: Any) -> None:
    from newsdesk.related.services import register_source as run

    run(kind, documents)


def similar_to(kind: str, id: int, limit: int = 5) -> list[dict[str, Any]]:
    from newsdesk.related.selectors import similar_to as run

    return run(kind, id, limit)


def indexed_at(kind: str, id: int) -> Any:
    from newsdesk.related.selectors import indexed_at as run

    return run(kind, id)


def similar_to_text(text: str, limit: int = 5) -> list[dict[str, Any]]:
    from newsdesk.related.selectors import similar_to_text as run

    return run(text, limit)


def scores_for_text(title: str, text: str, kind: str, ids: list[int]) -> dict[int, float]:
    from newsdesk.related.selectors import scores_for_text as run

    return run(title, text, kind, ids)
