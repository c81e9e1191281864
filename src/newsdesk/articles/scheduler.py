"""Scheduled publishing without anyone acting: a thread inside `newsdesk serve`, or `newsdesk publish_due` for cron."""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections

from newsdesk.articles.services import publish_due

log = logging.getLogger(__name__)
DEFAULT_INTERVAL_SECONDS = 15.0
_started: threading.Thread | None = None
_lock = threading.Lock()


def run_once() -> list[int]:
    close_old_connections()  # a thread keeps its connection; drop it if the database went away meanwhile
    try:
        published = publish_due()
    finally:
        close_old_connections()
    if published:
        log.info("Scheduled articles published: %s", ", ".join(map(str, published)))
    return published


def _loop(interval: float, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            run_once()
        except Exception:  # one failed round (database locked, restarting) must not end the thread
            log.exception("Publishing scheduled articles failed; trying again in %s s", interval)
        stop.wait(interval)


def start_scheduler_thread(interval: float = DEFAULT_INTERVAL_SECONDS,
                           stop: threading.Event | None = None) -> threading.Thread:
    """Starts (once per process) a daemon thread that publishes due articles every `interval` seconds."""
    global _started
    with _lock:
        if _started is not None and _started.is_alive() and stop is None:
            return _started
        thread = threading.Thread(target=_loop, args=(interval, stop or threading.Event()),
                                  name="newsdesk-article-scheduler", daemon=True)
        thread.start()
        if stop is None:
            _started = thread
        return thread
