from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "newsdesk.comments"
    label = "comments"
    verbose_name = _("Comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.contenttypes.models import ContentType
        from django.db.models.signals import post_delete, post_save

        from newsdesk.articles.models import Article, article_freshness_key
        from newsdesk.comments.models import Comment, CommentSettings, TargetCommentSettings
        from newsdesk.core import freshness
        from newsdesk.liveblogs.models import LiveBlog, liveblog_freshness_key

        page_keys = {LiveBlog: liveblog_freshness_key, Article: article_freshness_key}

        def target_changed(sender, instance: Comment | TargetCommentSettings, **kw) -> None:
            # The comment section (and its open/closed notice) is part of its page: readers must see it at once.
            # A new comment that is not published shows on no page (its author gets it from comments:own): no bump,
            # so thousands of readers' comments on election night do not purge the shared page each time.
            if kw.get("created") and isinstance(instance, Comment) and instance.status != Comment.Status.APPROVED:
                return
            model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
            if model in page_keys:
                slug = model.objects.filter(pk=instance.object_id).values_list("slug", flat=True).first()
                if slug:
                    freshness.bump(page_keys[model](slug))

        for signal in (post_save, post_delete):
            for model in (Comment, TargetCommentSettings):
                signal.connect(target_changed, sender=model, weak=False,
                               dispatch_uid=f"comments-fresh-{signal is post_save}-{model.__name__}")
            # The site's rules show on every page with comments.
            signal.connect(lambda sender, **kw: freshness.bump(freshness.SITE), sender=CommentSettings, weak=False,
                           dispatch_uid=f"comments-fresh-site-{signal is post_save}")

        from newsdesk.comments import figures

        figures.register()

        from newsdesk.comments import services as comment_services
        from newsdesk.core import periodic

        periodic.register_task("newsdesk-purge-comment-ips", comment_services.comment_purge_ip_hashes, interval=3600)
