from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "newsdesk.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from newsdesk import related, search
        from newsdesk.articles import indexing
        from newsdesk.articles.models import Article, ArticleAuthor, Author, Topic
        from newsdesk.core import freshness
        from newsdesk.media.models import Image

        search.register_source(indexing.KIND, indexing.all_documents)
        related.register_source(indexing.KIND, indexing.all_related_documents)
        # Admin deletes bypass the services; the signal covers them (and cascades).
        post_delete.connect(lambda sender, instance, **kw: indexing.remove_after_commit(instance.pk),
                            sender=Article, weak=False, dispatch_uid="articles-search-remove")
        # Pages revalidate against content versions bumped in the transaction of the change (core.freshness);
        # model signals catch the services and the back office alike.
        for model in (Article, ArticleAuthor, Author, Topic):
            for signal in (post_save, post_delete):
                signal.connect(lambda sender, **kw: freshness.bump(freshness.ARTICLES), sender=model, weak=False,
                               dispatch_uid=f"articles-fresh-{signal is post_save}-{model.__name__}")
        m2m_changed.connect(lambda sender, **kw: freshness.bump(freshness.ARTICLES), sender=Article.topics.through,
                            weak=False, dispatch_uid="articles-fresh-topics")
        # Images (alt text, caption, credit) appear on every kind of page.
        for signal in (post_save, post_delete):
            signal.connect(lambda sender, **kw: freshness.bump(freshness.SITE), sender=Image, weak=False,
                           dispatch_uid=f"articles-fresh-image-{signal is post_save}")

        from newsdesk.articles import scheduler
        from newsdesk.core import periodic

        periodic.register_task("newsdesk-article-scheduler", scheduler.run_once,
                               interval=scheduler.DEFAULT_INTERVAL_SECONDS)
