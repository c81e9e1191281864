"""Reasons a moderator can use: the phrases of a comment that carry the offensive score.

The linear model gives every word its exact share of the score. A reason is built from the words with the
largest positive shares, but never from a stop word («ist», «eine») or an identity/topic term («Islam»,
«Merkel») — those say what a comment is about, not why it demeans. Carrying words next to each other, or
separated only by up to two stop words, become one phrase ("dumm wie ein Knäckebrot"). No usable word: the
reason says so (`NO_CLEAR_REASON`) instead of inventing one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from newsdesk.core.german import STOP_WORDS
from newsdesk.moderation.features import Span

NO_CLEAR_REASON = "kein eindeutiger Grund"
MAX_PHRASES = 3
MAX_BRIDGE = 2  # stop words a phrase may span between two carrying words
# A word carries the offence when its share is at least this part of the strongest word's share (any word) ...
RELATIVE_SHARE = 1 / 3
# ... and at least this much of the logit on its own (smaller shares are noise of the char n-grams).
MIN_SHARE = 0.05


@dataclass(frozen=True)
class Phrase:
    text: str
    share: float  # summed logit share of its carrying words
    words: tuple[str, ...]  # the carrying words (never stop words or identity terms)


def is_stop_word(word: str) -> bool:
    return word.casefold() in STOP_WORDS


def usable(word: str, is_identity: Callable[[str], bool]) -> bool:
    return len(word) >= 2 and any(ch.isalpha() for ch in word) and not is_stop_word(word) \
        and not is_identity(word)


def phrases(text: str, spans: Sequence[Span], per_token: Mapping[int, float],
            is_identity: Callable[[str], bool], *, top: int = MAX_PHRASES) -> tuple[Phrase, ...]:
    """The phrases of `text` (the model's prepared text, `spans` its tokens) that carry the score."""
    candidates = {i: share for i, share in per_token.items()
                  if share > 0 and usable(spans[i].text, is_identity)}
    if not candidates:
        return ()
    # Measured against every word, unusable ones included: when "Islam" carries the score, a weak "gehört"
    # beside it is no reason either.
    strongest = max(share for i, share in per_token.items() if 0 <= i < len(spans))
    carrying = sorted(i for i, share in candidates.items()
                      if share >= max(MIN_SHARE, RELATIVE_SHARE * strongest))
    groups: list[list[int]] = []
    for index in carrying:
        if groups:
            gap = range(groups[-1][-1] + 1, index)
            if len(gap) <= MAX_BRIDGE and all(_bridgeable(spans[j].text) for j in gap):
                groups[-1].append(index)
                continue
        groups.append([index])
    found: dict[str, Phrase] = {}
    for group in groups:
        phrase_text = text[spans[group[0]].start : spans[group[-1]].end]
        share = sum(candidates[i] for i in group)
        key = phrase_text.casefold()
        if key in found:  # the same insult twice: one reason, summed weight
            share += found[key].share
        found[key] = Phrase(phrase_text, round(share, 3), tuple(spans[i].text for i in group))
    return tuple(sorted(found.values(), key=lambda p: p.share, reverse=True)[:top])


def _bridgeable(token: str) -> bool:
    return is_stop_word(token) or (not any(ch.isalnum() for ch in token) and token not in {".", "!", "?", "|"})


def locate(original: str, phrase: str) -> tuple[int, int] | None:
    """Character span of `phrase` (from the normalised text) in the comment as written, or None.

    The words are matched in order with anything that is not a word character between them, so folded
    whitespace, line breaks and punctuation between the words do not matter.
    """
    words = re.findall(r"\w+", phrase)
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)"
    match = re.search(pattern, original) or re.search(pattern, original, re.IGNORECASE)
    return (match.start(), match.end()) if match else None
