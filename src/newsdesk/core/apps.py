from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "newsdesk.core"
    label = "core"
    verbose_name = "newsdesk"

    def ready(self) -> None:
        from newsdesk.core import checks  # noqa: F401  (registers the system checks)
