"""API authentication: bearer tokens, or the site session with its CSRF token."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from newsdesk.accounts.services import token_authenticate


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class SessionWithCsrf(APIKeyCookie):
    """The logged-in browser session; writes must carry the CSRF token like any form post."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest):
        if not request.user.is_authenticated:
            return None
        if request.method not in ("GET", "HEAD", "OPTIONS") and check_csrf(request):
            raise HttpError(403, _("CSRF check failed: send the X-CSRFToken header from the page's csrftoken cookie."))
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key):
        return request.user if request.user.is_authenticated else None


API_AUTH = [BearerToken(), SessionWithCsrf(csrf=False)]
