"""Readers behind Pushpin: its stats socket tells each channel's subscriber count (for realtime.audience).

Pushpin publishes on its ZeroMQ stats socket (`stats_spec` in deploy/pushpin/pushpin.conf) one packet per
change and refresh, `sub T<tnetstring>` with `channel`, `subscribers`, `ttl` and `from` (the Pushpin node),
or `unavailable` when the last subscriber left. The worker keeps the latest count per node and channel,
drops counts whose ttl ran out without a refresh (a node that died), and sets the sum per channel for the
current window. Pushpin's Prometheus port only has the node's total connections, not per channel.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from newsdesk.realtime import audience

logger = logging.getLogger(__name__)


def tnetstring(data: bytes) -> Any:
    """Decodes one tnetstring (the format of Pushpin's stats): dict, list, bytes, int, float, bool, null."""
    value, rest = _tnet(data)
    if rest:
        raise ValueError("trailing data after the tnetstring")
    return value


def _tnet(data: bytes) -> tuple[Any, bytes]:
    length, colon, rest = data.partition(b":")
    if not colon or not length.isdigit():
        raise ValueError("not a tnetstring")
    size = int(length)
    payload, kind, rest = rest[:size], rest[size:size + 1], rest[size + 1:]
    if len(payload) != size or not kind:
        raise ValueError("tnetstring cut short")
    if kind == b",":
        return payload, rest
    if kind == b"#":
        return int(payload), rest
    if kind == b"^":
        return float(payload), rest
    if kind == b"!":
        return payload == b"true", rest
    if kind == b"~":
        return None, rest
    if kind in (b"]", b"}"):
        items = []
        while payload:
            item, payload = _tnet(payload)
            items.append(item)
        if kind == b"]":
            return items, rest
        return {items[i].decode(): items[i + 1] for i in range(0, len(items) - 1, 2)}, rest
    raise ValueError(f"unknown tnetstring type {kind!r}")


class Subscribers:
    """The latest subscriber count per (node, channel) from Pushpin's `sub` packets."""

    def __init__(self) -> None:
        self._counts: dict[tuple[bytes, str], tuple[int, float]] = {}

    def handle(self, packet: bytes, *, now: float | None = None) -> None:
        kind, _, body = packet.partition(b" ")
        if kind != b"sub" or not body.startswith(b"T"):
            return
        try:
            data = tnetstring(body[1:])
            channel = data["channel"].decode()
        except (ValueError, KeyError, AttributeError, UnicodeDecodeError):
            logger.warning("Unreadable Pushpin stats packet: %r", packet[:200])
            return
        node = data.get("from", b"")
        if data.get("unavailable"):
            self._counts.pop((node, channel), None)
            return
        moment = time.time() if now is None else now
        # A refresh comes well within the ttl; without one the node is gone.
        self._counts[(node, channel)] = (int(data.get("subscribers", 0)), moment + float(data.get("ttl", 60)))

    def totals(self, *, now: float | None = None) -> dict[str, int]:
        moment = time.time() if now is None else now
        result: dict[str, int] = {}
        for (node, channel), (count, expires) in list(self._counts.items()):
            if expires < moment:
                del self._counts[(node, channel)]
                continue
            result[channel] = result.get(channel, 0) + count
        return result


class StatsListener:
    """A worker round: read what Pushpin sent since the last round, set the figures (realtime.audience)."""

    def __init__(self, specs: list[str]) -> None:
        import zmq  # pyzmq: only where Pushpin is used

        self._zmq = zmq
        self.subscribers = Subscribers()
        self._socket = zmq.Context.instance().socket(zmq.SUB)
        self._socket.setsockopt(zmq.SUBSCRIBE, b"sub ")
        self._socket.setsockopt(zmq.RCVHWM, 100_000)
        for spec in specs:
            self._socket.connect(spec)  # connects (and reconnects) in the background: Pushpin may start later

    def run_once(self, now: float | None = None) -> dict[str, int]:
        while True:
            try:
                packet = self._socket.recv(self._zmq.NOBLOCK)
            except self._zmq.Again:
                break
            self.subscribers.handle(packet, now=now)
        totals = self.subscribers.totals(now=now)
        if totals:
            audience.set_proxy_counts(totals, now=now)
        return totals

    def close(self) -> None:
        self._socket.close(linger=0)
