"""Background rounds: one daemon thread per task and process, that survives failures.

Apps register their periodic work here (in AppConfig.ready); `newsdesk worker` runs every registered
task, and so does `newsdesk serve` when it runs the background work itself (SERVE_RUNS_BACKGROUND):

    periodic.register_task("newsdesk-article-scheduler", scheduler.run_once, interval=15)

Every task must be safe to run in several processes at once (several workers): idempotent rounds,
claims with leases, or one row per piece of work.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Task:
    name: str
    run_once: Callable[[], object]
    interval: float  # seconds between rounds


_tasks: dict[str, Task] = {}


def register_task(name: str, run_once: Callable[[], object], *, interval: float) -> None:
    """Make `run_once` part of the background work (run every `interval` seconds by each worker)."""
    _tasks[name] = Task(name, run_once, interval)


def registered_tasks() -> list[Task]:
    return list(_tasks.values())


def start_registered(stop: threading.Event | None = None) -> list[threading.Thread]:
    """A thread per registered task in this process."""
    return [start_periodic_thread(task.name, task.run_once, task.interval, stop) for task in registered_tasks()]
