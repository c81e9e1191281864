import contextlib

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

from newsdesk.core.validation import text_problem


class SiteLanguageMiddleware(MiddlewareMixin):
    """The language is in the address: /en/... is English, everything else the site's language (German).

    Unlike Django's LocaleMiddleware it reads neither a cookie nor Accept-Language: a German news site stays
    German for a browser set to English, and a page is the same for everybody at its address (shared caches
    need no `Vary`). The switcher in the header links to the same page in the other language.
    """

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        # The thread may serve another request next (or run code outside one): back to the site's language.
        translation.activate(settings.LANGUAGE_CODE)
        return response


class InvalidTextMiddleware:
    """Answer 400 with a message when a query or form value is not acceptable text (core.validation).

    One guard for every form, search and sign-up: a NUL byte or another control character must neither reach
    the database (PostgreSQL refuses NUL with a 500, SQLite stores it) nor be silently stored. JSON bodies are
    checked by the API schemas, which answer 422.
    """

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self._problem(request)
        if problem and request.path.startswith("/api/"):
            return JsonResponse({"detail": problem}, status=400)  # the API's error shape
        if problem:
            return render(request, "action_page.html", {
                "title": _("The input could not be read"),
                "message": problem + " " + _("Please go back, remove the character and send again."),
            }, status=400)
        return self.get_response(request)

    def _problem(self, request) -> str | None:
        sources = [request.GET]
        if request.method == "POST" and request.content_type in self.FORM_TYPES:
            with contextlib.suppress(RequestDataTooBig):  # the view answers that with its own message
                sources.append(request.POST)
        for data in sources:
            for key, values in data.lists():
                for value in [key, *values]:
                    problem = text_problem(value)
                    if problem:
                        return problem
        return None
