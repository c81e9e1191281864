"""`{% entry_html entry %}`: one entry of a shared newsblog page, rendered once per change of that entry.

A new entry changes the newsblog page (its ETag, its render cache) but none of the entries already on it, so
the page around it is rendered again while the other nineteen entries come from Django's cache. The key names
everything the entry's HTML shows: its own version and last change, flags, authors, the newsblog's title (the
share links), the language, the site's version (images, their alt texts and credits) and address.
"""

from __future__ import annotations

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from newsdesk.caching.headers import is_marked_shared
from newsdesk.core.freshness import SITE, request_token

register = template.Library()

ENTRY_TEMPLATE = "liveblogs/_entry.html"


def _site_version(request) -> str | None:
    found = request_token(request)
    if found is None:
        return None
    for part in found[0].split(";"):
        if part.startswith(f"{SITE}:"):
            return part
    return None


def fragment_key(entry, request, target) -> str | None:
    """The cache key of the entry's HTML on this page, or None when it must be rendered (editors' pages)."""
    if request is None or not is_marked_shared(request) or not entry.pk:
        return None
    site = _site_version(request)
    if site is None:
        return None
    coauthors = ",".join(user.display_name for user in entry.coauthors.all())  # prefetched by with_coauthors
    raw = "\n".join(map(str, [
        entry.pk, entry.version, entry.updated_at.isoformat(), entry.edited_at, entry.pinned, entry.key_event,
        entry.breaking, entry.author.display_name, coauthors, entry.liveblog.title, translation.get_language(),
        site, settings.SITE_URL, getattr(target, "pk", None) == entry.pk,
    ]))
    return "entry-html:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


@register.simple_tag(takes_context=True)
def entry_html(context: template.Context, entry) -> SafeString:
    key = fragment_key(entry, context.get("request"), context.get("target")) \
        if settings.PAGE_RENDER_CACHE_SECONDS else None
    if key is not None:
        kept = cache.get(key)
        if kept is not None:
            return mark_safe(kept)  # noqa: S308 - our own template's output, kept as rendered
    with context.push(entry=entry):
        html = context.template.engine.get_template(ENTRY_TEMPLATE).render(context)
    if key is not None:
        cache.set(key, str(html), settings.PAGE_RENDER_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there
