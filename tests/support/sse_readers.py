"""Many SSE readers in one process, behaving like EventSource (for the stack test and bench/push_latency.py).

Each reader reconnects after a refused or dropped connection with Last-Event-ID set to the last id it got,
and records (id, monotonic time) of every frame. Chunks are scanned for frame ids instead of parsed line by
line: the readers share the machine's cores with the servers.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import random
import resource
import time


def raise_fd_limit() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def read_stream(host: str, port: int, path: str, last_id: int, received: list, ready: list,
                      retries: list, connects: list | None = None) -> None:
    """One reader, behaving like EventSource: on a refused or dropped connection it waits a moment and
    reconnects with Last-Event-ID set to the last id it got. `ready` gets an item once subscribed;
    `connects` the (monotonic time, Last-Event-ID) of every answered connection."""
    while True:
        with contextlib.suppress(ConnectionError, OSError):
            await _read_once(host, port, path, last_id, received, ready, connects)
        if received:
            last_id = received[-1][0]
        retries.append(1)
        await asyncio.sleep(random.uniform(0.5, 2.0))


async def _read_once(host: str, port: int, path: str, last_id: int, received: list, ready: list,
                     connects: list | None = None) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
        f"Last-Event-ID: {last_id}\r\nConnection: keep-alive\r\n\r\n".encode()
    )
    await writer.drain()
    status = await reader.readline()
    while await reader.readline() not in (b"\r\n", b""):
        pass  # response headers
    if b" 200 " not in status:
        writer.close()
        return
    if connects is not None:
        connects.append((time.monotonic(), last_id))
    # Chunks are scanned for frame ids instead of parsed line by line: the readers share the
    # machine's two cores with the server, and every cycle they spend is one the server lacks.
    buffer = b""
    try:
        while chunk := await reader.read(65536):
            buffer += chunk
            now = time.monotonic()
            start = 0
            while (found := buffer.find(b"\nid: ", start)) != -1:
                end = buffer.find(b"\n", found + 5)
                if end == -1:
                    break
                received.append((int(buffer[found + 5:end]), now))
                start = end
            if not ready and b"retry:" in buffer:
                ready.append(1)  # the server has subscribed this reader
            buffer = buffer[start:] if start else buffer[-64:]
    finally:
        writer.close()


async def reader_process_main(host: str, port: int, path: str, count: int, last_id: int, conn, stop) -> None:
    raise_fd_limit()
    received: list[list] = [[] for _ in range(count)]
    ready: list[list] = [[] for _ in range(count)]
    connects: list[list] = [[] for _ in range(count)]
    retries: list = []
    tasks = []
    for index in range(count):
        tasks.append(asyncio.create_task(
            read_stream(host, port, path, last_id, received[index], ready[index], retries, connects[index])))
        if index % 200 == 199:
            await asyncio.sleep(0.05)  # do not overrun the listen backlog
    deadline = time.monotonic() + 120
    while sum(map(len, ready)) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    conn.send(("ready", sum(map(len, ready)), len(retries)))
    # The readers are the measuring instrument: a full collection over thousands of reader tasks held one
    # process for about 100 ms and showed up as one entry's "latency" (the server had written it long before).
    gc.freeze()
    gc.disable()
    while not stop.is_set():
        await asyncio.sleep(0.1)
    gc.enable()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    conn.send(("done", received, connects))


def reader_process(*args) -> None:
    asyncio.run(reader_process_main(*args))


