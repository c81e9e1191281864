"""Full-text search over what the domain apps push in (infrastructure: plain text, ids and dicts).

    index_document(kind, id, title, body, url, published_at, topics, group="", group_title="", group_url="")
    remove_document(kind, id)
    indexed_ids(kind, ids) -> set of those ids that have a document
    search(query, topic=None, date_from=None, date_to=None, page=1, order="relevance", group=None) -> Results
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsdesk.search.query import Results


def index_document(kind: str, id: int, title: str, body: str, url: str, published_at: Any,
                   topics: Any = (), group: str = "", group_title: str = "", group_url: str = "") -> None:
    from newsdesk.search.services import index_document as run

    run(kind, id, title, body, url, published_at, topics, group=group, group_title=group_title,
        group_url=group_url)


def remove_document(kind: str, id: int) -> None:
    from newsdesk.search.services import remove_document as run

    run(kind, id)


def indexed_ids(kind: str, ids: Any) -> set[int]:
    """Which of `ids` have a document of `kind` in the index."""
    from newsdesk.search.models import SearchDocument

    return set(SearchDocument.objects.filter(kind=kind, object_id__in=list(ids)).values_list("object_id", flat=True))


def register_source(kind: str, documents: Any) -> None:
    from newsdesk.search.services import register_source as run

    run(kind, documents)


def search(query: str, topic: str | None = None, date_from: Any = None, date_to: Any = None,
           page: int = 1, order: str = "relevance", group: str | None = None) -> Results:
    from newsdesk.search.query import search as run

    return run(query, topic=topic, date_from=date_from, date_to=date_to, page=page, order=order, group=group)
