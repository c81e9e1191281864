"""Scheduled newsblog entries go out at their time without anyone online: a round of `newsdesk worker`."""

from __future__ import annotations

import logging

from newsdesk.liveblogs.services import publish_due

log = logging.getLogger(__name__)
# "Veröffentlichen um 18:00" should mean 18:00, not 18:00 and a quarter minute.
DEFAULT_INTERVAL_SECONDS = 5.0


def run_once() -> list[int]:
    published = publish_due()
    if published:
        log.info("Scheduled newsblog entries published: %s", ", ".join(map(str, published)))
    return published
