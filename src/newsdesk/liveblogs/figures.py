"""Newsblog stream figures in newsdesk's Prometheus registry."""

from prometheus_client import Histogram

from newsdesk import metrics

RESUME_BACKLOG = Histogram(
    "newsdesk_liveblog_resume_backlog_events",
    "Events a reader got from the event log when it (re)connected, by path (direct or proxy).",
    ["path"], registry=metrics.REGISTRY, buckets=(0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000),
)
