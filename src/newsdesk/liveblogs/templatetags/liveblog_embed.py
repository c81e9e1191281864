"""`{% embed_code liveblog "teaser" as code %}` and `{% embed_parents %}` for the newsblog page's "Einbetten" box."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.safestring import SafeString

from newsdesk.liveblogs import embedding
from newsdesk.liveblogs.models import LiveBlog

register = template.Library()


@register.simple_tag
def embed_code(blog: LiveBlog, variant: str = embedding.FULL) -> SafeString:
    return embedding.embed_code(blog, variant)


@register.simple_tag
def embed_url(blog: LiveBlog, variant: str = embedding.FULL) -> str:
    return embedding.embed_url(blog, variant)


@register.simple_tag
def embed_parents() -> str:
    """The sites that may show the embed, as an editor reads them ('self' is this site's address)."""
    names = {"'self'": settings.SITE_URL, "'none'": "–"}
    return ", ".join(names.get(parent, parent) for parent in embedding.allowed_parents())
