"""Server processes, as deployed: uvicorn subprocesses sharing one database (and Redis for fan-out)."""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid

import httpx
import pytest

from tests.support.server import EDITOR, Api, prepared_site
from tests.support.services import require_redis

SLUG = "hochwasser-in-kelmsbrueck"


class SseReader:
    """Reads one event stream in a thread; events land in a queue as (id, event, data)."""

    def __init__(self, url: str, last_event_id: int | None = None) -> None:
        self.events: queue.Queue = queue.Queue()
        self.connected = threading.Event()
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self._client = httpx.Client(timeout=httpx.Timeout(10, read=30))
        self._thread = threading.Thread(target=self._run, args=(url, headers), daemon=True)
        self._thread.start()
        assert self.connected.wait(30), "the event stream did not open"

    def _run(self, url: str, headers: dict) -> None:
        fields: dict[str, str] = {}
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                assert response.headers["content-type"].startswith("text/event-stream")
                for line in response.iter_lines():
                    if line.startswith("retry:"):
                        # The server sends this once its subscription is confirmed (newsdesk.liveblogs.streaming).
                        self.connected.set()
                    elif not line:
                        if "data" in fields:
                            self.events.put((int(fields["id"]), fields["event"], json.loads(fields["data"])))
                        fields = {}
                    elif not line.startswith(":"):
                        name, _, value = line.partition(": ")
                        fields[name] = value
        except (httpx.HTTPError, RuntimeError):
            return

    def take(self, count: int, timeout: float = 3) -> list[tuple[int, str, dict]]:
        deadline = time.monotonic() + timeout
        taken = []
        while len(taken) < count:
            taken.append(self.events.get(timeout=max(0.01, deadline - time.monotonic())))
        return taken

    def close(self) -> None:
        self._client.close()


@pytest.fixture(scope="module")
def redis_site(tmp_path_factory):
    url = require_redis()
    with prepared_site(tmp_path_factory.mktemp("redis-site"), REDIS_URL=url) as site:
        site.manage("demo")  # idempotent: a second run changes nothing
        yield site


def test_two_processes_deliver_each_others_entries_through_redis(redis_site):
    first, second = redis_site.start(), redis_site.start()
    token = redis_site.manage("token", "create", EDITOR).strip()
    # Resume from the current position: only live messages count here, no backlog.
    current = httpx.get(f"{first.url}/api/v1/liveblogs/{SLUG}").json()["last_seq"]
    readers = {name: SseReader(f"{server.url}/api/v1/liveblogs/{SLUG}/events", last_event_id=current)
               for name, server in (("first", first), ("second", second))}
    try:
        text = f"Über Prozess eins gepostet {uuid.uuid4().hex[:6]}"
        posted = Api(first.url, token).post_entry(SLUG, text)
        for reader in readers.values():
            (event_id, event_type, data), = reader.take(1)
            assert event_type == "entry.created"
            assert data["entry"]["id"] == posted["id"]
            assert event_id == posted["seq"]
        reply = Api(second.url, token).post_entry(SLUG, "Und über Prozess zwei.")
        for reader in readers.values():
            (event_id, _, data), = reader.take(1)
            assert data["entry"]["id"] == reply["id"]
    finally:
        for reader in readers.values():
            reader.close()
        redis_site.stop_all()


def test_a_reader_resuming_on_another_process_gets_exactly_what_it_missed(redis_site):
    first, second = redis_site.start(), redis_site.start()
    token = redis_site.manage("token", "create", EDITOR).strip()
    api = Api(first.url, token)
    try:
        start = api.post_entry(SLUG, "Stand vor der Unterbrechung.")["seq"]
        missed = [api.post_entry(SLUG, f"Verpasst {n}.")["seq"] for n in range(3)]
        reader = SseReader(f"{second.url}/api/v1/liveblogs/{SLUG}/events", last_event_id=start)
        try:
            backlog = reader.take(3)
            assert [event_id for event_id, _, _ in backlog] == missed
            live = api.post_entry(SLUG, "Danach wieder live.")["seq"]
            assert reader.take(1)[0][0] == live
            with pytest.raises(queue.Empty):
                reader.take(1, timeout=0.5)  # nothing twice
        finally:
            reader.close()
    finally:
        redis_site.stop_all()


def test_several_workers_need_a_shared_backend(tmp_path):
    with prepared_site(tmp_path) as site, pytest.raises(RuntimeError, match="REDIS_URL"):
        site.manage("serve", "--workers", "2")
