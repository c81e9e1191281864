"""Writes of the moderation app's model registry: store a trained model, switch it in, return to the previous one.

The registry (`models.ModelVersion`) is the only way a site's own model reaches `screen()`: the comments app
asks `active_model()` per comment (one cache read), so a switch applies to the next comment in every process.
Model files live under DATA_DIR/moderation-models/; the shipped model is the fallback when none is active.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from newsdesk.moderation import offense
from newsdesk.moderation.models import ModelVersion

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
