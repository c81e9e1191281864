from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelatedConfig(AppConfig):
    name = "newsdesk.related"
    label = "related"
    verbose_name = _("Related content")

    def ready(self) -> None:
        from newsdesk.core import periodic
        from newsdesk.related import services

        # New documents are scored against the last fit at once; the idf is refitted in the background.
        periodic.register_task("newsdesk-related-refit", services.refit_if_stale,
                               interval=services.REFIT_INTERVAL_SECONDS)
