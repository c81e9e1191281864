from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.moderation import offense

# A tiny GermEval-format training set: enough for the training code to run in a second, not to be good.
TINY = [
    ("Du bist ein Vollidiot und ein Lügner", "OFFENSE"),
    ("Dieses Pack gehört abgeschoben, Abschaum", "OFFENSE"),
    ("Halt die Fresse, du Dreckskerl", "OFFENSE"),
    ("Was für ein dummer Idiot, unfassbar", "OFFENSE"),
    ("Die Regierung besteht nur aus Versagern und Verbrechern", "OFFENSE"),
    ("Volksverräter alle miteinander, ab in den Knast", "OFFENSE"),
    ("Schönes Wetter heute in Hamburg", "OTHER"),
    ("Ich freue mich auf das Konzert am Samstag", "OTHER"),
    ("Der Bericht über den Haushalt war sehr informativ", "OTHER"),
    ("Danke für die ausführliche Antwort", "OTHER"),
    ("Morgen beginnt die Sitzung des Stadtrats um neun", "OTHER"),
    ("Wir fahren im Sommer an die Ostsee", "OTHER"),
] * 3


@pytest.fixture(scope="session")
def shipped_model() -> offense.OffenseModel:
    return offense.load()


@pytest.fixture
def germeval_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt"
    path.write_text("".join(f"{text}\t{label}\t{'INSULT' if label == 'OFFENSE' else 'OTHER'}\n"
                            for text, label in TINY[:12]), encoding="utf-8")
    return path
