"""Writes to the outbox: enqueueing (in the caller's transaction), the worker's claim and its per-mail outcomes.

Every state change of a row happens here; `newsdesk.mail.worker` only decides which one and talks SMTP.

    pending ──claim──> sending ──mark_sent──> sent
       ^                 │ ├──retry (4xx, no connection)──> pending (backoff) ... failed after MAIL_MAX_ATTEMPTS
       │                 │ ├──bounce (5xx on RCPT)──> failed, address suppressed
       └──release/recover┘ └──fail (other 5xx)──> failed
    enqueue to a suppressed address ──> suppressed (never sent)
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr
from itertools import islice

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from newsdesk.core.errors import InvalidInput
from newsdesk.mail.models import MailBatch, OutboxMessage, Suppression, normalize_address

Status = OutboxMessage.Status

KEY_MAX = 200
KIND_MAX = 50
BATCH_MAX = 100
SUBJECT_MAX = 300
# Set by the outbox itself or by Django from the row; a caller's value would break deduplication or routing.
RESERVED_HEADERS = frozenset(
    {"message-id", "to", "cc", "bcc", "from", "subject", "date", "mime-version", "content-type",
     "content-transfer-encoding"}
)
_HEADER_NAME = re.compile(r"^[!-9;-~]+$")  # RFC 5322 field-name: printable ASCII except ":"


@dataclass(frozen=True, slots=True)
class Mail:
    """One mail to one recipient, as handed to `enqueue_many`."""

    to: str
    subject: str
    text: str
    idempotency_key: str
    kind: str
    html: str | None = None
    headers: Mapping[str, str] | None = None
    send_after: datetime | None = None
    batch: str = ""
    from_email: str = ""


@dataclass
class EnqueueResult:
    created: int = 0
    existing: int = 0  # idempotency key already in the outbox: left as it was
    suppressed: int = 0  # stored as suppressed, will not be sent (counted within created)
    keys: list[str] = field(default_factory=list, repr=False)


# --- validation ----------------------------------------------------------------------------------

def _clean_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for name, value in (headers or {}).items():
        if not isinstance(name, str) or not _HEADER_NAME.match(name):
            raise InvalidInput(_("Invalid mail header name: %(name)r.") % {"name": name}, field="headers")
        if name.lower() in RESERVED_HEADERS:
            raise InvalidInput(_("The header %(name)s is set by the outbox.") % {"name": name}, field="headers")
        if not isinstance(value, str) or "\n" in value or "\r" in value:
            raise InvalidInput(_("Mail header %(name)s must be one line of text.") % {"name": name}, field="headers")
        cleaned[name] = value
    return cleaned


def _clean_line(value: str, *, field: str, max_length: int, required: bool = True) -> str:
    if not isinstance(value, str) or "\n" in value or "\r" in value:
        raise InvalidInput(_("This field must be one line of text."), field=field)
    value = value.strip()
    if required and not value:
        raise InvalidInput(_("This field is required."), field=field)
    if len(value) > max_length:
        raise InvalidInput(_("At most %(max)d characters are allowed here.") % {"max": max_length}, field=field)
    return value


def _clean_address(address: str, field: str = "to") -> str:
    if not isinstance(address, str):
        raise InvalidInput(_("Invalid e-mail address."), field=field)
    address = normalize_address(address)
    try:
        validate_email(address)
    except ValidationError as exc:
        raise InvalidInput(_("Invalid e-mail address: %(address)s") % {"address": address}, field=field) from exc
    return address


def _build(mail: Mail, now: datetime) -> OutboxMessage:
    if not isinstance(mail.text, str) or not mail.text.strip():
        raise InvalidInput(_("A mail needs a plain-text body."), field="text")
    if mail.html is not None and not isinstance(mail.html, str):
        raise InvalidInput(_("The HTML body must be text."), field="html")
    from_email = mail.from_email.strip() if isinstance(mail.from_email, str) else None
    if from_email:
        _name, address = parseaddr(from_email)
        try:
            validate_email(address)
        except ValidationError:
            from_email = None
    if from_email is None or "\n" in from_email or "\r" in from_email:
        raise InvalidInput(_("Invalid sender."), field="from_email")
    send_after = mail.send_after or now
    return OutboxMessage(
        idempotency_key=_clean_line(mail.idempotency_key, field="idempotency_key", max_length=KEY_MAX),
        kind=_clean_line(mail.kind, field="kind", max_length=KIND_MAX),
        batch=_clean_line(mail.batch, field="batch", max_length=BATCH_MAX, required=False),
        recipient=_clean_address(mail.to),
        from_email=from_email,
        subject=_clean_line(mail.subject, field="subject", max_length=SUBJECT_MAX),
        text=mail.text,
        html=mail.html or "",
        headers=_clean_headers(mail.headers),
        status=Status.PENDING,
        created_at=now,
        next_attempt_at=max(send_after, now),
    )


# --- enqueueing ----------------------------------------------------------------------------------

def enqueue(*, to: str, subject: str, text: str, idempotency_key: str, kind: str, html: str | None = None,
            headers: Mapping[str, str] | None = None, send_after: datetime | None = None, batch: str = "",
            from_email: str = "") -> OutboxMessage:
    """Put one mail into the outbox, in the caller's transaction: it is sent iff that transaction commits.

    The same idempotency key again is a no-op that returns the existing row (whatever its content). A mail to a
    suppressed address is stored with status "suppressed" and never sent.
    """
    row = _build(Mail(to=to, subject=subject, text=text, idempotency_key=idempotency_key, kind=kind, html=html,
                      headers=headers, send_after=send_after, batch=batch, from_email=from_email),
                 timezone.now())
    existing = OutboxMessage.objects.filter(idempotency_key=row.idempotency_key).first()
    if existing is not None:
        return existing
    if is_suppressed(row.recipient):
        row.status = Status.SUPPRESSED
    try:
        # Savepoint: a concurrent enqueue of the same key must not break the caller's transaction.
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        return OutboxMessage.objects.get(idempotency_key=row.idempotency_key)
    if row.batch:
        _count_enqueued({row.batch: (1, int(row.status == Status.SUPPRESSED))})
    return row


def _chunks(items: Iterable[Mail], size: int) -> Iterator[list[Mail]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _count_enqueued(counts: dict[str, tuple[int, int]], labels: Mapping[str, str] | None = None) -> None:
    """Adds (new mails, of them suppressed) to each send's counters, in the enqueueing transaction."""
    for key, (created, suppressed) in counts.items():
        MailBatch.objects.get_or_create(key=key, defaults={"label": (labels or {}).get(key, "")[:300]})
        MailBatch.objects.filter(key=key).update(total=F("total") + created, suppressed=F("suppressed") + suppressed,
                                                 finished_at=None)


