from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "newsdesk.realtime"
    label = "realtime"
    verbose_name = "Realtime"
