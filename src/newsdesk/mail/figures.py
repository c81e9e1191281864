"""Outbox figures for /metrics and `newsdesk status`: depth and the recent send rate (from the table,
so they are right whichever worker process sent the mails)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily, Metric

from newsdesk import metrics

RATE_WINDOW = timedelta(minutes=5)


def outbox_figures() -> Iterable[Metric]:
    from newsdesk.mail.models import OutboxMessage

    depth = GaugeMetricFamily("newsdesk_mail_outbox", "Mails in the outbox, by status (pending = depth).",
                              labels=["status"])
    counts = dict(OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT)
                  .values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    for status in OutboxMessage.Status.values:
        if status != OutboxMessage.Status.SENT:
            depth.add_metric([status], counts.get(status, 0))
    yield depth
    recent = OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT,
                                          sent_at__gte=timezone.now() - RATE_WINDOW).count()
    yield GaugeMetricFamily("newsdesk_mail_sent_per_second", "Mails sent per second over the last 5 minutes.",
                            value=recent / RATE_WINDOW.total_seconds())


def register() -> None:
    metrics.add_collector("newsdesk_mail_outbox", outbox_figures)
