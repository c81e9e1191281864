"""Prometheus figures for operators: one registry, to which every app adds its own metrics.

Infrastructure: imports no domain app. An app makes its figures known in its AppConfig.ready():

    from newsdesk import metrics
    metrics.add_collector("newsdesk_mail", outbox_figures)   # a callable yielding metric families

or defines prometheus_client metrics with `registry=metrics.REGISTRY`. `GET /metrics` answers the
Prometheus text format when METRICS_TOKEN is set and sent as `Authorization: Bearer TOKEN`.
"""

from newsdesk.metrics.registry import REGISTRY, add_collector, snapshot

__all__ = ["REGISTRY", "add_collector", "snapshot"]
