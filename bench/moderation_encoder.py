"""The sentence-encoder blend against the linear model alone, on the GermEval 2018 test file, in one invocation.

    .venv/bin/python bench/moderation_encoder.py [--model FILE] [--test FILE] [--timing 300]

`--model`: a blend model (`newsdesk moderation train --encoder`; default: the shipped model). The linear
model is the blend's own linear part with its own CV threshold — exactly
offense-de-2.1, whose weights it is. Per model: macro-F, per-class P/R, recall on implicit offence (gold
OFFENSE tweets in which the lexicon finds no word: nothing explicit to hold them for; GermEval 2018 has no
explicit/implicit labels, that split is GermEval 2019's) and per fine label (INSULT, ABUSE, PROFANITY), the
fairness table, and ms per comment on one core, one comment per call as `screen()` scores them, the two models
timed alternately in the same run (the machine is shared; the ratio is the figure to read).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

# One core: BLAS threads off before numpy loads.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import django  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
django.setup()

import numpy as np  # noqa: E402

from newsdesk.moderation import identity, offense  # noqa: E402
from newsdesk.moderation.features import prepare  # noqa: E402
from newsdesk.moderation.metrics import read_germeval, report  # noqa: E402

TEST = Path("/work/shared/datasets/germeval2018/germeval2018.test.txt")


def fine_labels(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip():
                out.append(parts[2] if len(parts) > 2 else parts[1])
    return out


def linear_part(blend: offense.OffenseModel) -> offense.OffenseModel:
    threshold = float(blend.metrics.get("linear_threshold", blend.threshold))
    return dataclasses.replace(blend, encoder=None, threshold=threshold, version=offense.LINEAR_VERSION)


def figures(model: offense.OffenseModel, texts: list[str], gold: np.ndarray, fine: list[str],
            implicit: np.ndarray) -> dict[str, object]:
    p = model.probabilities(texts)
    held = p >= model.threshold
    r = report(gold, held.astype(int))
    recall = {label: float(held[[f == label for f in fine]].mean()) for label in ("INSULT", "ABUSE", "PROFANITY")}
    return {"report": r, "fairness": identity.fairness(texts, gold, held), "fine": recall,
            "implicit": float(held[implicit].mean()), "explicit": float(held[(gold == 1) & ~implicit].mean()),
            "held": int(held.sum())}


def timing(models: list[offense.OffenseModel], texts: list[str], rounds: int = 3
           ) -> tuple[list[float], list[float]]:
    """(CPU ms, wall ms) per comment, one comment per call, models alternated in rounds so both see the same
    machine load. CPU time of this process is the figure for "one core" on a shared, busy machine."""
    cpu, wall = [0.0] * len(models), [0.0] * len(models)
    for model in models:  # warm-up: encoder weights loaded, caches filled
        model.probabilities(texts[:5])
    for _ in range(rounds):
        for i, model in enumerate(models):
            started, started_cpu = time.perf_counter(), time.process_time()
            for text in texts:
                model.probabilities([text])
            wall[i] += time.perf_counter() - started
            cpu[i] += time.process_time() - started_cpu
    n = rounds * len(texts)
    return [t / n * 1000 for t in cpu], [t / n * 1000 for t in wall]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--test", type=Path, default=TEST)
    parser.add_argument("--timing", type=int, default=300, help="texts timed per model and round")
    args = parser.parse_args()
    blend = offense.load(args.model) if args.model else offense.load()
    if blend.encoder is None:
        raise SystemExit(f"{blend.version} hat keinen Satz-Kodierer; --model mit einem Modell aus "
                         "»newsdesk moderation train --encoder« angeben")
    linear = linear_part(blend)
    texts, gold = read_germeval(args.test)
    fine = fine_labels(args.test)
    lexicon_hit = np.array([bool(blend.lexicon.find(prepare(t)[0])) for t in texts])
    implicit = (gold == 1) & ~lexicon_hit
    a = figures(linear, texts, gold, fine, implicit)
    b = figures(blend, texts, gold, fine, implicit)
    cpu, wall = timing([linear, blend], texts[: args.timing])
    m = blend.metrics
    size = (args.model or offense.MODEL_PATH).stat().st_size / 1e6

    print(f"GermEval 2018 test file, {len(texts)} tweets; {linear.version} (linear) vs. {blend.version} (blend, "
          f"encoder share {blend.encoder.blend:.2f}, threshold {blend.threshold:.2f}); model file {size:.1f} MB")
    print(f"Training-file 5-fold CV macro-F: linear {m.get('linear_cv_macro_f')} (threshold "
          f"{m.get('linear_threshold')}), blend {m.get('cv_macro_f')}; encoder LR alone CV AUC "
          f"{m.get('encoder_cv_auc')} ({m.get('encoder')})")
    print()
    print(f"| | {linear.version} | {blend.version} |")
    print("| --- | --- | --- |")
    ra, rb = a["report"], b["report"]
    print(f"| macro-F, test file | {ra.macro_f:.4f} | {rb.macro_f:.4f} ({rb.macro_f - ra.macro_f:+.4f}) |")
    print(f"| OFFENSE P / R | {ra.precision['OFFENSE']:.3f} / {ra.recall['OFFENSE']:.3f} | "
          f"{rb.precision['OFFENSE']:.3f} / {rb.recall['OFFENSE']:.3f} |")
    print(f"| OTHER P / R | {ra.precision['OTHER']:.3f} / {ra.recall['OTHER']:.3f} | "
          f"{rb.precision['OTHER']:.3f} / {rb.recall['OTHER']:.3f} |")
    print(f"| recall, implicit offence (no lexicon word; {int(implicit.sum())} of {int(gold.sum())}) | "
          f"{a['implicit']:.1%} | {b['implicit']:.1%} |")
    print(f"| recall, explicit offence (a lexicon word) | {a['explicit']:.1%} | {b['explicit']:.1%} |")
    for label in ("INSULT", "ABUSE", "PROFANITY"):
        print(f"| recall {label} ({fine.count(label)}) | {a['fine'][label]:.1%} | {b['fine'][label]:.1%} |")
    fa, fb = a["fairness"], b["fairness"]
    for ga, gb in zip(fa.groups, fb.groups, strict=True):
        print(f"| {ga.group}: hold rate neutral / ratio / recall offensive | {ga.hold_rate:.1%} / "
              f"{fa.ratio(ga):.2f}× / {ga.recall:.1%} | {gb.hold_rate:.1%} / {fb.ratio(gb):.2f}× / {gb.recall:.1%} |")
    print(f"| none of the groups: hold rate neutral / recall | {fa.baseline.hold_rate:.1%} / "
          f"{fa.baseline.recall:.1%} | {fb.baseline.hold_rate:.1%} / {fb.baseline.recall:.1%} |")
    print(f"| worst group ratio (target ≤ 1.5×) | {fa.worst_ratio:.2f}× | {fb.worst_ratio:.2f}× |")
    print(f"| held | {a['held']} | {b['held']} |")
    print(f"| classifier CPU ms per comment, one core ({args.timing} texts × 3 rounds, alternated) | "
          f"{cpu[0]:.2f} | {cpu[1]:.2f} ({cpu[1] / cpu[0]:.2f}×) |")
    print(f"| … wall-clock ms on this (shared) machine | {wall[0]:.2f} | {wall[1]:.2f} ({wall[1] / wall[0]:.2f}×) |")


if __name__ == "__main__":
    main()
