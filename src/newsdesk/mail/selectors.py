"""Reads for the worker's progress display and the back office."""

from __future__ import annotations

from django.db.models import Count, Max

from newsdesk.mail.models import OutboxMessage


def status_counts(*, batch: str | None = None) -> dict[str, int]:
    """Mails per status (every status present, zeros included), optionally of one large send."""
    rows = OutboxMessage.objects.all()
    if batch is not None:
        rows = rows.filter(batch=batch)
    counts = dict.fromkeys(OutboxMessage.Status.values, 0)
    for row in rows.order_by().values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts


def recent_batches(limit: int = 20) -> list[str]:
    """The most recent large sends (by their newest mail)."""
    return list(
        OutboxMessage.objects.exclude(batch="").order_by().values("batch").annotate(last=Max("id"))
        .order_by("-last").values_list("batch", flat=True)[:limit]
    )
