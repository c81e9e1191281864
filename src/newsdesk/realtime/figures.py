"""The realtime figures in newsdesk's Prometheus registry (newsdesk.metrics)."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric

from newsdesk.metrics import REGISTRY, add_collector

PUBLISHED = Counter("newsdesk_realtime_published", "Messages published (one per change, before fan-out).",
                    ["channel_kind"], registry=REGISTRY)
SEND_LAG = Histogram(
    "newsdesk_realtime_send_lag_seconds",
    "From a message reaching this process (publish or broker) to its frame written to every direct reader.",
    registry=REGISTRY, buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)


def channel_kind(channel: str) -> str:
    """"liveblog.42" -> "liveblog": a label with few values."""
    return channel.split(".", 1)[0]


def connected_readers() -> Iterable[Metric]:
    from newsdesk.realtime.broker import backend

    per_channel = GaugeMetricFamily("newsdesk_realtime_connected_readers",
                                    "Readers connected to this process, per channel.", labels=["channel"])
    counts = backend().hub.counts() if hasattr(backend(), "hub") else {}
    for channel, count in sorted(counts.items()):
        per_channel.add_metric([channel], count)
    yield per_channel
    yield GaugeMetricFamily("newsdesk_realtime_connected_readers_total",
                            "Readers connected to this process, all channels.", value=sum(counts.values()))


def register() -> None:
    add_collector("newsdesk_realtime_connected", connected_readers)
