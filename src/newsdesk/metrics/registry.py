"""newsdesk's own Prometheus registry and the collectors the apps add to it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from prometheus_client import CollectorRegistry, PlatformCollector, ProcessCollector
from prometheus_client.core import Metric

logger = logging.getLogger(__name__)

# A registry of our own instead of prometheus_client's global one: tests and commands can read it
# without figures of libraries that happen to be imported.
REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)

_names: set[str] = set()


class _CallableCollector:
    def __init__(self, name: str, collect: Callable[[], Iterable[Metric]]) -> None:
        self.name = name
        self._collect = collect

    def collect(self) -> Iterable[Metric]:
        try:
            yield from self._collect()
        except Exception:  # a broken figure (database down) must not hide all the others
            logger.exception("Metrics collector %s failed", self.name)

    def describe(self) -> Iterable[Metric]:
        return []  # collected at scrape time only (they may query the database)


def add_collector(name: str, collect: Callable[[], Iterable[Metric]]) -> None:
    """Register `collect` (yielding metric families) once under `name`; a second call is ignored."""
    if name in _names:
        return
    _names.add(name)
    REGISTRY.register(_CallableCollector(name, collect))


def snapshot(prefix: str = "newsdesk_") -> dict[str, float]:
    """Current samples whose name starts with `prefix`: {"name{label=value,...}": value} (for `newsdesk status`)."""
    result = {}
    for family in REGISTRY.collect():
        for sample in family.samples:
            if not sample.name.startswith(prefix):
                continue
            labels = ",".join(f"{key}={value}" for key, value in sorted(sample.labels.items()))
            result[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return result
