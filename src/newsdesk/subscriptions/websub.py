"""WebSub (W3C): feeds name their hub, and the hub hears at once when a feed changed.

Feed readers subscribed at the hub then get new items pushed instead of polling. Pings are best effort,
sent after commit from a short-lived thread: a slow or unreachable hub never delays an editor.
"""

from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.urls import reverse

log = logging.getLogger(__name__)


def link_header(self_url: str) -> str | None:
    hub = settings.WEBSUB_HUB_URL
    return f'<{hub}>; rel="hub", <{self_url}>; rel="self"' if hub else None


def feed_urls(kind: str, slug: str | None = None) -> list[str]:
    """The absolute addresses of one feed in all its formats."""
    kwargs = {"slug": slug} if slug else {}
    return [settings.SITE_URL + reverse(f"feeds:{kind}-{fmt}", kwargs=kwargs) for fmt in ("rss", "atom", "json")]


def ping_after_commit(urls: Iterable[str]) -> None:
    urls = list(urls)
    if settings.WEBSUB_HUB_URL and urls:
        transaction.on_commit(lambda: threading.Thread(target=ping, args=(urls,), daemon=True).start())


def ping(urls: list[str]) -> None:
    body = urllib.parse.urlencode([("hub.mode", "publish"), *(("hub.url", url) for url in urls)]).encode()
    request = urllib.request.Request(settings.WEBSUB_HUB_URL, data=body, method="POST",  # noqa: S310 - from settings
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            response.read()
    except (urllib.error.URLError, OSError):
        log.warning("WebSub hub %s did not take the ping for %s", settings.WEBSUB_HUB_URL, urls[0], exc_info=True)
