"""A newsblog on other sites: the embed page's framing policy and the code editors copy onto them.

`/newsblog/<slug>/einbetten/` is the only page of newsdesk that another site may put into an iframe: it answers
with `Content-Security-Policy: frame-ancestors <settings.EMBED_ALLOWED_PARENTS>` and without X-Frame-Options.
Every other page keeps the site-wide `frame-ancestors` (FRAME_ANCESTORS, 'self') and `X-Frame-Options: DENY`.

The embed code is a `<script>` (static `liveblogs/embed.js`, under its plain, unhashed name, so a snippet pasted on
a partner site keeps working across deploys) that inserts the iframe and sizes it to the height the embedded page
reports by postMessage; inside `<noscript>` a plain iframe of fixed height.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import wraps

from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.clickjacking import xframe_options_exempt

from newsdesk.liveblogs.models import LiveBlog

logger = logging.getLogger(__name__)

FULL = ""
TEASER = "teaser"
VARIANTS = (FULL, TEASER)
# The full embed is compact: the newest entries (and the pinned ones); the newsblog page has the rest.
EMBED_ENTRIES = 10
TEASER_ENTRIES = 3  # for section fronts
NOSCRIPT_HEIGHT = {FULL: 900, TEASER: 520}
STATIC_SCRIPT = "liveblogs/embed.js"

# A CSP source expression for a parent: 'self', 'none', or an origin, optionally with a wildcard subdomain.
# Anything else (spaces, semicolons, paths) would change the policy itself, so it is left out.
_PARENT = re.compile(r"^(?:'self'|'none'|https?://(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?)$")


def allowed_parents() -> list[str]:
    """The sites that may frame the embed page, from settings.EMBED_ALLOWED_PARENTS (invalid entries dropped)."""
    parents = []
    for item in settings.EMBED_ALLOWED_PARENTS:
        if _PARENT.match(item):
            parents.append(item)
        else:
            logger.warning("EMBED_ALLOWED_PARENTS: %r is not an origin like https://partner.example; ignored", item)
    return parents or ["'none'"]


def frameable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The page (200, or 304 for it) may be framed by the allowed parents only; errors stay unframeable.

    The parents are read per request, so a changed setting counts. Outermost decorator: it also marks the 304s
    and the renders kept by core.freshness, which carry no attributes from the view.
    """

    @wraps(view)
    def inner(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code not in (200, 304):
            return response
        mark = xframe_options_exempt(csp_replace({"frame-ancestors": allowed_parents()})(lambda _: response))
        return mark(request)

    return inner


def embed_url(blog: LiveBlog, variant: str = FULL) -> str:
    """The embed page's absolute address (German, the site's default language)."""
    with override(settings.LANGUAGE_CODE):
        path = reverse("liveblogs:embed", kwargs={"slug": blog.slug})
    return settings.SITE_URL + path + (f"?variante={variant}" if variant else "")


def script_url() -> str:
    """embed.js under its plain name: STATIC_URL as configured (a CDN's address stays as it is)."""
    base = settings.STATIC_URL
    if not base.startswith(("http://", "https://")):
        base = settings.SITE_URL + base
    return base + STATIC_SCRIPT


def embed_code(blog: LiveBlog, variant: str = FULL) -> SafeString:
    """The snippet an editor pastes into another site: the script, and a plain iframe for browsers without it."""
    # The iframe's name for screen readers; most newsblog titles do not say what they are.
    title = blog.title if "newsblog" in blog.title.lower() else _("Newsblog: %(title)s") % {"title": blog.title}
    script = format_html(
        '<script src="{}" data-newsblog="{}" data-site="{}"{} data-title="{}" async></script>',
        script_url(), blog.slug, settings.SITE_URL,
        format_html(' data-variante="{}"', variant) if variant else "", title,
    )
    fallback = format_html(
        '<noscript><iframe src="{}" title="{}" width="100%" height="{}" style="border:0" loading="lazy">'
        "</iframe></noscript>",
        embed_url(blog, variant), title, NOSCRIPT_HEIGHT[variant],
    )
    return format_html("{}\n{}", script, fallback)
