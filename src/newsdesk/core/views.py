from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from newsdesk.liveblogs.views import liveblog_list


def home(request: HttpRequest) -> HttpResponse:
    return liveblog_list(request)


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
