"""An in-memory TF-IDF index of all documents, per process, that grows without refitting.

The idf comes from the newest `Fit` (a background refit counts document frequencies in batches). A document
added later is weighted with that idf; a stem the fit has never seen counts as if it occurred in no document
(the highest idf). Scoring one new text against the index is one sparse row times a sparse matrix, so a
publish costs a few milliseconds however large the archive is; the idf drifts until the next refit.

Weights as in the former scikit-learn fit (sublinear tf, smooth idf, L2 norm): (1 + ln tf) * (ln((1 + n) /
(1 + df)) + 1), so a refit here and a rebuild give the same scores.
"""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from collections.abc import Iterable
from datetime import datetime

import numpy as np
import scipy.sparse as sp

LOAD_BATCH = 2000  # documents read per query when an index is built: bounded memory besides the matrix itself


class Index:
    def __init__(self, fit_id: int | None, documents: int, frequencies: dict[str, int]) -> None:
        self.fit_id = fit_id
        self.documents = documents
        self.columns: dict[str, int] = {}
        self.idf: list[float] = []
        for stem, df in frequencies.items():
            self._column(stem, df)
        self.ids: list[int | None] = []  # Document pk per position; None: replaced or removed
        self.position: dict[int, int] = {}
        self.dead: list[int] = []
        self.floors = np.zeros(0, dtype=np.float32)  # per position: score of its weakest neighbour (0: list not full)
        self._base_t = sp.csr_matrix((len(self.columns), 0), dtype=np.float32)  # columns x base positions
        self._added: list[sp.csr_matrix] = []  # rows added since the index was built
        self._added_t: sp.csr_matrix | None = None
        self.watermark: datetime | None = None  # newest indexed_at seen
        self.lock = threading.RLock()

    # -- vectors ---------------------------------------------------------------------------------------------
    def _column(self, stem: str, df: int = 0) -> int:
        column = self.columns.get(stem)
        if column is None:
            column = self.columns[stem] = len(self.idf)
            self.idf.append(math.log((1 + self.documents) / (1 + df)) + 1)
        return column

    def vector(self, stems: str) -> sp.csr_matrix:
        """One L2-normalised row; stems not seen yet get a column of their own."""
        counts = Counter(stems.split())
        columns = [self._column(stem) for stem in counts]
        weights = np.array([(1 + math.log(tf)) * self.idf[c] for c, tf in zip(columns, counts.values(),
                                                                                     strict=True)], dtype=np.float32)
        norm = float(np.sqrt((weights * weights).sum())) if len(weights) else 0.0
        if norm:
            weights /= norm
        order = np.argsort(columns)
        return sp.csr_matrix((weights[order], np.array(columns, dtype=np.int32)[order], [0, len(columns)]),
                             shape=(1, len(self.idf)))

    # -- building --------------------------------------------------------------------------------------------
    def load(self, rows: Iterable[tuple[int, str, datetime]]) -> None:
        """Fills an empty index with (pk, stems, indexed_at) rows in one matrix."""
        data: list[np.ndarray] = []
        indices: list[np.ndarray] = []
        indptr = [0]
        for pk, stems, indexed_at in rows:
            vector = self.vector(stems)
            data.append(vector.data)
            indices.append(vector.indices)
            indptr.append(indptr[-1] + len(vector.data))
            self.position[pk] = len(self.ids)
            self.ids.append(pk)
            if self.watermark is None or indexed_at > self.watermark:
                self.watermark = indexed_at
        matrix = sp.csr_matrix((np.concatenate(data) if data else np.zeros(0, np.float32),
                                np.concatenate(indices) if indices else np.zeros(0, np.int32), indptr),
                               shape=(len(self.ids), len(self.idf)), dtype=np.float32)
        self._base_t = matrix.T.tocsr()
        self.floors = np.zeros(len(self.ids), dtype=np.float32)

    def matrix(self) -> sp.csr_matrix:
        """All positions as rows (for a refit's block products)."""
        return self._stack().T.tocsr()

    def _stack(self) -> sp.csr_matrix:
        width = len(self.idf)
        base = self._base_t.copy()
        base.resize((width, base.shape[1]))
        if self._added_t is None:
            return base
        added = self._added_t.copy()
        added.resize((width, added.shape[1]))
        return sp.hstack([base, added], format="csr")

    # -- changes ---------------------------------------------------------------------------------------------
    def put(self, pk: int, vector: sp.csr_matrix, indexed_at: datetime | None = None) -> int:
        """Adds or replaces a document's row; returns its position. O(rows added since the build)."""
        self.drop(pk)
        position = len(self.ids)
        self.ids.append(pk)
        self.position[pk] = position
        self.floors = np.append(self.floors, np.float32(0))
        self._added.append(vector)
        data = np.concatenate([row.data for row in self._added])
        indices = np.concatenate([row.indices for row in self._added])
        indptr = np.cumsum([0] + [len(row.data) for row in self._added])
        added = sp.csr_matrix((data, indices, indptr), shape=(len(self._added), len(self.idf)), dtype=np.float32)
        self._added_t = added.T.tocsr()
        if indexed_at is not None and (self.watermark is None or indexed_at > self.watermark):
            self.watermark = indexed_at
        return position

    def drop(self, pk: int) -> None:
        position = self.position.pop(pk, None)
        if position is not None:
            self.ids[position] = None
            self.dead.append(position)

    def row_of(self, pk: int) -> sp.csr_matrix | None:
        position = self.position.get(pk)
        if position is None:
            return None
        base_size = self._base_t.shape[1]
        if position >= base_size:
            return self._added[position - base_size]
        column = self._base_t[:, position].T.tocsr()
        column.resize((1, len(self.idf)))
        return column

    def scores(self, vector: sp.csr_matrix) -> np.ndarray:
        """Cosine of `vector` to every position (0 for dropped ones)."""
        base = self._base_t.shape[0]
        head = vector[:, :base] if vector.shape[1] > base else vector
        parts = [(head @ self._base_t).toarray()[0]]
        if self._added_t is not None:
            width = self._added_t.shape[0]
            part = vector.copy()
            part.resize((1, width))
            parts.append((part @ self._added_t).toarray()[0])
        scores = np.concatenate(parts) if len(parts) > 1 else parts[0]
        scores[self.dead] = 0
        return scores


def frequencies_json(counts: Counter[str]) -> str:
    return json.dumps(counts, ensure_ascii=False, separators=(",", ":"))
