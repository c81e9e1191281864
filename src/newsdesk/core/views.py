from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse


def robots_txt(request: HttpRequest) -> HttpResponse:
    # Editor and API paths are no use to search engines; everything readers see may be crawled.
    private = ["/admin/", "/redaktion/", "/anmelden/", "/api/", "/i18n/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private), "",
             f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
