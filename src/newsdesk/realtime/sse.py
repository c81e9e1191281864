"""Server-sent-event framing, shared by every way newsdesk streams (direct, or through Pushpin)."""

from __future__ import annotations

import json
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
