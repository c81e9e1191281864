"""Pushpin in front: it holds the readers' connections; newsdesk answers with GRIP and publishes to it."""

from __future__ import annotations

import queue

import httpx
import pytest

from tests.server.test_fanout import SLUG, SseReader
from tests.support.pushpin import running_pushpin
from tests.support.server import EDITOR, Api, free_port, prepared_site
from tests.support.services import require_pushpin


@pytest.fixture(scope="module")
def behind_pushpin(tmp_path_factory):
    require_pushpin()
    folder = tmp_path_factory.mktemp("pushpin-site")
    with prepared_site(folder / "site") as site:
        port = free_port()
        with running_pushpin(folder / "pushpin", port) as proxy:
            server = site.start(port=port, **proxy.env())
            token = site.manage("token", "create", EDITOR).strip()
            yield site, proxy, server, token


def current_seq(server) -> int:
    return httpx.get(f"{server.url}/api/v1/liveblogs/{SLUG}").json()["last_seq"]


def test_entries_reach_readers_held_by_pushpin(behind_pushpin):
    _, proxy, server, token = behind_pushpin
    events_url = f"{proxy.url}/api/v1/liveblogs/{SLUG}/events"
    readers = [SseReader(events_url, last_event_id=current_seq(server)) for _ in range(3)]
    try:
        posted = [Api(server.url, token).post_entry(SLUG, f"Über Pushpin {n}.") for n in range(2)]
        for reader in readers:
            received = reader.take(2)
            assert [event_id for event_id, _, _ in received] == [p["seq"] for p in posted]
            assert [data["entry"]["id"] for _, _, data in received] == [p["id"] for p in posted]
            with pytest.raises(queue.Empty):
                reader.take(1, timeout=0.5)
    finally:
        for reader in readers:
            reader.close()


def test_resuming_through_pushpin_sends_exactly_what_was_missed(behind_pushpin):
    _, proxy, server, token = behind_pushpin
    api = Api(server.url, token)
    start = api.post_entry(SLUG, "Vor der Funkstille.")["seq"]
    missed = [api.post_entry(SLUG, f"Verpasst {n}.")["seq"] for n in range(3)]
    reader = SseReader(f"{proxy.url}/api/v1/liveblogs/{SLUG}/events", last_event_id=start)
    try:
        assert [event_id for event_id, _, _ in reader.take(3)] == missed
        live = api.post_entry(SLUG, "Wieder live.")["seq"]
        assert reader.take(1)[0][0] == live
    finally:
        reader.close()


def test_a_lost_publish_is_recovered_from_the_event_log(behind_pushpin):
    site, proxy, server, token = behind_pushpin
    # A second process whose publishes go nowhere: its entry is committed but never pushed.
    lost_port = free_port()
    broken = site.start(GRIP_URL=f"http://127.0.0.1:{lost_port}", GRIP_SIG_KEY=proxy.sig_key)
    reader = SseReader(f"{proxy.url}/api/v1/liveblogs/{SLUG}/events", last_event_id=current_seq(server))
    try:
        lost = Api(broken.url, token).post_entry(SLUG, "Dieser Push geht verloren.")
        # The next publish names the lost one as its predecessor; Pushpin notices the gap and asks us.
        # (On a loaded machine Pushpin may have re-requested the stream already and got the lost entry from the
        # event log then: either way it comes from the log, once, and before the next one.)
        after = Api(server.url, token).post_entry(SLUG, "Der nächste Push holt ihn nach.")
        # Pushpin first holds an item whose predecessor it has not seen (about 5 s), then asks us.
        received = reader.take(2, timeout=30)
        assert [event_id for event_id, _, _ in received] == [lost["seq"], after["seq"]]
        with pytest.raises(queue.Empty):
            reader.take(1, timeout=0.5)
    finally:
        reader.close()
        broken.stop()


def test_a_forged_grip_signature_gets_a_plain_stream(behind_pushpin):
    _, _, server, _ = behind_pushpin
    with httpx.stream("GET", f"{server.url}/api/v1/liveblogs/{SLUG}/events",
                      headers={"Grip-Sig": "forged.token.value"}, timeout=5) as response:
        assert response.status_code == 200
        assert "grip-hold" not in response.headers
        assert next(response.iter_lines()).startswith("retry:")


def test_the_shipped_configuration_is_what_runs_here(behind_pushpin):
    """tests/support/pushpin.py starts Pushpin from deploy/pushpin/pushpin.conf: these tests prove it valid."""
    from tests.support.pushpin import DEPLOY_CONFIG

    _, proxy, _, _ = behind_pushpin
    running = (proxy.log_path.parent / "pushpin.conf").read_text()
    for setting in ("message_rate=500000", "client_maxconn=200000", "message_hwm=2000000"):
        assert setting in DEPLOY_CONFIG.read_text() and setting in running
    figures = httpx.get(proxy.prometheus_url, timeout=5)
    assert figures.status_code == 200
    assert "pushpin_message_sent" in figures.text
