"""Comment pre-screening benchmark: throughput and latency of `screen()` on one core, model size, GermEval score.

    .venv/bin/python bench/moderation.py                      # 2,000 comments, GermEval test file
    .venv/bin/python bench/moderation.py --count 500 --no-germeval

Part 1 (`bench_screen`) runs `screen()` one comment at a time, single-threaded (BLAS pinned to one thread), on
GermEval test tweets paired with the fictional articles of `topic_eval`, so every call computes all signals
(offense, off-topic, links, word lists, shouting, fingerprint). Prints comments/second and p50/p99 ms.
Part 2 (`bench_germeval`) prints the model file size and the GermEval 2018 task 1 figures on the test file.
Part 3, the moderation queue page, belongs to the comments app: add it as `bench_queue_page()` and call it from
`main()`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# One core: set before numpy is imported anywhere.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

GERMEVAL_TEST = Path("/work/shared/datasets/germeval2018/germeval2018.test.txt")


def _comments(count: int) -> list[str]:
    from newsdesk.moderation.metrics import read_germeval

    if GERMEVAL_TEST.exists():
        texts, _ = read_germeval(GERMEVAL_TEST)
    else:  # outside this workplace: the fictional comments, repeated
        from newsdesk.moderation.topic_eval import CASES

        texts = [c for case in CASES for c in case.on_topic + case.off_topic]
    return [texts[i % len(texts)] for i in range(count)]


def bench_screen(count: int) -> None:
    from newsdesk.moderation import offense, screen
    from newsdesk.moderation.topic_eval import CASES

    model = offense.load()
    comments = _comments(count)
    articles = [case.article for case in CASES]
    screen("Aufwärmen", context_text=articles[0], model=model)  # compile regexes, load tables
    timings = []
    started = time.perf_counter()
    for i, comment in enumerate(comments):
        t0 = time.perf_counter()
        screen(comment, context_text=articles[i % len(articles)], model=model)
        timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(f"screen(): {count} comments in {elapsed:.2f} s on one core = {count / elapsed:.0f} comments/s")
    print(f"  per comment: p50 {statistics.median(timings):.2f} ms  p99 {p99:.2f} ms  max {timings[-1]:.2f} ms")
    classifier = []
    for comment in comments[:500]:
        t0 = time.perf_counter()
        model.score(comment)
        classifier.append((time.perf_counter() - t0) * 1000)
    classifier.sort()
    print(f"  offense classifier alone: p50 {statistics.median(classifier):.2f} ms  "
          f"p99 {classifier[int(len(classifier) * 0.99)]:.2f} ms")


def bench_germeval() -> None:
    from newsdesk.moderation import offense
    from newsdesk.moderation.metrics import read_germeval, report

    model = offense.load()
    size = offense.MODEL_PATH.stat().st_size
    print(f"model {model.version}: {offense.MODEL_PATH.name}, {size / 1e6:.2f} MB")
    print(f"  training CV (5-fold, training file only): macro-F {model.metrics['cv_macro_f']}, "
          f"AUC {model.metrics['cv_auc']}, threshold {model.threshold:.2f}")
    if not GERMEVAL_TEST.exists():
        print(f"  GermEval test file not found at {GERMEVAL_TEST}; skipped")
        return
    texts, gold = read_germeval(GERMEVAL_TEST)
    r = report(gold, (model.probabilities(texts) >= model.threshold).astype(int))
    print(f"  GermEval 2018 task 1 test ({r.n} tweets): macro-F {r.macro_f:.4f} "
          f"(macro-P {r.macro_precision:.4f}, macro-R {r.macro_recall:.4f})")
    for label in ("OFFENSE", "OTHER"):
        print(f"    {label:8s} P {r.precision[label]:.4f}  R {r.recall[label]:.4f}")


def bench_topic() -> None:
    from newsdesk.moderation.topic_eval import evaluate

    for line in evaluate().lines():
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--no-germeval", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    bench_screen(args.count)
    if not args.no_germeval:
        bench_germeval()
    bench_topic()
    # bench_queue_page()  — the comments app adds this part.


if __name__ == "__main__":
    main()
