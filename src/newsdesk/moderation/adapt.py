"""Learning from the site's own moderators, and setting the hold threshold from a site's target.

DB-free: the caller (the `train --from-decisions` command) reads the decisions and the registry. A decision is
a (text, rejected?) pair; equal texts (same `spam.fingerprint`) count once, the latest decision wins. A fixed
slice of the decisions (by fingerprint hash, so it stays the same as decisions accumulate) is held out to
compare the candidate with the model in use; the rest is added to GermEval 2018 training data with a weight.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsdesk.moderation import identity, offense, spam
from newsdesk.moderation.metrics import macro_f

HELD_OUT_SHARE = 0.25
# A site decision weighs as much as this many GermEval tweets: fewer, but in the site's own domain.
DECISION_WEIGHT = 3.0


@dataclass(frozen=True)
class Decisions:
    texts: tuple[str, ...]
    labels: tuple[int, ...]  # 1 = rejected by a moderator, 0 = approved

    def __len__(self) -> int:
        return len(self.texts)


def deduplicate(decisions: Iterable[tuple[str, int]]) -> Decisions:
    """In order of decision time: the last decision about a text (by fingerprint) wins."""
    latest: dict[str, tuple[str, int]] = {}
    for text, label in decisions:
        if text.strip():
            key = spam.fingerprint(text)
            latest.pop(key, None)  # re-insert so the order is that of the latest decision
            latest[key] = (text, int(label))
    return Decisions(tuple(t for t, _ in latest.values()), tuple(y for _, y in latest.values()))


def split(decisions: Decisions, share: float = HELD_OUT_SHARE) -> tuple[Decisions, Decisions]:
    """(training part, held-out part); a text's side depends only on its fingerprint."""
    train, held = ([], []), ([], [])
    for text, label in zip(decisions.texts, decisions.labels, strict=True):
        digest = hashlib.sha256(spam.fingerprint(text).encode()).digest()
        side = held if int.from_bytes(digest[:4], "big") / 2**32 < share else train
        side[0].append(text)
        side[1].append(label)
    return Decisions(tuple(train[0]), tuple(train[1])), Decisions(tuple(held[0]), tuple(held[1]))


def training_set(base_texts: Sequence[str], base_labels: Sequence[int], site: Decisions,
                 terms: identity.IdentityTerms, weight: float = DECISION_WEIGHT
                 ) -> tuple[list[str], np.ndarray, np.ndarray]:
    """GermEval plus the site's decisions (weighted), without site texts already in the base set, with the
    fairness reweighing over the whole."""
    base_keys = {spam.fingerprint(t) for t in base_texts}
    extra = [(t, y) for t, y in zip(site.texts, site.labels, strict=True) if spam.fingerprint(t) not in base_keys]
    texts = [*base_texts, *(t for t, _ in extra)]
    labels = np.array([*base_labels, *(y for _, y in extra)], dtype=int)
    weights = np.array([1.0] * len(base_texts) + [weight] * len(extra))
    weights *= identity.reweighing(texts, labels, terms)
    return texts, labels, weights


@dataclass(frozen=True)
class Comparison:
    current_site: float
    candidate_site: float
    current_test: float
    candidate_test: float

    @property
    def better_on_both(self) -> bool:
        return self.candidate_site > self.current_site and self.candidate_test >= self.current_test

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.__dict__.items()}


def held_macro_f(model: offense.OffenseModel, texts: Sequence[str], labels: Sequence[int]) -> float:
    if not texts:
        return 0.0
    return macro_f(np.asarray(labels), (model.probabilities(texts) >= model.threshold).astype(int))


def compare(current: offense.OffenseModel, candidate: offense.OffenseModel, held: Decisions,
            test_texts: Sequence[str], test_labels: Sequence[int]) -> Comparison:
    return Comparison(held_macro_f(current, held.texts, held.labels), held_macro_f(candidate, held.texts, held.labels),
                      held_macro_f(current, test_texts, test_labels), held_macro_f(candidate, test_texts, test_labels))


# --- calibration ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calibration:
    threshold: float
    hold_rate: float  # share of the decided comments the threshold would hold
    precision: float  # of the held, the share moderators rejected
    recall: float  # of the rejected, the share held
    decisions: int

    def line(self) -> str:
        return (f"Schwelle {self.threshold:.3f}: hält {self.hold_rate:.1%} der {self.decisions} entschiedenen "
                f"Kommentare, erwartete Präzision {self.precision:.1%}, erwarteter Recall {self.recall:.1%}")


def calibrate(probabilities: Sequence[float], rejected: Sequence[int], *, hold_at_most: float | None = None,
              catch: float | None = None) -> Calibration:
    """The threshold meeting one target on the site's decisions: hold at most a share of comments, or catch
    (hold) at least a share of what moderators rejected, with the expected precision and recall."""
    if (hold_at_most is None) == (catch is None):
        raise ValueError("Genau ein Ziel angeben: höchstens halten (Anteil) oder auffangen (Anteil).")
    target = hold_at_most if hold_at_most is not None else catch
    if not 0 < target <= 1:
        raise ValueError("Das Ziel ist ein Anteil zwischen 0 und 1 (z. B. 0.2 für 20 %).")
    p = np.asarray(probabilities, dtype=float)
    y = np.asarray(rejected, dtype=int)
    if len(p) == 0 or (catch is not None and not y.any()):
        raise ValueError("Zu wenige Entscheidungen (es braucht abgelehnte und freigegebene Kommentare).")
    candidates = np.unique(np.concatenate([p, [1.0 + 1e-9]]))  # ascending; the last holds nothing
    best = None
    for threshold in candidates:  # lowest threshold that meets the target = the most caught within it
        held = p >= threshold
        if hold_at_most is not None and held.mean() > hold_at_most:
            continue
        if catch is not None and (held & (y == 1)).sum() / y.sum() < catch:
            break
        best = threshold
        if hold_at_most is not None:
            break
    if best is None:
        best = candidates[0] if catch is not None else candidates[-1]
    held = p >= best
    tp = int((held & (y == 1)).sum())
    return Calibration(float(min(best, 1.0)), float(held.mean()), tp / held.sum() if held.sum() else 0.0,
                       tp / y.sum() if y.sum() else 0.0, len(p))
