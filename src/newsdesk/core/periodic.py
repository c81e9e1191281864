"""Background rounds inside `newsdesk serve`: one daemon thread per task and process, that survives failures."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.db import close_old_connections

log = logging.getLogger(__name__)
_started: dict[str, threading.Thread] = {}
_lock = threading.Lock()


def run_round(task: Callable[[], object]) -> object:
    close_old_connections()  # a thread keeps its connection; drop it if the database went away meanwhile
    try:
        return task()
    finally:
        close_old_connections()


def _loop(name: str, task: Callable[[], object], interval: float, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            run_round(task)
        except Exception:  # one failed round (database locked, restarting) must not end the thread
            log.exception("%s failed; trying again in %s s", name, interval)
        stop.wait(interval)


def start_periodic_thread(name: str, task: Callable[[], object], interval: float,
                          stop: threading.Event | None = None) -> threading.Thread:
    """Runs `task` every `interval` seconds in a daemon thread; started once per process and name."""
    with _lock:
        running = _started.get(name)
        if running is not None and running.is_alive() and stop is None:
            return running
        thread = threading.Thread(target=_loop, args=(name, task, interval, stop or threading.Event()),
                                  name=name, daemon=True)
        thread.start()
        if stop is None:
            _started[name] = thread
        return thread
