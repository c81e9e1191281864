from django.apps import AppConfig


class LiveblogsConfig(AppConfig):
    name = "newsdesk.liveblogs"
    label = "liveblogs"
    verbose_name = "Newsblogs"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from newsdesk import related, search
        from newsdesk.core import freshness
        from newsdesk.liveblogs import indexing
        from newsdesk.liveblogs.models import Entry, LiveBlog

        search.register_source(indexing.KIND, indexing.all_documents)
        related.register_source(indexing.BLOG_KIND, indexing.all_related_documents)
        # A deleted newsblog takes its entries with it (cascade): their documents go too.
        post_delete.connect(lambda sender, instance, **kw: indexing.remove_after_commit(instance.pk),
                            sender=Entry, weak=False, dispatch_uid="liveblogs-search-remove")
        post_delete.connect(lambda sender, instance, **kw: indexing.remove_liveblog_after_commit(instance.pk),
                            sender=LiveBlog, weak=False, dispatch_uid="liveblogs-related-remove")
        # Pages revalidate against content versions bumped in the transaction of the change (core.freshness).

        def blog_changed(sender, instance, **kw) -> None:
            freshness.bump(freshness.LIVEBLOGS, instance.freshness_key)

        def entry_changed(sender, instance, **kw) -> None:
            if instance.status != Entry.Status.PUBLISHED:
                return  # drafts, the schedule and the queue are on no reader's page: no purge per keystroke
            try:
                blog_key = instance.liveblog.freshness_key
            except LiveBlog.DoesNotExist:  # deleted with its newsblog: the blog's own signal covers the page
                blog_key = freshness.LIVEBLOGS
            freshness.bump(freshness.LIVEBLOGS, blog_key)

        for signal in (post_save, post_delete):
            signal.connect(blog_changed, sender=LiveBlog, weak=False,
                           dispatch_uid=f"liveblogs-fresh-blog-{signal is post_save}")
            signal.connect(entry_changed, sender=Entry, weak=False,
                           dispatch_uid=f"liveblogs-fresh-entry-{signal is post_save}")

        from newsdesk.core import periodic
        from newsdesk.liveblogs import indexing, scheduler, selectors
        from newsdesk.realtime import positions

        positions.register("liveblog.", selectors.channel_position)

        periodic.register_task("newsdesk-liveblog-scheduler", scheduler.run_once,
                               interval=scheduler.DEFAULT_INTERVAL_SECONDS)
        periodic.register_task("newsdesk-entry-search-repair", indexing.index_missing_entries,
                               interval=indexing.REPAIR_INTERVAL_SECONDS)
