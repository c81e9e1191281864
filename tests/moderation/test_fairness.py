"""Fairness report, identity-term masking and reweighing, and reasons a moderator can use (fixed small fixtures)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from newsdesk.moderation import identity, offense, reasons
from newsdesk.moderation.features import MASK_TOKEN, Span, prepare
from newsdesk.moderation.screening import screen
from tests.moderation.conftest import TINY

TERMS = identity.IdentityTerms.parse("""
# test list
[religion]
islam*
muslim*
[politik]
grüne*
merkel
""")


def test_identity_file_parses_groups_and_rejects_entries_before_a_group() -> None:
    assert dict(TERMS.groups) == {"religion": ("islam*", "muslim*"), "politik": ("grüne*", "merkel")}
    assert TERMS.mentioned("Die GRÜNEN und der Islam") == {"religion", "politik"}
    assert TERMS.mentioned("Eine Brücke über den Fluss") == set()
    assert TERMS.is_term("Muslime") and TERMS.is_term("Grünen") and not TERMS.is_term("Brücke")
    with pytest.raises(ValueError, match="Zeile 1"):
        identity.IdentityTerms.parse("islam*\n[religion]\n")
    shipped = dict(identity.DEFAULT_TERMS.groups)
    assert set(shipped) == set(identity.GROUPS) and all(shipped.values())


def test_fairness_report_counts_hold_rates_ratios_and_recall() -> None:
    texts = ["Der Islam in der Stadt", "Muslime feiern", "Merkel spricht", "Die Brücke", "Der Bus", "Die Bahn",
             "Das Rad", "Islam Hetze", "Merkel Hetze", "Brücke Hetze"]
    gold = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]
    held = [1, 0, 0, 1, 0, 0, 0, 1, 0, 1]
    report = identity.fairness(texts, gold, held, TERMS)
    religion, politics = report.groups
    assert (religion.neutral, religion.neutral_held, religion.offensive, religion.offensive_held) == (2, 1, 1, 1)
    assert (politics.neutral, politics.neutral_held, politics.recall) == (1, 0, 0.0)
    assert (report.baseline.neutral, report.baseline.neutral_held) == (4, 1)
    assert report.ratio(religion) == pytest.approx(0.5 / 0.25)
    assert report.worst_ratio == pytest.approx(2.0)
    lines = "\n".join(report.lines())
    assert "religion" in lines and "2.00x" in lines and "höchster Faktor: 2.00x" in lines


def test_reweighing_makes_mention_independent_of_the_label() -> None:
    texts = ["Islam a", "Islam b", "Islam c", "Islam d", "Bus a", "Bus b", "Bus c", "Bus d"]
    labels = np.array([1, 1, 1, 0, 1, 0, 0, 0])
    w = identity.reweighing(texts, labels, TERMS)
    mention = np.array([t.startswith("Islam") for t in texts])
    for group in (mention, ~mention):
        share = w[group & (labels == 1)].sum() / w[group].sum()
        assert share == pytest.approx(w[labels == 1].sum() / w.sum())


def test_masked_terms_leave_no_feature() -> None:
    matcher = offense.term_matcher(TERMS.entries)
    text, spans = prepare("Die Grünen und der Islam sind Idioten", matcher)
    assert [s.text for s in spans] == ["Die", MASK_TOKEN, "und", "der", MASK_TOKEN, "sind", "Idioten"]
    assert "Islam" not in text and "Grün" not in text
    dropped, _ = prepare("Die Grünen sind Idioten", matcher, "")
    assert dropped == "Die sind Idioten"


def test_masked_model_gives_identity_terms_no_weight(tmp_path) -> None:
    texts = [t for t, _ in TINY] + ["Der Islam und die Grünen sind Idioten", "Der Islam lädt zum Fest"] * 3
    labels = [int(y == "OFFENSE") for _, y in TINY] + [1, 0] * 3
    model = offense.train(texts, labels, folds=2, masked_terms=TERMS.entries)
    assert model.masked_terms == TERMS.entries
    # Swapping one group's term for another's changes nothing: the model cannot tell them apart.
    a = model.probabilities(["Heute reden alle über Islam"])[0]
    b = model.probabilities(["Heute reden alle über Grüne"])[0]
    assert a == pytest.approx(b)
    path = offense.save(model, tmp_path / "m.joblib")
    assert offense.load(path).probabilities(["Heute reden alle über Islam"])[0] == pytest.approx(a)


# --- reasons ------------------------------------------------------------------------------------------------


def _spans(text: str) -> list[Span]:
    return prepare(text)[1]


def test_reasons_merge_neighbours_and_bridge_stop_words_but_never_name_them() -> None:
    text = "Du bist dumm wie ein Knäckebrot und Merkel ist eine Verräterin"
    spans = _spans(text)
    shares = {i: 0.0 for i in range(len(spans))}
    words = [s.text for s in spans]
    shares[words.index("dumm")] = 1.0
    shares[words.index("Knäckebrot")] = 0.8
    shares[words.index("Merkel")] = 2.0  # the identity term carries most: never a reason
    shares[words.index("eine")] = 0.9  # a stop word: never a reason on its own
    shares[words.index("Verräterin")] = 1.2
    found = reasons.phrases(text, spans, shares, TERMS.is_term)
    assert [p.text for p in found] == ["dumm wie ein Knäckebrot", "Verräterin"]
    assert found[0].words == ("dumm", "Knäckebrot")
    carried = [w for p in found for w in p.words]
    assert not any(reasons.is_stop_word(w) or TERMS.is_term(w) for w in carried)


def test_weak_words_beside_a_dominant_identity_term_are_no_reason() -> None:
    text = "Der Islam gehört dazu"
    spans = _spans(text)
    shares = {1: 2.4, 2: 0.6}
    assert reasons.phrases(text, spans, shares, TERMS.is_term) == ()


def test_locate_finds_the_phrase_in_the_text_as_written() -> None:
    original = "Ihr seid   dumm\nwie ein Knäckebrot!!"
    start, end = reasons.locate(original, "dumm wie ein Knäckebrot")
    assert original[start:end] == "dumm\nwie ein Knäckebrot"
    assert reasons.locate(original, "Vollpfosten") is None


def test_held_comment_reasons_and_spans_from_the_shipped_model() -> None:
    text = "Was für ein erbärmlicher Vollidiot, dieses dreckige Pack"
    result = screen(text, suspect=[], banned=[])
    assert result.action == "hold"
    reason = result.reasons_de[0]
    assert reason.startswith("abwertend") and "»" in reason
    assert result.reason_spans
    quoted = {text[a:b] for a, b in result.reason_spans}
    for phrase in quoted:
        assert f"»{phrase}«" in reason
    assert result.as_dict()["reason_spans"]


def test_held_without_usable_word_says_no_clear_reason() -> None:
    model = offense.load()
    text = "Der Islam"
    # A model whose threshold holds everything: the words are an identity term and a stop word only.
    holding = dataclasses.replace(model, threshold=0.0)
    result = screen(text, model=holding, suspect=[], banned=[])
    assert result.action == "hold"
    assert result.reasons_de[0].startswith("abwertend ")
    assert result.reasons_de[0].endswith(f": {reasons.NO_CLEAR_REASON}")
    assert result.reason_spans == ()
