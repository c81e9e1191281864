"""Where a channel stands now (its newest sequence number in the durable log), asked of the app that owns it.

realtime deals in channel names only; the app that owns a kind of channel registers how to read its position
(liveblogs: a newsblog's `last_seq`). The GRIP backend's beacons use it (realtime.backends.grip).
"""

from __future__ import annotations

from collections.abc import Callable

_sources: dict[str, Callable[[str], int | None]] = {}


def register(prefix: str, source: Callable[[str], int | None]) -> None:
    """`source(channel)` for channels starting with `prefix`: the newest seq, or None when it has none."""
    _sources[prefix] = source


def current(channel: str) -> int | None:
    for prefix, source in _sources.items():
        if channel.startswith(prefix):
            return source(channel)
    return None
