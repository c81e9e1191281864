"""Queries and snippets in plain Python, shared by both database backends so they behave alike."""

from __future__ import annotations

import html
import re

from django.utils.safestring import SafeString, mark_safe

from newsdesk.core.german import STOP_WORDS, stem, words

MAX_QUERY_CHARS = 200  # longer input is cut: nobody types more, and it bounds the work per request
MAX_TERMS = 12
# Operators of FTS5 and search engines are taken as noise, not syntax: every term is required (AND).
OPERATORS = frozenset({"and", "or", "not", "near"})
SNIPPET_WORDS = 32

_PIECES = re.compile(r"([^\W_]+)", re.UNICODE)


def query_words(raw: str) -> list[str]:
    """The words of a search query that count: lower-cased, no stop words or operators, unique, at most 12."""
    seen: dict[str, None] = {}
    for word in words(raw[:MAX_QUERY_CHARS]):
        if word not in STOP_WORDS and word not in OPERATORS and len(word) < 60:
            seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def stems_of(query: list[str]) -> set[str]:
    return {stem(w) for w in query}


def document_stems(text: str) -> str:
    """Stemmed text as FTS5 indexes it: stop words stay out, the same rule as for queries."""
    return " ".join(stem(w) for w in words(text) if w not in STOP_WORDS)


def document_terms(*texts: str) -> dict[str, str]:
    """stem -> the first form of it met in `texts` (case kept): the vocabulary "Meinten Sie …" draws on."""
    terms: dict[str, str] = {}
    for text in texts:
        for word in _PIECES.findall(text):
            lower = word.lower()
            if lower in STOP_WORDS or len(lower) < 3 or len(lower) >= 60 or lower.isdigit():
                continue
            terms.setdefault(stem(lower), word)
    return terms


TITLE_WORDS = 12


def first_words(text: str, max_words: int = TITLE_WORDS) -> str:
    """The start of `text` as a title: at most `max_words` words, cut after a whole word, "…" when cut."""
    found = list(_PIECES.finditer(text))
    if len(found) <= max_words:
        return " ".join(text.split())
    return " ".join(text[:found[max_words - 1].end()].split()) + " …"


def fts5_match(query: list[str]) -> str:
    """An FTS5 MATCH expression: each stem quoted (stems are letters and digits only), all required."""
    return " ".join(f'"{stem(w)}"' for w in query)


def highlight(text: str, stems: set[str], *, max_words: int | None = SNIPPET_WORDS) -> SafeString:
    """HTML-escaped `text` (cut to the window with most hits when max_words is set), hits wrapped in <mark>."""
    pieces = _PIECES.split(text)  # even indexes: between words, odd: words
    word_at = list(range(1, len(pieces), 2))
    hits = [n for n, i in enumerate(word_at) if stem(pieces[i].lower()) in stems]
    start_word, end_word = 0, len(word_at)
    if max_words is not None and len(word_at) > max_words:
        best = 0
        if hits:
            # The window of max_words words holding the most hits, starting a few words before its first hit.
            best = max(hits, key=lambda h: sum(1 for x in hits if h <= x < h + max_words))
            best = max(0, min(best - 4, len(word_at) - max_words))
        start_word, end_word = best, best + max_words
    first = 0 if start_word == 0 else word_at[start_word]
    last = len(pieces) if end_word >= len(word_at) else word_at[end_word - 1] + 1
    out = ["… " if first > 0 else ""]
    # The text between two hits is escaped in one piece (a search page marks some thousand words).
    start = first
    for i in (word_at[n] for n in hits):
        if first <= i < last:
            out.append(html.escape("".join(pieces[start:i])))
            out.append(f"<mark>{html.escape(pieces[i])}</mark>")
            start = i + 1
    out.append(html.escape("".join(pieces[start:last])))
    if last < len(pieces):
        out.append(" …")
    return mark_safe("".join(out).strip())  # noqa: S308  every piece went through html.escape above
