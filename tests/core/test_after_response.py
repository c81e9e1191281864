"""Work deferred until after the response: the answer first, then publishes, then the work; failures isolated."""

from __future__ import annotations

import asyncio

import pytest

from newsdesk import search
from newsdesk.core import after_response
from newsdesk.liveblogs import indexing, services
from newsdesk.realtime import broker
from newsdesk.realtime.asgi import PublishAfterResponse


def test_outside_a_response_the_work_runs_at_once():
    done = []
    after_response.defer(lambda: done.append("now"))
    assert done == ["now"]


def _app(events: list, work):
    async def inner(scope, receive, send):
        pending = broker.after_response.get()
        pending.append(("kanal", {"seq": 1}))  # what broker.publish collects inside a request
        for item in work:
            after_response.defer(item)
        await send({"type": "http.response.start", "status": 201, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})
        events.append("answered")

    return after_response.RunAfterResponse(PublishAfterResponse(inner))


def test_the_work_runs_after_the_answer_and_the_publishes_in_order_and_a_failure_stops_nothing(monkeypatch):
    events: list = []
    monkeypatch.setattr(broker, "backend", lambda: type("B", (), {
        "publishes_in_memory": True, "publish": staticmethod(lambda channel, data: events.append("published"))})())

    def broken():
        raise RuntimeError("index down")

    app = _app(events, [lambda: events.append("first"), broken, lambda: events.append("last")])

    async def send(message):
        if message["type"] == "http.response.body":
            events.append("sent")

    asyncio.run(app({"type": "http", "method": "POST", "path": "/"}, None, send))
    assert events == ["sent", "answered", "published", "first", "last"]


@pytest.mark.django_db(transaction=True)
def test_an_entry_is_indexed_after_the_response_of_its_post(liveblog, editor):
    async def post():
        async def inner(scope, receive, send):
            def create():
                entry = services.entry_create(liveblog=liveblog, author=editor,
                                              body="<p>Deichbruch bei Ostermoor gemeldet</p>")
                answered_unindexed.append(not search.indexed_ids(indexing.KIND, [entry.pk]))
                return entry.pk

            from asgiref.sync import sync_to_async

            ids.append(await sync_to_async(create)())
            await send({"type": "http.response.start", "status": 201, "headers": []})
            await send({"type": "http.response.body", "body": b"{}"})

        async def send(message):
            pass

        await after_response.RunAfterResponse(inner)({"type": "http", "method": "POST", "path": "/"}, None, send)

    ids: list[int] = []
    answered_unindexed: list[bool] = []
    asyncio.run(post())
    assert answered_unindexed == [True]  # not indexed while the request was answered
    assert search.indexed_ids(indexing.KIND, ids) == set(ids)  # indexed once it was


@pytest.mark.django_db
def test_the_repair_round_indexes_published_entries_without_a_document(liveblog, editor, monkeypatch,
                                                                       django_capture_on_commit_callbacks):
    lost: list = []
    monkeypatch.setattr(after_response, "defer", lost.append)  # a process that died after its answer
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.entry_create(liveblog=liveblog, author=editor, body="<p>Sperrung der B73 aufgehoben</p>")
    assert lost and not search.indexed_ids(indexing.KIND, [entry.pk])
    assert indexing.index_missing_entries() == 1
    assert search.indexed_ids(indexing.KIND, [entry.pk]) == {entry.pk}
    assert search.search("Sperrung").total >= 1
    assert indexing.index_missing_entries() == 0