def enqueue_many(mails: Iterable[Mail], *, chunk_size: int = 1000, labels: Mapping[str, str] | None = None,
                 on_chunk: Callable[[int], None] | None = None) -> EnqueueResult:
    """Put many mails into the outbox (a newsletter, an alert to 100,000 subscribers) with bulk inserts.

    Runs in the caller's transaction like `enqueue`; `mails` may be a generator, it is read chunk by chunk so memory
    stays flat. Keys already in the outbox are skipped (also when a concurrent call inserts them first).
    Mails with a `batch` count towards that send's progress (MailBatch; `labels` names sends for the back office);
    `on_chunk(n)` is told after each chunk how many mails it read (a progress bar).
    """
    result = EnqueueResult()
    now = timezone.now()
    for chunk in _chunks(mails, chunk_size):
        rows = {}
        for mail in chunk:
            row = _build(mail, now)
            rows.setdefault(row.idempotency_key, row)  # the same key twice within one call: the first wins
        existing = set(
            OutboxMessage.objects.filter(idempotency_key__in=list(rows)).values_list("idempotency_key", flat=True)
        )
        new = [row for key, row in rows.items() if key not in existing]
        blocked = set(
            Suppression.objects.filter(address__in={row.recipient for row in new}).values_list("address", flat=True)
        )
        for row in new:
            if row.recipient in blocked:
                row.status = Status.SUPPRESSED
                result.suppressed += 1
        per_batch: dict[str, tuple[int, int]] = {}
        for row in new:
            if row.batch:
                created, suppressed = per_batch.get(row.batch, (0, 0))
                per_batch[row.batch] = (created + 1, suppressed + int(row.status == Status.SUPPRESSED))
        with transaction.atomic():
            OutboxMessage.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
            _count_enqueued(per_batch, labels)
        result.created += len(new)
        result.existing += len(chunk) - len(new)
        if on_chunk is not None:
            on_chunk(len(chunk))
    return result


