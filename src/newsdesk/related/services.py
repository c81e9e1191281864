"""Writes: documents in, neighbour lists recomputed. Domain apps call these after commit with plain data."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from itertools import islice
from typing import Any

import numpy as np
from django.db import models, transaction
from django.utils import timezone

from newsdesk.core import freshness
from newsdesk.related.index import LOAD_BATCH, Index, frequencies_json
from newsdesk.related.models import Document, Fit, Neighbour
from newsdesk.related.similarity import MIN_SCORE, text_stems

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


BLOCK_CELLS = 2_000_000  # a refit multiplies this many (row x document) cells at a time: bounded memory
SOURCE_BATCH = 1000  # documents written per query by a rebuild
REFIT_MIN_CHANGES = 20  # the background refit runs once this many documents changed since the last fit ...
REFIT_SHARE = 0.02  # ... and at least this share of the archive (the idf drifts slowly)
REFIT_INTERVAL_SECONDS = 600

_index: Index | None = None
_index_lock = threading.RLock()  # one process, several request threads: one index, changed by one at a time


def _ranked(pairs: Iterable[tuple[int, float]], limit: int = TOP_N) -> list[tuple[int, float]]:
    return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))[:limit]


def _best(index: Index, scores: np.ndarray, skip: int, limit: int) -> list[tuple[int, float]]:
    """The `limit` best (pk, score) of a score row, at least MIN_SCORE, without `skip` (a position)."""
    scores[skip] = 0
    candidates = np.flatnonzero(scores >= MIN_SCORE)
    if len(candidates) > limit:
        candidates = candidates[np.argpartition(-scores[candidates], limit - 1)[:limit]]
    return _ranked((index.ids[p], float(scores[p])) for p in candidates if index.ids[p] is not None)


def _existing(index: Index, pks: Iterable[int]) -> set[int]:
    """Which of these documents still exist (another process may have removed some); forgets the others."""
    wanted = set(pks)
    found = set(Document.objects.filter(pk__in=wanted).values_list("pk", flat=True)) if wanted else set()
    for pk in wanted - found:
        index.drop(pk)
    return found


def _list_of(index: Index, pk: int) -> list[tuple[int, float]]:
    """A document's neighbour list, computed against the whole index."""
    vector = index.row_of(pk)
    if vector is None:
        return []
    best = _best(index, index.scores(vector), index.position[pk], TOP_N * 2)
    found = _existing(index, [other for other, _score in best])
    return [pair for pair in best if pair[0] in found][:TOP_N]


def _floors_from_lists(index: Index) -> None:
    weakest = (Neighbour.objects.values("document_id")
               .annotate(low=models.Min("score"), count=models.Count("id")).filter(count__gte=TOP_N))
    for row in weakest.iterator(chunk_size=LOAD_BATCH):
        position = index.position.get(row["document_id"])
        if position is not None:
            index.floors[position] = row["low"]


def _build(fit: Fit | None) -> Index:
    frequencies = json.loads(fit.frequencies) if fit else {}
    index = Index(fit.pk if fit else None, fit.documents if fit else 0, frequencies)
    index.load(Document.objects.order_by("id").values_list("id", "stems", "indexed_at").iterator(chunk_size=LOAD_BATCH))
    return index


def _current() -> Index:
    """This process's index for the newest fit, brought up to date with what other processes indexed."""
    global _index
    fit_id = Fit.objects.order_by("-id").values_list("id", flat=True).first()
    if _index is None or _index.fit_id != fit_id:
        _index = _build(Fit.objects.filter(pk=fit_id).first() if fit_id else None)
        _floors_from_lists(_index)
    elif _index.watermark is not None:
        for pk, stems, indexed_at in Document.objects.filter(indexed_at__gt=_index.watermark).values_list(
                "id", "stems", "indexed_at"):
            _index.put(pk, _index.vector(stems), indexed_at)
    return _index


def forget_index() -> None:
    """Drops this process's index (tests that roll the database back; the next call rebuilds it)."""
    global _index
    with _index_lock:
        _index = None


def _store(lists: dict[int, list[tuple[int, float]]], index: Index | None = None, *, bump: bool = True) -> None:
    if not lists:
        return
    if bump:  # the boxes on pages change: their ETags must too (core.freshness deals in key names only)
        freshness.bump(freshness.RELATED)
    Neighbour.objects.filter(document_id__in=list(lists)).delete()
    Neighbour.objects.bulk_create(
        Neighbour(document_id=doc, other_id=other, score=score, rank=n)
        for doc, best in lists.items() for n, (other, score) in enumerate(best)
    )
    if index is not None:
        for doc, best in lists.items():
            position = index.position.get(doc)
            if position is not None:
                index.floors[position] = best[-1][1] if len(best) == TOP_N else 0


