"""A real SMTP server for the mail tests (aiosmtpd in a thread on a free localhost port).

It keeps what it accepted, and can misbehave on purpose: answer 4xx for the first N attempts, refuse one
address with 550, or call a hook (e.g. kill the worker) after it accepted a mail but before it answers 250 -
the one window where plain SMTP cannot tell the client whether the mail arrived.
"""

from __future__ import annotations

import os
import socket
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class SinkHandler:
    temporary_failures: int = 0  # answer the first N DATA commands with a 4xx
    temporary_code: str = "451 4.3.0 Try again later"
    refuse: set[str] = field(default_factory=set)  # answer RCPT for these addresses with 550
    ledger: Path | None = None  # Message-IDs appended (and flushed) before the 250: the relay's log
    # Runs with (server, mail) after storing a mail, before the 250; server.transport.close() drops the session.
    after_accept: Callable[[object, Received], None] | None = None
    received: list[Received] = field(default_factory=list)
    attempts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.attempts += 1
            if self.attempts <= self.temporary_failures:
                return self.temporary_code
            item = Received(envelope.mail_from, list(envelope.rcpt_tos),
                            message_from_bytes(envelope.content, policy=policy.default))
            self.received.append(item)
            if self.ledger is not None:
                with self.ledger.open("a") as ledger:
                    ledger.write(item.message_id + "\n")
                    ledger.flush()
                    os.fsync(ledger.fileno())
        if self.after_accept is not None:
            self.after_accept(server, item)
        return "250 2.0.0 Ok: queued"

    def per_recipient(self) -> Counter[str]:
        return Counter(rcpt for item in self.received for rcpt in item.rcpt_tos)

    def message_ids(self) -> Counter[str]:
        return Counter(item.message_id for item in self.received)


class SmtpSink:
    def __init__(self, handler: SinkHandler | None = None, port: int | None = None) -> None:
        self.handler = handler or SinkHandler()
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname=HOST, port=self.port, ready_timeout=10)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        return self.handler.received
