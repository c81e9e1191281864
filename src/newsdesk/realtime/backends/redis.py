"""Redis pub/sub: one pattern subscription per server process, fanned out in memory."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import redis
import redis.asyncio as aioredis
from django.conf import settings

from newsdesk.realtime.fanout import Sink
from newsdesk.realtime.hub import LocalHub, Message, Subscription

logger = logging.getLogger(__name__)

PREFIX = "newsdesk:rt:"


class RedisBackend:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or settings.REDIS_URL
        self.hub = LocalHub()
        self._publisher = redis.Redis.from_url(self.url, socket_timeout=5, socket_connect_timeout=5)
        self._listeners: dict[asyncio.AbstractEventLoop, asyncio.Future] = {}
        self._tasks: dict[asyncio.AbstractEventLoop, asyncio.Task] = {}

    def publish(self, channel: str, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            self._publisher.publish(PREFIX + channel, payload)
        except redis.RedisError:
            # The change is committed and in the event log; readers catch up on their next event
            # or reconnect. Losing the push must not undo the editor's write.
            logger.exception("Could not publish to Redis channel %s", channel)

    async def subscribe(self, channel: str, *, heartbeat: float | None = None) -> Subscription:
        await self._ensure_listener()
        return self.hub.add(channel, heartbeat=heartbeat)

    async def _ensure_listener(self) -> None:
        loop = asyncio.get_running_loop()
        ready = self._listeners.get(loop)
        if ready is None:
            ready = loop.create_future()
            self._listeners[loop] = ready
            # Kept in the dict so the task is not garbage-collected while it runs.
            self._tasks[loop] = loop.create_task(self._listen(ready), name="newsdesk-redis-listener")
        # Only once Redis has confirmed the subscription is a reader's backlog read safe. If Redis
        # is down the reader still gets its backlog; the reconnect later triggers a resync.
        try:
            await asyncio.wait_for(asyncio.shield(ready), timeout=3)
        except TimeoutError:
            logger.warning("Redis subscription not confirmed yet; serving from the event log")

    async def _listen(self, ready: asyncio.Future) -> None:
        delay = 0.2
        while True:
            client = aioredis.Redis.from_url(self.url)
            pubsub = client.pubsub()
            try:
                await pubsub.psubscribe(PREFIX + "*")
                async for item in pubsub.listen():
                    kind = item["type"]
                    if kind == "psubscribe":
                        delay = 0.2
                        if not ready.done():
                            ready.set_result(True)
                        # Messages published while we were not subscribed are lost to pub/sub.
                        self.hub.resync_all()
                    elif kind == "pmessage":
                        channel = item["channel"].decode()[len(PREFIX):]
                        try:
                            self.hub.dispatch(Message.from_raw(channel, item["data"].decode()))
                        except ValueError:
                            logger.warning("Dropped a malformed message on %s", channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("Redis subscription lost; reconnecting in %.1fs", delay, exc_info=True)
            finally:
                try:
                    await pubsub.aclose()
                    await client.aclose()
                except Exception:  # noqa: S110 - the connection is already broken
                    pass
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)

    async def attach(self, sink: Sink, *, heartbeat_seconds: float = 0) -> None:
        await self._ensure_listener()
        self.hub.attach(sink, heartbeat_seconds=heartbeat_seconds)

    def detach(self, sink: Sink) -> None:
        self.hub.direct.detach(sink)
