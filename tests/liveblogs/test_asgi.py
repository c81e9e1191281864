"""The event stream's ASGI fast path, driven with ASGI messages as uvicorn would send them."""

import asyncio
import json

import pytest
from asgiref.sync import sync_to_async
from django.db import connections

from newsdesk import realtime
from newsdesk.liveblogs import services
from newsdesk.liveblogs.asgi import EventStreamApp

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _close_worker_thread_connections():
    yield
    asyncio.run(sync_to_async(connections.close_all)())


async def passed_on(scope, receive, send):
    await send({"type": "http.response.start", "status": 299, "headers": []})
    await send({"type": "http.response.body", "body": b"django"})


def scope_for(path: str, *, last_event_id: str | None = None, query: bytes = b"", method: str = "GET") -> dict:
    headers = [(b"last-event-id", last_event_id.encode())] if last_event_id is not None else []
    return {"type": "http", "method": method, "path": path, "query_string": query, "headers": headers}


async def run(scope: dict, *, frames_wanted: int = 0, timeout: float = 3) -> tuple[int, list[bytes]]:
    """Calls the app; once `frames_wanted` event frames arrived, the client disconnects."""
    sent: list[dict] = []
    disconnected = asyncio.Event()

    async def receive():
        await disconnected.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)
        frames = [m for m in sent if m.get("body", b"").startswith(b"id:")]
        if len(frames) >= frames_wanted:
            disconnected.set()

    async with asyncio.timeout(timeout):
        await EventStreamApp(passed_on)(scope, receive, send)
    return sent[0]["status"], [m.get("body", b"") for m in sent[1:]]


def test_backlog_after_last_event_id_then_disconnect_leaves_no_subscriber(liveblog, editor):
    for n in range(3):
        services.entry_create(liveblog=liveblog, author=editor, body=f"Eintrag {n}")
    path = f"/api/v1/liveblogs/{liveblog.slug}/events"
    status, bodies = asyncio.run(run(scope_for(path, last_event_id="1"), frames_wanted=2))
    assert status == 200
    frames = [b for b in bodies if b.startswith(b"id:")]
    assert [f.split(b"\n")[0] for f in frames] == [b"id: 2", b"id: 3"]
    data = json.loads(frames[0].split(b"data: ", 1)[1])
    assert data["type"] == "entry.created" and data["seq"] == 2
    assert realtime.backend().hub.count(liveblog.channel) == 0


def test_query_parameter_resumes_too(liveblog, editor):
    services.entry_create(liveblog=liveblog, author=editor, body="eins")
    services.entry_create(liveblog=liveblog, author=editor, body="zwei")
    path = f"/api/v1/liveblogs/{liveblog.slug}/events"
    _, bodies = asyncio.run(run(scope_for(path, query=b"last_event_id=1"), frames_wanted=1))
    assert [b.split(b"\n")[0] for b in bodies if b.startswith(b"id:")] == [b"id: 2"]


@pytest.mark.parametrize(("path", "last", "status", "words"), [
    ("/api/v1/liveblogs/gibt-es-nicht/events", None, 404, "gibt-es-nicht"),
    (None, "abc", 422, "Last-Event-ID"),
])
def test_errors_are_json_a_person_can_read(liveblog, path, last, status, words):
    path = path or f"/api/v1/liveblogs/{liveblog.slug}/events"
    got, bodies = asyncio.run(run(scope_for(path, last_event_id=last)))
    assert got == status
    assert words in json.loads(bodies[0])["detail"]


def test_closed_newsblog_with_nothing_missed_answers_204(liveblog, editor):
    blog = services.liveblog_set_status(liveblog=liveblog, editor=editor, status="closed")
    status, _ = asyncio.run(run(scope_for(f"/api/v1/liveblogs/{blog.slug}/events", last_event_id=str(blog.last_seq))))
    assert status == 204


def test_everything_else_goes_to_django(liveblog):
    for scope in (scope_for(f"/newsblog/{liveblog.slug}/"), scope_for(f"/api/v1/liveblogs/{liveblog.slug}/events",
                                                                       method="POST")):
        status, bodies = asyncio.run(run(scope))
        assert status == 299 and bodies == [b"django"]
