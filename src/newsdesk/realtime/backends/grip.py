"""Pushpin (GRIP): the proxy holds the readers' connections; each change is one POST to it."""

from __future__ import annotations

import logging
import threading
import urllib.error
from typing import Any

from django.conf import settings

from newsdesk.realtime import grip, sse
from newsdesk.realtime.fanout import Sink
from newsdesk.realtime.hub import LocalHub, Message, Subscription

logger = logging.getLogger(__name__)


class GripBackend:
    # Stream views answer requests that came through the proxy with GRIP instructions.
    holds_connections = True

    def __init__(self, control_url: str | None = None, *, recover_every: float = 1.0) -> None:
        self.control_url = control_url or settings.GRIP_URL
        # Readers connected to this process directly (not through the proxy) are still served.
        self.hub = LocalHub()
        self.recover_every = recover_every
        self._recovering = threading.Lock()
        self._recovery_wanted = threading.Event()

    def publish(self, channel: str, data: dict[str, Any]) -> None:
        message = Message.from_data(channel, data)
        self.hub.dispatch(message)
        seq = data.get("seq")
        # id and prev-id let the proxy notice a lost or reordered message and recover it from us.
        item = grip.stream_item(
            channel, sse.frame(data, message.raw),
            item_id=str(seq) if isinstance(seq, int) else None,
            prev_id=str(seq - 1) if isinstance(seq, int) and seq > 1 else None,
        )
        try:
            grip.publish(self.control_url, [item])
        except (urllib.error.URLError, OSError):
            # Committed and in the event log, but a reader the proxy holds at an older id would only notice the
            # gap with the channel's next message, which may be long in coming: ask the proxy to recover as soon
            # as it answers again.
            logger.exception("Could not publish to the GRIP proxy at %s", self.control_url)
            self._recover_when_back()

    def _recover_when_back(self) -> None:
        self._recovery_wanted.set()
        if not self._recovering.acquire(blocking=False):
            return  # a recovery thread is already waiting for the proxy
        threading.Thread(target=self._recover_loop, name="grip-recover", daemon=True).start()

    def _recover_loop(self) -> None:
        try:
            while self._recovery_wanted.is_set():
                try:
                    self._recovery_wanted.clear()
                    grip.recover(self.control_url)
                    logger.warning("The GRIP proxy at %s answers again: asked it to recover missed messages",
                                   self.control_url)
                except (urllib.error.URLError, OSError):
                    self._recovery_wanted.set()
                    threading.Event().wait(self.recover_every)
        finally:
            self._recovering.release()
        if self._recovery_wanted.is_set():  # a publish failed between the last try and the release
            self._recover_when_back()

    async def subscribe(self, channel: str, *, heartbeat: float | None = None) -> Subscription:
        return self.hub.add(channel, heartbeat=heartbeat)

    async def attach(self, sink: Sink, *, heartbeat_seconds: float = 0) -> None:
        self.hub.attach(sink, heartbeat_seconds=heartbeat_seconds)

    def detach(self, sink: Sink) -> None:
        self.hub.direct.detach(sink)
