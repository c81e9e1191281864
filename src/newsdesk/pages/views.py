from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from newsdesk.core.freshness import SITE, conditional_page
from newsdesk.pages.apps import PAGES_KEY
from newsdesk.pages.models import Page
from newsdesk.pages.selectors import legal_page


@conditional_page(lambda request: [SITE, PAGES_KEY], kind="page")
def impressum(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("impressum")})


@conditional_page(lambda request: [SITE, PAGES_KEY], kind="page")
def datenschutz(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("datenschutz")})


@conditional_page(lambda request: [SITE, PAGES_KEY], kind="page")
def nutzungsbedingungen(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/page.html", {"page": legal_page("nutzungsbedingungen")})
@conditional_page(lambda request, slug: [SITE, PAGES_KEY], kind="page")
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page, slug=slug, published=True)
    return render(request, "pages/page.html", {"page": page})
