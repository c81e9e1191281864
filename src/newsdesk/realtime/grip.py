"""GRIP, the protocol of Pushpin: the proxy holds readers' connections, we publish one message per change.

A stream request that came through Pushpin carries a signed `Grip-Sig` header. We answer it with the
backlog and instructions (`Grip-Hold: stream`, the channel with the last id sent) and Pushpin keeps
the connection open, appending what we publish to its channel. Each published item names its own id
and the previous one; when Pushpin sees an item whose previous id is not the last one a connection got,
it asks our `rel=next` link again, sending `Grip-Last: CHANNEL; last-id=N`, and we answer with what
that reader is missing: no gap even when a publish was lost or two commits published out of order.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import time
import urllib.request
from collections.abc import Iterable, Mapping
from typing import Any

logger = logging.getLogger(__name__)


def _b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def signature_valid(token: str, key: str, *, now: float | None = None) -> bool:
    """Checks Pushpin's Grip-Sig: a JWT signed with HS256 and the shared key, not expired."""
    try:
        header_b64, claims_b64, signature_b64 = token.split(".")
        header = json.loads(_b64decode(header_b64))
        claims = json.loads(_b64decode(claims_b64))
        signature = _b64decode(signature_b64)
    except (ValueError, json.JSONDecodeError):
        return False
    if header.get("alg") != "HS256":
        return False
    expected = hmac.new(key.encode(), f"{header_b64}.{claims_b64}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(expected, signature):
        return False
    expires = claims.get("exp")
    return not (isinstance(expires, int | float) and expires < (now or time.time()))


def is_grip_request(headers: Mapping[str, str], key: str) -> bool:
    """True when the request came through a GRIP proxy; with a key, only when the signature checks out."""
    token = headers.get("grip-sig")
    if not token:
        return False
    return signature_valid(token, key) if key else True


def last_ids(headers: Mapping[str, str]) -> dict[str, str]:
    """`Grip-Last: liveblog.7; last-id=42, other; last-id=3` -> {"liveblog.7": "42", "other": "3"}."""
    result = {}
    for item in headers.get("grip-last", "").split(","):
        channel, *params = (part.strip() for part in item.split(";"))
        for param in params:
            name, _, value = param.partition("=")
            if channel and name.strip() == "last-id":
                result[channel] = value.strip().strip('"')
    return result


def hold_stream_headers(*, channel: str, last_id: int | None, next_link: str,
                        keep_alive: bytes, keep_alive_seconds: int) -> list[tuple[str, str]]:
    channel_value = channel if last_id is None else f"{channel}; prev-id={last_id}"
    return [
        ("Grip-Hold", "stream"),
        ("Grip-Channel", channel_value),
        ("Grip-Link", f"<{next_link}>; rel=next"),
        ("Grip-Keep-Alive", f"{_cstring(keep_alive)}; format=cstring; timeout={keep_alive_seconds}"),
    ]


def _cstring(content: bytes) -> str:
    return content.decode().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def publish(control_url: str, items: Iterable[dict[str, Any]], *, timeout: float = 3) -> None:
    """POST items to the proxy's publish endpoint (Pushpin: port 5561, path /publish/)."""
    body = json.dumps({"items": list(items)}, ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 - the URL comes from our settings, not from users
        control_url.rstrip("/") + "/publish/", data=body, method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()


def stream_item(channel: str, content: bytes, *, item_id: str | None = None,
                prev_id: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"channel": channel, "formats": {"http-stream": {"content": content.decode()}}}
    if item_id is not None:
        item["id"] = item_id
    if prev_id is not None:
        item["prev-id"] = prev_id
    return item

