"""Work the answer need not wait for: run once the response is sent (ASGI), or at once elsewhere.

An editor's entry POST indexed the entry for search and the newsblog for related news after its commit, inside
the request: 37 % of the service's time (cProfile, 40 POSTs). Search can learn of the entry a few milliseconds
after the editor and the readers do. Wrapped in `RunAfterResponse`, a request's deferred work runs after its
response (and after realtime.asgi's publishes, which it wraps), on a worker thread, in the order deferred; a
failure is logged and touches neither the answer nor the rest of the work. Outside a request (tests with
Django's client, management commands, the worker) `defer` runs the work at once.

A process that dies between the answer and the work loses it: only derived data may be deferred (a search
document, a related-news vector), never anything `search reindex` or a refit could not rebuild.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from asgiref.sync import sync_to_async
from django.db import close_old_connections

logger = logging.getLogger(__name__)

_pending: contextvars.ContextVar[list[Callable[[], object]] | None] = contextvars.ContextVar(
    "newsdesk_after_response", default=None)


def defer(work: Callable[[], object]) -> None:
    """Run `work` after the current response is sent; at once when there is no response to wait for."""
    pending = _pending.get()
    if pending is None:
        work()
        return
    pending.append(work)


def _run(work: list[Callable[[], object]]) -> None:
    try:
        for item in work:
            try:
                item()
            except Exception:
                logger.exception("Work deferred until after the response failed: %r", item)
    finally:
        close_old_connections()  # as at the end of a request: a pooled connection goes back to its pool


class CollectDuringRequest:
    """ASGI middleware: a fresh list in `pending` while the inner app answers an HTTP request, then
    `await flush(items)` once it has answered (when anything was collected). realtime.asgi's publishes and
    this module's deferred work are both collected this way."""

    def __init__(self, app: Any, pending: contextvars.ContextVar, flush: Callable[[list], Awaitable[None]]) -> None:
        self.app = app
        self.pending = pending
        self.flush = flush

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        items: list = []
        token = self.pending.set(items)
        try:
            await self.app(scope, receive, send)
        finally:
            self.pending.reset(token)
            if items:
                await self.flush(items)


async def _run_on_worker_thread(work: list[Callable[[], object]]) -> None:
    await sync_to_async(_run, thread_sensitive=True)(work)


def RunAfterResponse(app: Any) -> CollectDuringRequest:
    """ASGI middleware: what the request defers runs after the inner app has answered."""
    return CollectDuringRequest(app, _pending, _run_on_worker_thread)
