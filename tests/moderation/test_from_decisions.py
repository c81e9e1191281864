"""Learning from the site's moderators: `train --from-decisions`, the model registry, return, calibration."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse

from newsdesk.comments.models import Comment, Commenter, Decision
from newsdesk.liveblogs import services as liveblog_services
from newsdesk.moderation import adapt, offense, services
from newsdesk.moderation.models import ModelVersion

# Fictional comments of a fictional local site (Kelmsbrück): the moderators reject the coded insults
# ("Bratwurstkopf", "Pegelclown") the GermEval tweets never saw, and approve the rest.
REJECTED = [f"{who} ist ein {insult}, {tail}" for who, insult, tail in zip(
    ["Der Bürgermeister", "Der Kommentator", "Dieser Schreiber", "Der Ratsherr", "Die Leserin", "Der Bauamtsleiter",
     "Der Vereinschef", "Der Nachbar", "Der Redakteur", "Der Fahrer", "Der Wirt", "Der Pfarrer vom Dorf"],
    ["Bratwurstkopf", "Pegelclown", "Bratwurstkopf", "Pegelclown", "Bratwurstkopf", "Pegelclown",
     "Bratwurstkopf", "Pegelclown", "Bratwurstkopf", "Pegelclown", "Bratwurstkopf", "Pegelclown"],
    ["wie immer", "typisch", "mehr nicht", "sonst nichts", "ganz klar", "wie man sieht", "nichts weiter",
     "eindeutig", "wie erwartet", "na klar", "leider wahr", "ohne Frage"], strict=True)]
APPROVED = [f"{who} hat {what} {when}" for who, what, when in zip(
    ["Der Bürgermeister", "Der Kommentator", "Dieser Schreiber", "Der Ratsherr", "Die Leserin", "Der Bauamtsleiter",
     "Der Vereinschef", "Der Nachbar", "Der Redakteur", "Der Fahrer", "Der Wirt", "Der Pfarrer vom Dorf"],
    ["die Brücke eröffnet", "den Pegel gemeldet", "die Sandsäcke gezählt", "das Fest geplant",
     "den Bus genommen", "die Straße gesperrt", "den Platz gefegt", "die Feuerwehr gerufen", "den Bericht geschrieben",
     "die Route geändert", "die Terrasse geöffnet", "die Glocken geläutet"],
    ["am Montag", "heute früh", "gestern Abend", "am Wochenende", "vor einer Woche", "am Dienstag", "im Sommer",
     "in der Nacht", "am Mittag", "am Freitag", "im Herbst", "zu Ostern"], strict=True)]


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    cache.delete(services.ACTIVE_CACHE_KEY)
    yield
    cache.delete(services.ACTIVE_CACHE_KEY)


@pytest.fixture
def decided(editor, moderator):
    """Moderator decisions on stored comments (rows as the queue leaves them)."""
    blog = liveblog_services.liveblog_create(title="Hochwasser in Kelmsbrück", teaser="Erfunden.", author=editor)
    commenter = Commenter.objects.create(email="leser@example.org")

    def decide(texts: list[str], action: str) -> None:
        for text in texts:
            comment = Comment.objects.create(target=blog, commenter=commenter, display_name="Leser", body=text,
                                             status="rejected" if action == "reject" else "approved")
            Decision.objects.create(comment=comment, commenter=commenter, moderator=moderator, action=action)
    return decide


def train(*args: str, data: Path, test: Path) -> str:
    out = io.StringIO()
    call_command("moderation", "train", "--from-decisions", "--data", str(data), "--test", str(test),
                 "--folds", "2", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_dedup_keeps_the_latest_decision_and_split_is_stable() -> None:
    decisions = adapt.deduplicate([("Gut so", 0), ("Idiot!", 1), ("gut  so", 1), (" ", 1)])
    assert decisions.texts == ("Idiot!", "gut  so") and decisions.labels == (1, 1)
    everything = adapt.deduplicate([(t, 1) for t in REJECTED] + [(t, 0) for t in APPROVED])
    train_part, held = adapt.split(everything)
    assert len(train_part) + len(held) == len(everything) and held.texts
    assert adapt.split(everything) == (train_part, held)


def test_decisions_change_the_model_only_through_the_train_command(decided, germeval_file: Path) -> None:
    decided(REJECTED, "reject")
    decided(APPROVED, "approve")
    shipped = offense.load()
    assert services.active_model() is shipped and not ModelVersion.objects.exists()
    # Deciding alone changes nothing: no model, no threshold, no score moves.
    probe = "Der Wirt ist ein Bratwurstkopf, typisch"
    assert services.active_model().probabilities([probe])[0] == shipped.probabilities([probe])[0]

    out = train("--force", data=germeval_file, test=germeval_file)
    assert "Entscheidungen (ohne Doppelte)" in out and "Fairness" in out and "Umgeschaltet" in out
    entry = ModelVersion.objects.get(active=True)
    assert entry.version.startswith(f"{offense.MODEL_VERSION}-site-") and entry.figures["comparison"]
    adapted = services.active_model()
    assert adapted.version == entry.version
    assert adapted.probabilities([probe])[0] > shipped.probabilities([probe])[0]


def test_a_worse_model_is_not_switched_in_and_return_to_previous_works(decided, germeval_file: Path,
                                                                       client, site_admin) -> None:
    # Moderators who approve the insults and reject the harmless: the candidate gets worse on GermEval.
    decided(REJECTED, "approve")
    decided(APPROVED, "reject")
    out = train(data=germeval_file, test=germeval_file)
    assert "Nicht umgeschaltet" in out
    assert not ModelVersion.objects.filter(active=True).exists()
    assert services.active_model() is offense.load()
    stored = ModelVersion.objects.get()
    assert not stored.figures["comparison"]["candidate_test"] > stored.figures["comparison"]["current_test"] or \
        not stored.figures["comparison"]["candidate_site"] > stored.figures["comparison"]["current_site"]

    # Forced in by an admin, then one click back to the previous (the shipped) model.
    services.activate(stored)
    assert services.active_model().version == stored.version
    client.force_login(site_admin)
    page = client.get(reverse("newsroom:moderation_modelversion_changelist"))
    assert page.status_code == 200 and stored.version.encode() in page.content
    response = client.post(reverse("newsroom:moderation_model_return"))
    assert response.status_code == 302
    assert services.active_model() is offense.load()
    assert client.get(reverse("newsroom:moderation_model_return")).status_code == 405
    with pytest.raises(ValueError):
        services.return_to_previous()


@pytest.mark.django_db
def test_return_goes_back_through_the_chain(germeval_file: Path) -> None:
    from newsdesk.moderation.metrics import read_germeval

    texts, labels = read_germeval(germeval_file)
    first = services.register(offense.train(texts, labels, folds=2, version="t-1"), figures={})
    second = services.register(offense.train(texts, labels, folds=2, version="t-2"), figures={})
    services.activate(first)
    services.activate(second)
    assert services.return_to_previous() == first
    assert services.active_model().version == "t-1"
    assert services.return_to_previous() is None
    assert services.active_model() is offense.load()


def test_too_few_decisions_is_a_clear_error(decided, germeval_file: Path) -> None:
    decided(REJECTED[:2], "reject")
    with pytest.raises(CommandError, match="Zu wenige Entscheidungen"):
        train(data=germeval_file, test=germeval_file)


def test_calibration_meets_hold_and_catch_targets() -> None:
    p = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05])
    y = np.array([1, 1, 0, 1, 0, 1, 0, 0, 0, 0])
    hold = adapt.calibrate(p, y, hold_at_most=0.2)
    assert hold.threshold == pytest.approx(0.8) and hold.hold_rate == pytest.approx(0.2)
    assert hold.precision == 1.0 and hold.recall == pytest.approx(0.5)
    catch = adapt.calibrate(p, y, catch=0.75)
    assert catch.threshold == pytest.approx(0.6) and catch.recall == pytest.approx(0.75)
    assert catch.precision == pytest.approx(0.75)
    assert "Präzision" in catch.line()
    with pytest.raises(ValueError):
        adapt.calibrate(p, y, hold_at_most=0.2, catch=0.5)


def test_calibrate_command_applies_a_threshold_as_a_new_version(decided) -> None:
    decided(REJECTED, "reject")
    decided(APPROVED, "approve")
    out = io.StringIO()
    call_command("moderation", "calibrate", "--hold-at-most", "20%", "--apply", stdout=out)
    text = out.getvalue()
    assert "erwartete Präzision" in text and "In Gebrauch" in text
    entry = ModelVersion.objects.get(active=True)
    assert "+schwelle-" in entry.version and entry.figures["calibration"]["hold_rate"] <= 0.2
    assert services.active_model().threshold == pytest.approx(entry.figures["calibration"]["threshold"])
    with pytest.raises(CommandError):
        call_command("moderation", "calibrate", "--catch", "1.5")
