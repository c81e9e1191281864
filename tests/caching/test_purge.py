"""Purges: after commit only, coalesced, retried, through each kind of cache's API."""

from __future__ import annotations

import threading

import httpx
import pytest
from django.db import transaction

from newsdesk.caching import purge
from newsdesk.core import freshness


class Recorder:
    def __init__(self, failures: int = 0) -> None:
        self.requests: list[httpx.Request] = []
        self.failures = failures
        self.lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.requests.append(request)
            if self.failures:
                self.failures -= 1
                return httpx.Response(503, text="busy")
        return httpx.Response(200)


def client_for(recorder: Recorder) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(recorder))


def test_each_url_names_its_backend():
    recorder = Recorder()
    client = client_for(recorder)
    purge.backend_for("xkey+http://127.0.0.1:6081/", client).purge(["a", "liveblog.x"])
    purge.backend_for("purge+https://cache.internal/", client).purge(["a"])
    purge.backend_for("fastly://SERVICE1?token=f-token", client).purge(["a", "b"])
    purge.backend_for("cloudflare://ZONE1?token=c-token", client).purge(["a", "b"])
    varnish, plain, fastly, cloudflare = recorder.requests
    assert (varnish.method, str(varnish.url), varnish.headers["xkey-purge"]) == (
        "PURGE", "http://127.0.0.1:6081/", "a liveblog.x")
    assert (plain.method, str(plain.url), plain.headers["Surrogate-Key"]) == ("PURGE", "https://cache.internal/", "a")
    assert str(fastly.url) == "https://api.fastly.com/service/SERVICE1/purge"
    assert fastly.headers["Fastly-Key"] == "f-token" and fastly.headers["Surrogate-Key"] == "a b"
    assert str(cloudflare.url) == "https://api.cloudflare.com/client/v4/zones/ZONE1/purge_cache"
    assert cloudflare.headers["Authorization"] == "Bearer c-token" and b'"tags"' in cloudflare.content
    with pytest.raises(ValueError, match="cannot purge"):
        purge.backend_for("ftp://example/", client)


def test_a_failing_cache_is_retried_until_it_answers():
    recorder = Recorder(failures=2)
    worker = purge.PurgeWorker(purge.VarnishXkeyBackend("http://varnish/", client_for(recorder)),
                               attempts=5, retry_seconds=0.01)
    worker.submit(["home"])
    assert worker.wait_idle(5)
    assert len(recorder.requests) == 3 and worker.sent == 1


def test_a_cache_that_stays_down_is_given_up_without_blocking():
    recorder = Recorder(failures=100)
    worker = purge.PurgeWorker(purge.VarnishXkeyBackend("http://varnish/", client_for(recorder)),
                               attempts=3, retry_seconds=0.01)
    worker.submit(["home"])
    assert worker.wait_idle(5)
    assert len(recorder.requests) == 3 and worker.sent == 0


def test_a_new_change_does_not_wait_behind_a_purge_in_its_backoff():
    """The cache was away at start-up; once it is back, the next change is purged at once, with the old keys."""
    recorder = Recorder(failures=1)
    worker = purge.PurgeWorker(purge.VarnishXkeyBackend("http://varnish/", client_for(recorder)),
                               attempts=5, retry_seconds=30)
    worker.submit(["site"])
    while not recorder.requests:
        threading.Event().wait(0.01)
    worker.submit(["liveblog.hochwasser"])  # the first purge now waits 30 s before its next attempt
    assert worker.wait_idle(5)
    assert [r.headers["xkey-purge"] for r in recorder.requests] == ["site", "liveblog.hochwasser site"]
    assert worker.sent == 1


@pytest.mark.django_db(transaction=True)
def test_keys_bumped_in_a_transaction_are_purged_after_commit_only(settings, monkeypatch):
    settings.CACHE_PURGE_URLS = ["xkey+http://varnish/"]
    sent: list[frozenset[str]] = []
    monkeypatch.setattr(purge, "purge_now", lambda keys: sent.append(frozenset(keys)))
    with transaction.atomic():
        freshness.bump("articles", "liveblog.flut")
        assert sent == []  # nothing leaves before the commit
    assert sent == [frozenset({"articles", "liveblog.flut"})]
    with pytest.raises(RuntimeError), transaction.atomic():
        freshness.bump("articles")
        raise RuntimeError("rolled back")
    assert len(sent) == 1
