"""TF-IDF cosine over German content stems: the one definition of "similar" for pages and (later) e-mail alerts.

Title words count three times, teaser and body once; stems come from core.german (Snowball, stop words out),
so "Hochwassers" and "Hochwasser" meet. Stems shorter than three letters and bare numbers are dropped.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from newsdesk.core.german import content_stems

TITLE_WEIGHT = 3
MIN_SCORE = 0.05  # below this two texts share little more than common words: show nothing rather than noise


def text_stems(title: str, text: str) -> str:
    stems = [s for s in content_stems(title) * TITLE_WEIGHT + content_stems(text) if len(s) >= 3 and not s.isdigit()]
    return " ".join(stems)


def _vectorizer() -> TfidfVectorizer:
    # sublinear tf: a word repeated ten times is not ten times as telling.
    return TfidfVectorizer(analyzer=str.split, sublinear_tf=True, norm="l2")


class Space:
    """A corpus as L2-normalised TF-IDF rows: the dot product of two rows is their cosine similarity."""

    def __init__(self, corpus: list[str]) -> None:
        self.size = len(corpus)
        self._vectorizer = _vectorizer() if any(corpus) else None
        self.matrix = self._vectorizer.fit_transform(corpus) if self._vectorizer else sp.csr_matrix((self.size, 1))

    def rows(self, indexes: list[int]) -> np.ndarray:
        """Similarity of the given corpus documents to every corpus document: len(indexes) x size."""
        return (self.matrix[indexes] @ self.matrix.T).toarray()

    def texts(self, stems: list[str]) -> np.ndarray:
        """Similarity of new texts (stems, not in the corpus) to every corpus document."""
        if self._vectorizer is None:
            return np.zeros((len(stems), self.size))
        return (self._vectorizer.transform(stems) @ self.matrix.T).toarray()
