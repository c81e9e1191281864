from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "newsdesk.realtime"
    label = "realtime"
    verbose_name = "Realtime"

    def ready(self) -> None:
        from newsdesk.realtime import figures

        figures.register()
