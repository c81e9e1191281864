"""Server-sent events for one newsblog: subscribe first, then replay the log, then follow live.

Every frame carries `id: SEQ`. A reader's `last` only grows, so nothing is sent twice; a gap in
the live sequence (a message lost or reordered between processes, a reader queue overflow, a
broker reconnect) is filled from the event log before anything newer is sent, so nothing is missed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async

from newsdesk import realtime
from newsdesk.liveblogs.models import Event
from newsdesk.liveblogs.selectors import EVENTS_PAGE_MAX, events_after

CLOSED = Event.Type.LIVEBLOG_CLOSED.value
RETRY_MS = 2000

_in_flight: dict[tuple[int, int], asyncio.Future] = {}


async def _events_after(liveblog_id: int, seq: int) -> list[dict]:
    """Readers at the same position share one query (after a resync they all ask at once)."""
    key = (liveblog_id, seq)
    pending = _in_flight.get(key)
    if pending is not None:
        return await asyncio.shield(pending)
    future = asyncio.get_running_loop().create_future()
    _in_flight[key] = future
    try:
        rows = await sync_to_async(events_after)(liveblog_id, seq)
        result = [event.as_message() for event in rows]
        future.set_result(result)
        return result
    except BaseException as exc:
        future.set_exception(exc)
        future.exception()  # mark retrieved when nobody else waits
        raise
    finally:
        del _in_flight[key]


def frame(message: dict, raw: str | None = None) -> str:
    data = raw if raw is not None else json.dumps(message, ensure_ascii=False, separators=(",", ":"))
    return f"id: {message['seq']}\nevent: {message['type']}\ndata: {data}\n\n"


async def liveblog_events(liveblog_id: int, channel: str, last_seq: int, *,
                          heartbeat: float) -> AsyncIterator[str]:
    last = last_seq

    async def missed() -> AsyncIterator[dict]:
        nonlocal last
        while True:
            batch = await _events_after(liveblog_id, last)
            for message in batch:
                if message["seq"] > last:
                    last = message["seq"]
                    yield message
            if len(batch) < EVENTS_PAGE_MAX:
                return

    async with realtime.subscribe(channel) as subscription:
        yield f"retry: {RETRY_MS}\n\n"
        resync = True
        while True:
            if resync:
                subscription.drain()
                async for message in missed():
                    yield frame(message)
                    if message["type"] == CLOSED:
                        return
                resync = False
            try:
                async with asyncio.timeout(heartbeat):
                    message = await subscription.get()
            except TimeoutError:
                yield ": heartbeat\n\n"
                continue
            if message is None or subscription.needs_resync or message.data.get("seq", 0) > last + 1:
                resync = True
                continue
            if message.data["seq"] <= last:
                continue
            last = message.data["seq"]
            encoded = message.memo.get("sse")
            if encoded is None:
                encoded = message.memo["sse"] = frame(message.data, message.raw)
            yield encoded
            if message.data["type"] == CLOSED:
                return
