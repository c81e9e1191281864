from django.conf import settings
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin


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
