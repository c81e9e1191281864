"""The two private answers that let shared pages carry forms without a per-reader token.

- `csrf_token`: a tiny never-cached JSON answer with the reader's token (and its cookie); caching/forms.js
  asks for it when the reader starts using a form on a shared page.
- `csrf_failure` (settings.CSRF_FAILURE_VIEW): without JavaScript the form arrives without a token. When the
  browser says the post comes from this site (or says nothing about its origin) and the reader is anonymous,
  the answer is a confirmation page carrying the posted fields and a fresh token: one more click sends it,
  nothing typed is lost. A post another site caused (wrong Origin/Referer) is refused as before. Why this and
  not a signed form: a token that is the same for all readers of a cached page protects nothing, and this
  keeps Django's own check for every post that is sent.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE, get_token
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from newsdesk.caching.headers import PRIVATE

# Failures a missing or stale token explains; other reasons (a foreign Origin or Referer) are refused.
_TOKEN_REASONS = (REASON_NO_CSRF_COOKIE, "CSRF cookie", "CSRF token")


@never_cache
@require_GET
def csrf_token(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"token": get_token(request)})  # never_cache: private, no-store


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    user = getattr(request, "user", None)
    anonymous = user is None or not user.is_authenticated
    if request.method != "POST" or not anonymous or not reason.startswith(_TOKEN_REASONS):
        return HttpResponseForbidden(_("This form could not be sent: it did not come from this site (%(reason)s).")
                                     % {"reason": reason}, content_type="text/plain; charset=utf-8")
    fields = [(name, value) for name, values in request.POST.lists() if name != "csrfmiddlewaretoken"
              for value in values]
    response = render(request, "caching/confirm_post.html", {
        "action": request.get_full_path(), "fields": fields, "token": get_token(request),
    }, status=403)
    response["Cache-Control"] = PRIVATE.replace("no-cache", "no-store")
    return response
