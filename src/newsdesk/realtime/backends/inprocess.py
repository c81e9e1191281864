from __future__ import annotations

from typing import Any

from newsdesk.realtime.fanout import Sink
from newsdesk.realtime.hub import LocalHub, Message, Subscription


class InProcessBackend:
    """One server process: messages go straight to this process's subscribers."""

    publishes_in_memory = True  # publish() only schedules the fan-out (realtime.asgi)

    def __init__(self) -> None:
        self.hub = LocalHub()

    def publish(self, channel: str, data: dict[str, Any]) -> None:
        self.hub.dispatch(Message.from_data(channel, data))

    async def subscribe(self, channel: str, *, heartbeat: float | None = None) -> Subscription:
        return self.hub.add(channel, heartbeat=heartbeat)

    async def attach(self, sink: Sink, *, heartbeat_seconds: float = 0) -> None:
        self.hub.attach(sink, heartbeat_seconds=heartbeat_seconds)

    def detach(self, sink: Sink) -> None:
        self.hub.direct.detach(sink)
