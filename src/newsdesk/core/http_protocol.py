"""uvicorn's HTTP protocol with a deadline for the request head, which uvicorn itself does not have.

uvicorn times out idle keep-alive connections, but a client that sends one header line every few seconds keeps its
connection (and a file descriptor) forever: 500 such clients were all still open after 45 s in the audit. This
protocol closes a connection whose request line and headers are not complete within SERVER_HEADER_TIMEOUT seconds
of its start (or of the previous response on a kept-alive connection), and answers 431 when they grow beyond
SERVER_HEADER_MAX_BYTES. Once the headers are in, nothing changes: a server-sent-events stream stays open for hours.
"""

from __future__ import annotations

import asyncio

from django.conf import settings
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class HeaderTimeoutProtocol(HttpToolsProtocol):
    # Slots, not three more entries in the instance dict: those grew every connection's dict to the next size,
    # 1.1-1.6 KiB per held reader (tracemalloc, 2,000 readers).
    __slots__ = ("_head_bytes", "_head_complete", "_head_timer")

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = 0
        self._head_complete = False
        self._head_timer: asyncio.TimerHandle | None = None
        self._arm_head_timer(settings.SERVER_HEADER_TIMEOUT)

    def _arm_head_timer(self, seconds: float) -> None:
        self._cancel_head_timer()
        self._head_complete = False
        self._head_bytes = 0
        self._head_timer = self.loop.call_later(seconds, self._head_timed_out)

    def _cancel_head_timer(self) -> None:
        if getattr(self, "_head_timer", None) is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if not self._head_complete and not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if not self._head_complete:
            self._head_bytes += len(data)
            if self._head_bytes > settings.SERVER_HEADER_MAX_BYTES:
                self._cancel_head_timer()
                self.transport.write(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                                     b"content-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
                                     b"content-length: 33\r\n\r\nThe request headers are too long.")
                self.transport.close()
                return
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._head_complete = True
        self._cancel_head_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        pipelined = bool(self.pipeline)  # the next request's head is complete already
        super().on_response_complete()
        if not pipelined and not self.transport.is_closing():
            # The next request on this connection: the idle keep-alive time, then the same deadline for its head.
            self._arm_head_timer(self.timeout_keep_alive + settings.SERVER_HEADER_TIMEOUT)

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)
