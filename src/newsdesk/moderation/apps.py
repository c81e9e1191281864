from django.apps import AppConfig


class ModerationConfig(AppConfig):
    """The `newsdesk moderation ...` command and the editable word lists (the only models here)."""

    name = "newsdesk.moderation"
    label = "moderation"
    verbose_name = "Kommentar-Vorprüfung"

    def ready(self) -> None:
        from newsdesk.moderation import lists  # noqa: F401 - connects the cache invalidation on save
