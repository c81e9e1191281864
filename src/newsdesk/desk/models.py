from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsdesk.liveblogs.models import LiveBlog

# Short by design: the desk chat is for "Ich nehme die Pressekonferenz", not for articles.
MESSAGE_MAX_LENGTH = 500


class DeskMessage(models.Model):
    """One message of a newsblog's private desk chat. Never shown to readers (no page, feed, API for them)."""

    # Kept with the newsblog: deleting the newsblog deletes its desk chat.
    liveblog = models.ForeignKey(LiveBlog, on_delete=models.CASCADE, related_name="desk_messages",
                                 verbose_name=_("newsblog"))
    # A deleted account keeps its messages readable under the name it had.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+", verbose_name=_("author"))
    author_name = models.CharField(_("author name"), max_length=150)
    text = models.TextField(_("text"), max_length=MESSAGE_MAX_LENGTH)  # plain text, escaped on output
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                      verbose_name=_("mentioned"))
    created_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("desk message")
        verbose_name_plural = _("desk messages")
        ordering = ["liveblog", "id"]
        indexes = [models.Index(fields=["liveblog", "id"], name="desk_message_blog_idx")]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"
