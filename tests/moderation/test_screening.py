from __future__ import annotations

import json
import re

from newsdesk.moderation import Action, Screening, Signal, screen
from newsdesk.moderation.offense import MODEL_VERSION

ARTICLE = "Das Freibad Sonnenwiese verlängert wegen der Hitze seine Öffnungszeiten bis 21 Uhr."


def _by_name(result: Screening) -> dict[str, Signal]:
    return {s.name: s for s in result.signals}


def test_harmless_on_topic_comment_is_an_approve_candidate() -> None:
    result = screen("Schön, dass das Freibad bei der Hitze länger offen hat!", context_text=ARTICLE)
    assert result.action is Action.APPROVE_CANDIDATE
    assert set(_by_name(result)) == {"offense", "offtopic"}
    assert result.reasons_de == []
    assert result.versions["offense"] == MODEL_VERSION


def test_demeaning_comment_is_held_with_german_reason() -> None:
    result = screen("Der Autor ist ein widerlicher Vollidiot und ein dummer Lügner.")
    signal = _by_name(result)["offense"]
    assert result.action is Action.HOLD
    assert re.fullmatch(r"abwertend [01],\d\d: »[^«]+«(, »[^«]+«)*", signal.reason_de)
    assert "»" in signal.reason_de and "«" in signal.reason_de
    assert signal.version == MODEL_VERSION
    assert result.risk >= signal.score


def test_banned_word_rejects_even_when_dodged() -> None:
    for text in ("Du Hurens\u200bohn", "Du Hurens\u043ehn", "du HUR3NS0HN", "Sieg  H e i l"):
        result = screen(text)
        assert result.action is Action.REJECT, text
        assert _by_name(result)["banned"].reason_de.startswith("gesperrtes Wort")


def test_custom_lists_replace_defaults() -> None:
    assert screen("Das ist ein Fahrrad", banned=["fahrrad"]).action is Action.REJECT
    assert screen("Das ist ein Fahrrad", suspect=["*rad"]).action is Action.HOLD
    assert "banned" not in _by_name(screen("Du Hurensohn", banned=[]))


def test_off_topic_comment_is_held() -> None:
    result = screen("Die Regierung ruiniert unser Land mit immer neuen Steuern und Abgaben.", context_text=ARTICLE)
    signal = _by_name(result)["offtopic"]
    assert signal.reason_de.startswith("nicht zum Thema")
    assert result.action is Action.HOLD


def test_spam_signals_in_screening() -> None:
    result = screen("Gewinne jetzt: bit.ly/a www.gewinn.de gewinn.com", context_text=ARTICLE)
    names = _by_name(result)
    assert names["shortener"].action is Action.HOLD and "bit.ly" in names["shortener"].reason_de
    assert names["links"].reason_de.startswith("3 Links")
    shouting = screen("DAS FREIBAD IST VIEL ZU TEUER GEWORDEN FÜR FAMILIEN")
    assert _by_name(shouting)["shouting"].action is Action.HOLD


def test_screening_serialises_to_json() -> None:
    data = screen("Guter Artikel", context_text=ARTICLE).as_dict()
    decoded = json.loads(json.dumps(data, ensure_ascii=False))
    assert decoded["action"] == "approve-candidate"
    assert {"risk", "signals", "fingerprint", "versions", "reasons_de"} <= decoded.keys()
    assert all({"name", "score", "reason_de", "version", "action"} <= s.keys() for s in decoded["signals"])
