"""Server-sent events for one newsblog: subscribe first, then replay the log, then follow live.

Every frame carries `id: SEQ`. A reader's `last` only grows, so nothing is sent twice; a gap in
the live sequence (a message lost or reordered between processes, a reader queue overflow, a
broker reconnect) is filled from the event log before anything newer is sent, so nothing is missed.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections
from django.urls import reverse
from django.utils.translation import gettext as _

from newsdesk import realtime
from newsdesk.core.errors import InvalidInput
from newsdesk.core.validation import whole_number
from newsdesk.liveblogs.figures import RESUME_BACKLOG
from newsdesk.liveblogs.models import Event, LiveBlog
from newsdesk.liveblogs.selectors import EVENTS_PAGE_MAX, events_after
from newsdesk.realtime import grip, sse

CLOSED = Event.Type.LIVEBLOG_CLOSED.value
RETRY_MS = 2000
RETRY_FRAME = sse.retry_frame(RETRY_MS)
# Each connection gets its own reconnect delay in this range: after a deploy or a dropped node,
# 10,000 readers then come back spread over seconds instead of in one burst.
RETRY_JITTER_MS = (1500, 6000)


def jittered_retry_frame() -> bytes:
    return sse.retry_frame(random.randint(*RETRY_JITTER_MS))

# A reader resuming through the proxy after a long absence gets at most this much backlog at once;
# the proxy then asks again (rel=next) for the rest.
GRIP_BACKLOG_MAX = 10 * EVENTS_PAGE_MAX

EVENT_STREAM_CONTENT_TYPE = "text/event-stream; charset=utf-8"
# no-transform and X-Accel-Buffering: proxies must pass each frame on at once, not buffer it. nosniff: the
# ASGI fast path bypasses Django's SecurityMiddleware.
EVENT_STREAM_HEADERS = (
    ("Cache-Control", "no-cache, no-transform"), ("X-Accel-Buffering", "no"), ("X-Content-Type-Options", "nosniff"),
)

_in_flight: dict[tuple, asyncio.Future] = {}


async def _shared(key: tuple, read, *args):
    """One database hop for every reader asking the same thing at once (`read(*args)` on the worker thread):
    after a resync, or in a connect storm, thousands ask within milliseconds."""
    pending = _in_flight.get(key)
    if pending is not None:
        return await asyncio.shield(pending)
    future = asyncio.get_running_loop().create_future()
    _in_flight[key] = future
    try:
        result = await sync_to_async(read)(*args)
        future.set_result(result)
        return result
    except BaseException as exc:
        future.set_exception(exc)
        future.exception()  # mark retrieved when nobody else waits
        raise
    finally:
        del _in_flight[key]


def _messages_after(liveblog_id: int, seq: int) -> list[dict]:
    return [event.as_message() for event in events_after(liveblog_id, seq)]


async def _events_after(liveblog_id: int, seq: int) -> list[dict]:
    """Readers at the same position share one query."""
    return await _shared(("events", liveblog_id, seq), _messages_after, liveblog_id, seq)


def parse_seq(value: str | None, name: str) -> int:
    """A sequence number from a client (Last-Event-ID, ?since=); absent means from the start."""
    if value in (None, ""):
        return 0
    if whole_number(value) is None:
        raise InvalidInput(_("%(name)s must be a non-negative whole number.") % {"name": name}, field=name)
    return int(value)


@dataclass(frozen=True)
class Follow:
    """A reader to be served by the direct fan-out (`follow_direct`) from `last_seq` on."""

    liveblog_id: int
    channel: str
    last_seq: int
    slug: str = ""
    latest_seq: int = 0  # the newsblog's position when the reader came


# A reader further behind than this gets a `catchup` event pointing to the JSON catch-up (and the page
# reloads) instead of thousands of frames: a reconnect storm after an outage must not replay the log.
RESUME_MAX_EVENTS = 1000
CATCHUP = "catchup"


@dataclass(frozen=True)
class StreamStart:
    """The answer to a reader opening the stream: a live `events` stream, a finished `body`, or an error."""

    status: int
    detail: str = ""
    events: AsyncIterator[bytes] | None = None
    follow: Follow | None = None
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)


def _find_open_state(slug: str, retire_connections: bool = False) -> LiveBlog | None:
    if retire_connections:
        # Outside Django's request cycle (the ASGI fast path) nobody else retires broken or expired
        # database connections; done here, in the same hop to the database thread as the lookup.
        close_old_connections()
    return LiveBlog.objects.filter(slug=slug).only("id", "slug", "status", "last_seq").first()


async def start_stream(slug: str, raw_last_event_id: str | None, *, heartbeat: float,
                       request_headers: Mapping[str, str] | None = None, recover: bool = False,
                       direct: bool = False, outside_django: bool = False) -> StreamStart:
    """Shared by the ASGI fast path (newsdesk.liveblogs.asgi) and the documented API route.

    `request_headers` (lower-case names) tell whether a GRIP proxy (Pushpin) forwarded the request;
    `recover` marks the proxy's own request for what a held reader missed (position in Grip-Last).
    `direct`: the caller serves a live stream with `follow_direct` (answer's `follow`), else `events`.
    """
    headers = request_headers or {}
    through_proxy = getattr(realtime.backend(), "holds_connections", False) and grip.is_grip_request(
        headers, settings.GRIP_SIG_KEY)
    if recover and through_proxy:
        raw_last_event_id = None
    try:
        last_seq = parse_seq(raw_last_event_id, "Last-Event-ID")
    except InvalidInput as exc:
        return StreamStart(422, exc.message)
    # Readers connecting at once share the lookup (a connect storm: the same newsblog, thousands of times).
    blog = await _shared(("blog", slug), _find_open_state, slug, outside_django)
    if blog is None:
        return StreamStart(404, _("No newsblog with the address '%(slug)s'.") % {"slug": slug})
    if through_proxy:
        if recover:
            try:
                last_seq = parse_seq(grip.last_ids(headers).get(blog.channel), "Grip-Last")
            except InvalidInput as exc:
                return StreamStart(422, exc.message)
        if not recover and blog.last_seq - last_seq > RESUME_MAX_EVENTS:
            # Far behind (back after an outage): the JSON catch-up, not thousands of frames, and no hold; the
            # page reloads. A recovery request (`recover`) is the proxy filling a gap: it gets the events.
            follow = Follow(blog.pk, blog.channel, last_seq, blog.slug, blog.last_seq)
            return StreamStart(200, body=jittered_retry_frame() + catchup_frame(follow),
                               headers=list(EVENT_STREAM_HEADERS))
        return await _grip_answer(blog, last_seq, first=not recover, heartbeat=heartbeat)
    if not blog.is_open and last_seq >= blog.last_seq:
        return StreamStart(204)
    follow = Follow(blog.pk, blog.channel, last_seq, blog.slug, blog.last_seq)
    if direct:
        return StreamStart(200, follow=follow)
    if blog.last_seq - last_seq > RESUME_MAX_EVENTS:  # the queued path too: the JSON catch-up, not the log
        return StreamStart(200, body=jittered_retry_frame() + catchup_frame(follow),
                           headers=list(EVENT_STREAM_HEADERS))
    return StreamStart(200, events=liveblog_events(blog.pk, blog.channel, last_seq, heartbeat=heartbeat))


async def _grip_answer(blog: LiveBlog, last_seq: int, *, first: bool, heartbeat: float) -> StreamStart:
    """The backlog, and (while the newsblog is open) the instruction to hold the stream from there.

    A backlog longer than GRIP_BACKLOG_MAX is cut there and held with `prev-id` at the cut: the channel's
    newer ids then do not match, so the proxy asks the recovery link for the rest.
    """
    chunks = [jittered_retry_frame()] if first else []
    closed = not blog.is_open
    while len(chunks) < GRIP_BACKLOG_MAX:
        batch = await _events_after(blog.pk, last_seq)
        for message in batch:
            if message["seq"] > last_seq:
                last_seq = message["seq"]
                chunks.append(sse.frame(message))
                closed = closed or message["type"] == CLOSED
        if len(batch) < EVENTS_PAGE_MAX:
            break
    RESUME_BACKLOG.labels("proxy").observe(len(chunks) - (1 if first else 0))
    headers = list(EVENT_STREAM_HEADERS)
    if not closed:  # closed: no hold, the proxy sends the backlog and ends the response
        next_link = reverse("api:entry_stream", kwargs={"slug": blog.slug}) + "?recover=true"
        headers += grip.hold_stream_headers(channel=blog.channel, last_id=last_seq, next_link=next_link,
                                            keep_alive=sse.HEARTBEAT, keep_alive_seconds=max(1, int(heartbeat)))
    return StreamStart(200, body=b"".join(chunks), headers=headers)


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

    async with realtime.subscribe(channel, heartbeat=heartbeat) as subscription:
        yield jittered_retry_frame()
        resync = True
        while True:
            if resync:
                subscription.drain()
                async for message in missed():
                    yield sse.frame(message)
                    if message["type"] == CLOSED:
                        return
                resync = False
            message = await subscription.get()
            if message is realtime.HEARTBEAT:
                yield sse.HEARTBEAT
                continue
            if message is None or subscription.needs_resync or message.data.get("seq", 0) > last + 1:
                resync = True
                continue
            if message.data["seq"] <= last:
                continue
            last = message.data["seq"]
            encoded = message.memo.get("sse")
            if encoded is None:
                encoded = message.memo["sse"] = sse.frame(message.data, message.raw)
            yield encoded
            if message.data["type"] == CLOSED:
                return


def catchup_frame(follow: Follow) -> bytes:
    """Tells a reader far behind where to catch up in pages (JSON, 500 events each) instead of the stream."""
    url = reverse("api:entry_events", kwargs={"slug": follow.slug}) + f"?since={follow.last_seq}"
    return sse.frame({"type": CATCHUP, "since": follow.last_seq, "latest": follow.latest_seq, "url": url})


def _body(frame: bytes) -> dict:
    return {"type": "http.response.body", "body": frame, "more_body": True}


async def follow_direct(follow: Follow, send, receive, *, heartbeat: float) -> str:
    """Serve one reader through the direct fan-out (realtime.fanout) after the response has started.

    Same order as `liveblog_events`: attach first, then the backlog after the reader's position, then
    live; the writer hands the reader back here when it sees a gap or a broker reconnect. Returns why it
    ended: realtime.Wake.DISCONNECT, DROP (could not keep up), or "closed" (the newsblog was closed).
    """
    if follow.latest_seq - follow.last_seq > RESUME_MAX_EVENTS:
        await send(_body(jittered_retry_frame()))
        await send(_body(catchup_frame(follow)))
        return CATCHUP
    sink = realtime.Sink(follow.channel, send, receive, follow.last_seq)
    backend = realtime.backend()
    await backend.attach(sink, heartbeat_seconds=heartbeat)
    try:
        await send(_body(jittered_retry_frame()))  # also tells clients they are subscribed
        first = True
        while True:
            sent_from_log = 0
            while True:
                sink.missed = False
                batch = await _events_after(follow.liveblog_id, sink.last)
                for message in batch:
                    if message["seq"] > sink.last:
                        await send(_body(sse.frame(message)))
                        sink.last = message["seq"]
                        sent_from_log += 1
                        if message["type"] == CLOSED:
                            return CLOSED
                if len(batch) < EVENTS_PAGE_MAX and not sink.missed:
                    break
            if first:
                RESUME_BACKLOG.labels("direct").observe(sent_from_log)
                first = False
            batch = message = None  # not kept for the hours the reader waits
            # No await between the last check and going live: the writer cannot slip in between.
            reason = await sink.wait()
            if reason != realtime.Wake.RESYNC:
                return reason
    finally:
        backend.detach(sink)
