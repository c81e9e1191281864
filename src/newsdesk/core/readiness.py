"""Work a process does in the background right after it starts (loading models), reported by `/healthz`.

The process serves meanwhile; `/healthz` lists what is still warming, so that a deploy script or a test can wait
for a fully warm process before sending it traffic.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

_lock = threading.Lock()
_warming: set[str] = set()


def warm_in_background(name: str, work: Callable[[], None]) -> None:
    with _lock:
        _warming.add(name)

    def run() -> None:
        try:
            work()
        finally:
            with _lock:
                _warming.discard(name)

    threading.Thread(target=run, name=f"newsdesk-warm-up-{name}", daemon=True).start()


def warming() -> list[str]:
    with _lock:
        return sorted(_warming)
