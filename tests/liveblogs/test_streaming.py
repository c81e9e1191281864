"""The SSE generator against the real event log: resume, no gaps, no duplicates, closing."""

import asyncio
import json

import pytest
from asgiref.sync import sync_to_async
from django.db import connections

from newsdesk import realtime
from newsdesk.liveblogs import services
from newsdesk.liveblogs.streaming import RETRY_JITTER_MS, liveblog_events

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _close_worker_thread_connections():
    """The ORM ran in asgiref's worker thread; close its connection so the test database can be dropped."""
    yield
    asyncio.run(sync_to_async(connections.close_all)())


def parse(frame: str) -> dict:
    fields = dict(line.split(": ", 1) for line in frame.strip().splitlines() if not line.startswith(":"))
    return {"id": int(fields["id"]), "event": fields["event"], "data": json.loads(fields["data"])}


async def collect(stream, count: int, timeout: float = 3) -> list[dict]:
    frames = []
    async with asyncio.timeout(timeout):
        async for chunk in stream:
            text = chunk.decode()
            if text.startswith(("retry:", ":")):
                continue
            frames.append(parse(text))
            if len(frames) == count:
                break
    return frames


def stream_for(blog, last_seq: int = 0, heartbeat: float = 10):
    return liveblog_events(blog.pk, blog.channel, last_seq, heartbeat=heartbeat)


def test_resume_sends_exactly_the_missed_events_then_live(liveblog, editor):
    for n in range(3):
        services.entry_create(liveblog=liveblog, author=editor, body=f"vorher {n}")

    async def scenario():
        stream = stream_for(liveblog, last_seq=1)
        backlog = await collect(stream, 2)
        create = sync_to_async(services.entry_create)
        await create(liveblog=liveblog, author=editor, body="live")
        live = await collect(stream, 1)
        await stream.aclose()
        return backlog + live

    frames = asyncio.run(scenario())
    assert [f["id"] for f in frames] == [2, 3, 4]
    assert [f["event"] for f in frames] == ["entry.created"] * 3
    assert frames[-1]["data"]["entry"]["body"] == "<p>live</p>"


def test_gap_in_live_messages_is_filled_from_the_log(liveblog, editor):
    """A message lost between processes: the next one reveals the gap, the log fills it."""

    async def scenario():
        stream = stream_for(liveblog)
        first = asyncio.ensure_future(collect(stream, 3))
        await asyncio.sleep(0.2)  # the stream is subscribed and has read the (empty) backlog
        # Write two entries without publishing (as if the messages were lost) ...
        await sync_to_async(_write_silently)(liveblog, editor, 2)
        # ... then a third one that is published normally.
        await sync_to_async(services.entry_create)(liveblog=liveblog, author=editor, body="drei")
        frames = await first
        await stream.aclose()
        return frames

    frames = asyncio.run(scenario())
    assert [f["id"] for f in frames] == [1, 2, 3]


def _write_silently(liveblog, editor, count):
    from unittest import mock

    with mock.patch("newsdesk.realtime.publish"):
        for n in range(count):
            services.entry_create(liveblog=liveblog, author=editor, body=f"still {n}")


def test_duplicate_and_old_messages_are_dropped(liveblog, editor):
    services.entry_create(liveblog=liveblog, author=editor, body="eins")

    async def scenario():
        stream = stream_for(liveblog, last_seq=0)
        frames = await collect(stream, 1)
        # Replays of what the reader already has must not be sent again.
        realtime.publish(liveblog.channel, {"seq": 1, "type": "entry.created", "entry": {"id": 0}})
        await sync_to_async(services.entry_create)(liveblog=liveblog, author=editor, body="zwei")
        frames += await collect(stream, 1)
        await stream.aclose()
        return frames

    assert [f["id"] for f in asyncio.run(scenario())] == [1, 2]


def test_closing_ends_the_stream(liveblog, editor):
    async def scenario():
        stream = stream_for(liveblog)
        task = asyncio.ensure_future(collect(stream, 99))
        await asyncio.sleep(0.2)
        await sync_to_async(services.liveblog_set_status)(liveblog=liveblog, editor=editor, status="closed")
        return await task  # times out (fails) unless the stream ends by itself

    frames = asyncio.run(scenario())
    assert [f["event"] for f in frames] == ["liveblog.closed"]


def test_heartbeat_comment_when_idle(liveblog):
    async def scenario():
        stream = stream_for(liveblog, heartbeat=0.1)
        chunks = [await anext(stream) for _ in range(2)]
        await stream.aclose()
        return chunks

    retry, heartbeat = asyncio.run(scenario())
    assert heartbeat == b": heartbeat\n\n"
    # A reconnect delay of its own per connection, so readers do not all come back at once.
    assert retry.startswith(b"retry: ") and retry.endswith(b"\n\n")
    low, high = RETRY_JITTER_MS
    assert low <= int(retry[len(b"retry: "):]) <= high


