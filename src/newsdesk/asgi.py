"""ASGI entry point: `uvicorn newsdesk.asgi:application` (or `newsdesk serve`)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

from django.core.asgi import get_asgi_application

django_application = get_asgi_application()

from newsdesk.core.checks import ensure_safe_to_serve  # noqa: E402

ensure_safe_to_serve()

from newsdesk.liveblogs.asgi import EventStreamApp  # noqa: E402

# Static files: WhiteNoise's middleware (settings.MIDDLEWARE), collected, hashed and compressed.
application = EventStreamApp(django_application)