# --- progress of large sends ---------------------------------------------------------------------

_OUTCOMES = {Status.SENT: "sent", Status.FAILED: "failed", Status.SUPPRESSED: "suppressed"}


def record_outcomes(message_ids: Iterable[int]) -> None:
    """After a claim: adds the final outcomes of its mails to their sends' counters (one UPDATE per send).

    The claimed rows were all "sending", so each one now sent, failed or suppressed was settled by this claim.
    A worker killed before this runs leaves the counters short; `settle_batches` recounts when a send is done.
    """
    ids = list(message_ids)
    if not ids:
        return
    rows = (OutboxMessage.objects.filter(id__in=ids, status__in=list(_OUTCOMES)).exclude(batch="")
            .order_by().values("batch", "status").annotate(n=Count("id")))
    per_batch: dict[str, dict[str, F]] = {}
    for row in rows:
        field_name = _OUTCOMES[row["status"]]
        per_batch.setdefault(row["batch"], {})[field_name] = F(field_name) + row["n"]
    with transaction.atomic():
        for key, increments in per_batch.items():
            MailBatch.objects.filter(key=key).update(**increments)


def settle_batches(now: datetime | None = None) -> int:
    """Sends with nothing left pending or sending get exact counters (one recount each) and their end time."""
    settled = 0
    for batch in MailBatch.objects.filter(finished_at__isnull=True):
        outstanding = OutboxMessage.objects.filter(batch=batch.key, status__in=[Status.PENDING, Status.SENDING])
        if outstanding.exists():
            continue
        counts = dict(OutboxMessage.objects.filter(batch=batch.key).order_by().values_list("status")
                      .annotate(n=Count("id")))
        MailBatch.objects.filter(pk=batch.pk, finished_at__isnull=True).update(
            total=sum(counts.values()), sent=counts.get(Status.SENT, 0), failed=counts.get(Status.FAILED, 0),
            suppressed=counts.get(Status.SUPPRESSED, 0), finished_at=now or timezone.now())
        settled += 1
    return settled


# --- suppressions --------------------------------------------------------------------------------

def is_suppressed(address: str) -> bool:
    return Suppression.objects.filter(address=normalize_address(address)).exists()


def suppress(address: str, *, reason: str = Suppression.Reason.MANUAL, detail: str = "") -> Suppression:
    """Never mail this address again; its pending mails are suppressed too."""
    address = normalize_address(address)
    with transaction.atomic():
        entry, _created = Suppression.objects.get_or_create(
            address=address, defaults={"reason": reason, "detail": detail[:500]}
        )
        OutboxMessage.objects.filter(recipient=address, status=Status.PENDING).update(
            status=Status.SUPPRESSED, last_error=_("Address is blocked.")
        )
    return entry


def unsuppress(address: str) -> bool:
    """Allow the address again (mails suppressed meanwhile stay unsent)."""
    deleted, _rows = Suppression.objects.filter(address=normalize_address(address)).delete()
    return bool(deleted)


# --- the worker's claim --------------------------------------------------------------------------

@dataclass
class Claim:
    id: str
    worker: str
    lease_expires_at: datetime
    messages: list[OutboxMessage]


def new_claim_id() -> str:
    return uuid.uuid4().hex


def lease_delta() -> timedelta:
    return timedelta(seconds=settings.MAIL_LEASE_SECONDS)


