from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandingConfig(AppConfig):
    name = "newsdesk.branding"
    label = "branding"
    verbose_name = _("Site identity")

    def ready(self) -> None:
        from newsdesk.branding import signals

        signals.connect()
