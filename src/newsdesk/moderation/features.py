"""Feature extraction for the offensive-language model, shared by training and scoring.

The analysers are plain functions (picklable, no sklearn internals) that also report which word of the comment
each feature came from, so a score can be explained word by word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import scipy.sparse as sp

from newsdesk.core.german import stem  # one stemmer for moderation, search and related
from newsdesk.moderation.normalize import normalize_for_model

# Words, or runs of anything that is neither a word character nor space (punctuation, emoji).
TOKEN = re.compile(r"\w+|[^\w\s]+")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Span:
    """A token of the normalised comment: its text and its character offsets."""

    text: str
    start: int
    end: int


# What a masked word becomes: one neutral word for every group, so "die … raus" keeps its shape but no feature
# can tell "Islam" from "Grüne" (and reweighing keeps the word itself from predicting the label).
MASK_TOKEN = "gruppenwort"  # noqa: S105 (a word, not a secret)


def prepare(text: str, masked: Callable[[str], bool] | None = None, mask_token: str = MASK_TOKEN
            ) -> tuple[str, list[Span]]:
    """Normalised text (whitespace folded to single spaces) and its tokens: the input of every analyser.

    `masked(word)` true: the word is replaced by `mask_token` (identity terms in the debiased model), so no
    feature can learn it; an empty `mask_token` leaves the word out.
    """
    text = normalize_for_model(text)
    if masked is not None:
        text = TOKEN.sub(lambda m: f" {mask_token} " if masked(m.group(0)) else m.group(0), text)
    text = _WHITESPACE.sub(" ", text).strip()
    return text, [Span(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


# An analyser maps text to (feature, token index) pairs; the token index says which word to credit.
Analyser = Callable[[str, list[Span]], list[tuple[str, int]]]


def char_wb(text: str, spans: list[Span], lo: int = 1, hi: int = 6) -> list[tuple[str, int]]:
    """Lower-cased character n-grams inside words padded with spaces (like sklearn's "char_wb")."""
    out: list[tuple[str, int]] = []
    for index, span in enumerate(spans):
        word = f" {span.text.lower()} "
        for n in range(lo, hi + 1):
            if n > len(word):
                break
            out.extend((word[i : i + n], index) for i in range(len(word) - n + 1))
    return out


def char_cased(text: str, spans: list[Span], lo: int = 2, hi: int = 6) -> list[tuple[str, int]]:
    """Case-sensitive character n-grams across word boundaries (catches "!!!", "ALLES", "..?" patterns)."""
    if not spans:
        return []
    # Map each character position to the nearest token so cross-word n-grams can be credited to a word.
    owner = np.zeros(len(text), dtype=np.int32)
    for index, span in enumerate(spans):
        owner[span.start : span.end] = index
        if index + 1 < len(spans):
            owner[span.end : spans[index + 1].start] = index
    owner[spans[-1].end :] = len(spans) - 1
    out: list[tuple[str, int]] = []
    for n in range(lo, hi + 1):
        out.extend((text[i : i + n], int(owner[i + n // 2])) for i in range(len(text) - n + 1))
    return out


def stems(text: str, spans: list[Span]) -> list[tuple[str, int]]:
    """Snowball-stemmed, lower-cased words and word bigrams (a bigram is credited to its second word)."""
    stemmed = [stem(span.text.lower()) for span in spans]
    out = [(s, i) for i, s in enumerate(stemmed)]
    out.extend((f"{a} {b}", i + 1) for i, (a, b) in enumerate(pairwise(stemmed)))
    return out


ANALYSERS: dict[str, Analyser] = {"char_wb": char_wb, "char": char_cased, "stems": stems}


Analysed = list[tuple[str, int]]


def analyse(analyser: str, docs: Iterable[tuple[str, list[Span]]]) -> list[Analysed]:
    """Run one analyser over many documents once, so cross-validation folds can reuse the result."""
    function = ANALYSERS[analyser]
    return [function(text, spans) for text, spans in docs]


@dataclass
class Block:
    """One TF-IDF feature block: sublinear tf, smoothed idf, L2-normalised (as sklearn's TfidfVectorizer)."""

    analyser: str
    vocabulary: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, analyser: str, analysed: list[Analysed], *, min_df: int) -> Block:
        df: Counter[str] = Counter()
        for features in analysed:
            df.update({feature for feature, _ in features})
        kept = sorted(f for f, count in df.items() if count >= min_df)
        n = len(analysed)
        idf = np.array([math.log((1 + n) / (1 + df[f])) + 1.0 for f in kept])
        return cls(analyser, {f: i for i, f in enumerate(kept)}, idf)

    def row_of(self, features: Analysed) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """(feature ids, tf-idf values, token index per feature) of one analysed document."""
        counts: Counter[int] = Counter()
        owner: dict[int, int] = {}
        vocabulary = self.vocabulary
        for feature, token in features:
            fid = vocabulary.get(feature)
            if fid is not None:
                counts[fid] += 1
                owner.setdefault(fid, token)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0), []
        ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * self.idf[ids]
        values /= np.linalg.norm(values)
        return ids, values, [owner[i] for i in ids.tolist()]

    def row(self, text: str, spans: list[Span]) -> tuple[np.ndarray, np.ndarray, list[int]]:
        return self.row_of(ANALYSERS[self.analyser](text, spans))

    def matrix(self, analysed: list[Analysed]) -> sp.csr_matrix:
        indptr, indices, data = [0], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
        for features in analysed:
            ids, values, _ = self.row_of(features)
            indices.append(ids)
            data.append(values)
            indptr.append(indptr[-1] + len(ids))
        return sp.csr_matrix(
            (np.concatenate(data), np.concatenate(indices), np.array(indptr)),
            shape=(len(analysed), len(self.vocabulary)),
        )
