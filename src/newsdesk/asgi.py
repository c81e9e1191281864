"""ASGI entry point: `uvicorn newsdesk.asgi:application` (or `newsdesk serve`)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from django.core.asgi import get_asgi_application

django_application = get_asgi_application()

from newsdesk.core.checks import ensure_safe_to_serve  # noqa: E402

ensure_safe_to_serve()

from newsdesk.liveblogs.asgi import EventStreamApp  # noqa: E402

# Static files from the apps; a CDN or web server in front takes this over in large setups.
application = EventStreamApp(ASGIStaticFilesHandler(django_application))
