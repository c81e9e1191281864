"""The desk's event stream: presence first, then live chat and presence; resume after Last-Event-ID; members only."""

from __future__ import annotations

import asyncio
import json

import pytest
from asgiref.sync import sync_to_async
from django.db import connections
from django.test import AsyncClient
from django.urls import reverse

from newsdesk.desk import services
from newsdesk.desk.streaming import desk_events

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _close_worker_thread_connections():
    yield
    asyncio.run(sync_to_async(connections.close_all)())


def parse(chunk: bytes) -> dict:
    fields = dict(line.split(": ", 1) for line in chunk.decode().strip().splitlines() if not line.startswith(":"))
    return {"id": int(fields["id"]) if "id" in fields else None, "event": fields["event"],
            "data": json.loads(fields["data"])}


async def frames(stream, count: int, timeout: float = 5) -> list[dict]:
    got = []
    async with asyncio.timeout(timeout):
        async for chunk in stream:
            if chunk.startswith((b"retry:", b":")):
                continue
            got.append(parse(chunk))
            if len(got) == count:
                return got
    return got


def test_stream_sends_presence_then_live_messages_and_presence(liveblog, editor, anna):
    services.presence_heartbeat(liveblog=liveblog, user=anna)

    async def run():
        stream = desk_events(liveblog, editor, None, heartbeat=30)
        first = await frames(stream, 1)
        assert first[0]["event"] == "desk.presence"
        assert [p["username"] for p in first[0]["data"]["people"]] == ["anna"]
        await sync_to_async(services.message_post)(liveblog=liveblog, author=anna, text="Bin am Deich, @erika")
        await sync_to_async(services.presence_heartbeat)(liveblog=liveblog, user=anna, typing=True)
        live = await frames(stream, 2)
        await stream.aclose()
        return live

    message, presence = asyncio.run(run())
    assert message["event"] == "desk.message" and message["data"]["text"] == "Bin am Deich, @erika"
    assert message["id"] == message["data"]["id"] and message["data"]["mentions"] == ["erika"]
    assert presence["event"] == "desk.presence" and presence["id"] is None
    assert presence["data"]["people"][0]["typing"]


def test_stream_resumes_after_the_last_message_it_sent(liveblog, editor):
    first = services.message_post(liveblog=liveblog, author=editor, text="eins")
    services.message_post(liveblog=liveblog, author=editor, text="zwei")
    services.message_post(liveblog=liveblog, author=editor, text="drei")

    async def run():
        stream = desk_events(liveblog, editor, first.pk, heartbeat=30)
        got = await frames(stream, 3)
        await stream.aclose()
        return got

    presence, *missed = asyncio.run(run())
    assert presence["event"] == "desk.presence"
    assert [frame["data"]["text"] for frame in missed] == ["zwei", "drei"]


def test_stream_ends_when_the_editor_leaves_the_newsblog(liveblog, editor, other_editor):
    async def run():
        stream = desk_events(liveblog, other_editor, None, heartbeat=0.05)
        await frames(stream, 1)
        await sync_to_async(liveblog.editors.set)([editor])  # other_editor is off this newsblog now
        rest = []
        async with asyncio.timeout(5):
            async for chunk in stream:
                rest.append(chunk)
        return rest

    assert asyncio.run(run()) == []  # ended at the next heartbeat, without sending one


def test_the_view_streams_for_editors_and_refuses_readers(liveblog, editor, reader):
    url = reverse("desk:events", kwargs={"slug": liveblog.slug})

    async def run():
        outsider = AsyncClient()
        await outsider.aforce_login(reader)
        refused = await outsider.get(url)
        client = AsyncClient()
        await client.aforce_login(editor)
        response = await client.get(url)
        got = await frames(response.streaming_content, 1)
        await response.streaming_content.aclose()
        return refused, response, got

    refused, response, got = asyncio.run(run())
    assert refused.status_code == 403
    assert response.status_code == 200 and response["Content-Type"].startswith("text/event-stream")
    assert response["Cache-Control"].startswith("no-cache")
    assert got[0]["event"] == "desk.presence"


def test_readers_stream_never_carries_the_desk(liveblog, editor):
    """Presence and chat go to liveblog.<id>.desk: the readers' channel liveblog.<id> stays silent."""
    from newsdesk import realtime

    async def run():
        async with realtime.subscribe(liveblog.channel) as readers:
            await sync_to_async(services.presence_heartbeat)(liveblog=liveblog, user=editor, typing=True)
            await sync_to_async(services.message_post)(liveblog=liveblog, author=editor, text="intern")
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.3):
                    await readers.get()

    asyncio.run(run())


def test_through_pushpin_the_desk_channel_is_held_for_members_only(liveblog, editor, reader, settings, monkeypatch):
    from types import SimpleNamespace

    from django.test import Client

    from tests.realtime.test_grip import token

    settings.GRIP_SIG_KEY = "desk-test-key"
    monkeypatch.setattr("newsdesk.realtime.backend", lambda: SimpleNamespace(holds_connections=True))
    services.message_post(liveblog=liveblog, author=editor, text="vorher")
    later = services.message_post(liveblog=liveblog, author=editor, text="verpasst")
    url = reverse("desk:events", kwargs={"slug": liveblog.slug})
    signed = {"HTTP_GRIP_SIG": token("desk-test-key", {"iss": "pushpin"})}
    client = Client()
    client.force_login(editor)
    response = client.get(url, HTTP_LAST_EVENT_ID=str(later.pk - 1), **signed)
    assert response.status_code == 200
    assert response["Grip-Hold"] == "stream" and response["Grip-Channel"] == f"liveblog.{liveblog.pk}.desk"
    body = response.content.decode()
    assert "event: desk.presence" in body and "verpasst" in body and "vorher" not in body
    outsider = Client()
    outsider.force_login(reader)
    refused = outsider.get(url, **signed)
    assert refused.status_code == 403 and "Grip-Hold" not in refused
