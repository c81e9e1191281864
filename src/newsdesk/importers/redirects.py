"""Old addresses answered with 301: the lookup (one query), the hit counter and the writes used by the import."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from django.db.models import F
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.utils import timezone

from newsdesk.importers.models import Redirect

# Query forms WordPress answers on its front page: /?p=123, /?page_id=7, /?cat=3, /?tag=x, /?author=2, ...
QUERY_KEYS = ("p", "page_id", "attachment_id", "cat", "tag", "author", "feed")


def normalize(url_or_path: str) -> str:
    """The path (decoded, as Django's request.path is) of an old address, with the query only for the /?p= forms."""
    parts = urlsplit(url_or_path.strip())
    path = unquote(parts.path or "/")
    if not path.startswith("/"):
        path = "/" + path
    if parts.query and path == "/":
        key, _, value = parts.query.partition("&")[0].partition("=")
        if key in QUERY_KEYS:
            return f"/?{key}={unquote(value)}"
    return path


def candidates(request: HttpRequest) -> list[str]:
    if request.path == "/":
        return [f"/?{key}={request.GET[key]}" for key in QUERY_KEYS if key in request.GET][:1]
    path = request.path
    other = path[:-1] if path.endswith("/") else path + "/"
    return [path, other]


def find(request: HttpRequest) -> Redirect | None:
    paths = candidates(request)
    if not paths:
        return None
    return Redirect.objects.filter(old_path__in=paths).only("pk", "new_path").first()


def answer(redirect: Redirect) -> HttpResponsePermanentRedirect:
    Redirect.objects.filter(pk=redirect.pk).update(hits=F("hits") + 1, last_hit_at=timezone.now())
    return HttpResponsePermanentRedirect(redirect.new_path)


class RedirectMiddleware:
    """301 for old addresses: /?p=123 before the home page answers, any other path when the site has no page."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.method in {"GET", "HEAD"} and request.path == "/" and request.GET:
            redirect = find(request)
            if redirect is not None:
                return answer(redirect)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in {"GET", "HEAD"}:
            redirect = find(request)
            if redirect is not None:
                return answer(redirect)
        return response
