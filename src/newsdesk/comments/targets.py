"""What can be commented on, and the text pre-screening compares a comment with (off-topic signal)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from newsdesk.articles.models import Article
from newsdesk.core.html import html_to_text
from newsdesk.liveblogs.models import LiveBlog

# app_label.model of commentable models.
COMMENTABLE = frozenset({"liveblogs.liveblog", "articles.article"})
CONTEXT_ENTRIES = 20


def is_commentable(content_type: ContentType) -> bool:
    return f"{content_type.app_label}.{content_type.model}" in COMMENTABLE


def is_public(target: models.Model) -> bool:
    """Readers may see (and so comment on) it: an article only once it is live, never as a draft or preview."""
    if isinstance(target, Article):
        return target.is_live
    return True


def context_text(target: models.Model) -> str:
    """What readers are reacting to. Newsblog: title, teaser and the newest entries; article: headline, teaser, text."""
    if isinstance(target, Article):
        return "\n".join(p for p in (target.kicker, target.headline, target.teaser, html_to_text(target.body)) if p)
    if isinstance(target, LiveBlog):
        entries = target.entries.visible().order_by("-created_at")[:CONTEXT_ENTRIES]
        parts = [target.title, target.teaser]
        parts += [f"{entry.headline} {html_to_text(entry.body)}" for entry in entries]
        return "\n".join(p for p in parts if p)
    return str(target)


def target_url(target: models.Model) -> str:
    return target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
