"""The direct raw reference for bench/push_latency.py: a bare ASGI app that writes each message to every
connection itself, with no database, no framework and no resume. It answers the paths the benchmark's
harness uses, so both run against the very same readers:

    GET  /api/v1/liveblogs/<slug>            {"last_seq": N}
    GET  /api/v1/liveblogs/<slug>/events     text/event-stream (retry first, then live frames)
    POST /api/v1/liveblogs/<slug>/entries    201 {"seq": N}; the fan-out runs after the answer

    uvicorn bench.push_reference:app --http httptools --loop uvloop

The frames carry a payload of the size newsdesk sends for the benchmark's entries (an entry rendered as
HTML in both languages inside the event's JSON), so both write the same bytes: bench/push_latency.py measures
one of newsdesk's frames and passes its length as PUSH_REFERENCE_FRAME_BYTES.
"""

from __future__ import annotations

import asyncio
import json
import os
import time

_connections: set = set()
_fanouts: set = set()  # running broadcasts, referenced until done
_state = {"seq": 0}
FRAME_BYTES = int(os.environ.get("PUSH_REFERENCE_FRAME_BYTES") or "1700")


async def _broadcast(frame: bytes) -> None:
    message = {"type": "http.response.body", "body": frame, "more_body": True}
    for send in list(_connections):
        try:
            await send(message)
        except OSError:
            _connections.discard(send)


async def _json(send, status: int, payload: dict) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _read_body(receive) -> bytes:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


async def app(scope, receive, send) -> None:
    if scope["type"] != "http":
        return
    path, method = scope["path"], scope["method"]
    if method == "GET" and path.endswith("/events"):
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache")]})
        await send({"type": "http.response.body", "body": b"retry: 2000\n\n", "more_body": True})
        _connections.add(send)
        try:
            while (await receive())["type"] != "http.disconnect":
                pass
        finally:
            _connections.discard(send)
        return
    if method == "POST" and path.endswith("/entries"):
        entry = json.loads(await _read_body(receive) or b"{}")
        _state["seq"] += 1
        seq = _state["seq"]
        data = json.dumps({"seq": seq, "type": "entry.created", "at": time.time(),
                           "entry": {"id": seq, "html": f"<article><p>{entry.get('body', '')}</p></article>"}},
                          ensure_ascii=False)
        frame = f"id: {seq}\nevent: entry.created\ndata: {data}\n\n".encode()
        # Padded inside the JSON string, so readers parse as many bytes as newsdesk's frame has.
        padding = max(0, FRAME_BYTES - len(frame))
        frame = frame.replace(b"</article>", b"x" * padding + b"</article>", 1)
        await _json(send, 201, {"seq": seq})
        task = asyncio.ensure_future(_broadcast(frame))  # the answer first, then the fan-out
        _fanouts.add(task)
        task.add_done_callback(_fanouts.discard)
        return
    if method == "GET" and path.startswith("/api/v1/liveblogs/"):
        await _json(send, 200, {"last_seq": _state["seq"]})
        return
    await _json(send, 404, {"detail": "not found"})
