"""Evaluation figures: GermEval 2018's macro F, per-class precision/recall, confusion matrix, threshold search."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ("OFFENSE", "OTHER")


@dataclass(frozen=True)
class Report:
    macro_f: float
    macro_precision: float
    macro_recall: float
    precision: dict[str, float]
    recall: dict[str, float]
    f1: dict[str, float]
    # confusion[gold][predicted]
    confusion: dict[str, dict[str, int]]
    n: int


def report(gold: np.ndarray, predicted: np.ndarray) -> Report:
    """`gold`/`predicted`: 1 = OFFENSE, 0 = OTHER."""
    gold, predicted = np.asarray(gold, dtype=int), np.asarray(predicted, dtype=int)
    precision, recall, f1, confusion = {}, {}, {}, {}
    for label, value in zip(LABELS, (1, 0), strict=True):
        true_positive = int(np.sum((predicted == value) & (gold == value)))
        predicted_count, gold_count = int(np.sum(predicted == value)), int(np.sum(gold == value))
        p = true_positive / predicted_count if predicted_count else 0.0
        r = true_positive / gold_count if gold_count else 0.0
        precision[label], recall[label] = p, r
        f1[label] = 2 * p * r / (p + r) if p + r else 0.0
        confusion[label] = {other: int(np.sum((gold == value) & (predicted == other_value)))
                            for other, other_value in zip(LABELS, (1, 0), strict=True)}
    macro_p, macro_r = float(np.mean(list(precision.values()))), float(np.mean(list(recall.values())))
    # GermEval 2018: F is the harmonic mean of macro precision and macro recall (not the mean of class F1s).
    macro = 2 * macro_p * macro_r / (macro_p + macro_r) if macro_p + macro_r else 0.0
    return Report(macro, macro_p, macro_r, precision, recall, f1, confusion, len(gold))


def macro_f(gold: np.ndarray, predicted: np.ndarray) -> float:
    return report(gold, predicted).macro_f


def best_threshold(gold: np.ndarray, probabilities: np.ndarray) -> tuple[float, float]:
    """The probability threshold in [0.2, 0.8] (steps of 0.01) with the best macro F, and that F."""
    grid = np.round(np.arange(0.2, 0.8001, 0.01), 2)
    scores = [macro_f(gold, (probabilities >= t).astype(int)) for t in grid]
    best = int(np.argmax(scores))
    return float(grid[best]), float(scores[best])


def read_germeval(path: str | Path) -> tuple[list[str], np.ndarray]:
    """Texts and labels (1 = OFFENSE) of a GermEval 2018 file: text TAB coarse label [TAB fine label]."""
    texts, labels = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) < 2 or parts[1] not in LABELS:
                raise ValueError(
                    f"{path}, Zeile {number}: erwartet »Text TAB OFFENSE|OTHER [TAB Feinlabel]«"
                )
            texts.append(parts[0])
            labels.append(1 if parts[1] == "OFFENSE" else 0)
    if not texts:
        raise ValueError(f"{path}: keine Zeilen im GermEval-Format gefunden")
    return texts, np.array(labels, dtype=int)
