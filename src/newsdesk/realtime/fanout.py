"""Direct fan-out: one writer per channel and event loop writes each frame to every connection itself.

The queue-per-reader path (hub.Subscription) costs, per reader and message, a queue put, a task wake-up
and a generator chain (about 40 µs in the profile of issue 18). Here a connection that is up to date
is a `Sink` in its channel's `ChannelWriter`; a message is encoded once, and the writer steps each
connection's ASGI `send` coroutine once, on the spot, without a task. uvicorn's `send` only suspends
when the connection's write buffer is full (the reader cannot keep up): such a reader is dropped
(it reconnects with Last-Event-ID and resumes from the log), so it never blocks the others.

Sequence numbers in a channel are contiguous (1, 2, 3, ...): a sink that sees a gap, or a message that
arrives while it is still reading its backlog, goes back to its own task to catch up from the durable
log first. Its `last` only grows, so nothing is sent twice.

The sink's own task waits on ASGI `receive` (the disconnect). The writer wakes it by cancelling that
wait with a reason set (no second task or future per reader); the task takes the cancellation back.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)

# Connections written per loop callback: between two slices the loop serves other requests (the
# editor's POST answer), so a message to 10,000 readers never holds the loop for the whole fan-out.
SLICE = 1000


class Wake:
    RESYNC = "resync"  # a gap or a broker reconnect: catch up from the log
    DROP = "drop"  # could not keep up: end the response, the client resumes
    DISCONNECT = "disconnect"


class Sink:
    """One reader connection: its ASGI send and receive, and the last sequence number it got."""

    __slots__ = ("_reason", "channel", "last", "live", "missed", "receive", "send", "task")

    def __init__(self, channel: str, send: Callable[[dict], Awaitable[None]],
                 receive: Callable[[], Awaitable[dict]], last: int) -> None:
        self.channel = channel
        self.send = send
        self.receive = receive
        self.last = last
        # live: the writer sends to it; otherwise its own task is catching up and `missed` tells it
        # that something arrived meanwhile.
        self.live = False
        self.missed = False
        self.task: asyncio.Task | None = None
        self._reason: str | None = None

    def write_now(self, message: dict) -> bool:
        """Runs `send` to its first suspension. False: the connection's buffer is full (or it broke)."""
        coroutine = self.send(message)
        try:
            coroutine.send(None)
        except StopIteration:
            return True
        except Exception:  # a broken connection: its task sees the disconnect
            return False
        coroutine.close()  # suspended before writing (uvicorn waits for the buffer to drain first)
        return False

    def wake(self, reason: str) -> None:
        """Called by the writer for a live sink waiting in `wait`."""
        if not self.live:
            self.missed = True
            return
        self.live = False
        self._reason = reason
        if self.task is not None:
            self.task.cancel()

    async def wait(self) -> str:
        """Live until the writer or the client ends it: one of the Wake reasons."""
        self.task = asyncio.current_task()
        self.live = True
        try:
            while True:
                try:
                    message = await self.receive()
                except asyncio.CancelledError:
                    if self._reason is None:
                        raise  # a real cancellation (server shutdown)
                    if self.task is not None:
                        self.task.uncancel()
                    return self._reason
                if message["type"] == "http.disconnect":
                    return Wake.DISCONNECT
        finally:
            self.live = False
            self._reason = None


