"""Scheduled publishing without anyone acting: a thread inside `newsdesk serve`, or `newsdesk publish_due` for cron."""

from __future__ import annotations

import logging
import threading

from newsdesk.articles.services import publish_due
from newsdesk.core.periodic import start_periodic_thread

log = logging.getLogger(__name__)
DEFAULT_INTERVAL_SECONDS = 15.0


def run_once() -> list[int]:
    """One round; the thread loop wraps it in fresh connections, a command runs it on its own."""
    published = publish_due()
    if published:
        log.info("Scheduled articles published: %s", ", ".join(map(str, published)))
    return published


def start_scheduler_thread(interval: float = DEFAULT_INTERVAL_SECONDS,
                           stop: threading.Event | None = None) -> threading.Thread:
    """Starts (once per process) a daemon thread that publishes due articles every `interval` seconds."""
    return start_periodic_thread("newsdesk-article-scheduler", run_once, interval, stop)
