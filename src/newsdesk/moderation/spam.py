"""Spam and abuse signals that need no database: links, URL shorteners, word lists, shouting, fingerprints.

Flooding (many comments per e-mail address or IP in a time window) needs stored comments and belongs to the
comments app; it can use `fingerprint` / `shingles` / `similarity` from here to spot the same text posted again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from newsdesk.moderation.normalize import fold_for_matching, strip_invisible
from newsdesk.moderation.wordlists import WordList

SPAM_VERSION = "spam-de-1.0"

# Hard limits of the house rules: slurs, Nazi slogans, the gravest sexual insults. A hit means reject.
DEFAULT_BANNED: tuple[str, ...] = (
    "heil hitler", "sieg heil", "judensau*", "untermensch*", "kanake*", "neger*", "fotze*",
    "hurensohn*", "hurensoehne*", "kinderficker*", "*wichser*", "vergasen",
)
# Words that often, but not always, demean someone: a hit means a moderator looks first (hold).
DEFAULT_SUSPECT: tuple[str, ...] = (
    "*idiot*", "*arschloch*", "*drecks*", "*schlampe*", "*abschaum*", "*gesindel*", "*volksverraeter*",
    "*luegenpresse*", "*schmarotzer*", "*missgeburt*", "*spast*", "*vollpfosten*", "halts maul", "*ungeziefer*",
)

URL_SHORTENERS = frozenset({
    "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly",
    "shorturl.at", "tiny.cc", "t.ly", "rb.gy", "s.id", "v.gd", "bl.ink", "short.io", "lnkd.in", "tiny.one",
})

# http(s)://… or www.… or a bare domain with a common top-level domain ("example.de/angebot").
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:de|com|net|org|info|at|ch|eu|io|ly|co|me|ru|biz|xyz|gd|gl)(?![a-z0-9-])"
    r"(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+)", re.IGNORECASE)


def links(text: str) -> list[str]:
    """The links in a comment (also bare domains like "beispiel.de/x"), invisible characters removed first."""
    return [m.group(0).rstrip(".,;:!?)") for m in _URL.finditer(strip_invisible(text))]


def host(url: str) -> str:
    match = _HOST.match(url)
    return match.group(1).lower() if match else ""


def shorteners(urls: Iterable[str]) -> list[str]:
    return [h for h in map(host, urls) if h in URL_SHORTENERS]


def shouting_ratio(text: str, min_letters: int = 20) -> float:
    """Share of upper-case letters; 0 for texts with fewer than `min_letters` letters ("OK", "EU", "AfD")."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < min_letters:
        return 0.0
    return sum(ch.isupper() for ch in letters) / len(letters)


def as_wordlist(words: WordList | Iterable[str] | None, default: tuple[str, ...]) -> WordList:
    if words is None:
        return _DEFAULTS.setdefault(default, WordList.of(default))
    return words if isinstance(words, WordList) else WordList.of(words)


_DEFAULTS: dict[tuple[str, ...], WordList] = {}


def wordlist_version(words: WordList) -> str:
    """A short, stable id of a word list's content, so a stored decision says which list was used."""
    digest = hashlib.sha256("\n".join(sorted(words.entries)).encode("utf-8")).hexdigest()[:10]
    return f"wordlist-{digest}"


# --- duplicates -------------------------------------------------------------------------------------------------


def fingerprint(text: str) -> str:
    """Exact-duplicate key: SHA-256 of the folded text, so case, spacing, look-alike letters and punctuation do
    not make a copy look new. 64 hex characters; store it indexed and compare for equality."""
    return hashlib.sha256(fold_for_matching(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = 3) -> frozenset[int]:
    """Hashes of overlapping word triples of the folded text (near-duplicate detection)."""
    words = fold_for_matching(text).split()
    if len(words) < size:
        words_or_all = [" ".join(words)] if words else []
    else:
        words_or_all = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return frozenset(int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big")
                     for s in words_or_all)


def minhash(text: str, size: int = 32) -> tuple[int, ...]:
    """A fixed-size MinHash signature of the shingles (store it; compare with `signature_similarity`)."""
    hashes = shingles(text)
    if not hashes:
        return ()
    mask = (1 << 64) - 1
    # `size` cheap hash functions: XOR with fixed salts, then take the minimum.
    salts = [int.from_bytes(hashlib.blake2b(str(i).encode(), digest_size=8).digest(), "big") for i in range(size)]
    return tuple(min((h ^ salt) & mask for h in hashes) for salt in salts)


def signature_similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two MinHash signatures (0 when either is empty)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def similarity(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingles: ≥ 0.8 is "the same comment, slightly edited"."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
