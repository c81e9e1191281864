"""Comment pre-screening for German news sites: plain Python + scikit-learn, no Django models.

House rule served: "All comments are moderated; comments that do not address the topic or only serve to demean
readers or authors are deleted." This package never deletes anything: it recommends an action for the
moderation queue and says why, in German.

Public API (imported lazily, so Django start-up does not load scikit-learn)::

    from newsdesk.moderation import screen, Screening, Signal, Action
    result = screen(text, context_text=article_text, parent_text=parent_comment)
    result.action        # Action.APPROVE_CANDIDATE / HOLD / REJECT
    result.risk          # highest signal score, 0…1
    result.signals       # Signal(name, score, reason_de, version, action), e.g. "abwertend 0,93: »…«"
    result.fingerprint   # store it: equal fingerprints = the same text re-posted

Modules: `offense` (classifier), `topic` (off-topic signal), `spam` (links, shorteners, word lists, shouting,
duplicate fingerprints), `normalize` (dodge-proof folding), `wordlists`, `metrics`, `topic_eval`, `screening`.
Command line: ``newsdesk moderation train | evaluate FILE | score [FILE]``. See README.md beside this file.

Training data and licence: the offensive-language model and the background word frequencies of the off-topic
signal are derived from the GermEval 2018 training data (uds-lsv/GermEval-2018-Data), licensed CC BY 4.0:
Michael Wiegand, Melanie Siegel, Josef Ruppenhofer: "Overview of the GermEval 2018 Shared Task on the
Identification of Offensive Language", Proceedings of GermEval 2018, Vienna. The shipped model file and
data/background-df-de.tsv are adapted material under CC BY 4.0 (changes: features and weights learnt from the
tweets; no tweet text is stored except n-grams as feature names). data/lexicon-de.txt is newsdesk's own list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsdesk.moderation.screening import Action, Screening, Signal, screen

__all__ = ["Action", "Screening", "Signal", "screen"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from newsdesk.moderation import screening

        return getattr(screening, name)
    raise AttributeError(name)
