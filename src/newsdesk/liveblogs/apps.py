from django.apps import AppConfig


class LiveblogsConfig(AppConfig):
    name = "newsdesk.liveblogs"
    label = "liveblogs"
    verbose_name = "Newsblogs"
