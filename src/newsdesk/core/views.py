import hashlib

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.http import condition

from newsdesk.core import readiness


def _robots_body() -> str:
    # Editor and API paths are no use to search engines; everything readers see may be crawled.
    private = ["/admin/", "/redaktion/", "/anmelden/", "/api/", "/i18n/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private), "",
             f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}", ""]
    return "\n".join(lines)


# No database behind it: the ETag is a digest of the text itself (it changes with NEWSDESK_SITE_URL).
@condition(etag_func=lambda request: hashlib.blake2b(_robots_body().encode(), digest_size=16).hexdigest())
def robots_txt(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(_robots_body(), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "warming": readiness.warming()})
