"""Alerts leave the editor's request: a thread inside `newsdesk serve` (or `newsdesk send_alerts`) expands them."""

from __future__ import annotations

import threading

from newsdesk.core.periodic import start_periodic_thread
from newsdesk.subscriptions.services import process_alert_jobs, record_digest_if_due

DEFAULT_INTERVAL_SECONDS = 2.0


def start_alert_thread(interval: float = DEFAULT_INTERVAL_SECONDS,
                       stop: threading.Event | None = None) -> threading.Thread:
    return start_periodic_thread("newsdesk-alerts", run_once, interval, stop)


def run_once() -> int:
    record_digest_if_due()
    return process_alert_jobs()