def test_a_reader_far_behind_gets_the_json_catch_up_instead_of_the_backlog(liveblog, editor, monkeypatch):
    from newsdesk.liveblogs import streaming

    monkeypatch.setattr(streaming, "RESUME_MAX_EVENTS", 2)
    start = liveblog.last_seq
    for n in range(3):
        services.entry_create(liveblog=liveblog, author=editor, body=f"<p>Weit zurück {n}</p>")
    liveblog.refresh_from_db()
    sent = []

    async def send(message):
        sent.append(message["body"])

    async def receive():
        return {"type": "http.disconnect"}

    async def scenario():
        return await streaming.follow_direct(
            streaming.Follow(liveblog.pk, liveblog.channel, start, liveblog.slug, liveblog.last_seq),
            send, receive, heartbeat=15)

    assert asyncio.run(scenario()) == streaming.CATCHUP
    assert sent[0].startswith(b"retry: ")
    event = sent[1].decode()
    assert "event: catchup" in event and "id:" not in event
    data = json.loads(event.split("data: ", 1)[1])
    assert data["url"] == f"/api/v1/liveblogs/{liveblog.slug}/entries?since={start}"
    assert data["latest"] == liveblog.last_seq


def test_through_pushpin_a_reader_far_behind_gets_the_catch_up_and_no_hold(liveblog, editor, settings, monkeypatch):
    from types import SimpleNamespace

    from newsdesk.liveblogs import streaming
    from tests.realtime.test_grip import token

    settings.GRIP_SIG_KEY = "catchup-test-key"
    monkeypatch.setattr("newsdesk.realtime.backend", lambda: SimpleNamespace(holds_connections=True))
    monkeypatch.setattr(streaming, "RESUME_MAX_EVENTS", 2)
    start = liveblog.last_seq
    for n in range(3):
        services.entry_create(liveblog=liveblog, author=editor, body=f"<p>Lange weg {n}</p>")
    signed = {"grip-sig": token("catchup-test-key", {"iss": "pushpin"})}
    answer = asyncio.run(streaming.start_stream(liveblog.slug, str(start), heartbeat=15, request_headers=signed))
    assert answer.status == 200 and "Grip-Hold" not in dict(answer.headers)
    assert b"event: catchup" in answer.body and b"Lange weg" not in answer.body
    # One entry behind is an ordinary held stream with that entry.
    near = asyncio.run(streaming.start_stream(liveblog.slug, str(start + 2), heartbeat=15, request_headers=signed))
    assert dict(near.headers)["Grip-Hold"] == "stream" and b"Lange weg 2" in near.body


def test_the_documented_route_sends_a_reader_far_behind_to_the_catch_up(liveblog, editor, monkeypatch):
    """The queued path (API route, REALTIME_DIRECT_FANOUT off) caps the backlog like the direct one."""
    from newsdesk.liveblogs import streaming

    monkeypatch.setattr(streaming, "RESUME_MAX_EVENTS", 2)
    start = liveblog.last_seq
    for n in range(3):
        services.entry_create(liveblog=liveblog, author=editor, body=f"<p>Lange nicht da {n}</p>")
    answer = asyncio.run(streaming.start_stream(liveblog.slug, str(start), heartbeat=15))
    assert answer.events is None and b"event: catchup" in answer.body and b"Lange nicht da" not in answer.body
    near = asyncio.run(streaming.start_stream(liveblog.slug, str(start + 2), heartbeat=15))
    assert near.events is not None



def test_a_newsblog_channel_tells_its_position_to_the_realtime_layer(liveblog, editor):
    from newsdesk.realtime import positions

    services.entry_create(liveblog=liveblog, author=editor, body="<p>Fähre nach Ostermoor fährt wieder</p>")
    liveblog.refresh_from_db()
    assert positions.current(liveblog.channel) == liveblog.last_seq > 0
    assert positions.current(f"{liveblog.channel}.desk") is None
    assert positions.current("liveblog.999999") is None


def test_readers_connecting_at_once_share_one_lookup_of_the_newsblog(liveblog, monkeypatch):
    """A connect storm asks for the same newsblog thousands of times within milliseconds: one hop serves all."""
    from newsdesk.liveblogs import streaming

    calls = []
    real = streaming._find_open_state

    def counted(slug, retire_connections=False):
        calls.append(slug)
        return real(slug, retire_connections)

    monkeypatch.setattr(streaming, "_find_open_state", counted)

    async def storm():
        return await asyncio.gather(*(streaming.start_stream(liveblog.slug, "0", heartbeat=15, direct=True)
                                      for _ in range(50)))

    answers = asyncio.run(storm())
    assert all(answer.status == 200 and answer.follow.liveblog_id == liveblog.pk for answer in answers)
    assert len(calls) == 1
    asyncio.run(storm())
    assert len(calls) == 2  # shared while in flight, never cached afterwards
