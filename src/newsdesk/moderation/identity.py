"""Identity and topic terms (religions, origins, parties and politicians, gender/sexuality, refugees/migration).

Three uses: the fairness report (are neutral comments that mention a group held more often than the rest?),
the debiased model (these words are masked out of its features, so it cannot learn "Islam" as offence), and
the reasons (a reason never names such a term on its own). Defaults in `data/identity-terms-de.txt`; on a
site the list is edited in the back office (`models.WordEntry`, kind "identity", the group in `group`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from newsdesk.moderation.normalize import fold_for_matching
from newsdesk.moderation.wordlists import WordList, parse_entry

IDENTITY_PATH = Path(__file__).resolve().parent / "data" / "identity-terms-de.txt"
GROUPS: dict[str, str] = {
    "religion": "Religionen und ihre Anhänger",
    "herkunft": "Nationalitäten und Herkunft",
    "politik": "Parteien und Spitzenpolitiker",
    "geschlecht": "Geschlecht und Sexualität",
    "flucht": "Flucht und Migration",
}
_HEADER = re.compile(r"^\[(\w+)\]$")


@dataclass(frozen=True)
class IdentityTerms:
    """Terms per group; compiled lazily, immutable (build once, reuse)."""

    groups: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def of(cls, by_group: Mapping[str, Iterable[str]]) -> IdentityTerms:
        return cls(tuple((g, tuple(sorted({e.strip() for e in entries if parse_entry(e)})))
                         for g, entries in by_group.items()))

    @classmethod
    def parse(cls, text: str) -> IdentityTerms:
        """The file format: "[group]" lines start a group, then one entry per line, "#" comments."""
        by_group: dict[str, list[str]] = {}
        group = None
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            header = _HEADER.match(line)
            if header:
                group = header.group(1)
                by_group.setdefault(group, [])
            elif group is None:
                raise ValueError(f"Zeile {number}: Eintrag »{line}« vor der ersten [Gruppe]")
            else:
                by_group[group].append(line)
        return cls.of(by_group)

    @classmethod
    def from_file(cls, path: Path = IDENTITY_PATH) -> IdentityTerms:
        return cls.parse(path.read_text(encoding="utf-8"))

    @property
    def entries(self) -> tuple[str, ...]:
        return tuple(e for _, entries in self.groups for e in entries)

    @cached_property
    def _lists(self) -> dict[str, WordList]:
        return {group: WordList(entries) for group, entries in self.groups}

    @cached_property
    def _all(self) -> WordList:
        return WordList(self.entries)

    def mentioned(self, text: str) -> set[str]:
        """The groups whose terms occur in `text`."""
        folded = fold_for_matching(text)
        return {group for group, words in self._lists.items() if words.find(folded, folded=True)}

    def is_term(self, word: str) -> bool:
        """Whether a single word is an identity term (whole-word match after folding)."""
        return _is_term(self, word)

    def __bool__(self) -> bool:
        return bool(self.entries)


@lru_cache(maxsize=65536)
def _is_term(terms: IdentityTerms, word: str) -> bool:
    folded = fold_for_matching(word)
    return bool(folded) and terms._all.find(folded, folded=True) == [folded]


DEFAULT_TERMS = IdentityTerms.from_file() if IDENTITY_PATH.exists() else IdentityTerms(())


# --- fairness report --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupFigures:
    group: str
    neutral: int  # non-offensive comments mentioning the group
    neutral_held: int
    offensive: int
    offensive_held: int

    @property
    def hold_rate(self) -> float:
        return self.neutral_held / self.neutral if self.neutral else 0.0

    @property
    def recall(self) -> float:
        return self.offensive_held / self.offensive if self.offensive else 0.0


@dataclass(frozen=True)
class FairnessReport:
    groups: tuple[GroupFigures, ...]
    baseline: GroupFigures  # comments mentioning none of the groups

    def ratio(self, figures: GroupFigures) -> float:
        base = self.baseline.hold_rate
        return figures.hold_rate / base if base else float("inf") if figures.hold_rate else 1.0

    @property
    def worst_ratio(self) -> float:
        return max((self.ratio(g) for g in self.groups if g.neutral), default=1.0)

    def lines(self) -> list[str]:
        out = ["Fairness (Haltequote nicht beleidigender Texte, die eine Gruppe nennen, gegen Texte ohne Gruppe):",
               f"  {'Gruppe':12s} {'neutral':>8s} {'gehalten':>9s} {'Quote':>7s} {'Faktor':>7s} "
               f"{'beleid.':>8s} {'Recall':>7s}"]
        for figures in (*self.groups, self.baseline):
            ratio = "" if figures is self.baseline else f"{self.ratio(figures):6.2f}x"
            out.append(f"  {figures.group:12s} {figures.neutral:8d} {figures.neutral_held:9d} "
                       f"{figures.hold_rate:6.1%} {ratio:>7s} {figures.offensive:8d} {figures.recall:6.1%}")
        out.append(f"  höchster Faktor: {self.worst_ratio:.2f}x")
        return out


def fairness(texts: Sequence[str], gold: Sequence[int], held: Sequence[bool],
             terms: IdentityTerms = DEFAULT_TERMS) -> FairnessReport:
    """Per group: hold rate of gold non-offensive comments that mention it, and recall on offensive ones."""
    gold_array, held_array = np.asarray(gold, dtype=bool), np.asarray(held, dtype=bool)
    mentions = [terms.mentioned(text) for text in texts]

    def figures(name: str, mask: np.ndarray) -> GroupFigures:
        return GroupFigures(name, int((mask & ~gold_array).sum()), int((mask & ~gold_array & held_array).sum()),
                            int((mask & gold_array).sum()), int((mask & gold_array & held_array).sum()))

    groups = tuple(figures(group, np.array([group in m for m in mentions], dtype=bool)) for group, _ in terms.groups)
    baseline = figures("keine", np.array([not m for m in mentions], dtype=bool))
    return FairnessReport(groups, baseline)


def reweighing(texts: Sequence[str], labels: Sequence[int], terms: IdentityTerms = DEFAULT_TERMS) -> np.ndarray:
    """Sample weights that make group mention and label independent in the weighted data (Kamiran & Calders
    2012, "reweighing"): w = P(group) P(label) / P(group, label). The group of a text is the one group it
    mentions, "mehrere" for several, "" for none; so a mention of Islam stops predicting the label."""
    y = np.asarray(labels, dtype=int)
    keys = []
    for text in texts:
        groups = terms.mentioned(text)
        keys.append("" if not groups else next(iter(groups)) if len(groups) == 1 else "mehrere")
    key_array = np.array(keys, dtype=object)
    weights = np.ones(len(y))
    for key in set(keys):
        in_group = key_array == key
        for label in (0, 1):
            cell = in_group & (y == label)
            if cell.any():
                weights[cell] = in_group.mean() * (y == label).mean() / cell.mean()
    return weights
