"""Which requests may get a page that a shared cache keeps, and the headers that page carries.

A page is shareable when the reader is anonymous and carries none of the cookies that change a page (the
session: own pending comments, notices, login; one-time messages). The language is in the address. Everything else a
browser may send (the CSRF cookie, analytics cookies) does not change the HTML. The same rule is in
deploy/varnish/newsdesk.vcl, which strips all cookies from such requests.

A shareable page carries no CSRF token (`csrf_context`) and no Set-Cookie (`SharedCacheMiddleware` makes
a response private if something still set a cookie), `Cache-Control: public, max-age=0, s-maxage=N,
stale-while-revalidate=..., stale-if-error=...` with N per page kind (settings.CACHE_S_MAXAGE), and the
surrogate keys of what it shows (`xkey`, `Surrogate-Key`, `Cache-Tag`), which purges name.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)

PRIVATE = "private, no-cache"
SHARED_ATTRIBUTE = "_newsdesk_shared_cache"
# Response headers naming the keys: Varnish xkey, Fastly, Cloudflare. Varnish removes xkey before delivery.
SURROGATE_HEADERS = ("xkey", "Surrogate-Key")
CLOUDFLARE_HEADER = "Cache-Tag"


def state_cookie_names() -> tuple[str, ...]:
    """Cookies whose presence means the page is the reader's own (keep in step with newsdesk.vcl)."""
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def is_shareable(request: HttpRequest) -> bool:
    """True for an anonymous GET/HEAD without reader state: its page is the same for every such reader."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not any(name in request.COOKIES for name in state_cookie_names())


def mark_shared(request: HttpRequest) -> None:
    """From now on this request renders a page for everybody: forms get no CSRF token (see csrf_context)."""
    setattr(request, SHARED_ATTRIBUTE, True)


def is_marked_shared(request: HttpRequest) -> bool:
    return getattr(request, SHARED_ATTRIBUTE, False)


def s_maxage(kind: str) -> int:
    ages = settings.CACHE_S_MAXAGE
    return int(ages.get(kind, ages["default"]))


def shared_cache_control(kind: str) -> str:
    return (f"public, max-age=0, s-maxage={s_maxage(kind)}, "
            f"stale-while-revalidate={settings.CACHE_STALE_WHILE_REVALIDATE}, "
            f"stale-if-error={settings.CACHE_STALE_IF_ERROR}")


def surrogate_keys(kind: str, keys: Iterable[str]) -> list[str]:
    """The page kind ("home", "article", ...) and the content keys, as purges name them."""
    return sorted({kind, *keys})


def apply_shared_headers(response: HttpResponse, kind: str, keys: Iterable[str]) -> None:
    """Makes a 200/304 answer to a shareable request public with the kind's lifetime and its keys."""
    response["Cache-Control"] = shared_cache_control(kind)
    patch_vary_headers(response, ["Cookie"])  # a reader with state gets another page (rendered or kept alike)
    names = surrogate_keys(kind, keys)
    for header in SURROGATE_HEADERS:
        response[header] = " ".join(names)
    response[CLOUDFLARE_HEADER] = ",".join(names)


def _render_key(key: str) -> str:
    return "page:" + hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


def cached_render(key: str) -> HttpResponse | None:
    """The shared page rendered earlier under this key (ETag and newest change), or None."""
    if not settings.PAGE_RENDER_CACHE_SECONDS:
        return None
    kept = cache.get(_render_key(key))
    if kept is None:
        return None
    response = HttpResponse(kept["content"])
    for name, value in kept["headers"]:
        response[name] = value
    return response


def keep_render(key: str, response: HttpResponse) -> None:
    if not settings.PAGE_RENDER_CACHE_SECONDS or response.streaming or response.cookies:
        return
    headers = [(name, value) for name, value in response.items() if name.lower() not in ("set-cookie", "vary")]
    cache.set(_render_key(key), {"content": response.content, "headers": headers},
              settings.PAGE_RENDER_CACHE_SECONDS)


def make_private(response: HttpResponse) -> None:
    response["Cache-Control"] = PRIVATE
    for header in (*SURROGATE_HEADERS, CLOUDFLARE_HEADER):
        if header in response:
            del response[header]


class SharedCacheMiddleware:
    """Outermost: a public response that would set a cookie anyway (some code called get_token or wrote the
    session) is turned private, so a shared cache never hands one reader's cookie to another."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.cookies and "public" in response.get("Cache-Control", ""):
            logger.warning("%s set a cookie on a shared page (%s); sent as private instead",
                           request.path, ", ".join(response.cookies))
            make_private(response)
        return response
