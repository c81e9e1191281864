"""HTTP validators for reader pages: ETag and Last-Modified from content versions, 304 on revalidation.

Every change that alters a public page bumps one or more content versions (`bump`) in the same transaction
(domain apps do it from model signals, so admin edits count too). A page names the versions it shows
(`conditional_page(keys)`); its ETag is a digest of those versions, the path and query, the language, the
reader's own state and the CSRF secret its forms carry. A revalidation therefore costs one small query
(two with a session) instead of a render, and the first request after a change gets the new page.

Pages with a `kind` ("home", "article", ...) are shared-cache pages: an anonymous reader without
reader state (see newsdesk.caching.headers) gets a page that is the same for everybody, without a CSRF token
or cookie, with `Cache-Control: public, s-maxage=<kind's lifetime>, ...` and the surrogate keys of what it
shows; the keys bumped by a change are purged from shared caches after commit (newsdesk.caching.purge).
A reader with state (session: own pending comments, notices; one-time messages; a chosen language) gets
`private, no-cache` with validators that include that state, as the page shows it. Logged-in users (editors,
moderators) get no validators at all: their pages show controls and previews and are always rendered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

import newsdesk
from newsdesk.caching import headers as shared_cache
from newsdesk.caching import purge
from newsdesk.core.models import ContentVersion

# Browsers keep the page but ask every time; shared caches do not keep it (see the module docstring).
PRIVATE_REVALIDATE = "private, no-cache"
# Nothing per reader (sitemaps, robots.txt): shared caches may keep it but must revalidate.
PUBLIC_REVALIDATE = "public, no-cache"

# Last-Modified of pages whose content was never changed since installation: this process's start.
_STARTED = timezone.now().replace(microsecond=0)

KeysFunc = Callable[..., Iterable[str]]

# Slices every page names. Domain apps add their own (e.g. "liveblog.<slug>" for one newsblog's page).
SITE = "site"  # shared by all pages: images (alt text, captions, credits)
ARTICLES = "articles"  # articles, topics, authors: home, article, topic, author, archive pages, sitemaps
LIVEBLOGS = "liveblogs"  # any newsblog change: the home page's "live now" box, the newsblog list, sitemaps
RELATED = "related"  # the "related" boxes, recomputed after commit by newsdesk.related
JOBS = "jobs"  # job postings: the job pages and the "Stellenangebote" box on articles


def this_hour() -> str:
    """A key that changes every hour without any write: for what leaves a page by time alone (expiry windows)."""
    return f"hour.{timezone.now():%Y%m%d%H}"


def bump(*keys: str) -> None:
    """Marks the named slices as changed, inside the caller's transaction (commits or rolls back with it).

    One UPDATE per key in sorted order, so that two writers lock the rows in the same order (no deadlock);
    a key seen for the first time is inserted first (ignore_conflicts: a concurrent insert waits, then
    both increments count).
    """
    now = timezone.now()
    for key in sorted(set(keys)):
        rows = ContentVersion.objects.filter(key=key).update(version=F("version") + 1, changed_at=now)
        if not rows:
            ContentVersion.objects.bulk_create([ContentVersion(key=key, version=0, changed_at=now)],
                                               ignore_conflicts=True)
            ContentVersion.objects.filter(key=key).update(version=F("version") + 1, changed_at=now)
    purge.after_commit(keys)  # shared caches drop the pages naming these keys, once the change is visible


# The token a page's validators were made of, kept on its request: what the page renders from caches keyed on
# those versions (promo boxes) needs no second query for them.
VERSIONS_ATTRIBUTE = "_newsdesk_freshness_versions"


def request_token(request: HttpRequest | None) -> tuple[str, datetime | None] | None:
    return getattr(request, VERSIONS_ATTRIBUTE, None) if request is not None else None


def read(keys: Iterable[str]) -> tuple[str, datetime | None]:
    """("key:version;...", newest change) for the keys; a key never bumped counts as version 0 (changed at start)."""
    keys = sorted(set(keys))
    found = {key: (version, changed) for key, version, changed in
             ContentVersion.objects.filter(key__in=keys).values_list("key", "version", "changed_at")}
    token = ";".join(f"{key}:{found.get(key, (0, None))[0]}" for key in keys)
    changed = [c for _, c in found.values()]
    return token, max(changed) if changed else _STARTED


def _reader_state(request: HttpRequest) -> str | None:
    """What of the reader's own state the page shows; None when the page must always be rendered.

    Cookies other than the CSRF one (language, messages, the session key) go in as they are; a session's
    data goes in too (the reader's pending comments, a one-time notice). Logged-in users: None.
    """
    cookies = sorted((k, v) for k, v in request.COOKIES.items() if k != settings.CSRF_COOKIE_NAME)
    session = ""
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        data = dict(request.session.items())
        if "_auth_user_id" in data:
            return None
        session = json.dumps(data, sort_keys=True, default=str)
    return json.dumps([translation.get_language(), cookies, session])


def _etag(request: HttpRequest, token: str, reader: str, *, per_reader: bool) -> str:
    # The CSRF secret as the forms on the page use it: after a render that created one, the new one.
    csrf = request.META.get("CSRF_COOKIE", "") if per_reader else ""
    raw = "\n".join([newsdesk.__version__, request.get_full_path(), token, reader, csrf])
    return '"' + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest() + '"'


def _set_validators(response: HttpResponse, etag: str, last_modified: int | None) -> None:
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)


def _shared_page(view: Callable[..., HttpResponse], kind: str, keys: KeysFunc, request: HttpRequest,
                 *args, **kwargs) -> HttpResponse:
    """The page every anonymous reader without state gets: public, with surrogate keys, no token, no cookie."""
    shared_cache.mark_shared(request)
    names = list(keys(request, *args, **kwargs))
    token, changed = read(names)
    setattr(request, VERSIONS_ATTRIBUTE, (token, changed))
    last_modified = int(changed.timestamp()) if changed else None
    etag = _etag(request, token, translation.get_language(), per_reader=False)
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        # The ETag digests every version the page shows: a page rendered for it is this page until it changes.
        # So each process (each Redis with REDIS_URL) renders it once per change, also without a CDN.
        # The newest change's exact time joins the key: a database restored or recreated (tests) may repeat
        # version numbers, never this. So do the site's name and address, which every page shows.
        render_key = f"{etag}:{changed.isoformat() if changed else ''}:{settings.SITE_URL}:{settings.SITE_NAME}"
        response = shared_cache.cached_render(render_key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or "Cache-Control" in response:
                return response  # redirects, errors and previews keep their own rules
            shared_cache.keep_render(render_key, response)
    _set_validators(response, etag, last_modified)
    shared_cache.apply_shared_headers(response, kind, names)
    return response


def conditional_page(keys: KeysFunc, *, per_reader: bool = True, kind: str | None = None) -> Callable:
    """Decorates a GET view: ETag/Last-Modified from the versions `keys(request, *args, **kwargs)` names.

    Answers 304 (If-None-Match, else If-Modified-Since) without calling the view when nothing it shows
    has changed. `per_reader=False` for responses that are the same for everybody (no forms, no session).
    `kind` ("home", "article", "liveblog", ...; lifetimes in settings.CACHE_S_MAXAGE) makes the page a
    shared-cache page for anonymous readers without state; the view's attribute `shared_cache_kind` says so.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def inner(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            if kind is not None and per_reader and shared_cache.is_shareable(request):
                return _shared_page(view, kind, keys, request, *args, **kwargs)
            cache_control = PRIVATE_REVALIDATE if per_reader else PUBLIC_REVALIDATE
            reader = _reader_state(request) if per_reader else ""
            if reader is None:
                response = view(request, *args, **kwargs)
                response.headers.setdefault("Cache-Control", PRIVATE_REVALIDATE)
                return response
            token, changed = read(keys(request, *args, **kwargs))
            setattr(request, VERSIONS_ATTRIBUTE, (token, changed))
            last_modified = int(changed.timestamp()) if changed else None
            etag = _etag(request, token, reader, per_reader=per_reader)
            response = get_conditional_response(request, etag=etag, last_modified=last_modified)
            if response is None:
                response = view(request, *args, **kwargs)
                session = getattr(request, "session", None)
                # A render that changed the session (e.g. showed a one-time notice) is not repeatable.
                if response.status_code == 200 and not (session is not None and session.modified):
                    _set_validators(response, _etag(request, token, reader, per_reader=per_reader), last_modified)
            else:
                # The 304 (or 412) carries the same validators as the full answer would.
                _set_validators(response, etag, last_modified)
            response.headers.setdefault("Cache-Control", cache_control)
            return response

        inner.shared_cache_kind = kind
        return inner

    return decorator
