"""The configured backend and the two calls the rest of newsdesk uses."""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import AsyncIterator
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from newsdesk.realtime import figures
from newsdesk.realtime.backends.base import Backend
from newsdesk.realtime.fanout import Sink
from newsdesk.realtime.hub import Subscription

# Set by realtime.asgi.PublishAfterResponse while a request is answered: publish() collects there.
after_response: contextvars.ContextVar[list[tuple[str, dict[str, Any]]] | None] = contextvars.ContextVar(
    "newsdesk_realtime_after_response", default=None)


@functools.cache
def backend() -> Backend:
    return import_string(settings.REALTIME_BACKEND)()


def publish(channel: str, data: dict[str, Any]) -> None:
    """Send a message to every subscriber of the channel, in this and (per backend) other processes.

    Call it after commit (transaction.on_commit): subscribers may read the database at once. Inside a
    request served through realtime.asgi.PublishAfterResponse it goes out once the response is sent.
    """
    figures.PUBLISHED.labels(figures.channel_kind(channel)).inc()
    pending = after_response.get()
    if pending is not None:
        pending.append((channel, data))
        return
    backend().publish(channel, data)


@contextlib.asynccontextmanager
async def subscribe(channel: str, *, heartbeat: float | None = None) -> AsyncIterator[Subscription]:
    """Messages published from now on; active before the block starts, so read your backlog inside.

    With `heartbeat`, the subscription yields realtime.HEARTBEAT whenever it was idle that many seconds.
    """
    subscription = await backend().subscribe(channel, heartbeat=heartbeat)
    try:
        yield subscription
    finally:
        subscription.close()


@contextlib.asynccontextmanager
async def attached(sink: Sink, *, heartbeat_seconds: float = 0) -> AsyncIterator[Sink]:
    """A direct reader (realtime.fanout) for the block: attached before it starts, so read the backlog inside."""
    await backend().attach(sink, heartbeat_seconds=heartbeat_seconds)
    try:
        yield sink
    finally:
        backend().detach(sink)
