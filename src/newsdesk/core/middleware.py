from django.conf import settings
from django.utils import translation
from django.utils.deprecation import MiddlewareMixin


class SiteLanguageMiddleware(MiddlewareMixin):
    """The site's language (German) unless the reader picked another with the switcher.

    Unlike Django's LocaleMiddleware it ignores Accept-Language: a German news site stays German
    for a browser set to English, and pages need no `Vary: Accept-Language` (better for caches).
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
