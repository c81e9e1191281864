from __future__ import annotations

from typing import Any, Protocol

from newsdesk.realtime.fanout import Sink
from newsdesk.realtime.hub import Subscription


class Backend(Protocol):
    def publish(self, channel: str, data: dict[str, Any]) -> None: ...

    async def subscribe(self, channel: str, *, heartbeat: float | None = None) -> Subscription: ...

    async def attach(self, sink: Sink, *, heartbeat_seconds: float = 0) -> None: ...

    def detach(self, sink: Sink) -> None: ...
