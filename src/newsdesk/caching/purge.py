"""Purges of shared caches by surrogate key, after commit, retried, in the background.

`after_commit(keys)` is called by core.freshness.bump inside the transaction of a change; once it commits,
the keys go to one background thread per configured cache (settings.CACHE_PURGE_URLS), which coalesces what
has queued up, sends it, and retries with backoff (CACHE_PURGE_ATTEMPTS, CACHE_PURGE_RETRY_SECONDS). The
editor's request never waits for a cache; a cache that stays down is logged and its purge given up (the
page's s-maxage bounds how long it may show the old page).

CACHE_PURGE_URLS, comma-separated:
  xkey+http://127.0.0.1:6081/            Varnish with the xkey vmod (deploy/varnish/newsdesk.vcl):
                                          PURGE with `xkey-purge: key key ...`
  purge+http://cache.internal/           a plain HTTP PURGE with the keys in `Surrogate-Key`
  fastly://SERVICE_ID?token=API_TOKEN    Fastly's purge by surrogate key (POST /service/ID/purge)
  cloudflare://ZONE_ID?token=API_TOKEN   Cloudflare's purge by cache tag (POST /zones/ID/purge_cache)
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterable, Sequence
from typing import Protocol
from urllib.parse import parse_qs, urlsplit, urlunsplit

import httpx
from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


class PurgeError(Exception):
    pass


class PurgeBackend(Protocol):
    name: str

    def purge(self, keys: Sequence[str]) -> None:
        """Drops every cached page tagged with any of the keys; raises PurgeError (or httpx.HTTPError)."""


def _check(response: httpx.Response, what: str) -> None:
    if response.status_code >= 400:
        raise PurgeError(f"{what} answered {response.status_code}: {response.text[:200]}")


class VarnishXkeyBackend:
    def __init__(self, url: str, client: httpx.Client) -> None:
        self.url, self.client, self.name = url, client, f"varnish {url}"

    def purge(self, keys: Sequence[str]) -> None:
        _check(self.client.request("PURGE", self.url, headers={"xkey-purge": " ".join(keys)}), self.name)


class HttpPurgeBackend:
    def __init__(self, url: str, client: httpx.Client) -> None:
        self.url, self.client, self.name = url, client, f"PURGE {url}"

    def purge(self, keys: Sequence[str]) -> None:
        _check(self.client.request("PURGE", self.url, headers={"Surrogate-Key": " ".join(keys)}), self.name)


class FastlyBackend:
    API = "https://api.fastly.com"
    MAX_KEYS = 256  # per request (Fastly's limit)

    def __init__(self, service_id: str, token: str, client: httpx.Client) -> None:
        self.service_id, self.token, self.client, self.name = service_id, token, client, f"fastly {service_id}"

    def purge(self, keys: Sequence[str]) -> None:
        for start in range(0, len(keys), self.MAX_KEYS):
            response = self.client.post(f"{self.API}/service/{self.service_id}/purge", headers={
                "Fastly-Key": self.token, "Surrogate-Key": " ".join(keys[start:start + self.MAX_KEYS])})
            _check(response, self.name)


class CloudflareBackend:
    API = "https://api.cloudflare.com/client/v4"
    MAX_KEYS = 30  # tags per request (Cloudflare's limit)

    def __init__(self, zone_id: str, token: str, client: httpx.Client) -> None:
        self.zone_id, self.token, self.client, self.name = zone_id, token, client, f"cloudflare {zone_id}"

    def purge(self, keys: Sequence[str]) -> None:
        for start in range(0, len(keys), self.MAX_KEYS):
            response = self.client.post(f"{self.API}/zones/{self.zone_id}/purge_cache",
                                        headers={"Authorization": f"Bearer {self.token}"},
                                        json={"tags": list(keys[start:start + self.MAX_KEYS])})
            _check(response, self.name)


def backend_for(url: str, client: httpx.Client) -> PurgeBackend:
    """The backend a CACHE_PURGE_URLS entry names (see the module docstring); ValueError for others."""
    parts = urlsplit(url)
    token = parse_qs(parts.query).get("token", [""])[0]
    if parts.scheme in ("xkey+http", "xkey+https"):
        return VarnishXkeyBackend(urlunsplit((parts.scheme[5:], parts.netloc, parts.path or "/", "", "")), client)
    if parts.scheme in ("purge+http", "purge+https", "http", "https"):
        scheme = parts.scheme.removeprefix("purge+")
        return HttpPurgeBackend(urlunsplit((scheme, parts.netloc, parts.path or "/", "", "")), client)
    if parts.scheme == "fastly" and parts.netloc and token:
        return FastlyBackend(parts.netloc, token, client)
    if parts.scheme == "cloudflare" and parts.netloc and token:
        return CloudflareBackend(parts.netloc, token, client)
    raise ValueError(f"CACHE_PURGE_URLS: cannot purge through {url!r} (xkey+http://, purge+http://, "
                     "fastly://SERVICE?token=..., cloudflare://ZONE?token=...)")


class PurgeWorker:
    """One cache: a queue of keys and a daemon thread that sends them, coalesced, with retries."""

    def __init__(self, backend: PurgeBackend, *, attempts: int, retry_seconds: float) -> None:
        self.backend, self.attempts, self.retry_seconds = backend, attempts, retry_seconds
        self.queue: queue.Queue[frozenset[str]] = queue.Queue()
        self.pending = 0  # submitted, not yet sent or given up
        self.changed = threading.Condition()
        self.sent = 0  # purge requests that succeeded, for tests and metrics
        self.thread = threading.Thread(target=self._run, name=f"purge {backend.name}", daemon=True)
        self.thread.start()

    def submit(self, keys: Iterable[str]) -> None:
        with self.changed:
            self.pending += 1
        self.queue.put(frozenset(keys))

    def wait_idle(self, timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.pending == 0, timeout)

    def _run(self) -> None:
        while True:
            keys = set(self.queue.get())
            taken = 1 + self._drain_into(keys)  # everything that queued up meanwhile goes in the same request
            taken += self._send(keys)
            with self.changed:
                self.pending -= taken
                self.changed.notify_all()

    def _drain_into(self, keys: set[str]) -> int:
        taken = 0
        while True:
            try:
                keys |= self.queue.get_nowait()
                taken += 1
            except queue.Empty:
                return taken

    def _send(self, keys: set[str]) -> int:
        """Purge `keys`, retrying with backoff; returns how many later submissions joined it meanwhile.

        A change made while a purge waits out its backoff does not queue behind it: its keys join that purge,
        which is tried again at once with fresh attempts (the cache is back, or this change fails like the rest).
        """
        joined, attempt = 0, 1
        while True:
            try:
                self.backend.purge(sorted(keys))
                self.sent += 1
                return joined
            except (PurgeError, httpx.HTTPError) as exc:
                if attempt == self.attempts:
                    logger.error("Purge of %s at %s failed %d times, given up: %s",
                                 " ".join(sorted(keys)), self.backend.name, attempt, exc)
                    return joined
                logger.warning("Purge at %s failed (attempt %d), retrying: %s", self.backend.name, attempt, exc)
                try:
                    keys |= self.queue.get(timeout=self.retry_seconds * 2 ** (attempt - 1))
                except queue.Empty:
                    attempt += 1
                else:
                    joined += 1 + self._drain_into(keys)
                    attempt = 1


_workers: list[PurgeWorker] | None = None
_workers_lock = threading.Lock()


def workers() -> list[PurgeWorker]:
    """The workers for settings.CACHE_PURGE_URLS, started on first use in each process."""
    global _workers
    with _workers_lock:
        if _workers is None:
            client = httpx.Client(timeout=settings.CACHE_PURGE_TIMEOUT_SECONDS)
            _workers = [PurgeWorker(backend_for(url, client), attempts=settings.CACHE_PURGE_ATTEMPTS,
                                    retry_seconds=settings.CACHE_PURGE_RETRY_SECONDS)
                        for url in settings.CACHE_PURGE_URLS]
        return _workers


def reset() -> None:
    """Forget the workers (tests that change CACHE_PURGE_URLS); running threads finish their queue."""
    global _workers
    with _workers_lock:
        _workers = None


def purge_now(keys: Iterable[str]) -> None:
    """Queues a purge of the keys at every configured cache (not waiting for it)."""
    keys = frozenset(keys)
    if keys:
        for worker in workers():
            worker.submit(keys)


def after_commit(keys: Iterable[str]) -> None:
    """Purges the keys once the current transaction commits (at once outside one); nothing on rollback."""
    if not settings.CACHE_PURGE_URLS:
        return
    keys = frozenset(keys)
    transaction.on_commit(lambda: purge_now(keys))


def wait_idle(timeout: float = 10) -> bool:
    """True when every queued purge has been sent or given up (for tests and commands that exit)."""
    deadline = time.monotonic() + timeout
    return all(worker.wait_idle(max(0.0, deadline - time.monotonic())) for worker in workers())
