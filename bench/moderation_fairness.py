"""Fairness, reasons and speed of the shipped offence model against the previous one (offense-de-2.0), on the
GermEval 2018 test file, in one invocation: the figures of the moderation README.

    .venv/bin/python bench/moderation_fairness.py [--test FILE] [--reference-commit 44306f8] [--timing 400]

The reference model is read from git history (it no longer ships). Per model: macro-F, the fairness table
(hold rate of non-offensive tweets that mention a group / rate for those that mention none, recall on
offensive ones), the share of reason words that are stop words or identity terms (for 2.0 its former reason,
the three words with the largest positive share; for 2.1 the carrying words of the phrases, and all words
inside the quoted phrases), and ms per comment on this machine for the classifier alone.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
django.setup()

import numpy as np  # noqa: E402

from newsdesk.moderation import identity, offense, reasons  # noqa: E402
from newsdesk.moderation.metrics import macro_f, read_germeval  # noqa: E402

TEST = Path("/work/shared/datasets/germeval2018/germeval2018.test.txt")
REFERENCE_PATH = "src/newsdesk/moderation/data/offense-de-2.0.joblib"


def former_reason_words(model: offense.OffenseModel, text: str) -> list[str]:
    """offense-de-2.0's reason: the three words of the comment with the largest positive share."""
    _, _, spans, per_token, _ = model._logit_parts(text)
    by_word: dict[str, float] = {}
    shown: dict[str, str] = {}
    for token, share in per_token.items():
        word = spans[token].text
        if share <= 0 or not any(ch.isalnum() for ch in word) or len(word) < 2:
            continue
        by_word[word.casefold()] = by_word.get(word.casefold(), 0.0) + share
        shown.setdefault(word.casefold(), word)
    return [shown[k] for k, _ in sorted(by_word.items(), key=lambda kv: kv[1], reverse=True)[:3]]


def bad(word: str) -> bool:
    return reasons.is_stop_word(word) or identity.DEFAULT_TERMS.is_term(word)


def measure(model: offense.OffenseModel, texts: list[str], gold: np.ndarray, *, former: bool,
            timing: int) -> dict[str, object]:
    started = time.perf_counter()
    model.probabilities(texts[:timing])
    ms = (time.perf_counter() - started) / timing * 1000
    p = model.probabilities(texts)
    held = p >= model.threshold
    carried, inside, no_reason = [], [], 0
    for text in (t for t, h in zip(texts, held, strict=True) if h):
        if former:
            carried.extend(former_reason_words(model, text))
            continue
        result = model.score(text)
        if not result.top_words:
            no_reason += 1
        for phrase, _ in result.top_words:
            inside.extend(phrase.split())
        _, prepared, spans, per_token, _ = model._logit_parts(text)
        for phrase in reasons.phrases(prepared, spans, per_token, lambda w: identity.DEFAULT_TERMS.is_term(w)
                                      or (model.masker is not None and (model.masker(w) or w == model.mask_token))):
            carried.extend(phrase.words)
    return {
        "macro_f": macro_f(gold, held.astype(int)),
        "fairness": identity.fairness(texts, gold, held),
        "carried_bad": sum(map(bad, carried)) / max(1, len(carried)),
        "inside_bad": sum(map(bad, inside)) / max(1, len(inside)) if inside else None,
        "reason_words": len(carried),
        "no_reason": no_reason,
        "held": int(held.sum()),
        "ms": ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test", type=Path, default=TEST)
    parser.add_argument("--reference-commit", default="44306f8")
    parser.add_argument("--timing", type=int, default=400, help="texts timed per model")
    args = parser.parse_args()
    texts, gold = read_germeval(args.test)
    with tempfile.TemporaryDirectory() as tmp:
        ref_path = Path(tmp) / "offense-de-2.0.joblib"
        ref_path.write_bytes(subprocess.run(["git", "show", f"{args.reference_commit}:{REFERENCE_PATH}"],
                                            cwd=ROOT, check=True, capture_output=True).stdout)
        reference = offense.load(ref_path)
        shipped = offense.load()
        before = measure(reference, texts, gold, former=True, timing=args.timing)
        after = measure(shipped, texts, gold, former=False, timing=args.timing)

    print(f"GermEval 2018 test file, {len(texts)} tweets; {reference.version} (reference) vs. {shipped.version}")
    print(f"CV macro-F (training file): {reference.metrics.get('cv_macro_f')} vs. {shipped.metrics.get('cv_macro_f')}")
    print()
    print(f"| | {reference.version} | {shipped.version} |")
    print("| --- | --- | --- |")
    print(f"| macro-F, test file | {before['macro_f']:.4f} | {after['macro_f']:.4f} "
          f"({after['macro_f'] - before['macro_f']:+.4f}) |")
    fb, fa = before["fairness"], after["fairness"]
    for gb, ga in zip(fb.groups, fa.groups, strict=True):
        print(f"| {gb.group}: hold rate neutral / ratio / recall offensive | {gb.hold_rate:.1%} / "
              f"{fb.ratio(gb):.2f}× / {gb.recall:.1%} | {ga.hold_rate:.1%} / {fa.ratio(ga):.2f}× / {ga.recall:.1%} |")
    print(f"| none of the groups: hold rate neutral / recall | {fb.baseline.hold_rate:.1%} / "
          f"{fb.baseline.recall:.1%} | {fa.baseline.hold_rate:.1%} / {fa.baseline.recall:.1%} |")
    print(f"| worst group ratio | {fb.worst_ratio:.2f}× | {fa.worst_ratio:.2f}× |")
    print(f"| reason words that are stop words or identity terms | {before['carried_bad']:.1%} of "
          f"{before['reason_words']} | {after['carried_bad']:.1%} of {after['reason_words']} |")
    print(f"| … counting every word inside the quoted phrases | – | {after['inside_bad']:.1%} |")
    print(f"| held with »kein eindeutiger Grund« | – | {after['no_reason']} of {after['held']} |")
    print(f"| classifier ms per comment (this run, {args.timing} texts) | {before['ms']:.2f} | {after['ms']:.2f} "
          f"({after['ms'] / before['ms']:.2f}×) |")


if __name__ == "__main__":
    main()
