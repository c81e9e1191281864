from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "newsdesk.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from newsdesk import related, search
        from newsdesk.articles import indexing
        from newsdesk.articles.models import Article

        search.register_source(indexing.KIND, indexing.all_documents)
        related.register_source(indexing.KIND, indexing.all_related_documents)
        # Admin deletes bypass the services; the signal covers them (and cascades).
        post_delete.connect(lambda sender, instance, **kw: indexing.remove_after_commit(instance.pk),
                            sender=Article, weak=False, dispatch_uid="articles-search-remove")
