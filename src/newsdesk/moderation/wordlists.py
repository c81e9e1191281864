"""Word lists matched against folded text, so spelling tricks (zero-width characters, Cyrillic look-alikes,
leetspeak, s-p-a-c-e-d letters) do not get a word past them.

Entry syntax (one per line or one per list item; ``#`` starts a comment line):

- ``wort``   the whole word only ("sau" does not match "sauber")
- ``wort*``  a word starting with it ("scheiss*" matches "scheissegal")
- ``*wort``  a word ending with it ("*pack" matches "dreckspack", not "packen")
- ``*wort*`` anywhere inside a word ("*idiot*" matches "vollidioten")

Entries may contain spaces ("halts maul"); entries and text go through the same `fold_for_matching`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from newsdesk.moderation.normalize import fold_for_matching


def parse_entry(entry: str) -> tuple[str, str] | None:
    """(kind, folded core) with kind one of exact/prefix/suffix/infix, or None for blanks and comments."""
    entry = entry.strip()
    if not entry or entry.startswith("#"):
        return None
    starred_left, starred_right = entry.startswith("*"), entry.endswith("*")
    core = fold_for_matching(entry.strip("*"))
    if not core:
        return None
    kind = {(False, False): "exact", (False, True): "prefix", (True, False): "suffix", (True, True): "infix"}
    return kind[starred_left, starred_right], core


def _alternation(cores: Iterable[str]) -> str:
    # Longest first, so "vollidiot" wins over "idiot" at the same place.
    return "|".join(re.escape(c) for c in sorted(set(cores), key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True)
class WordList:
    """An immutable, compiled word list. Build it once (module level) and reuse it: compiling is the slow part."""

    entries: tuple[str, ...]

    @classmethod
    def of(cls, entries: Iterable[str]) -> WordList:
        return cls(tuple(e.strip() for e in entries if e.strip() and not e.strip().startswith("#")))

    @classmethod
    def from_file(cls, path: str | Path) -> WordList:
        return cls.of(Path(path).read_text(encoding="utf-8").splitlines())

    @cached_property
    def _regex(self) -> re.Pattern[str] | None:
        by_kind: dict[str, list[str]] = {"exact": [], "prefix": [], "suffix": [], "infix": []}
        for kind, core in filter(None, map(parse_entry, self.entries)):
            by_kind[kind].append(core)
        if not any(by_kind.values()):
            return None
        # Anchored at word starts so the engine tries each word once, not each character.
        return re.compile(
            r"(?<!\w)(?:"
            rf"\w*(?:{_alternation(by_kind['infix'])})\w*"
            rf"|(?:{_alternation(by_kind['prefix'])})\w*"
            rf"|\w*(?:{_alternation(by_kind['suffix'])})(?!\w)"
            rf"|(?:{_alternation(by_kind['exact'])})(?!\w)"
            ")"
        )

    def find(self, text: str, *, folded: bool = False) -> list[str]:
        """The matched words of `text` (folded form), in order of appearance, repeats included."""
        if self._regex is None:
            return []
        return [m.group(0) for m in self._regex.finditer(text if folded else fold_for_matching(text))]

    def __bool__(self) -> bool:
        return bool(self.entries)
