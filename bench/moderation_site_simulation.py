"""Simulate a site that learns from its moderators: the first N tweets of the GermEval 2018 test file play the
site's decisions, the rest is the site's future; the shipped model against the one `train --from-decisions`
would build (same code path: `adapt.deduplicate/split/training_set`, `offense.train`).

    .venv/bin/python bench/moderation_site_simulation.py [--decisions 1000] [--folds 3]

Prints macro-F and the worst fairness ratio of both on the rest of the file and on the held-out decisions.
CPU heavy (one training, several minutes on one core).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from newsdesk.moderation import adapt, identity, offense  # noqa: E402
from newsdesk.moderation.metrics import macro_f, read_germeval  # noqa: E402

DATA = Path("/work/shared/datasets/germeval2018")


def figures(model: offense.OffenseModel, texts: list[str], gold: np.ndarray) -> tuple[float, float]:
    held = model.probabilities(texts) >= model.threshold
    return macro_f(gold, held.astype(int)), identity.fairness(texts, gold, held).worst_ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=1000)
    parser.add_argument("--folds", type=int, default=3)
    args = parser.parse_args()
    base_texts, base_labels = read_germeval(DATA / "germeval2018.training.txt")
    test_texts, test_labels = read_germeval(DATA / "germeval2018.test.txt")
    n = args.decisions
    decisions = adapt.deduplicate(zip(test_texts[:n], test_labels[:n].tolist(), strict=True))
    site_train, held = adapt.split(decisions)
    rest_texts, rest_labels = test_texts[n:], test_labels[n:]
    texts, labels, weights = adapt.training_set(base_texts, base_labels, site_train, identity.DEFAULT_TERMS)
    started = time.monotonic()
    candidate = offense.train(texts, labels, folds=args.folds, sample_weight=weights,
                              debiased_terms=identity.DEFAULT_TERMS.entries, version="simulated-site")
    print(f"trained on {len(texts)} texts ({len(site_train)} site decisions) in {time.monotonic() - started:.0f} s")
    shipped = offense.load()
    for name, model in (("shipped " + shipped.version, shipped), ("adapted", candidate)):
        rest_f, rest_ratio = figures(model, rest_texts, rest_labels)
        held_f = adapt.held_macro_f(model, held.texts, held.labels)
        print(f"{name:24s} rest of the file ({len(rest_texts)}): macro-F {rest_f:.4f}, worst ratio {rest_ratio:.2f}x;"
              f" held-out decisions ({len(held)}): macro-F {held_f:.4f}")


if __name__ == "__main__":
    main()
