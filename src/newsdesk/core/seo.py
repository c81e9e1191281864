"""Helpers for search engines and sharing: absolute URLs, JSON-LD script bodies, image objects."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

# JSON inside <script> must not be able to close the tag or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute_url(path: str) -> str:
    """The public address (NEWSDESK_SITE_URL), not the Host header: canonical links must not follow a proxy."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def clip(text: str, limit: int) -> str:
    """Text of at most `limit` characters, cut after a whole word with " …" (never inside a word).

    Only a single word longer than the limit is cut inside, with "…" straight after it.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[:limit - 2]  # two characters for " …"
    if " " in room:
        head = room if text[limit - 2] == " " else room.rsplit(" ", 1)[0]
        return head.rstrip(" ,;:–-") + " …"
    return text[:limit - 1] + "…"


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON for a <script type="application/ld+json"> body, safe to place in HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped above: no "<", ">" or "&" remain


def image_object(image) -> dict[str, Any] | None:
    if image is None:
        return None
    return {"@type": "ImageObject", "url": absolute_url(image.large_url), "width": image.width,
            "height": image.height, **({"caption": image.caption} if image.caption else {}),
            **({"creditText": image.credit} if image.credit else {})}


# The site's identity (name, a square logo) as an app that keeps it tells us (newsdesk.branding sets it in ready());
# core imports no domain app, so the name comes through here. Without it: the NEWSDESK_SITE_NAME setting.
_identity: dict[str, Any] = {"name": None, "logo_path": ""}


def use_identity(*, name: Callable[[], str], logo_path: str = "") -> None:
    _identity.update(name=name, logo_path=logo_path)


def site_name() -> str:
    """The site's name as readers see it: feeds, sitemaps, structured data, exports and every mail (the one
    helper for it; the site identity's name, the NEWSDESK_SITE_NAME setting without one)."""
    source = _identity["name"]
    return source() if source else settings.SITE_NAME


def publisher() -> dict[str, Any]:
    data = {"@type": "NewsMediaOrganization", "name": site_name(), "url": absolute_url("/")}
    if _identity["logo_path"]:
        data["logo"] = {"@type": "ImageObject", "url": absolute_url(_identity["logo_path"]), "width": 512,
                        "height": 512}
    return data
