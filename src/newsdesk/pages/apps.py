from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "newsdesk.pages"
    label = "pages"
    verbose_name = _("Legal pages")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from newsdesk.core import freshness
        from newsdesk.pages.models import LegalPage, Page

        for model in (LegalPage, Page):
            for signal in (post_save, post_delete):
                signal.connect(lambda sender, **kw: freshness.bump(PAGES_KEY), sender=model, weak=False,
                               dispatch_uid=f"pages-fresh-{model.__name__}-{signal is post_save}")


PAGES_KEY = "pages"  # the legal pages' content version (core.freshness)