def claim_batch(*, worker: str, size: int, now: datetime | None = None) -> Claim:
    """Take up to `size` due mails for this worker, ordered by id (the order they will be sent in).

    PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint batches without waiting.
    SQLite: the transaction is IMMEDIATE (settings), so the select and the update run under the write lock.
    """
    now = now or timezone.now()
    claim_id = new_claim_id()
    expires = now + lease_delta()
    with transaction.atomic():
        ids = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(status=Status.PENDING, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "id")
            .values_list("id", flat=True)[:size]
        )
        if ids:
            OutboxMessage.objects.filter(id__in=ids).update(
                status=Status.SENDING, claim_id=claim_id, claimed_by=worker[:100], lease_expires_at=expires
            )
        messages = list(OutboxMessage.objects.filter(id__in=ids).order_by("id")) if ids else []
    return Claim(id=claim_id, worker=worker, lease_expires_at=expires, messages=messages)


def renew_lease(claim: Claim, now: datetime | None = None) -> bool:
    """Extend the claim; False if it was lost (expired and taken over by another worker)."""
    expires = (now or timezone.now()) + lease_delta()
    with transaction.atomic():
        updated = OutboxMessage.objects.filter(claim_id=claim.id, status=Status.SENDING).update(
            lease_expires_at=expires
        )
    claim.lease_expires_at = expires
    return updated > 0


def _finish(message: OutboxMessage, claim: Claim, **values) -> bool:
    """Apply one outcome to a claimed row; False if the claim is no longer ours."""
    values.setdefault("claim_id", "")
    values.setdefault("claimed_by", "")
    values.setdefault("lease_expires_at", None)
    with transaction.atomic():
        updated = OutboxMessage.objects.filter(id=message.pk, claim_id=claim.id, status=Status.SENDING).update(
            **values
        )
    return updated == 1


def mark_sent(message: OutboxMessage, claim: Claim, *, note: str = "", attempted: bool = True,
              now: datetime | None = None) -> bool:
    """Committed right after the server accepted the mail: the row leaves the crash window at once.

    attempted=False: found at the relay by the delivery check, nothing was sent now.
    """
    return _finish(message, claim, status=Status.SENT, sent_at=now or timezone.now(),
                   attempts=F("attempts") + int(attempted), last_error=note, in_doubt=False)


def mark_suppressed(message: OutboxMessage, claim: Claim) -> bool:
    return _finish(message, claim, status=Status.SUPPRESSED, last_error=_("Address is blocked."))


def retry_delay(attempts: int) -> float:
    """Exponential backoff with jitter: base * 2^(attempts-1), capped, times 0.5-1.5 so retries spread out."""
    delay = min(settings.MAIL_RETRY_MAX_SECONDS, settings.MAIL_RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1))
    return delay * random.uniform(0.5, 1.5)


def mark_retry(message: OutboxMessage, claim: Claim, *, error: str, in_doubt: bool = False,
               now: datetime | None = None) -> bool:
    """A temporary failure: try again later, or give up (failed, still visible) after MAIL_MAX_ATTEMPTS.

    in_doubt sticks until a send succeeds or the delivery check cleared it: an earlier copy may still be out there.
    """
    attempts = message.attempts + 1
    in_doubt = in_doubt or message.in_doubt
    now = now or timezone.now()
    if attempts >= settings.MAIL_MAX_ATTEMPTS:
        return _finish(message, claim, status=Status.FAILED, attempts=attempts, in_doubt=in_doubt,
                       last_error=_("Given up after %(n)d attempts: %(error)s") % {"n": attempts, "error": error})
    return _finish(message, claim, status=Status.PENDING, attempts=attempts, in_doubt=in_doubt, last_error=error,
                   next_attempt_at=now + timedelta(seconds=retry_delay(attempts)))


def mark_failed(message: OutboxMessage, claim: Claim, *, error: str, in_doubt: bool = False) -> bool:
    return _finish(message, claim, status=Status.FAILED, attempts=F("attempts") + 1, last_error=error,
                   in_doubt=in_doubt or message.in_doubt)


def mark_bounced(message: OutboxMessage, claim: Claim, *, error: str) -> bool:
    """The server refused the recipient for good (5xx on RCPT): fail the mail and never use the address again."""
    with transaction.atomic():
        finished = mark_failed(message, claim, error=error)
        suppress(message.recipient, reason=Suppression.Reason.BOUNCE, detail=error)
    return finished


