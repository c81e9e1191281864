import asyncio
import threading
import uuid

import pytest

from newsdesk.realtime.backends.inprocess import InProcessBackend
from newsdesk.realtime.backends.redis import RedisBackend
from newsdesk.realtime.hub import LocalHub, Message
from tests.support.services import require_redis


def test_inprocess_delivers_from_another_thread_in_order():
    backend = InProcessBackend()

    async def scenario():
        subscription = await backend.subscribe("liveblog.1")
        other = await backend.subscribe("liveblog.2")

        def publisher():
            for seq in range(1, 6):
                backend.publish("liveblog.1", {"seq": seq})

        thread = threading.Thread(target=publisher)
        thread.start()
        received = [(await asyncio.wait_for(subscription.get(), 2)).data["seq"] for _ in range(5)]
        thread.join()
        assert other.queue.empty()
        subscription.close()
        other.close()
        return received

    assert asyncio.run(scenario()) == [1, 2, 3, 4, 5]
    assert backend.hub.count() == 0


def test_messages_are_encoded_once_for_all_subscribers():
    backend = InProcessBackend()

    async def scenario():
        subs = [await backend.subscribe("c") for _ in range(3)]
        backend.publish("c", {"seq": 1, "text": "Grüße"})
        messages = [await s.get() for s in subs]
        assert len({id(m) for m in messages}) == 1
        assert messages[0].raw == '{"seq":1,"text":"Grüße"}'

    asyncio.run(scenario())


def test_overflow_asks_for_resync():
    hub = LocalHub()

    async def scenario():
        subscription = hub.add("c", maxsize=2)
        for seq in range(5):
            hub.dispatch(Message.from_data("c", {"seq": seq}))
        assert subscription.needs_resync
        subscription.drain()
        assert not subscription.needs_resync and subscription.queue.empty()
        hub.resync_all()
        assert await subscription.get() is None and subscription.needs_resync

    asyncio.run(scenario())


@pytest.mark.redis
def test_redis_backend_crosses_processes(settings):
    url = require_redis()
    channel = f"test.{uuid.uuid4().hex}"
    # Two backend instances stand for two server processes: each has its own Redis subscription.
    sender, receiver = RedisBackend(url), RedisBackend(url)

    async def scenario():
        subscription = await receiver.subscribe(channel)
        local = await sender.subscribe(channel)
        await asyncio.to_thread(sender.publish, channel, {"seq": 7, "type": "entry.created"})
        got = await asyncio.wait_for(subscription.get(), 3)
        while got is None:  # the resync nudge sent when the subscription was confirmed
            got = await asyncio.wait_for(subscription.get(), 3)
        mine = await asyncio.wait_for(local.get(), 3)
        while mine is None:
            mine = await asyncio.wait_for(local.get(), 3)
        for task in [*sender._tasks.values(), *receiver._tasks.values()]:
            task.cancel()
        return got.data, mine.data

    received, echoed = asyncio.run(scenario())
    assert received == {"seq": 7, "type": "entry.created"} == echoed


@pytest.mark.redis
def test_redis_publish_failure_does_not_raise():
    backend = RedisBackend("redis://127.0.0.1:1/0")
    backend.publish("c", {"seq": 1})  # logged, not raised: the write is already committed
