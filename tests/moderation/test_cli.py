from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.support.services import unavailable

# evaluate and score read the site's identity list and model in use from the database.
pytestmark = pytest.mark.django_db


def run(*args: str, stdin: str = "") -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        call_command("moderation", *args, stdout=out, stderr=err)
    finally:
        sys.stdin = old_stdin
    return out.getvalue(), err.getvalue()


def test_evaluate_prints_metric_per_class_figures_and_confusion(germeval_file: Path) -> None:
    out, _ = run("evaluate", str(germeval_file))
    assert "macro-F" in out
    assert "OFFENSE  P" in out and "OTHER    P" in out
    assert "Konfusionsmatrix" in out
    value = float(out.split("macro-F (GermEval 2018, harmonisches Mittel von macro-P und macro-R): ")[1].split()[0])
    assert value > 0.8  # the tiny file is made of obvious cases


def test_evaluate_with_topic_protocol(germeval_file: Path) -> None:
    out, _ = run("evaluate", str(germeval_file), "--topic")
    assert "ROC AUC" in out and "protocol" in out


def test_score_json_lines_and_plain_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 1, "text": "Du bist ein widerlicher Vollidiot!", "context": "Artikel über Radwege"}),
        "Ein ganz normaler Kommentar über das Wetter",
        "",
        json.dumps({"text": "Der Radweg ist zu schmal", "context": "Der Radweg wird verbreitert."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for out in (run("score", str(path))[0], run("score", stdin="\n".join(lines))[0]):
        results = [json.loads(line) for line in out.splitlines()]
        assert len(results) == 3
        assert results[0]["id"] == 1 and results[0]["action"] == "hold"
        assert results[1]["action"] == "approve-candidate"
        assert results[2]["versions"]["offtopic"].startswith("topic-de")


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"text": "ok"}\n{"text": kaputt\n', "Zeile 2: ungültiges JSON"),
        ('{"kein_text": 1}\n', 'Text-Feld "text"'),
        ('{"text": "a", "context": 5}\n', '"context" und "parent" müssen Texte sein'),
    ],
)
def test_score_bad_input_is_a_clear_error(stdin: str, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run("score", stdin=stdin)


def test_missing_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Datei nicht gefunden"):
        run("evaluate", str(tmp_path / "fehlt.txt"))
    with pytest.raises(CommandError, match="Datei nicht gefunden"):
        run("score", str(tmp_path / "fehlt.jsonl"))
    bad = tmp_path / "bad.txt"
    bad.write_text("nur Text ohne Label\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Zeile 1"):
        run("evaluate", str(bad))


def test_train_writes_a_model_and_prints_cv_figures(tmp_path: Path, germeval_file: Path) -> None:
    model_path = tmp_path / "model.joblib"
    out, err = run("train", "--data", str(germeval_file), "--output", str(model_path), "--folds", "3")
    assert model_path.exists()
    assert "Kreuzvalidierung" in out and "macro-F" in out and "sha256" in out
    assert "Fold 3/3" in err
    out, _ = run("evaluate", str(germeval_file), "--model", str(model_path))
    assert "macro-F" in out


def test_console_script_exits_non_zero_without_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("newsdesk")
    if not script.exists():
        unavailable(f"console script not installed next to {sys.executable} (pip install -e .)")
    proc = subprocess.run([str(script), "moderation", "score"], input='{"text": \n', capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode != 0
    assert "ungültiges JSON" in proc.stderr and "Traceback" not in proc.stderr