class ChannelWriter:
    """The sinks of one channel on one event loop, and the messages still being written to them."""

    def __init__(self, loop: asyncio.AbstractEventLoop, channel: str) -> None:
        self.loop = loop
        self.channel = channel
        self.sinks: set[Sink] = set()
        self._pending: collections.deque[tuple[int | None, dict, float | None]] = collections.deque()
        self._cursor: list[Sink] | None = None
        self._position = 0
        self._scheduled = False
        self.last_write = loop.time()
        self.on_sent: Callable[[int, float], None] | None = None

    def publish(self, seq: int | None, frame: bytes, published_at: float | None = None) -> None:
        """Queue one encoded frame for every sink; `seq` None is a heartbeat (no position)."""
        message = {"type": "http.response.body", "body": frame, "more_body": True}
        self._pending.append((seq, message, published_at))
        self.last_write = self.loop.time()
        if not self._scheduled:
            self._scheduled = True
            self.loop.call_soon(self._run)

    def resync_all(self) -> None:
        for sink in list(self.sinks):
            sink.wake(Wake.RESYNC)

    def _run(self) -> None:
        budget = SLICE
        while self._pending:
            seq, message, published_at = self._pending[0]
            if self._cursor is None:
                self._cursor, self._position = list(self.sinks), 0
            end = min(len(self._cursor), self._position + budget)
            for sink in self._cursor[self._position:end]:
                if not sink.live:
                    if seq is not None:
                        sink.missed = True
                    continue
                if seq is not None:
                    if seq <= sink.last:
                        continue
                    if seq != sink.last + 1:
                        sink.wake(Wake.RESYNC)
                        continue
                if not sink.write_now(message):
                    sink.wake(Wake.DROP)
                    continue
                if seq is not None:
                    sink.last = seq
            budget -= end - self._position
            self._position = end
            if self._position < len(self._cursor):
                self.loop.call_soon(self._run)
                return
            self._pending.popleft()
            if seq is not None and self.on_sent is not None and published_at is not None:
                self.on_sent(len(self._cursor), time.time() - published_at)
            self._cursor = None
            if budget <= 0 and self._pending:
                self.loop.call_soon(self._run)
                return
        self._scheduled = False


class DirectFanout:
    """The channel writers of one process, per event loop (uvicorn runs one loop per process)."""

    def __init__(self) -> None:
        self._writers: dict[asyncio.AbstractEventLoop, dict[str, ChannelWriter]] = {}
        self._tickers: dict[asyncio.AbstractEventLoop, asyncio.Task] = {}
        self.on_sent: Callable[[int, float], None] | None = None

    def attach(self, sink: Sink, *, heartbeat: bytes | None = None, heartbeat_seconds: float = 0) -> None:
        loop = asyncio.get_running_loop()
        writers = self._writers.setdefault(loop, {})
        writer = writers.get(sink.channel)
        if writer is None:
            writer = writers[sink.channel] = ChannelWriter(loop, sink.channel)
            writer.on_sent = self.on_sent
        writer.sinks.add(sink)
        if heartbeat and heartbeat_seconds and (loop not in self._tickers or self._tickers[loop].done()):
            self._tickers[loop] = loop.create_task(self._heartbeats(loop, heartbeat, heartbeat_seconds),
                                                   name="newsdesk-fanout-heartbeat")

    def detach(self, sink: Sink) -> None:
        with contextlib.suppress(RuntimeError):
            writers = self._writers.get(asyncio.get_running_loop(), {})
            writer = writers.get(sink.channel)
            if writer is not None:
                writer.sinks.discard(sink)
                if not writer.sinks and not writer._pending:
                    del writers[sink.channel]

    def dispatch_on_loop(self, loop: asyncio.AbstractEventLoop, channel: str | None, seq: int | None,
                         frame: bytes | None, published_at: float | None = None) -> None:
        """On `loop`: a message for one channel, or (channel None) a resync of every sink."""
        writers = self._writers.get(loop)
        if not writers:
            return
        if channel is None:
            for writer in writers.values():
                writer.resync_all()
            return
        writer = writers.get(channel)
        if writer is not None and frame is not None:
            writer.publish(seq, frame, published_at)

    def loops(self) -> list[asyncio.AbstractEventLoop]:
        return list(self._writers)

    def counts(self) -> dict[str, int]:
        """Connected sinks per channel, over all loops."""
        result: dict[str, int] = collections.Counter()
        for writers in list(self._writers.values()):
            for channel, writer in list(writers.items()):
                result[channel] += len(writer.sinks)
        return dict(result)

    async def _heartbeats(self, loop: asyncio.AbstractEventLoop, frame: bytes, seconds: float) -> None:
        # One timer per loop: a channel idle for `seconds` gets one heartbeat frame for all its sinks.
        while self._writers.get(loop):
            await asyncio.sleep(max(0.02, seconds / 2))
            now = loop.time()
            for writer in list(self._writers.get(loop, {}).values()):
                if now - writer.last_write >= seconds:
                    writer.publish(None, frame)
