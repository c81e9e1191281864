from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from newsdesk.pages.selectors import legal_page


def impressum(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("impressum")})


def datenschutz(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("datenschutz")})
