"""Writes of the moderation app's model registry: store a trained model, switch it in, return to the previous one.

The registry (`models.ModelVersion`) is the only way a site's own model reaches `screen()`: the comments app
asks `active_model()` per comment (one cache read), so a switch applies to the next comment in every process.
Model files live under DATA_DIR/moderation-models/; the shipped model is the fallback when none is active.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from newsdesk.moderation import adapt, offense
from newsdesk.moderation.models import ModelVersion

logger = logging.getLogger("newsdesk.moderation")

ACTIVE_CACHE_KEY = "moderation:active-model:v1"
CACHE_SECONDS = 3600


def models_dir() -> Path:
    return Path(settings.DATA_DIR) / "moderation-models"


def model_path(version: ModelVersion) -> Path:
    return models_dir() / version.file_name


def register(model: offense.OffenseModel, *, figures: dict[str, object], note: str = "") -> ModelVersion:
    """Save a trained model's file and record it (not active yet)."""
    if ModelVersion.objects.filter(version=model.version).exists():
        raise ValueError(f"Modellversion {model.version} gibt es schon")
    file_name = f"{model.version}.joblib"
    offense.save(model, models_dir() / file_name)
    return ModelVersion.objects.create(version=model.version, file_name=file_name, figures=figures, note=note[:300])


@transaction.atomic
def activate(version: ModelVersion) -> ModelVersion:
    """Put `version` in use; the one in use before becomes its "previous"."""
    if not model_path(version).is_file():
        raise FileNotFoundError(f"Modelldatei fehlt: {model_path(version)}")
    current = ModelVersion.objects.select_for_update().filter(active=True).first()
    if current is not None and current.pk == version.pk:
        return version
    ModelVersion.objects.filter(active=True).update(active=False)
    version.active = True
    version.previous = current
    version.save(update_fields=["active", "previous"])
    cache.delete(ACTIVE_CACHE_KEY)
    return version


@transaction.atomic
def return_to_previous() -> ModelVersion | None:
    """Switch back to the model that was in use before the current one (None: back to the shipped model)."""
    current = ModelVersion.objects.select_for_update().filter(active=True).first()
    if current is None:
        raise ValueError("Es ist kein eigenes Modell aktiv; das mitgelieferte Modell ist schon in Gebrauch.")
    previous = current.previous
    current.active = False
    current.save(update_fields=["active"])
    cache.delete(ACTIVE_CACHE_KEY)
    if previous is None:
        return None
    if not model_path(previous).is_file():
        raise FileNotFoundError(f"Modelldatei fehlt: {model_path(previous)}")
    previous.active = True
    previous.save(update_fields=["active"])  # keeps its own "previous": returning again goes further back
    return previous


def active_model() -> offense.OffenseModel:
    """The model in use on this site: the active registry entry, else the shipped model."""
    file_name = cache.get(ACTIVE_CACHE_KEY)
    if file_name is None:
        active = ModelVersion.objects.filter(active=True).first()
        file_name = active.file_name if active else ""
        cache.set(ACTIVE_CACHE_KEY, file_name, CACHE_SECONDS)
    if not file_name:
        return offense.load()
    return offense.load(models_dir() / file_name)


def warm_up() -> None:
    """Load the active model (and its sentence encoder) and score one text, so that the first comments after a
    start do not pay it: a comment that waits for the weights holds its pooled database connection meanwhile, and
    on a busy machine parallel first comments then ran the pool dry (500s in the two-process hardening test)."""
    from django.db import connection

    try:
        active_model().score("Guten Morgen, Kelmsbrück")
    except Exception:  # a broken model file is reported where comments are scored, with its own message
        logger.exception("Could not warm up the pre-screening model")
    finally:
        connection.close()


# --- calibration: the hold threshold from a site's target ---------------------------------------------------------

# Below this many decided comments (or without both outcomes) a threshold would follow a handful of cases.
MIN_CALIBRATION_DECISIONS = 20
MIN_CALIBRATION_EACH = 5


def site_decisions(since: date | None = None) -> list[tuple[str, int]]:
    """Moderators' approve/reject decisions on comments, oldest first, as (text, 1 = rejected)."""
    from newsdesk.comments.models import Decision  # the queue's records; moderation only reads them

    rows = Decision.objects.filter(action__in=[Decision.Action.APPROVE, Decision.Action.REJECT],
                                   moderator__isnull=False, comment__isnull=False)
    if since is not None:
        rows = rows.filter(created_at__date__gte=since)
    return [(body, int(action == Decision.Action.REJECT))
            for body, action in rows.order_by("created_at", "pk").values_list("comment__body", "action")]


def calibration_target(hold_at_most: float | None, catch: float | None) -> str:
    """The target in words, as the registry and the admin show it."""
    if hold_at_most is not None:
        return f"höchstens {hold_at_most:.0%} halten"
    return f"{catch:.0%} der Ablehnungen auffangen"


def calibrate(*, hold_at_most: float | None = None, catch: float | None = None, since: date | None = None
              ) -> tuple[offense.OffenseModel, adapt.Calibration]:
    """The model in use and the threshold meeting the target on the site's decisions (nothing is written).

    ValueError with a German message when there are too few decisions or the target is not a share."""
    decisions = adapt.deduplicate(site_decisions(since))
    rejected = sum(decisions.labels)
    if len(decisions) < MIN_CALIBRATION_DECISIONS or min(rejected, len(decisions) - rejected) < MIN_CALIBRATION_EACH:
        raise ValueError(
            f"Zu wenige Entscheidungen: {len(decisions)} verschiedene entschiedene Kommentare, davon {rejected} "
            f"abgelehnt. Für eine Schwelle braucht es mindestens {MIN_CALIBRATION_DECISIONS}, darunter je "
            f"{MIN_CALIBRATION_EACH} freigegebene und abgelehnte.")
    model = active_model()
    return model, adapt.calibrate(model.probabilities(decisions.texts), decisions.labels,
                                  hold_at_most=hold_at_most, catch=catch)


def apply_calibration(model: offense.OffenseModel, result: adapt.Calibration, target: str, *, by: str = ""
                      ) -> ModelVersion:
    """Switch in `model` with the calibrated threshold as a new registry version ("return" undoes it)."""
    from django.utils import timezone

    base = model.version.split("+")[0]
    version = f"{base}+schwelle-{timezone.now():%Y%m%d%H%M%S}"
    calibrated = dataclasses.replace(model, version=version, threshold=result.threshold)
    figures = {**model.metrics, "calibration": {**dataclasses.asdict(result), "target": target}}
    note = f"Schwelle: {target}" + (f" ({by})" if by else "")
    entry = activate(register(calibrated, figures=figures, note=note))
    logger.info("moderation threshold calibrated: %s -> %s, threshold %.3f (%s)%s", model.version, version,
                result.threshold, target, f" by {by}" if by else "")
    return entry
