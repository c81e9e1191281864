"""The moderation queue's depth for /metrics and `newsdesk status`."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client.core import GaugeMetricFamily, Metric

from newsdesk import metrics


def moderation_figures() -> Iterable[Metric]:
    from newsdesk.comments.models import Comment

    yield GaugeMetricFamily("newsdesk_moderation_queue", "Comments waiting for a moderator's decision.",
                            value=Comment.objects.filter(status=Comment.Status.PENDING).count())


def register() -> None:
    metrics.add_collector("newsdesk_moderation_queue", moderation_figures)
