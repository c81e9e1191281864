"""Pushpin (GRIP): the proxy holds the readers' connections; each change is one POST to it."""

from __future__ import annotations

import heapq
import logging
import threading
import time
import urllib.error
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connections

from newsdesk.realtime import grip, positions, sse
from newsdesk.realtime.fanout import Sink
from newsdesk.realtime.hub import LocalHub, Message, Subscription

logger = logging.getLogger(__name__)

# A reader's first hold is not subscribed at the proxy until the proxy has our answer: in a connect storm (a
# Pushpin restart, 2,000 readers) that took seconds, and an entry published meanwhile was not noticed (the
# proxy checks a new hold's prev-id only against a channel id it still knows). The reader then waited for the
# channel's next entry, or Pushpin's 120 s next-link timeout (CI, stack test: up to 921 of 2,000 readers
# missed the last entry). So each published position is confirmed this many seconds later with a beacon
# (grip.position_item): stale holds ask the recovery link, current ones get a comment. Rechecking every hold
# with a next-link timeout instead stalled deliveries: Pushpin runs such updates at 1,000 sessions a second.
BEACON_DELAYS = (2.0, 8.0)


class PositionBeacons:
    """Sends `beacon(channel, seq)` after each delay unless the channel has moved on (here or in the log)."""

    def __init__(self, beacon: Callable[[str, int], None], delays: tuple[float, ...] = BEACON_DELAYS) -> None:
        self.beacon = beacon
        self.delays = delays
        self._due: list[tuple[float, str, int]] = []
        self._latest: dict[str, int] = {}
        self._wakeup = threading.Condition()
        self._thread: threading.Thread | None = None

    def schedule(self, channel: str, seq: int) -> None:
        with self._wakeup:
            self._latest[channel] = max(seq, self._latest.get(channel, seq))
            now = time.monotonic()
            for delay in self.delays:
                heapq.heappush(self._due, (now + delay, channel, seq))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="grip-beacons", daemon=True)
                self._thread.start()
            self._wakeup.notify()

    def _run(self) -> None:
        while True:
            with self._wakeup:
                while not self._due or self._due[0][0] > time.monotonic():
                    self._wakeup.wait(None if not self._due else self._due[0][0] - time.monotonic())
                _due, channel, seq = heapq.heappop(self._due)
                if self._latest.get(channel, seq) > seq:
                    continue  # this process published a newer entry since, with beacons of its own
            try:
                # Another process may have published a newer one: a beacon behind it would send every
                # reader to the recovery link.
                if positions.current(channel) == seq:
                    self.beacon(channel, seq)
            except Exception:
                logger.exception("Position beacon for %s at %s failed", channel, seq)
            finally:
                connections.close_all()  # this thread's connections only; a pooled one goes back


class GripBackend:
    # Stream views answer requests that came through the proxy with GRIP instructions.
    holds_connections = True

    def __init__(self, control_url: str | None = None, *, recover_every: float = 1.0,
                 beacon_delays: tuple[float, ...] = BEACON_DELAYS) -> None:
        self.control_url = control_url or settings.GRIP_URL
        # Readers connected to this process directly (not through the proxy) are still served.
        self.hub = LocalHub()
        self.recover_every = recover_every
        self._recovering = threading.Lock()
        self._recovery_wanted = threading.Event()
        self.beacons = PositionBeacons(self._send_beacon, beacon_delays)

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
            if isinstance(seq, int):
                self.beacons.schedule(channel, seq)
        except (urllib.error.URLError, OSError):
            # Committed and in the event log, but a reader the proxy holds at an older id would only notice the
            # gap with the channel's next message, which may be long in coming: ask the proxy to recover as soon
            # as it answers again.
            logger.exception("Could not publish to the GRIP proxy at %s", self.control_url)
            self._recover_when_back()

    def _send_beacon(self, channel: str, seq: int) -> None:
        grip.publish(self.control_url, [grip.position_item(channel, seq)])

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
