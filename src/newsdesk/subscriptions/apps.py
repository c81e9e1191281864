from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "newsdesk.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self) -> None:
        from newsdesk.articles.models import Article
        from newsdesk.articles.signals import article_corrected, article_published
        from newsdesk.comments.signals import approved_comments_changed
        from newsdesk.liveblogs.signals import breaking_entry_published, key_event_published, liveblog_changed
        from newsdesk.subscriptions import services, websub

        # Alerts follow what editors do; the newsroom apps only announce it (signals, after commit).
        key_event_published.connect(
            lambda sender, liveblog, entry, **kwargs: services.liveblog_key_event(liveblog=liveblog, entry=entry),
            dispatch_uid="subscriptions.liveblog_key_event", weak=False)
        breaking_entry_published.connect(
            lambda sender, liveblog, entry, **kwargs: services.liveblog_breaking(liveblog=liveblog, entry=entry),
            dispatch_uid="subscriptions.liveblog_breaking", weak=False)

        def on_article_published(sender, article, **kwargs) -> None:
            # A reader gets one mail per new article (see _alert_mail); jobs expand in the order recorded, so the
            # breaking alert, recorded first, is the one a reader who also follows the topic receives.
            if article.breaking:
                services.article_breaking(article=article)
            services.article_published(article=article)
            services.article_similar(article=article)
            websub.ping_after_commit([*websub.feed_urls("site"), *websub.feed_urls("article", article.slug),
                                      *(url for topic in article.topics.all()
                                        for url in websub.feed_urls("topic", topic.slug))])

        article_published.connect(on_article_published, dispatch_uid="subscriptions.article_published", weak=False)
        liveblog_changed.connect(
            lambda sender, liveblog, **kwargs: websub.ping_after_commit(
                [*websub.feed_urls("liveblog", liveblog.slug), *websub.feed_urls("site")]),
            dispatch_uid="subscriptions.websub_liveblog", weak=False)
        article_corrected.connect(
            lambda sender, article, **kwargs: services.article_corrected(article=article),
            dispatch_uid="subscriptions.article_corrected", weak=False)

        def on_comments_changed(sender, comment, **kwargs) -> None:
            # Only article feeds carry comments; newsblog feeds list entries. Without a hub, no lookup at all.
            if settings.WEBSUB_HUB_URL and isinstance(target := comment.target, Article):
                websub.ping_after_commit(websub.feed_urls("article", target.slug))

        approved_comments_changed.connect(on_comments_changed, dispatch_uid="subscriptions.websub_comments",
                                          weak=False)

        from newsdesk.core import periodic
        from newsdesk.subscriptions import runner
        from newsdesk.subscriptions import services as subscription_services

        periodic.register_task("newsdesk-alerts", runner.run_once, interval=runner.DEFAULT_INTERVAL_SECONDS)
        periodic.register_task("newsdesk-purge-subscriptions", subscription_services.purge_unconfirmed,
                               interval=3600)
