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

from newsdesk.core.html import html_to_text, looks_like_html
from newsdesk.moderation.features import stem as stem_word
from newsdesk.moderation.normalize import normalize_for_model

TOPIC_VERSION = "topic-de-1.0"
BACKGROUND_PATH = Path(__file__).resolve().parent / "data" / "background-df-de.tsv"
SATURATION = 0.5  # a comment half of whose content weight is shared with the article counts as fully on topic
MIN_CONTENT_WORDS = 3

# A modest German stop-word list: function words and very common verbs/adverbs that say nothing about a topic.
_STOP_WORD_BLOCK = """
aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bin
bis bist da dabei dadurch dafür dagegen daher dahin damals damit dann daran darauf daraus darf darin darum
darüber das dass dasselbe dazu dein deine deinem deinen deiner dem den denen denn der deren derer des deshalb
dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch eben ebenso ein eine einem einen
einer eines einfach einige einmal er es etwa etwas euch euer eure für gab ganz gar gegen gehabt gehen geht
gewesen gibt ging habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
im immer in indem ins ist ja jede jedem jeden jeder jedes jedoch jemand jetzt kann kannst kein keine keinem
keinen keiner klar können könnte lassen man manche manchem manchen mancher mehr mein meine meinem meinen
meiner mich mir mit muss musste müssen nach nachdem nein nicht nichts noch nun nur ob oder ohne schon sehr sei
seid sein seine seinem seinen seiner seit selbst sich sie sind so solche solchem solchen solcher soll sollen
sollte sondern sonst sowie über um und uns unser unsere unserem unseren unter viel viele vom von vor wann
war waren warum was weg wegen weil weiter welche welchem welchen welcher wenn wer werde werden wie wieder
will wir wird wirklich wo wohl wollen wollte würde würden zu zum zur zwar zwischen mal halt gut gute guten
genau echt eigentlich leider bitte danke heute gestern morgen immer sagen sagt gesagt sehen macht machen
gemacht finde finden ganz schön wäre hätte hätten kommt kommen neue neuen neu jahr jahre jahren prozent
user url
"""
STOP_WORDS = frozenset(_STOP_WORD_BLOCK.split())

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
