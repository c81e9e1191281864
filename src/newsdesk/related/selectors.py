"""Reads: stored neighbours for pages (one query), and similarity to any text for e-mail alerts and the like."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsdesk.related.models import Document, Neighbour
from newsdesk.related.services import TOP_N, top
from newsdesk.related.similarity import Space, text_stems


def _as_dict(doc: Document, score: float) -> dict[str, Any]:
    return {"kind": doc.kind, "id": doc.object_id, "title": doc.title, "url": doc.url,
            "published_at": doc.published_at, "score": round(score, 4)}


def similar_to(kind: str, id: int, limit: int = TOP_N) -> list[dict[str, Any]]:
    """The stored neighbours of a document, most similar first: one query."""
    neighbours = (Neighbour.objects.filter(document__kind=kind, document__object_id=id)
                  .select_related("other").order_by("rank")[:limit])
    return [_as_dict(n.other, n.score) for n in neighbours]


def indexed_at(kind: str, id: int) -> datetime | None:
    """When the document was last (re)computed, so that a busy source can skip needless recomputation."""
    return Document.objects.filter(kind=kind, object_id=id).values_list("indexed_at", flat=True).first()


def similar_to_text(text: str, limit: int = TOP_N) -> list[dict[str, Any]]:
    """Documents most similar to a free text (e.g. what an alert subscriber follows), computed now."""
    docs = list(Document.objects.order_by("id"))
    if not docs:
        return []
    space = Space([d.stems for d in docs])
    row = space.texts([text_stems("", text)])[0]
    by_id = {d.pk: d for d in docs}
    return [_as_dict(by_id[doc_id], score) for doc_id, score in top(row, [d.pk for d in docs], limit=limit)]


def scores_for_text(title: str, text: str, kind: str, ids: list[int]) -> dict[int, float]:
    """Cosine similarity of a text (its title weighted like a document's) to the given documents of one kind.

    For alerts on "similar news": is a new article close enough to the ones readers follow? Documents that are
    not indexed get no score. Computed now over the whole corpus (its idf), so call it outside requests.
    """
    wanted = set(ids)
    docs = list(Document.objects.order_by("id").values_list("kind", "object_id", "stems"))
    if not docs or not wanted:
        return {}
    row = Space([stems for _kind, _id, stems in docs]).texts([text_stems(title, text)])[0]
    return {object_id: round(float(row[n]), 4) for n, (doc_kind, object_id, _stems) in enumerate(docs)
            if doc_kind == kind and object_id in wanted}
