from __future__ import annotations

from django.db import models


class ContentVersion(models.Model):
    """A counter per slice of what readers see ("articles", "liveblogs", "liveblog.<slug>", ...).

    Bumped in the transaction of every change that alters a public page (core.freshness), so a page's ETag
    and Last-Modified come from one small indexed read instead of rendering the page.
    """

    key = models.CharField(max_length=150, primary_key=True)
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"
