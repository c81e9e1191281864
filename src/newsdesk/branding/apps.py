from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandingConfig(AppConfig):
    name = "newsdesk.branding"
    label = "branding"
    verbose_name = _("Site identity")

    def ready(self) -> None:
        from newsdesk.branding import signals
        from newsdesk.branding.selectors import frame
        from newsdesk.core import seo

        signals.connect()
        # Feeds, sitemaps and structured data name the site as the header does; the 512 px icon is its logo.
        seo.use_identity(name=lambda: frame().name, logo_path="/icons/icon-512.png")