def release(claim: Claim, messages: Iterable[OutboxMessage]) -> int:
    """Give unsent mails of a claim back (graceful stop): nothing was attempted, so no attempt is counted."""
    ids = [m.pk for m in messages]
    if not ids:
        return 0
    with transaction.atomic():
        return OutboxMessage.objects.filter(id__in=ids, claim_id=claim.id, status=Status.SENDING).update(
            status=Status.PENDING, claim_id="", claimed_by="", lease_expires_at=None
        )


def defer(claim: Claim, messages: Iterable[OutboxMessage], *, error: str, now: datetime | None = None) -> int:
    """No connection to the server: every mail of the claim counts an attempt and backs off."""
    count = 0
    for message in messages:
        count += mark_retry(message, claim, error=error, now=now)
    return count


def recover_expired(now: datetime | None = None) -> int:
    """Take back the mails of claims whose worker died (lease ran out without being renewed).

    The worker sends a claim's mails one by one in id order and commits each outcome before the next, so of the
    rows still "sending" only the lowest id can have reached the server; it is marked in_doubt (checked before it
    is sent again, see newsdesk.mail.worker). The others were never attempted and simply become pending.
    """
    now = now or timezone.now()
    recovered = 0
    with transaction.atomic():
        rows = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(status=Status.SENDING, lease_expires_at__lt=now)
            .order_by("claim_id", "id")
            .values_list("id", "claim_id")
        )
        first_of_claim = {}
        for pk, claim_id in rows:
            first_of_claim.setdefault(claim_id, pk)
        if rows:
            OutboxMessage.objects.filter(id__in=[pk for pk, _c in rows]).update(
                status=Status.PENDING, claim_id="", claimed_by="", lease_expires_at=None, next_attempt_at=now
            )
            OutboxMessage.objects.filter(id__in=list(first_of_claim.values())).update(
                in_doubt=True, attempts=F("attempts") + 1,
                last_error=_("The worker stopped during this mail; delivery is uncertain."),
            )
            recovered = len(rows)
    return recovered


# --- the back office -----------------------------------------------------------------------------

def requeue(ids: Iterable[int]) -> int:
    """Send failed mails again (admin action); attempts start over. Suppressed addresses stay suppressed."""
    with transaction.atomic():
        rows = (OutboxMessage.objects.filter(id__in=list(ids), status=Status.FAILED)
                .exclude(recipient__in=Suppression.objects.values("address")))
        # Their sends are running again: failures taken back, recounted exactly when they are done.
        for batch, n in rows.exclude(batch="").order_by().values_list("batch").annotate(n=Count("id")):
            MailBatch.objects.filter(key=batch, failed__gte=n).update(failed=F("failed") - n, finished_at=None)
        return rows.update(status=Status.PENDING, attempts=0, next_attempt_at=timezone.now(), in_doubt=False)


def purge(*, older_than_days: int | None = None, chunk_size: int = 5000) -> int:
    """Delete sent and suppressed mails older than N days (MAIL_PURGE_AFTER_DAYS): keep no more than needed.

    Failed mails stay for a person to look at. A purged key can be enqueued again, so keep N longer than any
    caller might repeat an enqueue (confirmation mails, alerts are enqueued once, right after their cause).
    """
    days = settings.MAIL_PURGE_AFTER_DAYS if older_than_days is None else older_than_days
    cutoff = timezone.now() - timedelta(days=days)
    deleted = 0
    for status, stamp in ((Status.SENT, "sent_at"), (Status.SUPPRESSED, "created_at")):
        while True:
            with transaction.atomic():
                ids = list(OutboxMessage.objects.filter(status=status, **{f"{stamp}__lt": cutoff})
                           .values_list("id", flat=True)[:chunk_size])
                if not ids:
                    break
                deleted += OutboxMessage.objects.filter(id__in=ids).delete()[0]
    return deleted


def cancel(idempotency_key: str) -> bool:
    """Take back a mail that has not been tried yet (e.g. a statement whose decision was undone within its
    delay). Returns whether it was withdrawn; a mail already being sent or sent cannot be."""
    deleted, _counts = OutboxMessage.objects.filter(idempotency_key=idempotency_key, status=Status.PENDING,
                                                    attempts=0, claim_id="").delete()
    return bool(deleted)
