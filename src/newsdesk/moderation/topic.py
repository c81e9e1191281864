"""Off-topic signal: how little of a comment's content is about the article (or the comment it answers).

Method: both texts are reduced to content words (lower-cased, German stop words removed, Snowball-stemmed).
Each comment word is weighted by its rarity (idf from a small background frequency table shipped with the
package, built from the GermEval 2018 *training* tweets), so "Radweg" counts more than "Leute". Relevance is
the best of
  * word coverage: the idf-weighted share of the comment's content words that also occur in the context, and
  * a compound-tolerant coverage: the same with character 5-grams of content words, so "Radwegeplanung" and
    "Radweg" meet (German compounds),
and the off-topic score is ``1 - min(1, relevance / SATURATION)``. Comments with fewer than three content words
("Danke!", "Genau so.") carry too little evidence; their score is shrunk towards 0.5 and the reason says so.
Measured on a hand-written fictional set (see `topic_eval`), not on real comments: treat it as a hint for the
moderator, never as a reason to reject on its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsdesk.core.german import STOP_WORDS
from newsdesk.core.html import html_to_text, looks_like_html
from newsdesk.moderation.features import stem as stem_word
from newsdesk.moderation.normalize import normalize_for_model

TOPIC_VERSION = "topic-de-1.0"
BACKGROUND_PATH = Path(__file__).resolve().parent / "data" / "background-df-de.tsv"
SATURATION = 0.5  # a comment half of whose content weight is shared with the article counts as fully on topic
MIN_CONTENT_WORDS = 3


_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@lru_cache(maxsize=1)
def _background() -> tuple[dict[str, int], int]:
    """Document frequency per stem in the background corpus, and the corpus size (first line: #docs N)."""
    lines = BACKGROUND_PATH.read_text(encoding="utf-8").splitlines()
    total = int(lines[0].split("\t")[1])
    return {stem: int(df) for stem, df in (line.split("\t") for line in lines[1:] if line)}, total


def content_stems(text: str) -> list[str]:
    """Stemmed content words of a text (HTML allowed), in order, repeats included."""
    if looks_like_html(text):
        text = html_to_text(text)
    words = [w.lower() for w in _WORD.findall(normalize_for_model(text))]
    return [stem_word(w) for w in words if w not in STOP_WORDS]


def _idf(stem: str) -> float:
    df, total = _background()
    return math.log((total + 1) / (df.get(stem, 0) + 1)) + 1.0


def _grams(stem: str, n: int = 5) -> set[str]:
    return {stem[i : i + n] for i in range(len(stem) - n + 1)} if len(stem) >= n else {stem}


@lru_cache(maxsize=512)
def _context(context: str, parent: str) -> tuple[frozenset[str], frozenset[str]]:
    """Stems and 5-grams of article + parent; cached because every comment on an article repeats the work."""
    stems = frozenset(content_stems(context)) | frozenset(content_stems(parent))
    return stems, frozenset(g for s in stems for g in _grams(s))


@dataclass(frozen=True)
class TopicResult:
    offtopic: float  # 0 = clearly about the context, 1 = shares nothing with it
    relevance: float
    shared: tuple[str, ...]  # comment words (as written) that the context also uses, strongest first
    content_words: int
    version: str = TOPIC_VERSION


def relevance(comment: str, context: str, parent: str = "") -> TopicResult:
    """Relevance of `comment` to the article text `context` and, optionally, the comment it replies to."""
    if looks_like_html(comment):
        comment = html_to_text(comment)
    raw_words = [w for w in _WORD.findall(normalize_for_model(comment)) if w.lower() not in STOP_WORDS]
    stems = [stem_word(w.lower()) for w in raw_words]
    context_stems, context_grams = _context(context, parent)
    if not stems or not context_stems:
        return TopicResult(offtopic=0.5, relevance=0.0, shared=(), content_words=len(stems))
    weights = Counter[str]()
    for stem in stems:
        weights[stem] = max(weights[stem], _idf(stem))
    total = sum(weights.values())
    exact = {s for s in weights if s in context_stems}
    word_cover = sum(weights[s] for s in exact) / total
    # Share of each comment word's 5-grams found in the context: partial credit for compound parts.
    gram_cover = sum(w * len(_grams(s) & context_grams) / len(_grams(s)) for s, w in weights.items()) / total
    score = max(word_cover, 0.8 * gram_cover)
    offtopic = 1.0 - min(1.0, score / SATURATION)
    if len(weights) < MIN_CONTENT_WORDS:
        # Too few words to judge: pull towards "undecided".
        offtopic = 0.5 + (offtopic - 0.5) * len(weights) / MIN_CONTENT_WORDS
    shown: dict[str, str] = {}
    for word, stem in zip(raw_words, stems, strict=True):
        if stem in exact:
            shown.setdefault(stem, word)
    shared = tuple(shown[s] for s in sorted(shown, key=lambda s: weights[s], reverse=True))
    return TopicResult(offtopic=round(offtopic, 4), relevance=round(min(1.0, score), 4), shared=shared,
                       content_words=len(weights))


def build_background(texts: list[str], path: Path = BACKGROUND_PATH, min_df: int = 2) -> Path:
    """Write the background document-frequency table (stems seen in at least `min_df` texts)."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(content_stems(text)))
    lines = [f"#docs\t{len(texts)}"] + [f"{s}\t{n}" for s, n in sorted(df.items()) if n >= min_df]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
