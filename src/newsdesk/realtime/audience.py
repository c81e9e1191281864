"""Readers connected per channel over every server process (and Pushpin): the desk's "Jetzt lesen".

Counts live in the processes that hold the connections, so each web process adds its own count of each
channel to one cache key per 10-second window (`cache.incr`; with REDIS_URL the cache is Redis, where incr
is atomic, so N processes sum up without knowing of each other). The figure shown is the last complete
window: at most one window old, and a process that died simply stops adding. Windows that start a minute
are kept for an hour: they are the samples of the sparkline (60 keys, one MGET).

With Pushpin in front the proxy holds the connections and Django sees none of them: the worker reads
Pushpin's stats socket (realtime.pushpin_stats), whose `sub` packets carry each channel's subscriber
count, and sets the proxy's figure per window under its own key (idempotent: several workers write the
same value). Readers connected to a process directly are added on top.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Mapping

from django.core.cache import cache

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 10
WINDOWS_PER_MINUTE = 60 // WINDOW_SECONDS
SPARKLINE_MINUTES = 60
REPORT_SECONDS = 2.0  # how often a process looks at the clock; it adds its count once per window
_SAMPLE_TTL = SPARKLINE_MINUTES * 60 + 120
_WINDOW_TTL = 3 * WINDOW_SECONDS

PROCESSES = "p"  # summed over the processes (incr)
PROXY = "x"  # set from Pushpin's stats (one figure for all its connections)


def window_of(now: float) -> int:
    return int(now // WINDOW_SECONDS)


def _key(kind: str, channel: str, window: int) -> str:
    return f"rt:readers:{kind}:{channel}:{window}"


def _ttl(window: int) -> int:
    return _SAMPLE_TTL if window % WINDOWS_PER_MINUTE == 0 else _WINDOW_TTL


def add_counts(counts: Mapping[str, int], *, now: float | None = None) -> None:
    """This process's readers per channel, added to the current window (call once per window and process)."""
    window = window_of(time.time() if now is None else now)
    for channel, count in counts.items():
        if count <= 0:
            continue
        key, ttl = _key(PROCESSES, channel, window), _ttl(window)
        cache.add(key, 0, ttl)
        try:
            cache.incr(key, count)
        except ValueError:  # expired between add and incr (only when the clock jumped)
            cache.add(key, count, ttl)


def set_proxy_counts(counts: Mapping[str, int], *, now: float | None = None) -> None:
    """The proxy's subscribers per channel for the current window (the whole figure, not a share)."""
    window = window_of(time.time() if now is None else now)
    ttl = _ttl(window)
    cache.set_many({_key(PROXY, channel, window): count for channel, count in counts.items()}, ttl)


def readers(channel: str, *, now: float | None = None) -> int:
    """Readers connected to `channel` in the last complete window, over all processes and the proxy."""
    window = window_of(time.time() if now is None else now) - 1
    return sum(cache.get_many([_key(PROCESSES, channel, window), _key(PROXY, channel, window)]).values())


def reach(channel: str) -> int | None:
    """`readers` for storing with a publication: None when the cache is away (the publication goes ahead)."""
    try:
        return readers(channel)
    except Exception:  # Redis restarting: no figure, but never a failed post
        logger.warning("No reader count for %s: the cache did not answer", channel, exc_info=True)
        return None


def readers_many(channels: list[str], *, now: float | None = None) -> dict[str, int]:
    window = window_of(time.time() if now is None else now) - 1
    keys = {_key(kind, channel, window): channel for channel in channels for kind in (PROCESSES, PROXY)}
    result = dict.fromkeys(channels, 0)
    for key, value in cache.get_many(list(keys)).items():
        result[keys[key]] += value
    return result


def last_hour(channel: str, *, now: float | None = None) -> list[int]:
    """One sample a minute for the last hour, oldest first (the readers at the start of each minute)."""
    current = window_of(time.time() if now is None else now) - 1
    newest = current - current % WINDOWS_PER_MINUTE
    windows = [newest - WINDOWS_PER_MINUTE * back for back in range(SPARKLINE_MINUTES - 1, -1, -1)]
    keys = [_key(kind, channel, window) for window in windows for kind in (PROCESSES, PROXY)]
    found = cache.get_many(keys)
    return [found.get(_key(PROCESSES, channel, w), 0) + found.get(_key(PROXY, channel, w), 0) for w in windows]


class Reporter:
    """Adds the readers of this process's hubs to the cache, once per window, from a daemon thread.

    A thread, not a task on the event loop: a cache that hangs (Redis restarting) must not stall the readers.
    """

    def __init__(self) -> None:
        self.sources: weakref.WeakSet = weakref.WeakSet()
        self.last_window: int | None = None

    def run_once(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        window = window_of(now)
        if window == self.last_window:
            return
        self.last_window = window
        totals: dict[str, int] = {}
        for source in list(self.sources):
            for channel, count in source.counts().items():
                totals[channel] = totals.get(channel, 0) + count
        add_counts(totals, now=now)


_reporter = Reporter()
_started = threading.Lock()
_running = False


def report_from(source: object) -> None:
    """Count `source`'s readers (an object with `counts() -> {channel: n}`, e.g. a LocalHub) in this process."""
    global _running
    _reporter.sources.add(source)
    if _running:
        return
    with _started:
        if _running:
            return
        from newsdesk.core import periodic

        periodic.start_periodic_thread("newsdesk-realtime-readers", _reporter.run_once, REPORT_SECONDS)
        _running = True
