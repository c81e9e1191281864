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

        from newsdesk.comments.models import Comment
        from newsdesk.core import freshness
        from newsdesk.liveblogs.models import LiveBlog, liveblog_freshness_key

        def comment_changed(sender, instance: Comment, **kw) -> None:
            # The comment section is part of its newsblog's page: an approval must reach readers at once.
            if ContentType.objects.get_for_id(instance.content_type_id).model_class() is LiveBlog:
                slug = LiveBlog.objects.filter(pk=instance.object_id).values_list("slug", flat=True).first()
                if slug:
                    freshness.bump(liveblog_freshness_key(slug))

        for signal in (post_save, post_delete):
            signal.connect(comment_changed, sender=Comment, weak=False,
                           dispatch_uid=f"comments-fresh-{signal is post_save}")
