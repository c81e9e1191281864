from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.functional import SimpleLazyObject

from newsdesk.caching.headers import is_marked_shared


def csrf(request: HttpRequest) -> dict:
    """Replaces Django's built-in `csrf_token` (processors listed later win): on a page for a shared cache
    `{% csrf_token %}` renders nothing and no CSRF cookie is set; caching/forms.js fetches a token when the
    reader starts using a form. Everywhere else it is Django's token, as before.
    """

    def token() -> str:
        if is_marked_shared(request):
            return "NOTPROVIDED"  # the value Django's tag renders as nothing
        return get_token(request) or "NOTPROVIDED"

    return {"csrf_token": SimpleLazyObject(token)}
