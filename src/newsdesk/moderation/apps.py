from django.apps import AppConfig


class ModerationConfig(AppConfig):
    """An app only so that `newsdesk moderation ...` exists; the package has no models."""

    name = "newsdesk.moderation"
    label = "moderation"
    verbose_name = "Kommentar-Vorprüfung"
