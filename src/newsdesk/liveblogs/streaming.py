"""Server-sent events for one newsblog: subscribe first, then replay the log, then follow live.

Every frame carries `id: SEQ`. A reader's `last` only grows, so nothing is sent twice; a gap in
the live sequence (a message lost or reordered between processes, a reader queue overflow, a
broker reconnect) is filled from the event log before anything newer is sent, so nothing is missed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

from asgiref.sync import sync_to_async
from django.utils.translation import gettext as _

from newsdesk import realtime
from newsdesk.core.errors import InvalidInput
from newsdesk.liveblogs.models import Event, LiveBlog
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


def frame(message: dict, raw: str | None = None) -> bytes:
    data = raw if raw is not None else json.dumps(message, ensure_ascii=False, separators=(",", ":"))
    return f"id: {message['seq']}\nevent: {message['type']}\ndata: {data}\n\n".encode()


EVENT_STREAM_CONTENT_TYPE = "text/event-stream; charset=utf-8"
# no-transform and X-Accel-Buffering: proxies must pass each frame on at once, not buffer it.
EVENT_STREAM_HEADERS = (("Cache-Control", "no-cache, no-transform"), ("X-Accel-Buffering", "no"))
RETRY_FRAME = f"retry: {RETRY_MS}\n\n".encode()
HEARTBEAT_FRAME = b": heartbeat\n\n"


def parse_seq(value: str | None, name: str) -> int:
    """A sequence number from a client (Last-Event-ID, ?since=); absent means from the start."""
    if value in (None, ""):
        return 0
    if not value.isdigit() or len(value) > 18:
        raise InvalidInput(_("%(name)s must be a non-negative whole number.") % {"name": name}, field=name)
    return int(value)


@dataclass(frozen=True)
class StreamStart:
    """What to answer a reader who opens the stream: 200 with `events`, or a status and a message."""

    status: int
    detail: str = ""
    events: AsyncIterator[bytes] | None = None


def _find_open_state(slug: str) -> LiveBlog | None:
    return LiveBlog.objects.filter(slug=slug).only("id", "status", "last_seq").first()


async def start_stream(slug: str, raw_last_event_id: str | None, *, heartbeat: float) -> StreamStart:
    """Shared by the ASGI fast path (newsdesk.asgi) and the documented API route."""
    try:
        last_seq = parse_seq(raw_last_event_id, "Last-Event-ID")
    except InvalidInput as exc:
        return StreamStart(422, exc.message)
    blog = await sync_to_async(_find_open_state)(slug)
    if blog is None:
        return StreamStart(404, _("No newsblog with the address '%(slug)s'.") % {"slug": slug})
    if not blog.is_open and last_seq >= blog.last_seq:
        return StreamStart(204)
    return StreamStart(200, events=liveblog_events(blog.pk, blog.channel, last_seq, heartbeat=heartbeat))


async def liveblog_events(liveblog_id: int, channel: str, last_seq: int, *,
                          heartbeat: float) -> AsyncIterator[bytes]:
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
        yield RETRY_FRAME
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
                yield HEARTBEAT_FRAME
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
