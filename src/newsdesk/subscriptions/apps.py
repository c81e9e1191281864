from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "newsdesk.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self) -> None:
        from newsdesk.liveblogs.signals import key_event_published
        from newsdesk.subscriptions import services

        def alert_followers(sender, liveblog, entry, **kwargs) -> None:
            services.liveblog_key_event(liveblog=liveblog, entry=entry)

        key_event_published.connect(alert_followers, dispatch_uid="subscriptions.liveblog_key_event", weak=False)
