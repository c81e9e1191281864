"""GRIP, the protocol of Pushpin: the proxy holds readers' connections, we publish one message per change.

A stream request that came through Pushpin carries a signed `Grip-Sig` header. We answer it with the
backlog and instructions (`Grip-Hold: stream`, the channel with the last id sent) and Pushpin keeps
the connection open, appending what we publish to its channel. Each published item names its own id
and the previous one; when Pushpin sees an item whose previous id is not the last one a connection got,
it asks our `rel=next` link again, sending `Grip-Last: CHANNEL; last-id=N`, and we answer with what
that reader is missing: no gap even when a publish was lost or two commits published out of order.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.request
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

import jwt
from jwt.warnings import InsecureKeyLengthWarning

logger = logging.getLogger(__name__)


# Tokens verified already, with their expiry. Pushpin signs one token and sends it with many requests;
# PyJWT takes about 0.2 ms a check on this machine (the hand-written check it replaced 0.06 ms), which a
# connect storm of 10,000 readers would pay 10,000 times.
_verified: dict[tuple[str, str], float] = {}
_VERIFIED_MAX = 256


def signature_valid(token: str, key: str, *, now: float | None = None) -> bool:
    """Checks Pushpin's Grip-Sig: a JWT signed with HS256 and the shared key, not expired (PyJWT)."""
    moment = time.time() if now is None else now
    expires = _verified.get((key, token))
    if expires is not None:
        return moment <= expires
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InsecureKeyLengthWarning)
            claims = jwt.decode(token, key, algorithms=["HS256"],
                                options={"verify_aud": False, "verify_iat": False, "verify_exp": False})
    except jwt.InvalidTokenError:
        return False
    expires = claims.get("exp")
    if expires is not None and not isinstance(expires, int | float):
        return False
    expires = float("inf") if expires is None else float(expires)
    if len(_verified) >= _VERIFIED_MAX:
        _verified.clear()
    _verified[(key, token)] = expires
    return moment <= expires


def is_grip_request(headers: Mapping[str, str], key: str) -> bool:
    """True only when the request came through the GRIP proxy: a Grip-Sig signed with GRIP_SIG_KEY.

    Without a key nothing can be verified, so nothing is trusted: anybody can send a Grip-Sig header.
    """
    token = headers.get("grip-sig")
    return bool(token and key and signature_valid(token, key))


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


def position_item(channel: str, seq: int) -> dict[str, Any]:
    """A beacon saying "the channel stands at `seq`": an SSE comment with id and prev-id both `seq`.

    A held reader at `seq` takes it as the next item (and writes a comment EventSource ignores); a reader
    the proxy holds at an older id sees the prev-id differ and asks the recovery link for what it lacks.
    `no-seq`: the proxy's sequencer must not hold it back or take it as the channel's newest id.
    """
    return {**stream_item(channel, b":\n\n", item_id=str(seq), prev_id=str(seq)), "no-seq": True}


def recover(control_url: str, *, timeout: float = 3) -> None:
    """Ask the proxy to check every held connection for missed messages (Pushpin: POST /recover).

    Each hold then asks its `rel=next` link again with `Grip-Last`, and the event log answers what it lacks.
    It is what a publisher does after a publish the proxy may not have received (the proxy was restarting).
    """
    request = urllib.request.Request(  # noqa: S310 - the URL comes from our settings, not from users
        control_url.rstrip("/") + "/recover", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()

