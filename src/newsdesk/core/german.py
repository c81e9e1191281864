"""German words for text features shared by moderation, search and related: stop words and Snowball stems.

One home so that a document indexed by search, compared by related and scored by moderation is cut into the
same words.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer

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

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


_per_thread = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    # One per thread: a snowball stemmer keeps the word it works on in itself, and ASGI runs sync views on
    # several threads at once (two concurrent comments broke each other's stems with an IndexError, a 500).
    stemmer = getattr(_per_thread, "stemmer", None)
    if stemmer is None:
        stemmer = _per_thread.stemmer = snowballstemmer.stemmer("german")
    return stemmer


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball German stem of a lower-cased word; cached because the pure-Python stemmer is the slow part."""
    return _stemmer().stemWord(word)


def words(text: str) -> list[str]:
    """Lower-cased words (letters and digits) of plain text, in order."""
    return [w.lower() for w in _WORD.findall(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words of plain text that are not stop words, in order, repeats included."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]
