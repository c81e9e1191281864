from django.apps import AppConfig


class LiveblogsConfig(AppConfig):
    name = "newsdesk.liveblogs"
    label = "liveblogs"
    verbose_name = "Newsblogs"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from newsdesk import related, search
        from newsdesk.liveblogs import indexing
        from newsdesk.liveblogs.models import Entry, LiveBlog

        search.register_source(indexing.KIND, indexing.all_documents)
        related.register_source(indexing.BLOG_KIND, indexing.all_related_documents)
        # A deleted newsblog takes its entries with it (cascade): their documents go too.
        post_delete.connect(lambda sender, instance, **kw: indexing.remove_after_commit(instance.pk),
                            sender=Entry, weak=False, dispatch_uid="liveblogs-search-remove")
        post_delete.connect(lambda sender, instance, **kw: indexing.remove_liveblog_after_commit(instance.pk),
                            sender=LiveBlog, weak=False, dispatch_uid="liveblogs-related-remove")
