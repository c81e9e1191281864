"""What can be commented on, and the text pre-screening compares a comment with (off-topic signal)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from newsdesk.core.html import html_to_text
from newsdesk.liveblogs.models import LiveBlog

# app_label.model of commentable models; articles join here when they land.
COMMENTABLE = frozenset({"liveblogs.liveblog"})
CONTEXT_ENTRIES = 20


def is_commentable(content_type: ContentType) -> bool:
    return f"{content_type.app_label}.{content_type.model}" in COMMENTABLE


def context_text(target: models.Model) -> str:
    """Newsblog: title, teaser and the text of the newest entries (what readers are reacting to)."""
    if isinstance(target, LiveBlog):
        entries = target.entries.visible().order_by("-created_at")[:CONTEXT_ENTRIES]
        parts = [target.title, target.teaser]
        parts += [f"{entry.headline} {html_to_text(entry.body)}" for entry in entries]
        return "\n".join(p for p in parts if p)
    return str(target)


def target_url(target: models.Model) -> str:
    return target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
