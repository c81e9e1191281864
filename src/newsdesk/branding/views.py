"""/favicon.ico, /manifest.webmanifest and the touch icons: always an answer, from the identity or its defaults."""

from __future__ import annotations

import json
from functools import lru_cache

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from newsdesk.branding import icons
from newsdesk.branding.selectors import frame, stored_identity

# The addresses are fixed (browsers ask /favicon.ico by themselves); an hour, then they ask again.
ICON_CACHE_CONTROL = "public, max-age=3600"


@lru_cache(maxsize=16)
def _icon_bytes(version: str, size: int | str) -> bytes:
    # Keyed by the identity's version: a new upload or colour makes new keys, old ones drop out of the LRU.
    identity = stored_identity()
    master = None
    if identity.favicon_source:
        try:
            with identity.favicon_source.open("rb") as handle:
                master = icons.master_from_upload(handle.read())
        except (OSError, ValueError):
            master = None  # the file went missing: the default icon rather than a broken one
    if master is None:
        current = frame()
        master = icons.default_master(current.name, current.accent)
    return icons.ico(master) if size == "ico" else icons.png(master, int(size))


def favicon(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(_icon_bytes(frame().version, "ico"), content_type="image/x-icon")
    response["Cache-Control"] = ICON_CACHE_CONTROL
    return response


def icon(request: HttpRequest, size: int) -> HttpResponse:
    if size not in icons.PNG_SIZES:
        raise Http404
    response = HttpResponse(_icon_bytes(frame().version, size), content_type="image/png")
    # The page links the icon with ?v=<version>: a versioned address never changes its content.
    response["Cache-Control"] = "public, max-age=31536000, immutable" if request.GET.get("v") else ICON_CACHE_CONTROL
    return response


def manifest(request: HttpRequest) -> HttpResponse:
    current = frame()
    data = {
        "name": current.name,
        "short_name": current.short_name,
        "description": current.description,
        "lang": "de",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": current.accent,
        "icons": [
            {"src": f"{reverse('branding:icon', kwargs={'size': size})}?v={current.version}",
             "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
            for size in (192, 512)
        ],
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                            content_type="application/manifest+json; charset=utf-8")
    response["Cache-Control"] = ICON_CACHE_CONTROL
    return response
