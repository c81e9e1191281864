"""The desk's event stream: presence and desk chat of one newsblog, for its desk members only.

Same order as the readers' stream (liveblogs.streaming): subscribe first, then send what is stored (the
people present; the messages after Last-Event-ID), then follow live. Chat frames carry `id: <message id>`,
so a browser that reconnects resumes after the last message it got; presence frames carry no id (presence
is a state, sent whole each time).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

from newsdesk import realtime
from newsdesk.desk import selectors
from newsdesk.desk.models import DeskMessage
from newsdesk.desk.permissions import is_desk_member
from newsdesk.desk.services import desk_channel
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.liveblogs.streaming import jittered_retry_frame
from newsdesk.realtime import grip, sse


def frame(data: dict, *, event: str, event_id: int | None = None) -> bytes:
    lines = [] if event_id is None else [f"id: {event_id}"]
    lines += [f"event: {event}", f"data: {sse.encode(data)}"]
    return ("\n".join(lines) + "\n\n").encode()


def _still_member(user_id: int, liveblog_id: int) -> bool:
    user = get_user_model().objects.filter(pk=user_id).first()
    blog = LiveBlog.objects.filter(pk=liveblog_id).first()
    return user is not None and blog is not None and is_desk_member(user, blog)


def _newest_message_id(liveblog_id: int) -> int:
    newest = DeskMessage.objects.filter(liveblog_id=liveblog_id).order_by("-id").values_list("id", flat=True)
    return newest.first() or 0


def _opening(liveblog_id: int, last: int | None) -> list[bytes]:
    """Who is present and (after a reconnect) the messages missed: the start of every desk stream."""
    blog = LiveBlog(pk=liveblog_id)
    chunks = [frame({"type": "desk.presence", "people": selectors.presence(blog)}, event="desk.presence")]
    if last is not None:
        chunks += [frame(message, event="desk.message", event_id=message["id"])
                   for message in selectors.messages_after(liveblog_id, last)]
    return chunks


def grip_opening(liveblog: LiveBlog, last: int | None, *, next_link: str,
                 heartbeat: float) -> tuple[bytes, list[tuple[str, str]]]:
    """Through Pushpin: the opening frames and the instruction to hold the desk channel from here on.

    Pushpin then appends what is published on the desk channel (realtime.backends.grip), across all server
    processes. Only a desk member gets this answer, and only the channel chosen here is held.
    """
    body = jittered_retry_frame() + b"".join(_opening(liveblog.pk, last))
    headers = grip.hold_stream_headers(channel=desk_channel(liveblog), last_id=None, next_link=next_link,
                                       keep_alive=sse.HEARTBEAT, keep_alive_seconds=max(1, int(heartbeat)))
    return body, headers


async def desk_events(liveblog: LiveBlog, user, last_id: int | None, *, heartbeat: float) -> AsyncIterator[bytes]:
    last = last_id

    async def missed() -> AsyncIterator[bytes]:
        nonlocal last
        for message in await sync_to_async(selectors.messages_after)(liveblog.pk, last):
            last = message["id"]
            yield frame(message, event="desk.message", event_id=message["id"])

    async with realtime.subscribe(desk_channel(liveblog), heartbeat=heartbeat) as subscription:
        yield jittered_retry_frame()
        if last is None:  # a fresh page: its messages came with the HTML; from here on, nothing is missed
            last = await sync_to_async(_newest_message_id)(liveblog.pk)
        people = await sync_to_async(selectors.presence)(liveblog)
        yield frame({"type": "desk.presence", "people": people}, event="desk.presence")
        async for chunk in missed():
            yield chunk
        while True:
            message = await subscription.get()
            if message is realtime.HEARTBEAT:
                # An editor taken off the newsblog (or deactivated) stops hearing the desk within a heartbeat.
                if not await sync_to_async(_still_member)(user.pk, liveblog.pk):
                    return
                yield sse.HEARTBEAT
                continue
            if message is None or subscription.needs_resync:
                subscription.drain()
                async for chunk in missed():
                    yield chunk
                continue
            kind = message.data.get("type")
            if kind == "desk.message":
                data = message.data["message"]
                if data["id"] <= last:
                    continue
                last = data["id"]
                yield frame(data, event=kind, event_id=data["id"])
            elif kind == "desk.presence":
                yield frame(message.data, event=kind)
