"""The newsblog event stream served straight from ASGI, in front of Django's request cycle.

A reader's connection is held for as long as the page is open. Through Django each one would pass
eight middleware classes whose sync hooks run on one shared worker thread, and each frame through
three generator layers; on election night that is most of the server's time. This handler answers
only `GET /api/v1/liveblogs/<slug>/events` with the same code as the documented API route
(`start_stream`), and passes every other request to Django untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from typing import Any
from urllib.parse import parse_qs

from django.conf import settings

from newsdesk.liveblogs.streaming import (
    EVENT_STREAM_CONTENT_TYPE,
    EVENT_STREAM_HEADERS,
    StreamStart,
    follow_direct,
    start_stream,
)
from newsdesk.realtime import Wake

EVENTS_PATH = re.compile(r"^/api/v1/liveblogs/(?P<slug>[-\w]+)/events$")
_STREAM_HEADERS = [
    (b"content-type", EVENT_STREAM_CONTENT_TYPE.encode()),
    *((name.lower().encode(), value.encode()) for name, value in EVENT_STREAM_HEADERS),
]


class EventStreamApp:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            match = EVENTS_PATH.match(scope["path"])
            if match is not None:
                await self.serve(scope, receive, send, match["slug"])
                return
        await self.app(scope, receive, send)

    async def serve(self, scope: dict, receive: Any, send: Any, slug: str) -> None:
        start = await self._start(scope, slug)
        if start.follow is not None:
            # Only `start.follow` stays referenced for the hours a reader is connected (memory per reader).
            follow, start = start.follow, None
            await send({"type": "http.response.start", "status": 200, "headers": _STREAM_HEADERS})
            ended = await follow_direct(follow, send, receive, heartbeat=settings.REALTIME_HEARTBEAT_SECONDS)
            if ended != Wake.DISCONNECT:
                # Dropped (too slow) or closed: end the response; a dropped reader resumes with Last-Event-ID.
                with contextlib.suppress(OSError, TimeoutError):
                    await asyncio.wait_for(send({"type": "http.response.body", "body": b""}), timeout=10)
            return
        if start.events is None:
            await self._answer(send, start)
            return
        await send({"type": "http.response.start", "status": 200, "headers": _STREAM_HEADERS})
        pump = asyncio.ensure_future(self._pump(start.events, send))
        disconnect = asyncio.ensure_future(self._wait_for_disconnect(receive))
        try:
            await asyncio.wait({pump, disconnect}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (pump, disconnect):
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await pump
            await start.events.aclose()  # leaves the realtime subscription
        if not disconnect.cancelled() and disconnect.done():
            return
        with contextlib.suppress(OSError):
            await send({"type": "http.response.body", "body": b""})

    @staticmethod
    async def _start(scope: dict, slug: str) -> StreamStart:
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        raw_last = headers.get("last-event-id") or query.get("last_event_id", [None])[0]
        return await start_stream(slug, raw_last, heartbeat=settings.REALTIME_HEARTBEAT_SECONDS,
                                  request_headers=headers, recover=query.get("recover") == ["true"],
                                  direct=settings.REALTIME_DIRECT_FANOUT, outside_django=True)

    @staticmethod
    async def _answer(send: Any, start: StreamStart) -> None:
        """A complete answer: an error as JSON, 204, or (through a GRIP proxy) the backlog and instructions."""
        if start.detail:
            body = json.dumps({"detail": start.detail}, ensure_ascii=False).encode()
            headers = [(b"content-type", b"application/json")]
        else:
            body = start.body
            headers = [] if start.status == 204 else [(b"content-type", EVENT_STREAM_CONTENT_TYPE.encode())]
        headers += [(name.lower().encode(), value.encode()) for name, value in start.headers]
        await send({"type": "http.response.start", "status": start.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    async def _pump(events: Any, send: Any) -> None:
        async for chunk in events:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})

    @staticmethod
    async def _wait_for_disconnect(receive: Any) -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
