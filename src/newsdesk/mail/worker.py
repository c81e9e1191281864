"""The worker that drains the outbox through Django's e-mail backend (SMTP in production).

Delivery guarantees
-------------------
A mail is handed to the server at most once per attempt and every outcome is committed before the next mail is
touched: claim a batch (lease) -> for each mail, in id order: send -> commit the outcome (sent / retry / bounced).

* Nothing is lost: a row leaves the outbox only as "sent" after the server answered 250 to the end of DATA;
  temporary failures (no connection, 4xx, disconnects) go back to "pending" with exponential backoff and jitter,
  and after MAIL_MAX_ATTEMPTS stay visible as "failed". A worker killed at any point leaves its claim as
  "sending"; after the lease runs out `services.recover_expired` gives the rows back.
* Nothing is sent twice - except in one window that plain SMTP cannot close by itself: after the server has
  received the final "." of DATA and before the worker has committed "sent" (the server's 250 is on the wire,
  the worker dies or the connection drops, RFC 1047). Every other crash point is safe: a mail whose DATA was not
  finished is discarded by the server, and a mail committed as sent is never claimed again.

How the window is closed
------------------------
Because a claim's mails are sent strictly one after another in id order, each outcome committed before the next
send, a dead worker's claim has at most one mail that may have reached the server: the lowest id still
"sending". Recovery marks exactly that row `in_doubt` (the others were never attempted and simply go back to
pending); a connection lost or timed out during a send marks the row in_doubt too. Before an in_doubt mail is
sent again, its key is checked:

1. MAIL_DELIVERY_CHECK (dotted path to `check(message) -> True | False | None`) asks the relay whether it already
   has the mail's Message-ID (a relay log or the API of a mail service; the tests use the SMTP sink's ledger).
   True: marked sent without sending. False: sent. None (unknown): rule 2.
2. MAIL_IN_DOUBT decides: "resend" (default: no mail is ever lost; in the rare crash in the window the recipient
   may get a second copy) or "hold" (marked failed with a note, for a person to decide: no duplicate, possibly
   no mail).

Every copy of a mail carries the same Message-ID, derived from its idempotency key, so a resent copy is
recognisable, and mail stores that deduplicate by Message-ID show it once. What cannot be guaranteed with plain
SMTP and no delivery check is both "never lost" and "never twice" for that one mail in flight; the duplicate is
bounded to one extra copy per crash (or dropped connection) and carries the same Message-ID.

A worker that is alive but slower than its lease would lose its claim to another worker; the lease is renewed
while it works (halfway through), EMAIL_TIMEOUT bounds each SMTP call, and an outcome is only committed if the
claim is still ours (otherwise the batch is abandoned with a warning).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import random
import smtplib
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import formataddr, parseaddr
from functools import cache

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import close_old_connections, connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from newsdesk.core.seo import site_name
from newsdesk.mail import services
from newsdesk.mail.models import OutboxMessage, Suppression

logger = logging.getLogger("newsdesk.mail")

IDLE_BACKOFF_MAX_SECONDS = 60.0


@dataclass
class Totals:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    bounced: int = 0
    suppressed: int = 0
    released: int = 0
    confirmed: int = 0  # in_doubt mails that the delivery check found at the relay (not sent again)
    connection_failures: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def handled(self) -> int:
        return self.sent + self.retried + self.failed + self.bounced + self.suppressed

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.sent / elapsed if elapsed > 0 else 0.0


class NoConnection(Exception):
    """The server could not be reached or refused the session (not the mail): the whole batch waits."""


class ClaimLost(Exception):
    """Our lease ran out and another worker took the batch over."""


def default_sender() -> str:
    """DEFAULT_FROM_EMAIL, named after the site identity unless the operator gave the address a name of its own
    ("Kelmsbrücker Bote <noreply@…>", not the built-in "newsdesk <…>")."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if name and name != BUILT_IN_SENDER_NAME:
        return settings.DEFAULT_FROM_EMAIL
    return formataddr((site_name(), address))


