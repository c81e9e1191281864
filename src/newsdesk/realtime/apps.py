from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "newsdesk.realtime"
    label = "realtime"
    verbose_name = "Realtime"

    def ready(self) -> None:
        from newsdesk.realtime import checks, figures  # noqa: F401  (checks registers itself)

        figures.register()
