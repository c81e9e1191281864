from __future__ import annotations

import numpy as np
import pytest
from sklearn.naive_bayes import ComplementNB

from newsdesk.moderation import offense
from newsdesk.moderation.features import Block, analyse, prepare
from newsdesk.moderation.metrics import best_threshold, read_germeval, report

from .conftest import TINY


def test_shipped_model_loads_with_version_and_small_file(shipped_model: offense.OffenseModel) -> None:
    assert shipped_model.version == offense.MODEL_VERSION
    assert offense.MODEL_PATH.name == f"{offense.MODEL_VERSION}.joblib"
    assert offense.MODEL_PATH.stat().st_size < 50_000_000
    assert 0.2 <= shipped_model.threshold <= 0.8
    assert shipped_model.metrics["cv_macro_f"] > 0.7


def test_shipped_model_separates_obvious_cases(shipped_model: offense.OffenseModel) -> None:
    insult = shipped_model.score("Du bist ein widerlicher Vollidiot, halt einfach dein dummes Maul!")
    harmless = shipped_model.score("Vielen Dank für den informativen Artikel über den neuen Bahnhof.")
    assert insult.offensive and insult.probability > 0.8
    assert not harmless.offensive and harmless.probability < 0.3
    # Reasons are phrases now: neighbouring carrying words merge ("widerlicher Vollidiot").
    words = [w for phrase, _ in insult.top_words for w in phrase.split()]
    assert "Vollidiot" in words
    assert all(share > 0 for _, share in insult.top_words)
    assert insult.version == offense.MODEL_VERSION


def test_score_of_empty_and_odd_text(shipped_model: offense.OffenseModel) -> None:
    for text in ("", "   ", "😂😂😂", "@user", "https://example.org"):
        result = shipped_model.score(text)
        assert 0.0 <= result.probability <= 1.0


def test_probabilities_match_score(shipped_model: offense.OffenseModel) -> None:
    texts = ["Du Idiot", "Guten Morgen zusammen"]
    batch = shipped_model.probabilities(texts)
    assert np.allclose(batch, [shipped_model.score(t).probability for t in texts])


def test_training_is_reproducible_on_tiny_data(tmp_path) -> None:
    texts = [t for t, _ in TINY]
    labels = [1 if label == "OFFENSE" else 0 for _, label in TINY]
    first = offense.train(texts, labels, folds=3, seed=7, lexicon_entries=["*idiot*", "*pack"], version="test-1")
    second = offense.train(texts, labels, folds=3, seed=7, lexicon_entries=["*idiot*", "*pack"], version="test-1")
    for name in first.weights:
        assert np.array_equal(first.weights[name], second.weights[name])
    assert first.bias == second.bias and first.threshold == second.threshold
    path = offense.save(first, tmp_path / "m.joblib")
    loaded = offense.load(path)
    assert loaded.version == "test-1"
    assert loaded.score("Du Vollidiot").probability > loaded.score("Schönes Konzert am Samstag").probability


def test_metric_is_germeval_macro_f(germeval_file) -> None:
    texts, gold = read_germeval(germeval_file)
    assert len(texts) == 12 and gold.sum() == 6
    predicted = np.array([1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0])
    r = report(gold, predicted)
    # OFFENSE: P 3/4, R 3/6; OTHER: P 5/8, R 5/6 → macro P 0.6875, macro R 0.6667
    assert abs(r.macro_precision - 0.6875) < 1e-9 and abs(r.macro_recall - 2 / 3) < 1e-9
    assert abs(r.macro_f - 2 * 0.6875 * (2 / 3) / (0.6875 + 2 / 3)) < 1e-9
    assert r.confusion["OFFENSE"] == {"OFFENSE": 3, "OTHER": 3}
    threshold, best = best_threshold(gold, np.linspace(0, 1, 12) * 0 + gold * 0.9)
    assert best == 1.0 and threshold <= 0.8


def test_only_the_current_model_file_ships(shipped_model: offense.OffenseModel) -> None:
    shipped = sorted(p.name for p in offense.DATA_DIR.glob("offense-*.joblib"))
    assert shipped == [f"{offense.MODEL_VERSION}.joblib"]
    # The stored CV figures belong to this stack: one entry per base learner.
    assert list(shipped_model.metrics["base_cv_auc"]) == [name for name, *_ in offense.BASE_LEARNERS]


@pytest.mark.parametrize("text", [
    "Diese Schwachköpfe im Stadtrat sollte man alle rauswerfen, elendes Pack!",
    "@user Du bist so ein dummer Lügner #Versager",
    "Was für ein erbärmlicher Haufen Idioten.",
])
def test_reasons_name_words_that_are_in_the_text(shipped_model: offense.OffenseModel, text: str) -> None:
    result = shipped_model.score(text)
    assert result.top_words
    words = {span.text.casefold() for span in prepare(text)[1]}
    for phrase, share in result.top_words:
        assert all(word.casefold() in words for word in phrase.split()) and share > 0
    assert result.version == offense.MODEL_VERSION


def test_new_base_learners_fold_into_exact_linear_scores() -> None:
    texts = [t for t, _ in TINY]
    y = np.array([1 if label == "OFFENSE" else 0 for _, label in TINY])
    analysed = analyse("stems", [prepare(t) for t in texts])
    block = Block.fit("stems", analysed, min_df=1)
    x = block.matrix(analysed)
    weights, intercept = offense._fit_base("cnb", 0.3, x, y, seed=0)
    cnb = ComplementNB(alpha=0.3).fit(x, y)
    assert np.allclose(x @ weights + intercept, cnb.predict_log_proba(x) @ np.array([-1.0, 1.0]))
    first = offense._fit_base("sgd", 1e-4, x, y, seed=3)
    second = offense._fit_base("sgd", 1e-4, x, y, seed=3)
    assert np.array_equal(first[0], second[0]) and first[1] == second[1]
    assert np.mean(((x @ first[0] + first[1]) > 0) == y) == 1.0  # the tiny set is separable
