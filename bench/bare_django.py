"""The reference for bench/page_throughput.py: a bare Django view over ASGI (uvicorn), no database, no
middleware, returning a fixed HTML page of about an article page's size. What Django itself costs per request.

    .venv/bin/uvicorn --app-dir bench bare_django:application --port 8010
"""

from __future__ import annotations

import django
from django.conf import settings

settings.configure(DEBUG=False, SECRET_KEY="bench-reference-" + "x" * 40, ROOT_URLCONF=__name__,
                   ALLOWED_HOSTS=["127.0.0.1", "localhost"], MIDDLEWARE=[], INSTALLED_APPS=[])
django.setup()

from django.core.asgi import get_asgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

BODY = ("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Referenz</title></head><body>"
        + "<p>Ein erfundener Absatz über Testhausen, damit die Seite so groß ist wie eine Artikelseite.</p>" * 180
        + "</body></html>")


def page(request):
    return HttpResponse(BODY)


urlpatterns = [path("", page)]
application = get_asgi_application()
