"""Reads for the worker's progress display and the back office."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q, Sum
from django.utils import timezone

from newsdesk.mail.models import MailBatch, OutboxMessage


def status_counts(*, batch: str | None = None) -> dict[str, int]:
    """Mails per status (every status present, zeros included), optionally of one large send.

    Counts outbox rows: for tests and one-off checks, not for pages viewed often (see `sends_in_progress`).
    """
    rows = OutboxMessage.objects.all()
    if batch is not None:
        rows = rows.filter(batch=batch)
    counts = dict.fromkeys(OutboxMessage.Status.values, 0)
    for row in rows.order_by().values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts


def recent_batches(limit: int = 20) -> list[str]:
    """The most recent large sends."""
    return list(MailBatch.objects.order_by("-started_at", "-id").values_list("key", flat=True)[:limit])


def sends_for_status_line(*, batch: str | None = None, recent: timedelta = timedelta(hours=24),
                          limit: int = 5) -> list[MailBatch]:
    """Sends still running and those finished recently (or the one chosen), from their counters: no outbox count."""
    if batch is not None:
        return list(MailBatch.objects.filter(key=batch))
    since = timezone.now() - recent
    return list(MailBatch.objects.filter(Q(finished_at__isnull=True) | Q(finished_at__gte=since))
                .order_by("-started_at", "-id")[:limit])


def open_sends_progress() -> tuple[int, int]:
    """(mails done, mails in all sends still running), from the counters: the worker's progress bar."""
    state = MailBatch.objects.filter(finished_at__isnull=True).aggregate(
        total=Sum("total"), sent=Sum("sent"), failed=Sum("failed"), suppressed=Sum("suppressed"))
    done = (state["sent"] or 0) + (state["failed"] or 0) + (state["suppressed"] or 0)
    return done, state["total"] or 0

