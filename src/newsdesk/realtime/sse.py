"""Server-sent-event framing, shared by every way newsdesk streams (direct, or through Pushpin)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any


def encode(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def frame(data: dict[str, Any], raw: str | None = None) -> bytes:
    """One SSE frame; messages that carry `seq` and `type` use them as the event id and name."""
    lines = []
    if "seq" in data:
        lines.append(f"id: {data['seq']}")
    if "type" in data:
        lines.append(f"event: {data['type']}")
    lines.append(f"data: {raw if raw is not None else encode(data)}")
    return ("\n".join(lines) + "\n\n").encode()


def retry_frame(milliseconds: int) -> bytes:
    return f"retry: {milliseconds}\n\n".encode()


HEARTBEAT = b": heartbeat\n\n"


async def live_frames(channel: str, heartbeat: float, *, retry_ms: int = 3000) -> AsyncIterator[bytes]:
    """SSE frames of what is published on `channel` from now on (no backlog), with a heartbeat when quiet."""
    from newsdesk.realtime.broker import subscribe  # the hub imports this module: import late

    async with subscribe(channel) as subscription:
        yield retry_frame(retry_ms)
        while True:
            try:
                async with asyncio.timeout(heartbeat):
                    message = await subscription.get()
            except TimeoutError:
                yield HEARTBEAT
                continue
            if message is not None:
                yield frame(message.data, message.raw)
