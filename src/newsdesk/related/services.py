"""Writes: documents in, neighbour lists recomputed. Domain apps call these after commit with plain data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import numpy as np
from django.db import transaction

from newsdesk.core import freshness
from newsdesk.related.models import Document, Neighbour
from newsdesk.related.similarity import MIN_SCORE, Space, text_stems

TOP_N = 5
_SOURCES: dict[str, Callable[[], Iterable[dict[str, Any]]]] = {}


def register_source(kind: str, documents: Callable[[], Iterable[dict[str, Any]]]) -> None:
    """Called by a domain app in AppConfig.ready(), so that `related_rebuild` can recompute everything.

    Each document: {"kind", "id", "title", "text", "url", "published_at"}.
    """
    _SOURCES[kind] = documents


def top(row: np.ndarray, ids: list[int], *, skip: int | None = None, limit: int = TOP_N) -> list[tuple[int, float]]:
    """The `limit` best (id, score) of a similarity row, at least MIN_SCORE, `skip` (the document itself) left out."""
    picked = []
    for i in np.argsort(-row, kind="stable"):
        if row[i] < MIN_SCORE or len(picked) == limit:
            break
        if ids[i] != skip:
            picked.append((ids[i], float(row[i])))
    return picked


def _load() -> tuple[list[int], Space]:
    rows = list(Document.objects.order_by("id").values_list("id", "stems"))
    return [r[0] for r in rows], Space([r[1] for r in rows])


def _store(lists: dict[int, list[tuple[int, float]]]) -> None:
    # The boxes on pages change: their ETags must too (core.freshness deals in key names only).
    freshness.bump(freshness.RELATED)
    Neighbour.objects.filter(document_id__in=list(lists)).delete()
    Neighbour.objects.bulk_create(
        Neighbour(document_id=doc, other_id=other, score=score, rank=n)
        for doc, best in lists.items() for n, (other, score) in enumerate(best)
    )


def _recompute(targets: list[int], ids: list[int], space: Space) -> None:
    position = {doc_id: n for n, doc_id in enumerate(ids)}
    targets = [t for t in targets if t in position]
    if targets:
        matrix = space.rows([position[t] for t in targets])
        _store({t: top(row, ids, skip=t) for t, row in zip(targets, matrix, strict=True)})


@transaction.atomic
def index_document(kind: str, id: int, title: str, text: str, url: str, published_at: datetime) -> None:
    """Adds or replaces a document (text: teaser and body as plain text) and recomputes the lists it touches.

    Its own list, and the lists of documents that held it or whose weakest neighbour it now beats. Other lists
    keep scores from an earlier idf, which drifts slowly; `newsdesk related_rebuild` recomputes everything.
    """
    doc, _created = Document.objects.update_or_create(
        kind=kind, object_id=id,
        defaults={"title": title[:300], "url": url, "published_at": published_at, "stems": text_stems(title, text)},
    )
    ids, space = _load()
    row = space.rows([ids.index(doc.pk)])[0]  # cosine is symmetric: row[i] is also doc's score in i's list
    weakest: dict[int, tuple[float, int]] = {}
    held = set()
    for document_id, other_id, score in Neighbour.objects.values_list("document_id", "other_id", "score"):
        low, count = weakest.get(document_id, (1.0, 0))
        weakest[document_id] = (min(low, score), count + 1)
        if other_id == doc.pk:
            held.add(document_id)
    affected = [doc.pk, *held]
    for n, other_id in enumerate(ids):
        low, count = weakest.get(other_id, (0.0, 0))
        if other_id != doc.pk and row[n] >= MIN_SCORE and (count < TOP_N or row[n] > low):
            affected.append(other_id)
    _recompute(list(dict.fromkeys(affected)), ids, space)


def remove_document(kind: str, id: int) -> None:
    """Drops a document; the lists that held it are recomputed so they stay full."""
    with transaction.atomic():
        doc = Document.objects.filter(kind=kind, object_id=id).first()
        if doc is None:
            return
        affected = list(Neighbour.objects.filter(other=doc).values_list("document_id", flat=True))
        doc.delete()
        freshness.bump(freshness.RELATED)
        if affected:
            _recompute(affected, *_load())


@transaction.atomic
def rebuild() -> int:
    """Recomputes every document and neighbour list from the registered sources; returns the document count."""
    Document.objects.all().delete()
    Document.objects.bulk_create(
        Document(kind=d["kind"], object_id=d["id"], title=d["title"][:300], url=d["url"],
                 published_at=d["published_at"], stems=text_stems(d["title"], d["text"]))
        for documents in _SOURCES.values() for d in documents()
    )
    ids, space = _load()
    # In blocks, so that a large archive never needs a dense N x N matrix at once.
    for start in range(0, len(ids), 500):
        _recompute(ids[start:start + 500], ids, space)
    return len(ids)