def _add(index: Index, doc_pk: int, stems: str, indexed_at: datetime | None) -> None:
    """Scores one new or changed document against the index and updates the lists it touches.

    Its own list; the lists that held it (recomputed, its text may have changed); and the lists whose weakest
    neighbour it beats. The floors kept in memory only rise between refits, so they never miss such a list;
    the candidates' stored lists are read exactly.
    """
    vector = index.vector(stems)
    position = index.put(doc_pk, vector, indexed_at)
    scores = index.scores(vector)
    scores[position] = 0
    own = _best(index, scores.copy(), position, TOP_N * 2)
    beaten = np.flatnonzero((scores >= MIN_SCORE) & (scores > index.floors))
    candidates = {index.ids[p]: float(scores[p]) for p in beaten if index.ids[p] is not None} if len(beaten) else {}
    found = _existing(index, [*(other for other, _score in own), *candidates])  # one query for both
    lists = {doc_pk: [pair for pair in own if pair[0] in found][:TOP_N]}
    held = set(Neighbour.objects.filter(other_id=doc_pk).values_list("document_id", flat=True))
    for holder in held:
        lists[holder] = _list_of(index, holder)
    candidates = {pk: score for pk, score in candidates.items() if pk in found and pk not in held}
    if candidates:
        stored: dict[int, list[tuple[int, float]]] = {pk: [] for pk in candidates}
        for document_id, other_id, score in Neighbour.objects.filter(document_id__in=list(stored)).values_list(
                "document_id", "other_id", "score"):
            if other_id != doc_pk:
                stored[document_id].append((other_id, score))
        for pk, current in stored.items():
            merged = _ranked([*current, (doc_pk, candidates[pk])])
            if any(other == doc_pk for other, _score in merged):
                lists[pk] = merged
            elif len(current) >= TOP_N:  # the floor was stale: remember the real one
                index.floors[index.position[pk]] = _ranked(current)[-1][1]
    _store(lists, index)


def index_document(kind: str, id: int, title: str, text: str, url: str, published_at: datetime) -> None:
    """Adds or replaces a document (text: teaser and body as plain text) and updates the lists it touches.

    Scored against this process's index with the idf of the last background refit (`refit_if_stale`); lists
    that the document does not enter keep their scores until the next refit.
    """
    with _index_lock:
        index = _current()  # before writing: a cold build (seconds at 100,000) must not hold a write lock
        with transaction.atomic():
            doc, _created = Document.objects.update_or_create(
                kind=kind, object_id=id,
                defaults={"title": title[:300], "url": url, "published_at": published_at,
                          "stems": text_stems(title, text)},
            )
            _add(index, doc.pk, doc.stems, doc.indexed_at)


def remove_document(kind: str, id: int) -> None:
    """Drops a document; the lists that held it are recomputed so they stay full."""
    with _index_lock:
        if not Document.objects.filter(kind=kind, object_id=id).exists():
            return
        index = _current()
        with transaction.atomic():
            doc = Document.objects.filter(kind=kind, object_id=id).first()
            if doc is None:
                return
            affected = list(Neighbour.objects.filter(other=doc).values_list("document_id", flat=True))
            doc.delete()
            freshness.bump(freshness.RELATED)
            index.drop(doc.pk)
            _store({pk: _list_of(index, pk) for pk in affected if pk in index.position}, index, bump=False)


def refit() -> int:
    """Refits the idf over all documents and recomputes every list, in blocks; returns the document count.

    Memory: the sparse matrix of the archive plus one block product of at most BLOCK_CELLS cells. Documents
    indexed meanwhile (by requests) are added again to the new index at the end, so that nothing is lost.
    """
    global _index
    started = timezone.now()
    counts: Counter[str] = Counter()
    total = 0
    for stems in Document.objects.values_list("stems", flat=True).iterator(chunk_size=LOAD_BATCH):
        counts.update(set(stems.split()))
        total += 1
    fit = Fit.objects.create(documents=total, frequencies=frequencies_json(counts))
    del counts
    index = _build(fit)
    rows = index.matrix()
    columns = rows.T.tocsr()
    size = len(index.ids)
    block = max(1, BLOCK_CELLS // max(size, 1))
    for start in range(0, size, block):
        product = (rows[start:start + block] @ columns).tocsr()
        lists = {}
        for offset in range(product.shape[0]):
            position = start + offset
            begin, end = product.indptr[offset], product.indptr[offset + 1]
            others, scores = product.indices[begin:end], product.data[begin:end]
            keep = (scores >= MIN_SCORE) & (others != position)
            others, scores = others[keep], scores[keep]
            if len(scores) > TOP_N:
                chosen = np.argpartition(-scores, TOP_N - 1)[:TOP_N * 2 if len(scores) > TOP_N * 2 else len(scores)]
                others, scores = others[chosen], scores[chosen]
            lists[index.ids[position]] = _ranked((index.ids[o], float(s)) for o, s in zip(others, scores,
                                                                                           strict=True))
        with transaction.atomic():
            _store(lists, index, bump=False)
    freshness.bump(freshness.RELATED)
    Fit.objects.filter(pk__lt=fit.pk).delete()
    with _index_lock:
        for pk, stems, indexed_at in Document.objects.filter(indexed_at__gte=started).values_list(
                "id", "stems", "indexed_at"):
            with transaction.atomic():
                _add(index, pk, stems, indexed_at)
        _index = index
    return size


def refit_if_stale() -> bool:
    """The periodic task: refits once enough documents changed since the last fit (or none exists)."""
    fit = Fit.objects.order_by("-id").values("documents", "fitted_at").first()
    if fit is None:
        stale = Document.objects.exists()
    else:
        changed = Document.objects.filter(indexed_at__gt=fit["fitted_at"]).count()
        stale = changed >= max(REFIT_MIN_CHANGES, REFIT_SHARE * fit["documents"])
    if stale:
        refit()
    return stale


def rebuild() -> int:
    """Recomputes every document and neighbour list from the registered sources; returns the document count.

    Sources are read and written in batches; the lists come from `refit` (blocks of bounded size).
    """
    with transaction.atomic():
        Document.objects.all().delete()
        for documents in _SOURCES.values():
            stream = iter(documents())
            while batch := list(islice(stream, SOURCE_BATCH)):
                Document.objects.bulk_create(
                    Document(kind=d["kind"], object_id=d["id"], title=d["title"][:300], url=d["url"],
                             published_at=d["published_at"], stems=text_stems(d["title"], d["text"]))
                    for d in batch)
        return refit()
