"""Text normalisation: one form for matching word lists (dodge-proof) and one for the classifier.

`fold_for_matching` is deliberately aggressive (it loses case, accents and digits-as-letters) and is only used
to *compare* text with word lists and fingerprints, never to show text to anyone.
`normalize_for_model` keeps what the offensive-language classifier learns from (case, emoji, punctuation) and
removes what would make it learn accounts instead of language (@mentions, URLs).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Invisible characters people insert to break up words: zero-width space/joiners, word joiner, soft hyphen,
# BOM, Mongolian vowel separator, and the invisible math operators.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff\u180e\u2061\u2062\u2063\u2064\u034f"), None
)

# Letters from other scripts that look like Latin ones (after NFKC, which already folds full-width and
# mathematical alphabets). Only the common, unambiguous look-alikes: Cyrillic and Greek.
_HOMOGLYPHS = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ԛ": "q",
    "ԝ": "w", "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c",
    "Т": "t", "Х": "x", "І": "i", "Ј": "j", "Ѕ": "s", "α": "a", "ο": "o", "ρ": "p", "ν": "v", "κ": "k",
    "ι": "i", "τ": "t", "υ": "u", "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k",
    "Μ": "m", "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
})

# Leetspeak digits and symbols, applied only inside words that contain at least one letter, so that
# "2024" or "5 Euro" stay numbers.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s",
                       "!": "i", "|": "i", "€": "e"})
_LEET_WORD = re.compile(r"[\w@$!|€]+")
_EDGE_PUNCT = "!|"  # "Idiot!" ends a sentence; only inside a word is "!" an i.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SEPARATED_LETTERS = re.compile(r"(?<!\w)(?:\w[.\-_* ]){2,}\w(?!\w)")  # "i.d.i.o.t", "s c h e i s s e"
_REPEATS = re.compile(r"(\w)\1{2,}")
_NON_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"['’`´ʼ]")  # "halt's" is "halts", not "halt s"


def strip_invisible(text: str) -> str:
    return text.translate(_INVISIBLE)


def _deleet(match: re.Match[str]) -> str:
    token = match.group(0)
    core = token.strip(_EDGE_PUNCT)
    if not any(ch.isalpha() for ch in core):
        return token
    start = token.index(core)
    return token[:start] + core.translate(_LEET) + token[start + len(core):]


@lru_cache(maxsize=8192)
def fold_for_matching(text: str) -> str:
    """Fold text so that look-alike spellings compare equal: "Ιd1οt" (Greek/leet) → "idiot".

    NFKC (full-width, ligatures, styled alphabets) → invisible characters removed → Cyrillic/Greek look-alikes →
    lower case → accents dropped (umlauts written as ae/oe/ue/ss first, so "Ärsche" and "Aersche" agree) →
    leet digits inside words → letters separated by dots or dashes joined → runs of 3+ letters shortened to one
    → everything that is not a letter or digit becomes one space.
    """
    text = unicodedata.normalize("NFKC", strip_invisible(text))
    text = text.translate(_HOMOGLYPHS).casefold().translate(_UMLAUTS)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    text = _LEET_WORD.sub(_deleet, text)
    text = _SEPARATED_LETTERS.sub(lambda m: _NON_WORD.sub("", m.group(0)), text)
    text = _REPEATS.sub(r"\1", text)
    return _NON_WORD.sub(" ", text).strip()


# --- normalisation for the classifier --------------------------------------------------------------------------

_LBR = re.compile(r"\s*\|LBR\|\s*")
_MENTION = re.compile(r"@\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")
_HTML_ENTITY = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
_LONG_REPEATS = re.compile(r"(.)\1{3,}")
_SPACES = re.compile(r"[ \t]+")
_NEWLINE_SPACES = re.compile(r" *\n *")
_LEADING_MENTIONS = re.compile(r"^(?:@user\s*)+")


def split_hashtag(tag: str) -> str:
    """"MerkelMussWeg" → "Merkel Muss Weg"; all-lower or all-upper tags stay as they are."""
    return _CAMEL.sub(" ", tag)


def normalize_for_model(text: str) -> str:
    """The classifier's view of a comment (the same function at training and at scoring time).

    Tweet conventions of the training data (|LBR| line breaks, @mentions, URLs) and comment conventions
    (real line breaks, links) are mapped to one form; hashtags are split into words so "#Merkelmussweg" and
    "Merkel muss weg" share features; runs of 4+ equal characters are cut to 3 ("!!!!!!" ≈ "!!!").
    """
    text = strip_invisible(unicodedata.normalize("NFKC", text))
    for entity, char in _HTML_ENTITY.items():
        text = text.replace(entity, char)
    text = _LBR.sub("\n", text)
    text = _URL.sub(" URL ", text)
    text = _MENTION.sub("@user", text)
    # Leading reply mentions say who is addressed, not what is said.
    text = _LEADING_MENTIONS.sub("", text.strip())
    text = _HASHTAG.sub(lambda m: "# " + split_hashtag(m.group(1)), text)
    text = _LONG_REPEATS.sub(r"\1\1\1", text)
    return _NEWLINE_SPACES.sub("\n", _SPACES.sub(" ", text)).strip()
