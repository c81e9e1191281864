"""The desk of a newsblog (drafts, schedule, approval queue) for its editors and contributors only.

The panels are a fragment of the page, fetched again whenever the desk channel (`liveblog.<id>.desk`) says
something changed; writes go through the API and its services like every other write.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from newsdesk import realtime
from newsdesk.core.errors import ServiceError
from newsdesk.core.validation import clean_line
from newsdesk.liveblogs import selectors, services
from newsdesk.liveblogs.models import Entry, LiveBlog
from newsdesk.liveblogs.permissions import can_use_desk, can_write
from newsdesk.liveblogs.streaming import EVENT_STREAM_CONTENT_TYPE, EVENT_STREAM_HEADERS
from newsdesk.realtime import sse


def _blog_or_404(slug: str) -> LiveBlog:
    blog = selectors.liveblog_by_slug(slug)
    if blog is None:
        raise Http404(_("No newsblog with this address."))
    return blog


def desk_context(user, blog: LiveBlog) -> dict:
    """What the page shows a desk member: their panels, and their autosave to resume."""
    if not (user.is_authenticated and can_use_desk(user, blog)):
        return {}
    editor = can_write(user, blog)
    return {"desk": selectors.desk(blog, user, editor=editor), "desk_editor": editor, "desk_member": True}


@never_cache
@require_GET
@login_required
def desk_panel(request: HttpRequest, slug: str) -> HttpResponse:
    return _panel(request, slug, desk_context, "liveblogs/_desk.html",
                  _("The desk of this newsblog is for its editors and contributors."))


def _panel(request: HttpRequest, slug: str, context_for, template: str, refusal: str) -> HttpResponse:
    """A desk panel the page fetches by script: its context for this user, or 403 when it gives none."""
    blog = _blog_or_404(slug)
    context = context_for(request.user, blog)
    if not context:
        return HttpResponseForbidden(refusal)
    return render(request, template, {"liveblog": blog, **context})


def audience_context(user, blog: LiveBlog) -> dict:
    """"Jetzt lesen" and the last hour, for the newsblog's editors only (never on a page a shared cache keeps)."""
    if not (user.is_authenticated and can_write(user, blog)):
        return {}
    return {"audience": selectors.audience(blog), "audience_seconds": AUDIENCE_REFRESH_SECONDS}


# The page fetches the panel again this often; the figure itself changes every 10 s (realtime.audience).
AUDIENCE_REFRESH_SECONDS = 15


@never_cache
@require_GET
@login_required
def audience_panel(request: HttpRequest, slug: str) -> HttpResponse:
    return _panel(request, slug, audience_context, "liveblogs/_audience.html",
                  _("The reader figures of this newsblog are for its editors."))


@never_cache
@require_POST
@login_required
def entry_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The entry as readers will see it (the reader template itself), saved nowhere."""
    blog = _blog_or_404(slug)
    if not can_use_desk(request.user, blog):
        return HttpResponseForbidden(_("The desk of this newsblog is for its editors and contributors."))
    try:
        body = services.clean_body(request.POST.get("body", ""))
        headline = clean_line(request.POST.get("headline", ""), field="headline", max_length=services.HEADLINE_MAX)
    except ServiceError as exc:
        return HttpResponse(exc.message, status=exc.status, content_type="text/plain; charset=utf-8")
    now = timezone.now()
    editor = can_write(request.user, blog)
    # id 0: never a real entry's; its links and anchor render, its co-authors are not looked up.
    entry = Entry(id=0, liveblog=blog, author=request.user, headline=headline, body=body, created_at=now,
                  updated_at=now,
                  key_event=editor and request.POST.get("key_event") == "true",
                  pinned=editor and request.POST.get("pinned") == "true",
                  breaking=editor and request.POST.get("breaking") == "true")
    return render(request, "liveblogs/_preview.html", {"entry": entry, "liveblog": blog})


async def desk_events(request: HttpRequest, slug: str) -> HttpResponse:
    """Server-sent `desk.changed` notices for the desk's members; readers get a 403 and never the channel."""
    user = await request.auser()
    blog = await sync_to_async(selectors.liveblog_by_slug)(slug)
    if blog is None:
        return HttpResponse(status=404)
    if not (user.is_authenticated and await sync_to_async(can_use_desk)(user, blog)):
        return HttpResponseForbidden(_("The desk of this newsblog is for its editors and contributors."))
    response = StreamingHttpResponse(_desk_stream(blog.desk_channel), content_type=EVENT_STREAM_CONTENT_TYPE)
    for name, value in EVENT_STREAM_HEADERS:
        response[name] = value
    response["Cache-Control"] = "private, no-cache, no-transform"
    return response


async def _desk_stream(channel: str) -> AsyncIterator[bytes]:
    async with realtime.subscribe(channel, heartbeat=settings.REALTIME_HEARTBEAT_SECONDS) as subscription:
        yield sse.retry_frame(3000)
        yield sse.frame({"type": "desk.ready"})  # the page fetches the panels once: nothing missed meanwhile
        while True:
            message = await subscription.get()
            if message is realtime.HEARTBEAT:
                yield sse.HEARTBEAT
            elif message is None or subscription.needs_resync:
                subscription.drain()
                yield sse.frame({"type": "desk.changed"})
            else:
                yield sse.frame(message.data)
