"""Publish/subscribe for live updates. Deals in channel names and JSON-able dicts only.

    from newsdesk.realtime import publish, subscribe
    publish("liveblog.42", {"seq": 7, "type": "entry.created", ...})      # from sync code, after commit
    async with subscribe("liveblog.42") as subscription:                  # in an async view
        message = await subscription.get()
"""

from newsdesk.realtime.broker import attached, backend, publish, subscribe
from newsdesk.realtime.fanout import Sink, Wake
from newsdesk.realtime.hub import HEARTBEAT, Message, Subscription

__all__ = ["HEARTBEAT", "Message", "Sink", "Subscription", "Wake", "attached", "backend", "publish", "subscribe"]