BUILT_IN_SENDER_NAME = "newsdesk"  # settings.DEFAULT_FROM_EMAIL's default


def build_email(message: OutboxMessage, connection: BaseEmailBackend | None = None) -> EmailMultiAlternatives:
    """The row as an e-mail: text body, HTML alternative (multipart/alternative), the caller's headers, and the
    Message-ID derived from the idempotency key."""
    headers = {**message.headers, "Message-ID": message.message_id}
    email = EmailMultiAlternatives(
        subject=message.subject, body=message.text, from_email=message.from_email or default_sender(),
        to=[message.recipient], headers=headers, connection=connection,
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    return email


@cache
def _delivery_check(path: str) -> Callable[[OutboxMessage], bool | None] | None:
    return import_string(path) if path else None


def delivery_check(message: OutboxMessage) -> bool | None:
    """Ask MAIL_DELIVERY_CHECK whether the relay already has this mail; None when unknown or not configured."""
    check = _delivery_check(settings.MAIL_DELIVERY_CHECK)
    if check is None:
        return None
    try:
        return check(message)
    except Exception:
        logger.exception("Delivery check failed for %s; treating delivery as unknown", message.message_id)
        return None


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(text.split())}"[:400]


def _close_quietly(backend: BaseEmailBackend) -> None:
    with contextlib.suppress(Exception):  # a broken connection may fail to QUIT; it is dropped either way
        backend.close()
    if hasattr(backend, "connection"):
        backend.connection = None


def _ensure_open(backend: BaseEmailBackend) -> None:
    smtp = getattr(backend, "connection", None)
    if smtp is not None and getattr(smtp, "sock", True) is None:
        _close_quietly(backend)  # closed by the server (421) or after an error: reconnect
    try:
        backend.open()
    except (OSError, smtplib.SMTPException) as exc:
        host = f"{getattr(backend, 'host', '?')}:{getattr(backend, 'port', '?')}"
        raise NoConnection(_("Mail server %(host)s not reachable: %(error)s") % {"host": host, "error": exc}) from exc


