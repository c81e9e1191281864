"""Readers per channel over several processes and Pushpin (realtime.audience), the figure behind "Jetzt lesen"."""

from __future__ import annotations

import asyncio
import http.server
import socket
import threading
import time

import pytest

from newsdesk.realtime import audience
from newsdesk.realtime.hub import LocalHub
from newsdesk.realtime.pushpin_stats import StatsListener, Subscribers, tnetstring
from tests.support.services import require_pushpin, require_redis

# A fixed moment far from now: the reporter threads of other tests write around the real time only.
T0 = 1_700_000_000.0 - 1_700_000_000.0 % 60


def _hub_with(counts: dict[str, int]) -> tuple[LocalHub, list]:
    hub = LocalHub()
    subscriptions = []

    async def subscribe() -> None:
        for channel, n in counts.items():
            subscriptions.extend(hub.add(channel) for _ in range(n))

    asyncio.run(subscribe())
    return hub, subscriptions


@pytest.fixture
def redis_cache(settings):
    url = require_redis()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                                   "KEY_PREFIX": f"test-audience-{time.time_ns()}"}}
    yield
    from django.core.cache import cache

    cache.clear()


def test_two_processes_sum_up_through_redis(redis_cache):
    # Two web processes, each with its own hub and reporter, meet only in the cache.
    first, _a = _hub_with({"liveblog.1": 3, "liveblog.2": 1})
    second, _b = _hub_with({"liveblog.1": 4})
    reporters = [audience.Reporter(), audience.Reporter()]
    for reporter, hub in zip(reporters, (first, second), strict=True):
        reporter.sources.add(hub)
        reporter.run_once(T0 + 1)
        reporter.run_once(T0 + 3)  # a second look in the same window adds nothing

    assert audience.readers("liveblog.1", now=T0 + 11) == 7
    assert audience.readers_many(["liveblog.1", "liveblog.2", "liveblog.3"], now=T0 + 12) == {
        "liveblog.1": 7, "liveblog.2": 1, "liveblog.3": 0}
    # The window still being counted is not shown; a window nobody reported (processes gone) is 0.
    assert audience.readers("liveblog.1", now=T0 + 5) == 0
    assert audience.readers("liveblog.1", now=T0 + 25) == 0


def test_one_sample_a_minute_for_the_sparkline():
    for minute, count in ((0, 5), (1, 8), (3, 2)):
        audience.add_counts({"liveblog.9": count}, now=T0 + 60 * minute + 1)
        audience.add_counts({"liveblog.9": 99}, now=T0 + 60 * minute + 15)  # mid-minute windows are no samples
    samples = audience.last_hour("liveblog.9", now=T0 + 60 * 3 + 30)
    assert len(samples) == audience.SPARKLINE_MINUTES
    assert samples[-4:] == [5, 8, 0, 2]


# `sub` packets as Pushpin 1.36 sends them on its stats socket (two nodes).
SUB_A = (b"sub T102:4:mode,6:stream,11:subscribers,1:5#7:channel,10:liveblog.1,3:ttl,2:60#"
         b"4:from,21:pushpin-handler_18654,}")
SUB_B = (b"sub T102:4:mode,6:stream,11:subscribers,1:2#7:channel,10:liveblog.1,3:ttl,2:60#"
         b"4:from,21:pushpin-handler_20001,}")
GONE_A = b"sub T94:4:mode,6:stream,7:channel,10:liveblog.1,11:unavailable,4:true!4:from,21:pushpin-handler_18654,}"


def test_pushpin_subscribers_per_channel_over_nodes():
    assert tnetstring(b"15:1:a,1:5#1:b,0:~}") == {"a": 5, "b": None}
    subscribers = Subscribers()
    subscribers.handle(SUB_A, now=T0)
    subscribers.handle(SUB_B, now=T0)
    subscribers.handle(b"conn T76:2:id,13:condure:0-4-4,11:unavailable,4:true!4:from,1:x,}", now=T0)
    assert subscribers.totals(now=T0 + 1) == {"liveblog.1": 7}
    subscribers.handle(GONE_A, now=T0 + 2)
    assert subscribers.totals(now=T0 + 3) == {"liveblog.1": 2}
    assert subscribers.totals(now=T0 + 61) == {}  # node B stopped refreshing: gone
    subscribers.handle(b"sub Tgarbage", now=T0)  # logged and dropped, never raised


def test_readers_held_by_pushpin_are_counted(tmp_path):
    require_pushpin()
    from tests.support.pushpin import running_pushpin

    class HoldingOrigin(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            for name, value in (("Content-Type", "text/event-stream"), ("Grip-Hold", "stream"),
                                ("Grip-Channel", "liveblog.77"), ("Content-Length", "0")):
                self.send_header(name, value)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    origin = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HoldingOrigin)
    threading.Thread(target=origin.serve_forever, daemon=True).start()
    try:
        with running_pushpin(tmp_path / "pushpin", origin.server_address[1]) as proxy:
            listener = StatsListener([proxy.stats_spec])
            time.sleep(0.3)  # the SUB socket joins before the first packet
            port = int(proxy.url.rsplit(":", 1)[1])
            reader = socket.create_connection(("127.0.0.1", port))
            reader.sendall(b"GET /newsblog HTTP/1.1\r\nHost: newsdesk\r\n\r\n")
            deadline = time.monotonic() + 15
            totals: dict[str, int] = {}
            while not totals and time.monotonic() < deadline:
                totals = listener.run_once(now=T0 + 1)
                time.sleep(0.1)
            reader.close()
            listener.close()
    finally:
        origin.shutdown()
    assert totals == {"liveblog.77": 1}
    assert audience.readers("liveblog.77", now=T0 + 11) == 1
