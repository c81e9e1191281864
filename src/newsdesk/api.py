"""The public HTTP API (/api/v1/, OpenAPI at /api/v1/docs): one NinjaAPI, routers per app."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from newsdesk.core.errors import ServiceError

api = NinjaAPI(
    title="newsdesk API",
    version="1",
    description=(
        "Newsblogs for integrations and tools. Authenticate with `Authorization: Bearer TOKEN` "
        "(create one with `newsdesk token create USERNAME`) or, from the site itself, with the editor's "
        "session and the `X-CSRFToken` header. Errors are JSON: `{\"detail\": \"message\"}`."
    ),
    urls_namespace="api",
)

_TYPE_MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "extra_forbidden": gettext_lazy("Unknown field; it is not part of this request."),
    "string_type": gettext_lazy("Must be text (a JSON string)."),
    "bool_type": gettext_lazy("Must be true or false."),
    "int_type": gettext_lazy("Must be a whole number."),
    "literal_error": gettext_lazy("Not one of the allowed values."),
    "json_invalid": gettext_lazy("The request body is not valid JSON."),
    "model_attributes_type": gettext_lazy("The request body must be a JSON object."),
    "dict_type": gettext_lazy("The request body must be a JSON object."),
}


def _field_name(location: list) -> str:
    parts = [str(p) for p in location if p not in ("body", "payload", "query", "path")]
    return ".".join(parts) or "body"


def _human_errors(errors: list[dict]) -> list[dict]:
    readable = []
    for error in errors:
        message = _TYPE_MESSAGES.get(error.get("type", ""))
        readable.append({
            "field": _field_name(list(error.get("loc", []))),
            "message": str(message) if message else str(error.get("msg", _("Invalid value."))),
        })
    return readable


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = _human_errors(exc.errors)
    summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return api.create_response(request, {"detail": _("Invalid input: ") + summary, "errors": errors}, status=422)


@api.exception_handler(ServiceError)
def on_service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return api.create_response(request, {"detail": exc.message, **exc.details}, status=exc.status)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = _("Authentication required: send 'Authorization: Bearer TOKEN' or log in.")
    response = api.create_response(request, {"detail": detail}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="newsdesk"'
    return response


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc)
    if exc.status_code == 400 and detail.startswith("Cannot parse request body"):
        detail = _("The request body is not valid JSON.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or _("Not found.")}, status=404)


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": _("The request is too large.")}, status=413)


def _register_routers() -> None:
    from newsdesk.liveblogs.api import router as liveblogs_router
    from newsdesk.media.api import router as media_router

    api.add_router("/", liveblogs_router)
    api.add_router("/", media_router)


_register_routers()
