from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from newsdesk.core.freshness import SITE, conditional_page
from newsdesk.pages.apps import PAGES_KEY
from newsdesk.pages.selectors import legal_page


@conditional_page(lambda request: [SITE, PAGES_KEY], kind="page")
def impressum(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("impressum")})


@conditional_page(lambda request: [SITE, PAGES_KEY], kind="page")
def datenschutz(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("datenschutz")})


@conditional_page(lambda request: [SITE, PAGES_KEY])
def nutzungsbedingungen(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("nutzungsbedingungen")})
