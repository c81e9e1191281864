"""The desk's endpoints: presence heartbeats, the desk chat, and the desk's event stream. Desk members only.

Errors answer as JSON `{"detail": "..."}` with 400 (bad input), 403 (not at this desk), 404, 429 (too fast);
a chat form sent without JavaScript gets the page back with the message instead.
"""

from __future__ import annotations

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsdesk import realtime
from newsdesk.core.errors import Forbidden, NotFound, ServiceError
from newsdesk.core.validation import whole_number
from newsdesk.desk import selectors, services
from newsdesk.desk.permissions import ensure_desk_member, is_desk_member
from newsdesk.desk.streaming import desk_events, grip_opening
from newsdesk.liveblogs import selectors as liveblog_selectors
from newsdesk.liveblogs.models import LiveBlog
from newsdesk.liveblogs.streaming import EVENT_STREAM_CONTENT_TYPE, EVENT_STREAM_HEADERS
from newsdesk.realtime import grip


def _blog(slug: str) -> LiveBlog:
    blog = liveblog_selectors.liveblog_by_slug(slug)
    if blog is None:
        raise NotFound(_("No newsblog with the address '%(slug)s'.") % {"slug": slug})
    return blog


def _error(exc: ServiceError) -> JsonResponse:
    response = JsonResponse({"detail": exc.message, **exc.details}, status=exc.status,
                            json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "") or request.headers.get(
        "X-Requested-With") == "fetch"


def _flag(value: str | None) -> bool:
    return (value or "").lower() in {"1", "true", "on", "yes"}


@require_POST
def presence(request: HttpRequest, slug: str) -> HttpResponse:
    """Heartbeat: `typing` (1/0), `editing` (an entry id or empty), `leave` (1: the page was closed)."""
    try:
        blog = _blog(slug)
        ensure_desk_member(request.user, blog)
        raw_editing = request.POST.get("editing", "")
        editing = whole_number(raw_editing)
        if raw_editing and editing is None:
            raise services.BadDeskInput(_("'editing' must be the number of an entry."), field="editing")
        if _flag(request.POST.get("leave")):
            people = services.presence_leave(liveblog=blog, user=request.user)
        else:
            people = services.presence_heartbeat(liveblog=blog, user=request.user,
                                                 typing=_flag(request.POST.get("typing")), editing=editing)
    except ServiceError as exc:
        return _error(exc)
    return _json({"people": people, "heartbeat_seconds": services.PRESENCE_HEARTBEAT_SECONDS})


@require_http_methods(["GET", "POST"])
def chat(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the newest desk messages. POST `text`: a new message (201), live for the desk at once."""
    try:
        blog = _blog(slug)
        ensure_desk_member(request.user, blog)
        if request.method == "GET":
            return _json({"messages": selectors.recent_messages(blog)})
        message = services.message_post(liveblog=blog, author=request.user, text=request.POST.get("text", ""))
    except ServiceError as exc:
        if request.method == "POST" and not _wants_json(request) and exc.status in (400, 429):
            messages.error(request, _("The message was not sent: ") + exc.message)
            return redirect(blog)
        return _error(exc)
    if not _wants_json(request):
        return redirect(f"{blog.get_absolute_url()}#desk-team")
    return _json({"message": selectors.message_data(message)}, status=201)


def _stream_access(user, slug: str) -> LiveBlog:
    blog = _blog(slug)
    if not is_desk_member(user, blog):
        raise Forbidden(_("Only the editors of this newsblog can follow its desk."))
    return blog


@never_cache
@require_GET
async def events(request: HttpRequest, slug: str) -> HttpResponse:
    """SSE: `desk.presence` (everybody present) and `desk.message` (id: message id). Readers get 403."""
    user = await request.auser()
    try:
        blog = await sync_to_async(_stream_access)(user, slug)
    except ServiceError as exc:
        return _error(exc)
    raw_last = request.headers.get("Last-Event-ID") or request.GET.get("last_event_id")
    last = whole_number(raw_last) if raw_last else None
    if raw_last and last is None:
        return _error(services.BadDeskInput(_("Last-Event-ID must be a non-negative whole number.")))
    headers = {name.lower(): value for name, value in request.headers.items()}
    if getattr(realtime.backend(), "holds_connections", False) and grip.is_grip_request(headers,
                                                                                        settings.GRIP_SIG_KEY):
        # Pushpin holds the connection: every process's publish reaches it, none of ours stays open.
        body, hold = await sync_to_async(grip_opening)(
            blog, last, next_link=request.path, heartbeat=settings.REALTIME_HEARTBEAT_SECONDS)
        response = HttpResponse(body, content_type=EVENT_STREAM_CONTENT_TYPE)
        for name, value in [*EVENT_STREAM_HEADERS, *hold]:
            response[name] = value
        return response
    response = StreamingHttpResponse(desk_events(blog, user, last, heartbeat=settings.REALTIME_HEARTBEAT_SECONDS),
                                     content_type=EVENT_STREAM_CONTENT_TYPE)
    for name, value in EVENT_STREAM_HEADERS:
        response[name] = value
    return response


