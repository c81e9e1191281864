"""`newsdesk moderation train | evaluate FILE | score [FILE]` — the command-line side of the pre-screening."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser

if TYPE_CHECKING:
    from newsdesk.moderation.offense import OffenseModel

T = TypeVar("T")

DEFAULT_TRAINING = Path("/work/shared/datasets/germeval2018/germeval2018.training.txt")


class Command(BaseCommand):
    help = "Kommentar-Vorprüfung: Modell trainieren, auswerten, Kommentare bewerten."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{train,evaluate,score,report}")
        train = sub.add_parser("train", help="train the offensive-language model (reproducible: fixed seed)")
        train.add_argument("--data", type=Path, default=DEFAULT_TRAINING, help="GermEval-format training file")
        train.add_argument("--output", type=Path, default=None, help="model file (default: the shipped one)")
        train.add_argument("--seed", type=int, default=0)
        train.add_argument("--folds", type=int, default=5)
        train.add_argument("--background", action="store_true",
                           help="also rebuild the off-topic background frequencies from --data")

        evaluate = sub.add_parser("evaluate", help="score a GermEval-format file: text TAB label [TAB fine label]")
        evaluate.add_argument("file", type=Path)
        evaluate.add_argument("--model", type=Path, default=None)
        evaluate.add_argument("--topic", action="store_true", help="also evaluate the off-topic signal")

        score = sub.add_parser("score", help="JSON lines or plain lines in, one JSON result per line out")
        score.add_argument("file", nargs="?", type=Path, default=None, help="input file (default: stdin)")
        score.add_argument("--model", type=Path, default=None)

        # Issue 12: the DSA transparency figures (logic in newsdesk.comments.transparency).
        report = sub.add_parser("report", help="moderation transparency figures since a date (JSON or CSV)")
        report.add_argument("--since", required=True, help="YYYY-MM-DD")
        report.add_argument("--format", choices=("json", "csv"), default="json")

    def handle(self, *args: object, **options: object) -> None:
        action = options["action"]
        if action == "train":
            self.train(options)
        elif action == "evaluate":
            self.evaluate(options)
        elif action == "report":
            self.report(options)
        else:
            self.score(options)

    def report(self, options: dict[str, object]) -> None:
        from datetime import date

        from newsdesk.comments import transparency

        try:
            since = date.fromisoformat(str(options["since"]))
        except ValueError as exc:
            raise CommandError("--since must be a date like 2026-01-31") from exc
        figures = transparency.report(since=since)
        out = transparency.as_csv(figures) if options["format"] == "csv" else transparency.as_json(figures) + "\n"
        self.stdout.write(out, ending="")

    # --- train ---------------------------------------------------------------------------------------------

    def train(self, options: dict[str, object]) -> None:
        from newsdesk.moderation import offense, topic
        from newsdesk.moderation.metrics import read_germeval

        data = options["data"]
        texts, labels = _read(data, read_germeval)
        started = time.monotonic()

        def progress(message: str) -> None:
            self.stderr.write(f"[{time.monotonic() - started:5.0f} s] {message}")

        model = offense.train(texts, labels, folds=options["folds"], seed=options["seed"], progress=progress)
        path = offense.save(model, options["output"] or offense.MODEL_PATH)
        if options["background"]:
            self.stdout.write(f"Hintergrund-Häufigkeiten: {topic.build_background(list(texts))}")
        m = model.metrics
        self.stdout.write(f"Modell {model.version} gespeichert: {path} ({path.stat().st_size / 1e6:.1f} MB)")
        self.stdout.write(f"sha256 {offense.file_sha256(path)}")
        self.stdout.write(
            f"{m['cv_folds']}-fach-Kreuzvalidierung (Seed {m['seed']}): macro-F {m['cv_macro_f']:.4f} "
            f"(bei Schwelle 0,5: {m['cv_macro_f_at_0.5']:.4f}), AUC {m['cv_auc']:.4f}, Schwelle {m['threshold']:.2f}"
        )
        for name, auc in m["base_cv_auc"].items():
            self.stdout.write(f"  Basismodell {name}: CV AUC {auc:.4f}")

    # --- evaluate ------------------------------------------------------------------------------------------

    def evaluate(self, options: dict[str, object]) -> None:
        from newsdesk.moderation.metrics import read_germeval, report

        texts, gold = _read(options["file"], read_germeval)
        model = _load_model(options["model"])
        started = time.perf_counter()
        probabilities = model.probabilities(_progress(texts, self.stderr._out, "Bewerte"))
        elapsed = time.perf_counter() - started
        r = report(gold, (probabilities >= model.threshold).astype(int))
        self.stdout.write(f"Modell {model.version}, Schwelle {model.threshold:.2f}, {r.n} Texte aus {options['file']}")
        self.stdout.write(
            f"macro-F (GermEval 2018, harmonisches Mittel von macro-P und macro-R): {r.macro_f:.4f}  "
            f"macro-P {r.macro_precision:.4f}  macro-R {r.macro_recall:.4f}"
        )
        for label in ("OFFENSE", "OTHER"):
            self.stdout.write(f"  {label:8s} P {r.precision[label]:.4f}  R {r.recall[label]:.4f}  F1 {r.f1[label]:.4f}")
        self.stdout.write("Konfusionsmatrix (Zeile = Gold, Spalte = Vorhersage):")
        self.stdout.write(f"  {'':8s} {'OFFENSE':>8s} {'OTHER':>8s}")
        for label in ("OFFENSE", "OTHER"):
            row = r.confusion[label]
            self.stdout.write(f"  {label:8s} {row['OFFENSE']:8d} {row['OTHER']:8d}")
        self.stdout.write(f"{elapsed / r.n * 1000:.2f} ms pro Text (Klassifikator allein)")
        if options["topic"]:
            from newsdesk.moderation.topic_eval import evaluate

            for line in evaluate().lines():
                self.stdout.write(line)

    # --- score ---------------------------------------------------------------------------------------------

    def score(self, options: dict[str, object]) -> None:
        from newsdesk.moderation.screening import screen

        model = _load_model(options["model"])
        path = options["file"]
        if path is not None and not path.is_file():
            raise CommandError(f"Datei nicht gefunden: {path}")
        handle: IO[str] = path.open(encoding="utf-8") if path is not None else sys.stdin
        try:
            total = None
            if path is not None:
                with path.open(encoding="utf-8") as counting:
                    total = sum(1 for _ in counting)
            for number, line in _progress(enumerate(handle, start=1), self.stderr._out, "Bewerte", total):
                if not line.strip():
                    continue
                text, context, parent, extra = _parse_line(line, number, path)
                result = screen(text, context_text=context, parent_text=parent, model=model)
                self.stdout.write(json.dumps({**extra, **result.as_dict()}, ensure_ascii=False))
        except UnicodeDecodeError as error:
            raise CommandError(f"Eingabe ist kein UTF-8-Text: {error}") from error
        finally:
            if path is not None:
                handle.close()


def _read(path: Path, reader: Callable[[Path], T]) -> T:
    if not path.is_file():
        raise CommandError(f"Datei nicht gefunden: {path}")
    try:
        return reader(path)
    except (ValueError, UnicodeDecodeError) as error:
        raise CommandError(str(error)) from error


def _load_model(path: Path | None) -> OffenseModel:
    from newsdesk.moderation import offense

    try:
        return offense.load(path) if path is not None else offense.load()
    except (FileNotFoundError, TypeError) as error:
        raise CommandError(str(error)) from error


def _parse_line(line: str, number: int, path: Path | None) -> tuple[str, str, str, dict[str, object]]:
    """A JSON object {"text", "context"?, "parent"?, "id"?...} or, if the line is not JSON-looking, plain text."""
    where = f"{path or 'stdin'}, Zeile {number}"
    stripped = line.strip()
    if not stripped.startswith("{"):
        return stripped, "", "", {}
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as error:
        raise CommandError(f"{where}: ungültiges JSON ({error.msg}, Spalte {error.colno})") from error
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise CommandError(f'{where}: erwartet ein JSON-Objekt mit einem Text-Feld "text"')
    context, parent = data.get("context", ""), data.get("parent", "")
    if not isinstance(context, str) or not isinstance(parent, str):
        raise CommandError(f'{where}: "context" und "parent" müssen Texte sein')
    # Pass through an id (or any other key) so results can be joined back to the input.
    extra = {k: v for k, v in data.items() if k not in {"text", "context", "parent"}}
    return data["text"], context, parent, extra


def _progress(items: Iterable[T], stream: IO[str], label: str, total: int | None = None) -> Iterator[T]:
    """A tqdm progress bar on stderr when stderr is a terminal; the plain iterable otherwise."""
    if not getattr(stream, "isatty", lambda: False)():
        return iter(items)
    from tqdm import tqdm

    return iter(tqdm(items, desc=label, total=total if total is not None else _len(items), file=stream,
                     unit=" Texte"))


def _len(items: object) -> int | None:
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:
        return None
