"""ASGI entry point: `uvicorn newsdesk.asgi:application` (or `newsdesk serve`)."""

import gc
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

from django.core.asgi import get_asgi_application

django_application = get_asgi_application()

from newsdesk.core.checks import ensure_safe_to_serve  # noqa: E402

ensure_safe_to_serve()

from newsdesk.core.after_response import RunAfterResponse  # noqa: E402
from newsdesk.liveblogs.asgi import EventStreamApp  # noqa: E402
from newsdesk.realtime.asgi import PublishAfterResponse  # noqa: E402

# Static files: WhiteNoise's middleware (settings.MIDDLEWARE), collected, hashed and compressed.
# The editor's answer first, then the fan-out (newsdesk.realtime.asgi), then derived work such as search
# indexing (newsdesk.core.after_response).
application = EventStreamApp(RunAfterResponse(PublishAfterResponse(django_application)))

# The pre-screening model and its encoder load in the background while the process starts serving (see
# moderation.services.warm_up): the first comments must not wait for the weights holding database connections.
# /healthz lists it under "warming" until it is done.
if os.environ.get("NEWSDESK_WARM_UP", "true").lower() not in {"0", "false", "no"}:
    from newsdesk.core.readiness import warm_in_background
    from newsdesk.moderation.services import warm_up

    warm_in_background("moderation-model", warm_up)

# Django runs sync views (the editor's POST) on a worker thread while the event loop writes a message to
# thousands of readers. Each time the view thread comes back from the database it waits for the loop's
# thread to give up the GIL, by default up to 5 ms; a POST makes dozens of such trips.
sys.setswitchinterval(float(os.environ.get("NEWSDESK_SWITCH_INTERVAL", "0.0005")))

# Django, its apps and their libraries are loaded: move them out of the cyclic collector's way. Each
# collection of the oldest generation otherwise walks every one of those objects again, and a message
# to thousands of readers triggers collections (bench: fan-out time and memory per reader).
gc.freeze()
# Young collections every 50,000 instead of 700 allocations: with 5,000 readers connected, collections of
# 10-17 ms ran inside the editor's POST and one POST in 20-40 took 66-210 ms (median 20); with this, none in
# 80 (bench/push_latency.py). Garbage cycles wait a little longer; what refcounting frees is freed at once.
gc.set_threshold(*(int(part) for part in os.environ.get("NEWSDESK_GC_THRESHOLD", "50000,20,10").split(",")))