class Worker:
    """Drains the outbox. `run()` loops until `stop()`; `run(once=True)` drains what is due and returns."""

    def __init__(self, *, batch_size: int | None = None, poll_seconds: float | None = None, name: str | None = None,
                 backend: Callable[[], BaseEmailBackend] | None = None,
                 on_batch: Callable[[Totals], None] | None = None) -> None:
        self.batch_size = batch_size or settings.MAIL_BATCH_SIZE
        self.poll_seconds = settings.MAIL_POLL_SECONDS if poll_seconds is None else poll_seconds
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.backend_factory = backend or (lambda: get_connection(fail_silently=False))
        self.on_batch = on_batch
        self.totals = Totals()
        self._stop = threading.Event()
        self._failures = 0
        self.thread: threading.Thread | None = None

    # --- control ---------------------------------------------------------------------------------

    def stop(self, timeout: float | None = None) -> None:
        """Finish the mail being sent, give the rest of the claim back, then return from run()."""
        self._stop.set()
        if self.thread is not None and timeout is not None and self.thread is not threading.current_thread():
            self.thread.join(timeout)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self, *, once: bool = False) -> Totals:
        logger.info("Mail worker %s started (batch %d)", self.name, self.batch_size)
        while not self.stopping:
            try:
                handled = self.process_batch()
            except NoConnection as exc:
                self._failures += 1
                self.totals.connection_failures += 1
                logger.warning("%s", exc)
                if once:
                    break
                self._sleep(self._backoff())
                continue
            except Exception:
                # Database gone or locked for too long, a bug: keep the worker alive, claims recover by lease.
                self._failures += 1
                logger.exception("Mail worker batch failed")
                close_old_connections()
                if once:
                    raise
                self._sleep(self._backoff())
                continue
            self._failures = 0
            if handled and self.on_batch:
                self.on_batch(self.totals)
            if not handled:
                if once:
                    break
                self._sleep(self.poll_seconds)
        logger.info("Mail worker %s stopped: %d sent, %d retried, %d failed, %d bounced", self.name,
                    self.totals.sent, self.totals.retried, self.totals.failed, self.totals.bounced)
        return self.totals

    def _backoff(self) -> float:
        delay = min(IDLE_BACKOFF_MAX_SECONDS, max(self.poll_seconds, 0.1) * 2 ** min(self._failures, 10))
        return delay * random.uniform(0.75, 1.25)

    def _sleep(self, seconds: float) -> None:
        self._stop.wait(seconds)

    # --- one batch -------------------------------------------------------------------------------

    def process_batch(self) -> int:
        """Recover dead claims, claim due mails and send them over one connection. Returns mails claimed."""
        services.recover_expired()
        claim = services.claim_batch(worker=self.name, size=self.batch_size)
        if not claim.messages:
            services.settle_batches()  # idle: sends with nothing left get exact counters and an end time
            return 0
        remaining = list(claim.messages)
        blocked = set(
            Suppression.objects.filter(address__in={m.recipient for m in remaining}).values_list("address", flat=True)
        )
        renew_at = self._renew_time(claim)
        backend = self.backend_factory()
        try:
            while remaining and not self.stopping:
                if timezone.now() >= renew_at:
                    if not services.renew_lease(claim):
                        raise ClaimLost
                    renew_at = self._renew_time(claim)
                message = remaining[0]
                try:
                    self._deliver(backend, claim, message, blocked)
                except NoConnection as exc:
                    self.totals.retried += services.defer(claim, remaining, error=str(exc))
                    remaining = []
                    raise
                remaining.pop(0)
        except ClaimLost:
            logger.warning("Claim %s of worker %s was taken over (lease ran out); batch abandoned",
                           claim.id, self.name)
            remaining = []
        finally:
            _close_quietly(backend)
            if remaining:
                self.totals.released += services.release(claim, remaining)
            services.record_outcomes(m.pk for m in claim.messages)
        return len(claim.messages)

    @staticmethod
    def _renew_time(claim: services.Claim) -> datetime:
        return claim.lease_expires_at - services.lease_delta() / 2

    def _deliver(self, backend: BaseEmailBackend, claim: services.Claim, message: OutboxMessage,
                 blocked: set[str]) -> None:
        def finished(done: bool) -> None:
            if not done:
                raise ClaimLost

        if message.recipient in blocked:
            finished(services.mark_suppressed(message, claim))
            self.totals.suppressed += 1
            return
        if message.in_doubt and self._settled_in_doubt(claim, message):
            return
        email = build_email(message, backend)
        _ensure_open(backend)
        try:
            backend.send_messages([email])
        except (ValueError, UnicodeError, LookupError) as exc:
            # Raised while the backend builds the message (header injection, bad encoding), before any traffic.
            finished(services.mark_failed(message, claim, error=_("Mail cannot be built: %(e)s") % {"e": exc}))
            self.totals.failed += 1
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()), (0, b""))
            self._refused(backend, claim, message, code, _reply(code, text), blocked)
        except smtplib.SMTPSenderRefused as exc:
            # Our sender address is refused: not the recipient's fault, so never a bounce.
            self._answered(backend, claim, message, exc.smtp_code,
                           _("Sender refused (%(reply)s)") % {"reply": _reply(exc.smtp_code, exc.smtp_error)},
                           permanent=False)
        except smtplib.SMTPResponseException as exc:  # SMTPDataError and the like: an explicit answer
            self._answered(backend, claim, message, exc.smtp_code,
                           _("Mail refused by the server (%(reply)s)") % {"reply": _reply(exc.smtp_code,
                                                                                          exc.smtp_error)})
        except smtplib.SMTPServerDisconnected as exc:
            self._no_answer(backend, claim, message, exc)
        except smtplib.SMTPException as exc:  # e.g. no common AUTH method: an error on our side, nothing sent
            finished(services.mark_retry(message, claim, error=str(exc) or type(exc).__name__))
            self.totals.retried += 1
        except OSError as exc:  # timeout, connection reset
            self._no_answer(backend, claim, message, exc)
        else:
            finished(services.mark_sent(message, claim))
            self.totals.sent += 1

    def _no_answer(self, backend: BaseEmailBackend, claim: services.Claim, message: OutboxMessage,
                   exc: Exception) -> None:
        """The connection broke or timed out without an answer, possibly after the final "." (RFC 1047)."""
        _close_quietly(backend)
        reason = str(exc) or type(exc).__name__
        error = _("Connection lost during sending, delivery uncertain: %(e)s") % {"e": reason}
        if not services.mark_retry(message, claim, error=error, in_doubt=True):
            raise ClaimLost
        self.totals.retried += 1

    def _settled_in_doubt(self, claim: services.Claim, message: OutboxMessage) -> bool:
        """Check an in_doubt mail's key before sending it again; True if that settled it (no send now)."""
        verdict = delivery_check(message)
        if verdict is True:
            note = _("Found at the mail server; not sent again.")
            if not services.mark_sent(message, claim, note=note, attempted=False):
                raise ClaimLost
            self.totals.confirmed += 1
            self.totals.sent += 1
            return True
        if verdict is None and settings.MAIL_IN_DOUBT == "hold":
            error = _("Delivery uncertain (the worker stopped while sending); held for review, not sent again.")
            if not services.mark_failed(message, claim, error=error, in_doubt=True):
                raise ClaimLost
            self.totals.failed += 1
            return True
        if verdict is False:
            message.in_doubt = False  # the relay does not have it: an ordinary send from here on
        else:
            logger.warning("Resending %s to %s: delivery uncertain (same Message-ID %s)", message.idempotency_key,
                           message.recipient, message.message_id)
        return False

    def _refused(self, backend: BaseEmailBackend, claim: services.Claim, message: OutboxMessage, code: int,
                 reply: str, blocked: set[str]) -> None:
        if 500 <= code < 600:
            if not services.mark_bounced(message, claim, error=_("Recipient refused (%(reply)s)") % {"reply": reply}):
                raise ClaimLost
            blocked.add(message.recipient)
            self.totals.bounced += 1
            logger.info("Address %s bounced (%s); it will not be mailed again", message.recipient, reply)
            return
        self._answered(backend, claim, message, code, _("Recipient refused (%(reply)s)") % {"reply": reply})

    def _answered(self, backend: BaseEmailBackend, claim: services.Claim, message: OutboxMessage, code: int,
                  error: str, *, permanent: bool | None = None) -> None:
        """An explicit SMTP answer: never in doubt. 4xx (and unknown) retry, 5xx fail."""
        if code == 421 or code < 200:
            _close_quietly(backend)  # the server closes the session after 421
        if permanent is None:
            permanent = 500 <= code < 600
        if permanent:
            done = services.mark_failed(message, claim, error=error)
            self.totals.failed += 1
        else:
            done = services.mark_retry(message, claim, error=error)
            self.totals.retried += 1
        if not done:
            raise ClaimLost


# --- beside the server ---------------------------------------------------------------------------

_thread_lock = threading.Lock()
_thread_worker: Worker | None = None


def start_worker_thread(*, batch_size: int | None = None, poll_seconds: float | None = None) -> Worker:
    """Run a worker in a daemon thread of this process (for `newsdesk serve`); returns it, `stop()` ends it.

    Idempotent per process. At interpreter exit it is stopped gracefully (current mail finished, rest released);
    if the process is killed instead, the lease brings the claim back. Start it in one process only when uvicorn
    runs several workers - or run `newsdesk worker` separately; several workers are safe, just not needed.
    """
    global _thread_worker
    with _thread_lock:
        if _thread_worker is not None and _thread_worker.thread is not None and _thread_worker.thread.is_alive():
            return _thread_worker
        worker = Worker(batch_size=batch_size, poll_seconds=poll_seconds)

        def target() -> None:
            try:
                worker.run()
            finally:
                connections.close_all()  # this thread's connections

        worker.thread = threading.Thread(target=target, name="newsdesk-mail-worker", daemon=True)
        worker.thread.start()
        atexit.register(worker.stop, 10)
        _thread_worker = worker
        return worker
